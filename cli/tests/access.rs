//! `iam-policy check-access-not-granted` and `check-no-new-access`: answers, the request printed,
//! JSON output and exit statuses.

mod common;

use common::*;

fn in_seeds(args: &[&str]) -> Run {
    run_in(&seed_dir(), args)
}

#[test]
fn not_granted_passes_and_fails_with_the_request() {
    let run = in_seeds(&[
        "check-access-not-granted",
        "--policy",
        "ex1_specific_instances.json",
        "--action",
        "ssm:TerminateSession",
        "--resource",
        "arn:aws:ssm:*:*:session/bob-*",
        "--context",
        "aws:username=alice",
    ]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        "PASS: `ex1_specific_instances.json` allows none of `ssm:TerminateSession` on `arn:aws:ssm:*:*:session/bob-*`\n"
    );
    let run = in_seeds(&[
        "check-access-not-granted",
        "--policy",
        "ex4_admin.json",
        "--action",
        "ssm:Terminate*",
    ]);
    assert_eq!(run.status, 1, "{run:?}");
    assert!(
        run.stdout.starts_with(
            "FAIL: `ex4_admin.json` allows `ssm:Terminate*`: it allows the request action `ssm:TerminateSession` on `arn:aws:ssm:"
        ),
        "{run:?}"
    );
}

#[test]
fn no_new_access_json_carries_the_witness() {
    let run = in_seeds(&[
        "check-no-new-access",
        "--policy",
        "ex4_admin.json",
        "--reference",
        "ex3m1_username.json",
        "--format",
        "json",
    ]);
    assert_eq!(run.status, 1, "{run:?}");
    let json = run.json();
    assert_eq!(json["check"], "CheckNoNewAccess");
    assert_eq!(json["result"], "FAIL");
    let action = json["witness"]["action"].as_str().unwrap();
    assert!(action.starts_with("ssm:"), "{json}");
    assert!(json["witness"]["resource"].is_string(), "{json}");
    assert!(json["witness"]["context"].is_object(), "{json}");
    // The witness, fed back to `eval`, is allowed by one and not by the other.
    let resource = json["witness"]["resource"].as_str().unwrap();
    let allowed = in_seeds(&[
        "eval",
        "--policy",
        "ex4_admin.json",
        "--action",
        action,
        "--resource",
        resource,
    ]);
    assert_eq!(allowed.status, 0, "{allowed:?}");
    let refused = in_seeds(&[
        "eval",
        "--policy",
        "ex3m1_username.json",
        "--action",
        action,
        "--resource",
        resource,
    ]);
    assert_eq!(refused.status, 1, "{refused:?}");

    let run = in_seeds(&[
        "check-no-new-access",
        "--policy",
        "ex3m1_username.json",
        "--reference",
        "ex4_admin.json",
        "--format",
        "json",
    ]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.json()["result"], "PASS");
    assert!(run.json()["witness"].is_null());
}

#[test]
fn usage_errors_exit_2() {
    let run = in_seeds(&[
        "check-access-not-granted",
        "--policy",
        "ex4_admin.json",
        "--action",
        "iam",
    ]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(
        run.stderr.contains("the action `iam` is not valid"),
        "{run:?}"
    );
    let run = in_seeds(&[
        "check-no-new-access",
        "--policy",
        "missing.json",
        "--reference",
        "ex4_admin.json",
    ]);
    assert_eq!(run.status, 2, "{run:?}");
    let run = in_seeds(&[
        "check-no-new-access",
        "--policy",
        "ex3m2a_target_id_empty_resource.json",
        "--reference",
        "ex4_admin.json",
    ]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(run.stderr.contains("is not a valid policy"), "{run:?}");
}
