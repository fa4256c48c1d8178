// `Action` and `NotAction` together: UNSUPPORTED_ELEMENT_COMBINATION.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "NotAction": "ssm:TerminateSession",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
