// `NullIfExists`: NULL_WITH_IF_EXISTS.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "NullIfExists": { "aws:MultiFactorAuthAge": "false" }
        }
    }]
});

fn main() {
    let _ = &P;
}
