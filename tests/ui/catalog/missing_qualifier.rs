// A plain `StringEquals` on the multivalued key `aws:TagKeys` of a tagging action:
// MISSING_QUALIFIER, a warning, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:AddTagsToResource",
        "Resource": "*",
        "Condition": {
            "StringEquals": { "aws:TagKeys": "Finance" }
        }
    }]
});

fn main() {
    let _ = &P;
}
