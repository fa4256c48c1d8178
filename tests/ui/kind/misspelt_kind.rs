// A misspelt policy type: an error at its name, with a did-you-mean.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = S3Buckt, {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "111122223333"},
        "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::doc-bucket/*"
    }]
});

fn main() {
    let _ = &P;
}
