// `ForAllValues:` on the single-valued key `aws:username`: FORALLVALUES_WITH_SINGLE_VALUED_KEY,
// a warning, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "ForAllValues:StringEquals": { "aws:username": "alice" }
        }
    }]
});

fn main() {
    let _ = &P;
}
