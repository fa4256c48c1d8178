// `ArnLike` on the String key `kms:EncryptionContext:aws:s3:arn`:
// ARN_OPERATOR_WITH_STRING_CONDITION_KEY, a suggestion, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "kms:Decrypt",
        "Resource": "*",
        "Condition": {
            "ArnLike": { "kms:EncryptionContext:aws:s3:arn": "arn:aws:s3:::amzn-s3-demo-bucket/*" }
        }
    }]
});

fn main() {
    let _ = &P;
}
