// A wildcard in the resource type: the warning WILDCARD_IN_RESOURCE_TYPE, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "arn:aws:ec2:*:*:*/i-1234567890EXAMPLE"
    }]
});

fn main() {
    let _ = &P;
}
