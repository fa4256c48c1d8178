// `yes` under `Bool`: TYPE_MISMATCH_BOOLEAN.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "Bool": { "aws:SecureTransport": "yes" }
        }
    }]
});

fn main() {
    let _ = &P;
}
