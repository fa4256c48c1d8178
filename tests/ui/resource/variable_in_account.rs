// A policy variable in the account of an ARN: VARIABLE_UNSUPPORTED_IN_ELEMENT
// (variables may stand only in the resource part).

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:*:${aws:PrincipalAccount}:session/*"
    }]
});

fn main() {
    let _ = &P;
}
