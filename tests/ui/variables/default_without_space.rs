// A default value not after `, `: UNSUPPORTED_SYMBOL_IN_VARIABLE.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "StringEquals": { "aws:PrincipalTag/team": "${aws:PrincipalTag/team,'company-wide'}" }
        }
    }]
});

fn main() {
    let _ = &P;
}
