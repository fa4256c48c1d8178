//! `iam-policy check-access-not-granted`, `check-no-new-access` and `check-no-public-access`:
//! answers, the request printed, JSON output and exit statuses.

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

const PUBLIC_BUCKET: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
    "Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::docs/*"}]}"#;

const ORG_BUCKET: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
    "Principal":"*","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::docs/*",
    "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}]}"#;

#[test]
fn no_public_access_fails_with_the_principal() {
    let dir = scratch("public");
    write(&dir, "public.json", PUBLIC_BUCKET);
    write(&dir, "org.json", ORG_BUCKET);
    let run = run_in(
        &dir,
        &[
            "check-no-public-access",
            "--policy",
            "public.json",
            "--policy-type",
            "s3-bucket",
        ],
    );
    assert_eq!(run.status, 1, "{run:?}");
    assert_eq!(
        run.stdout,
        "FAIL: `public.json` allows access to anyone it does not name: it allows the request \
         principal `*`, action `s3:GetObject` on `arn:aws:s3:::docs/x` with no context keys\n"
    );
    let run = run_in(
        &dir,
        &[
            "check-no-public-access",
            "--policy",
            "org.json",
            "--policy-type",
            "s3-bucket",
        ],
    );
    assert_eq!(run.status, 0, "{run:?}");
    assert!(
        run.stdout.starts_with("PASS: `org.json` allows no access"),
        "{run:?}"
    );
    let run = run_in(
        &dir,
        &[
            "check-no-public-access",
            "--policy",
            "org.json",
            "--policy-type",
            "s3-bucket",
            "--org",
            "o-a1b2c3d4e5",
        ],
    );
    assert_eq!(run.status, 0, "{run:?}");
}

#[test]
fn no_public_access_json_witness_is_allowed_by_eval() {
    let dir = scratch("public-json");
    write(&dir, "org.json", ORG_BUCKET);
    // Trusting one account: a principal of another account in the organization is outside.
    let run = run_in(
        &dir,
        &[
            "check-no-public-access",
            "--policy",
            "org.json",
            "--policy-type",
            "s3-bucket",
            "--account",
            "111122223333",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.status, 1, "{run:?}");
    let json = run.json();
    assert_eq!(json["check"], "CheckNoPublicAccess");
    assert_eq!(json["result"], "FAIL");
    assert_eq!(json["accounts"][0], "111122223333");
    let witness = &json["witness"];
    let principal = witness["principal"].as_str().unwrap();
    assert!(!principal.contains("111122223333"), "{json}");
    assert_eq!(witness["context"]["aws:PrincipalOrgID"], "o-a1b2c3d4e5");
    // Fed back to `eval` as the bucket's policy, the request is allowed.
    let run = run_in(
        &dir,
        &[
            "eval",
            "--resource-policy",
            "org.json",
            "--principal",
            principal,
            "--action",
            witness["action"].as_str().unwrap(),
            "--resource",
            witness["resource"].as_str().unwrap(),
            "--context",
            "aws:PrincipalOrgID=o-a1b2c3d4e5",
        ],
    );
    assert_eq!(run.status, 0, "{run:?}");
}

#[test]
fn no_public_access_usage_errors_exit_2() {
    let dir = scratch("public-usage");
    write(&dir, "org.json", ORG_BUCKET);
    let run = run_in(
        &dir,
        &[
            "check-no-public-access",
            "--policy",
            "org.json",
            "--policy-type",
            "managed",
        ],
    );
    assert_eq!(run.status, 2, "{run:?}");
    assert!(run.stderr.contains("have no `Principal`"), "{run:?}");
    let run = run_in(
        &dir,
        &[
            "check-no-public-access",
            "--policy",
            "org.json",
            "--account",
            "1234",
        ],
    );
    assert_eq!(run.status, 2, "{run:?}");
    assert!(
        run.stderr.contains("`1234` is not an account ID"),
        "{run:?}"
    );
    let run = run_in(
        &dir,
        &[
            "check-no-public-access",
            "--policy",
            "org.json",
            "--org",
            "org",
        ],
    );
    assert_eq!(run.status, 2, "{run:?}");
}
