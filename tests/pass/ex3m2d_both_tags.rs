// Seed example 3, method 2 (both tags), pasted unchanged.
#![deny(warnings)]

use iam_policy::{policy, Decision, Policy, Request};

static P: Policy = policy!({
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

fn main() {
    // The pasted document is the file, as the run-time reader reads it.
    let from_file = Policy::from_json(include_str!("fixtures/ex3m2d_both_tags.json")).unwrap();
    assert_eq!(P.to_json(), from_file.to_json());
    assert!(P.is_specialized());

    let session = "arn:aws:ssm:us-east-2:123456789012:session/alice-0a1b2c3d";
    let own = [
        ("aws:username", "alice"),
        ("ssm:resourceTag/aws:ssmmessages:target-id", "instance-id"),
        ("ssm:resourceTag/aws:ssmmessages:session-id", "alice-0a1b2c3d"),
    ];
    let other = [
        ("aws:username", "alice"),
        ("ssm:resourceTag/aws:ssmmessages:target-id", "instance-id"),
        ("ssm:resourceTag/aws:ssmmessages:session-id", "bob-0a1b2c3d"),
    ];
    assert_eq!(P.evaluate(&Request::new("ssm:TerminateSession", session).context(&own)), Decision::Allowed);
    assert_eq!(P.evaluate(&Request::new("ssm:TerminateSession", session).context(&other)), Decision::ImplicitlyDenied);
}
