// `Sid: ""`: EMPTY_SID_VALUE, a suggestion, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Sid": "",
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
