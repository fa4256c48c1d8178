// `policy!` reads a raw string as JSON text: an escape JSON does not have is an error at its literal.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "s3:GetObject",
        "Resource": r"arn:aws:s3:::reports\d+/*"
    }]
});

fn main() {
    let _ = &P;
}
