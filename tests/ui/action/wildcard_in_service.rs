// A wildcard in the service prefix: WILDCARD_IN_SERVICE_NAME.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ss*:StartSession",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
