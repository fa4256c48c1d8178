// Condition keys in statements that only service principals match: UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL (an error),
// RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL (a suggestion, denied here so that it fails the build, at the key).

#![deny(deprecated)]

use iam_policy::{policy, Policy};

// UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL
static P0: Policy = policy!(kind = S3Bucket, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Service": "cloudfront.amazonaws.com"
            },
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::example-site/*",
            "Condition": {
                "StringEquals": {
                    "aws:PrincipalOrgID": "o-a1b2c3d4e5",
                    "aws:SourceAccount": "111122223333"
                }
            }
        }
    ]
});

// RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL
static P1: Policy = policy!(kind = Trust, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Service": "states.amazonaws.com"
            },
            "Action": "sts:AssumeRole",
            "Condition": {
                "StringEqualsIfExists": {
                    "aws:PrincipalOrgID": "o-a1b2c3d4e5"
                }
            }
        }
    ]
});

// RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL
static P2: Policy = policy!(kind = SnsTopic, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Service": "s3.amazonaws.com"
            },
            "Action": "sns:Publish",
            "Resource": "arn:aws:sns:eu-west-1:111122223333:uploads",
            "Condition": {
                "StringEquals": {
                    "aws:SourceAccount": "111122223333"
                },
                "StringLike": {
                    "aws:Referer": "https://example.com/*"
                }
            }
        }
    ]
});

fn main() {
    let _ = (&P0, &P1, &P2);
}
