//! The main job: every policy of AWS's "Additional sample IAM policies for Session Manager",
//! compiled with `policy!`, deciding allowed and denied requests, and exported as JSON.
//!
//! The policies are pasted unchanged from the AWS document. Three of its policies have
//! `"Resource": ""`, which IAM rejects, and two have placeholder regions and accounts: those are
//! read at run time here to show the findings (in `policy!` they are compile errors).
//!
//! Run with `cargo run -p iam-policy-examples --example session_manager`.

use iam_policy::{Authorizer, Decision, Policy, Request, policy};

/// Example 1: restrict access to specific instances (`ex1_specific_instances.json`).
static EX1_SPECIFIC_INSTANCES: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "ssm:StartSession"
            ],
            "Resource": [
                "arn:aws:ec2:us-east-2:123456789012:instance/i-1234567890EXAMPLE",
                "arn:aws:ec2:us-east-2:123456789012:instance/i-abcdefghijEXAMPLE",
                "arn:aws:ec2:us-east-2:123456789012:instance/i-0e9d8c7b6aEXAMPLE"
            ]
        },
        {
            "Effect": "Allow",
            "Action": [
                "ssm:TerminateSession"
            ],
            "Resource": [
                "arn:aws:ssm:*:*:session/${aws:username}-*"
            ]
        }
    ]
});

/// Example 2: restrict access by instance tag (`ex2_instance_tags.json`).
static EX2_INSTANCE_TAGS: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "ssm:StartSession"
            ],
            "Resource": [
                "arn:aws:ec2:*:*:instance/*"
            ],
            "Condition": {
                "StringLike": {
                    "ssm:resourceTag/Finance": [
                        "WebServers"
                    ]
                }
            }
        },
        {
            "Effect": "Allow",
            "Action": [
                "ssm:TerminateSession"
            ],
            "Resource": [
                "arn:aws:ssm:*:*:session/${aws:username}-*"
            ]
        }
    ]
});

/// Example 2: two tags must both match (`ex2c_two_tags.json`).
static EX2C_TWO_TAGS: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "ssm:StartSession"
            ],
            "Resource": "*",
            "Condition": {
                "StringLike": {
                    "ssm:resourceTag/tag-key1": [
                        "tag-value1"
                    ],
                    "ssm:resourceTag/tag-key2": [
                        "tag-value2"
                    ]
                }
            }
        }
    ]
});

/// Example 3, method 1: end only your own sessions (aws:username) (`ex3m1_username.json`).
static EX3M1_USERNAME: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Action": [
                "ssm:DescribeSessions"
            ],
            "Effect": "Allow",
            "Resource": [
                "*"
            ]
        },
        {
            "Action": [
                "ssm:TerminateSession"
            ],
            "Effect": "Allow",
            "Resource": [
                "arn:aws:ssm:*:*:session/${aws:username}-*"
            ]
        }
    ]
});

/// Example 3, method 2: both session tags (`ex3m2d_both_tags.json`).
static EX3M2D_BOTH_TAGS: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "ssm:TerminateSession"
            ],
            "Resource": "*",
            "Condition": {
                "StringLike": {
                    "ssm:resourceTag/aws:ssmmessages:target-id": [
                        "instance-id"
                    ],
                    "ssm:resourceTag/aws:ssmmessages:session-id": [
                        "${aws:username}-*"
                    ]
                }
            }
        }
    ]
});

/// Example 4: full administrative access (`ex4_admin.json`).
static EX4_ADMIN: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Action": [
                "ssm:StartSession",
                "ssm:TerminateSession",
                "ssm:ResumeSession",
                "ssm:DescribeSessions",
                "ssm:GetConnectionStatus"
            ],
            "Effect": "Allow",
            "Resource": [
                "*"
            ]
        }
    ]
});

/// A request of the walkthrough and the decision AWS takes on it.
struct Check {
    what: &'static str,
    action: &'static str,
    resource: &'static str,
    context: &'static [(&'static str, &'static str)],
    expected: Decision,
}

const ALICE: &[(&str, &str)] = &[
    ("aws:username", "alice"),
    ("aws:userid", "AIDAEXAMPLEALICE"),
];
/// An assumed-role session: `aws:username` is absent, `aws:userid` is `role-id:session-name`.
const ROLE_SESSION: &[(&str, &str)] = &[("aws:userid", "AROAEXAMPLEROLE:alice")];
const INSTANCE: &str = "arn:aws:ec2:us-east-2:123456789012:instance/i-1234567890EXAMPLE";
const OTHER_INSTANCE: &str = "arn:aws:ec2:us-east-2:123456789012:instance/i-0000000000EXAMPLE";
const ALICE_SESSION: &str = "arn:aws:ssm:us-east-2:123456789012:session/alice-0a1b2c3d4e5f6g7h8";
const BOB_SESSION: &str = "arn:aws:ssm:us-east-2:123456789012:session/bob-0a1b2c3d4e5f6g7h8";

fn check(
    what: &'static str,
    action: &'static str,
    resource: &'static str,
    context: &'static [(&'static str, &'static str)],
    expected: Decision,
) -> Check {
    Check {
        what,
        action,
        resource,
        context,
        expected,
    }
}

fn main() {
    use Decision::*;
    let examples: [(&str, &Policy, Vec<Check>); 6] = [
        (
            "ex1_specific_instances",
            &EX1_SPECIFIC_INSTANCES,
            vec![
                check(
                    "start a session on a listed instance",
                    "ssm:StartSession",
                    INSTANCE,
                    ALICE,
                    Allowed,
                ),
                check(
                    "start a session on another instance",
                    "ssm:StartSession",
                    OTHER_INSTANCE,
                    ALICE,
                    ImplicitlyDenied,
                ),
                check(
                    "end one's own session",
                    "ssm:TerminateSession",
                    ALICE_SESSION,
                    ALICE,
                    Allowed,
                ),
                check(
                    "end someone else's session",
                    "ssm:TerminateSession",
                    BOB_SESSION,
                    ALICE,
                    ImplicitlyDenied,
                ),
                check(
                    "end a session from a role session (no aws:username)",
                    "ssm:TerminateSession",
                    ALICE_SESSION,
                    ROLE_SESSION,
                    ImplicitlyDenied,
                ),
            ],
        ),
        (
            "ex2_instance_tags",
            &EX2_INSTANCE_TAGS,
            vec![
                check(
                    "start on an instance tagged Finance=WebServers",
                    "ssm:StartSession",
                    INSTANCE,
                    &[("ssm:resourceTag/Finance", "WebServers")],
                    Allowed,
                ),
                check(
                    "tag keys match in any case",
                    "ssm:StartSession",
                    INSTANCE,
                    &[("ssm:resourcetag/finance", "WebServers")],
                    Allowed,
                ),
                check(
                    "tag values are case-sensitive",
                    "ssm:StartSession",
                    INSTANCE,
                    &[("ssm:resourceTag/Finance", "webservers")],
                    ImplicitlyDenied,
                ),
                check(
                    "start on an untagged instance",
                    "ssm:StartSession",
                    INSTANCE,
                    &[],
                    ImplicitlyDenied,
                ),
            ],
        ),
        (
            "ex2c_two_tags",
            &EX2C_TWO_TAGS,
            vec![
                check(
                    "both tags present",
                    "ssm:StartSession",
                    INSTANCE,
                    &[
                        ("ssm:resourceTag/tag-key1", "tag-value1"),
                        ("ssm:resourceTag/tag-key2", "tag-value2"),
                    ],
                    Allowed,
                ),
                check(
                    "only one of the two tags",
                    "ssm:StartSession",
                    INSTANCE,
                    &[("ssm:resourceTag/tag-key1", "tag-value1")],
                    ImplicitlyDenied,
                ),
            ],
        ),
        (
            "ex3m1_username",
            &EX3M1_USERNAME,
            vec![
                check("list sessions", "ssm:DescribeSessions", "*", ALICE, Allowed),
                check(
                    "end one's own session",
                    "ssm:TerminateSession",
                    ALICE_SESSION,
                    ALICE,
                    Allowed,
                ),
                check(
                    "end someone else's session",
                    "ssm:TerminateSession",
                    BOB_SESSION,
                    ALICE,
                    ImplicitlyDenied,
                ),
            ],
        ),
        (
            "ex3m2d_both_tags",
            &EX3M2D_BOTH_TAGS,
            vec![
                check(
                    "session tags match",
                    "ssm:TerminateSession",
                    ALICE_SESSION,
                    &[
                        ("aws:username", "alice"),
                        ("ssm:resourceTag/aws:ssmmessages:target-id", "instance-id"),
                        (
                            "ssm:resourceTag/aws:ssmmessages:session-id",
                            "alice-0a1b2c3d4e5f6g7h8",
                        ),
                    ],
                    Allowed,
                ),
                check(
                    "another user's session",
                    "ssm:TerminateSession",
                    BOB_SESSION,
                    &[
                        ("aws:username", "alice"),
                        ("ssm:resourceTag/aws:ssmmessages:target-id", "instance-id"),
                        (
                            "ssm:resourceTag/aws:ssmmessages:session-id",
                            "bob-0a1b2c3d4e5f6g7h8",
                        ),
                    ],
                    ImplicitlyDenied,
                ),
            ],
        ),
        (
            "ex4_admin",
            &EX4_ADMIN,
            vec![
                check(
                    "start any session",
                    "ssm:StartSession",
                    OTHER_INSTANCE,
                    &[],
                    Allowed,
                ),
                check(
                    "get connection status",
                    "ssm:GetConnectionStatus",
                    OTHER_INSTANCE,
                    &[],
                    Allowed,
                ),
                check(
                    "anything outside Session Manager",
                    "ssm:SendCommand",
                    OTHER_INSTANCE,
                    &[],
                    ImplicitlyDenied,
                ),
            ],
        ),
    ];

    let mut failures = 0;
    for (name, policy, checks) in &examples {
        println!("== {name}");
        for c in checks {
            let request = Request::new(c.action, c.resource).context(&c.context);
            let evaluation = policy.explain(&request);
            let by = match evaluation.statement {
                Some(s) => format!(
                    " (statement {}{})",
                    s.index,
                    s.sid.map(|sid| format!(" `{sid}`")).unwrap_or_default()
                ),
                None => String::new(),
            };
            let ok = evaluation.decision == c.expected;
            failures += usize::from(!ok);
            println!(
                "  {} {:<17} {}{}",
                if ok { "ok  " } else { "FAIL" },
                evaluation.decision.as_str(),
                c.what,
                by
            );
        }
        println!("{}\n", policy.to_json_pretty());
    }

    // An explicit Deny beside the administrator policy wins over its Allow.
    let deny_bob = Policy::from_json(
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"NoProduction","Effect":"Deny","Action":"ssm:StartSession","Resource":"arn:aws:ec2:*:*:instance/*","Condition":{"StringEquals":{"ssm:resourceTag/Environment":"production"}}}]}"#,
    )
    .expect("the deny policy is valid");
    let authorizer = Authorizer::new().identity(&EX4_ADMIN).identity(&deny_bob);
    let production = [("ssm:resourceTag/Environment", "production")];
    let verdict =
        authorizer.explain(&Request::new("ssm:StartSession", INSTANCE).context(&production));
    println!(
        "== ex4_admin with a Deny beside it: {} (policy {} statement {:?})\n",
        verdict.decision,
        verdict.statement.map_or(0, |s| s.policy),
        verdict.statement.and_then(|s| s.statement.sid)
    );
    failures += usize::from(verdict.decision != ExplicitlyDenied);

    // The defective policies of the document, as IAM rejects them.
    for (name, text) in [
        (
            "ex3m2a_target_id_empty_resource",
            include_str!("../tests/seed/ex3m2a_target_id_empty_resource.json"),
        ),
        (
            "ex3m2b_session_id_user_empty_resource",
            include_str!("../tests/seed/ex3m2b_session_id_user_empty_resource.json"),
        ),
        (
            "ex3m2c_session_id_userid_empty_resource",
            include_str!("../tests/seed/ex3m2c_session_id_userid_empty_resource.json"),
        ),
        (
            "ex0_live_documents_console",
            include_str!("../tests/seed/ex0_live_documents_console.json"),
        ),
        (
            "ex2b_instance_tags_region_placeholder",
            include_str!("../tests/seed/ex2b_instance_tags_region_placeholder.json"),
        ),
    ] {
        match Policy::from_json(text) {
            Ok(_) => {
                failures += 1;
                println!("== {name}: FAIL, accepted");
            }
            Err(error) => println!("== {name}: rejected\n{error}\n"),
        }
    }

    if failures > 0 {
        eprintln!("{failures} check(s) failed");
        std::process::exit(1);
    }
    println!("all checks passed");
}
