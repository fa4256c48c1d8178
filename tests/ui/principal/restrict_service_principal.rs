// a service principal granted access without a source: RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL.
// Warnings and suggestions: denied here so that each fails the build, at the literal it is about.

#![deny(deprecated)]

use iam_policy::{policy, Policy};

// RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL
static P0: Policy = policy!(kind = SnsTopic, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Service": "s3.amazonaws.com"
            },
            "Action": "sns:Publish",
            "Resource": "arn:aws:sns:eu-west-1:111122223333:uploads"
        }
    ]
});

fn main() {
    let _ = &P0;
}
