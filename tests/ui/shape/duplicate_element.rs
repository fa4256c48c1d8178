// `Effect` twice in a statement: DUPLICATE_ELEMENT at the second.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Effect": "Deny",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
