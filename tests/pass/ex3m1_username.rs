// Seed example 3, method 1, pasted unchanged: list sessions, end only one's own.
#![deny(warnings)]

use iam_policy::{policy, Decision, Policy, Request};

static P: Policy = policy!({
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

fn main() {
    // The pasted document is the file, as the run-time reader reads it.
    let from_file = Policy::from_json(include_str!("fixtures/ex3m1_username.json")).unwrap();
    assert_eq!(P.to_json(), from_file.to_json());
    assert!(P.is_specialized());

    assert_eq!(P.evaluate(&Request::new("ssm:DescribeSessions", "*")), Decision::Allowed);
    let alice = [("aws:username", "alice")];
    let own = "arn:aws:ssm:us-east-2:123456789012:session/alice-0a1b2c3d";
    let other = "arn:aws:ssm:us-east-2:123456789012:session/bob-0a1b2c3d";
    assert_eq!(P.evaluate(&Request::new("ssm:TerminateSession", own).context(&alice)), Decision::Allowed);
    assert_eq!(P.evaluate(&Request::new("ssm:TerminateSession", other).context(&alice)), Decision::ImplicitlyDenied);
}
