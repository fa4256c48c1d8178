// Seed example 4, pasted unchanged: full administrative access to sessions.
#![deny(warnings)]

use iam_policy::{policy, Decision, Policy, Request};

static P: Policy = policy!({
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

fn main() {
    // The pasted document is the file, as the run-time reader reads it.
    let from_file = Policy::from_json(include_str!("fixtures/ex4_admin.json")).unwrap();
    assert_eq!(P.to_json(), from_file.to_json());
    assert!(P.is_specialized());

    let session = "arn:aws:ssm:us-east-2:123456789012:session/bob-0a1b2c3d";
    let instance = "arn:aws:ec2:us-east-2:123456789012:instance/i-1234567890EXAMPLE";
    assert_eq!(P.evaluate(&Request::new("ssm:StartSession", instance)), Decision::Allowed);
    assert_eq!(P.evaluate(&Request::new("ssm:TerminateSession", session)), Decision::Allowed);
    assert_eq!(P.evaluate(&Request::new("ssm:ResumeSession", session)), Decision::Allowed);
    assert_eq!(P.evaluate(&Request::new("ssm:DescribeSessions", "*")), Decision::Allowed);
    assert_eq!(P.evaluate(&Request::new("ssm:GetConnectionStatus", instance)), Decision::Allowed);
    assert_eq!(P.evaluate(&Request::new("ssm:SendCommand", instance)), Decision::ImplicitlyDenied);
}
