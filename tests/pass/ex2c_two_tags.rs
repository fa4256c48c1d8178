// Seed example 2, two tags, pasted unchanged: both tags must match.
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

fn main() {
    // The pasted document is the file, as the run-time reader reads it.
    let from_file = Policy::from_json(include_str!("fixtures/ex2c_two_tags.json")).unwrap();
    assert_eq!(P.to_json(), from_file.to_json());
    assert!(P.is_specialized());

    let instance = "arn:aws:ec2:us-east-1:123456789012:instance/i-02573cafcfEXAMPLE";
    let both = [("ssm:resourceTag/tag-key1", "tag-value1"), ("ssm:resourceTag/tag-key2", "tag-value2")];
    let one = [("ssm:resourceTag/tag-key1", "tag-value1")];
    assert_eq!(P.evaluate(&Request::new("ssm:StartSession", instance).context(&both)), Decision::Allowed);
    assert_eq!(P.evaluate(&Request::new("ssm:StartSession", instance).context(&one)), Decision::ImplicitlyDenied);
}
