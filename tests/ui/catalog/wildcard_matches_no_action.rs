// A misspelt pattern that matches no `ssm` action: WILDCARD_MATCHES_NO_ACTION, a warning,
// denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSesion*",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
