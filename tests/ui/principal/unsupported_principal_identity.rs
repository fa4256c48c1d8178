// `Principal` in an identity policy: UNSUPPORTED_PRINCIPAL.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "AWS": "111122223333"
            },
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::doc-bucket/*"
        }
    ]
});

fn main() {
    let _ = &P;
}
