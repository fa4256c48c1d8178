// `Principal` in a session policy: UNSUPPORTED_PRINCIPAL.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = Session, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::doc-bucket/*"
        }
    ]
});

fn main() {
    let _ = &P;
}
