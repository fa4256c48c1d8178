// The resource owner's organization in the bucket's own policy: IRRELEVANT_CONDITION_KEY_IN_POLICY,
// a suggestion, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = S3Bucket, {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": "*",
        "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::reports/*",
        "Condition": {"StringEquals": {"aws:ResourceOrgID": "o-a1b2c3d4e5"}}
    }]
});

fn main() {
    let _ = &P;
}
