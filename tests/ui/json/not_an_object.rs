// The document is an array, not an object.

use iam_policy::{policy, Policy};

static P: Policy = policy!([{
    "Effect": "Allow",
    "Action": "ssm:StartSession",
    "Resource": "*"
}]);

fn main() {
    let _ = &P;
}
