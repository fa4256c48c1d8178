// `IfExists` with a set qualifier: IFEXISTS_WITH_QUALIFIER, a warning, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "ForAnyValue:StringEqualsIfExists": { "aws:CalledVia": "cloudformation.amazonaws.com" }
        }
    }]
});

fn main() {
    let _ = &P;
}
