// Seed example 1, pasted unchanged: sessions on three instances, and ending one's own sessions.
#![deny(warnings)]

use iam_policy::{policy, Decision, Policy, Request};

static P: Policy = policy!({
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

fn main() {
    // The pasted document is the file, as the run-time reader reads it.
    let from_file = Policy::from_json(include_str!("fixtures/ex1_specific_instances.json")).unwrap();
    assert_eq!(P.to_json(), from_file.to_json());
    assert!(P.is_specialized());

    let start = |instance: &str| {
        let arn = format!("arn:aws:ec2:us-east-2:123456789012:instance/{instance}");
        P.evaluate(&Request::new("ssm:StartSession", &arn))
    };
    assert_eq!(start("i-1234567890EXAMPLE"), Decision::Allowed);
    assert_eq!(start("i-0e9d8c7b6aEXAMPLE"), Decision::Allowed);
    assert_eq!(start("i-0000000000EXAMPLE"), Decision::ImplicitlyDenied);

    let session = "arn:aws:ssm:us-east-2:123456789012:session/alice-0a1b2c3d";
    let alice = [("aws:username", "alice")];
    let bob = [("aws:username", "bob")];
    assert_eq!(P.evaluate(&Request::new("ssm:TerminateSession", session).context(&alice)), Decision::Allowed);
    assert_eq!(P.evaluate(&Request::new("ssm:TerminateSession", session).context(&bob)), Decision::ImplicitlyDenied);
    // No `aws:username` (a role session): the variable matches nothing.
    assert_eq!(P.evaluate(&Request::new("ssm:TerminateSession", session)), Decision::ImplicitlyDenied);
}
