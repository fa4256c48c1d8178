// `allow`: INVALID_EFFECT, with help `Allow`.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "allow",
        "Action": "ssm:StartSession",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
