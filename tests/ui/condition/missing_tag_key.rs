// a tag condition key without its tag key: MISSING_TAG_KEY_IN_CONDITION.

use iam_policy::{policy, Policy};

// MISSING_TAG_KEY_IN_CONDITION
static P0: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "ec2:StartInstances",
            "Resource": "*",
            "Condition": {
                "StringEquals": {
                    "aws:ResourceTag": "web"
                }
            }
        }
    ]
});

fn main() {
    let _ = &P0;
}
