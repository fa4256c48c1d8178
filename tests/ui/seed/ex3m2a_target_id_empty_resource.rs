// Seed example 3, method 2 (target-id), pasted unchanged: `"Resource": ""` is
// not an ARN. Exactly one error: INVALID_ARN_PREFIX, suggesting `"*"`.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "ssm:TerminateSession"
            ],
            "Resource": "",
            "Condition": {
                "StringLike": {
                    "ssm:resourceTag/aws:ssmmessages:target-id": [
                        "i-02573cafcfEXAMPLE"
                    ]
                }
            }
        }
    ]
});

fn main() {
    let _ = &P;
}
