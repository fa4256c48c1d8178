// Seed example 2, pasted unchanged: sessions on instances tagged `Finance=WebServers`.
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

fn main() {
    // The pasted document is the file, as the run-time reader reads it.
    let from_file = Policy::from_json(include_str!("fixtures/ex2_instance_tags.json")).unwrap();
    assert_eq!(P.to_json(), from_file.to_json());
    assert!(P.is_specialized());

    let instance = "arn:aws:ec2:us-east-1:123456789012:instance/i-02573cafcfEXAMPLE";
    let tagged = [("ssm:resourceTag/Finance", "WebServers")];
    let other = [("ssm:resourceTag/Finance", "WebServer")];
    assert_eq!(P.evaluate(&Request::new("ssm:StartSession", instance).context(&tagged)), Decision::Allowed);
    assert_eq!(P.evaluate(&Request::new("ssm:StartSession", instance).context(&other)), Decision::ImplicitlyDenied);
    assert_eq!(P.evaluate(&Request::new("ssm:StartSession", instance)), Decision::ImplicitlyDenied);
    let explained = P.explain(&Request::new("ssm:StartSession", instance).context(&tagged));
    assert_eq!(explained.statement.map(|s| s.index), Some(0));
}
