// `NotPrincipal` in an identity policy: UNSUPPORTED_PRINCIPAL.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Deny",
        "NotPrincipal": { "AWS": "arn:aws:iam::123456789012:root" },
        "Action": "ssm:StartSession",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
