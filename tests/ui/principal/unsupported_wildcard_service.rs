// `"Service": "*"`: UNSUPPORTED_WILDCARD_IN_PRINCIPAL.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = KmsKey, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Service": "*"
            },
            "Action": "kms:Decrypt",
            "Resource": "*"
        }
    ]
});

fn main() {
    let _ = &P;
}
