// A value of `ArnLike` that is not an ARN: TYPE_MISMATCH_ARN.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "ArnLike": { "aws:PrincipalArn": "role/admin" }
        }
    }]
});

fn main() {
    let _ = &P;
}
