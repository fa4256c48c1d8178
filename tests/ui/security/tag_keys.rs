// tag condition keys with actions of services that never have them: *_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE.
// Warnings and suggestions: denied here so that each fails the build, at the literal it is about.

#![deny(deprecated)]

use iam_policy::{policy, Policy};

// ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE
static P0: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "ec2:StartInstances",
                "s3:ListAllMyBuckets"
            ],
            "Resource": "*",
            "Condition": {
                "StringEquals": {
                    "aws:ResourceTag/team": "web"
                }
            }
        }
    ]
});

// ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE
static P1: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "NotAction": "iam:*",
            "Resource": "*",
            "Condition": {
                "StringEquals": {
                    "aws:ResourceTag/team": "web"
                }
            }
        }
    ]
});

// DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE
static P2: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Deny",
            "Action": [
                "ec2:DeleteTags",
                "tag:UntagResources"
            ],
            "Resource": "*",
            "Condition": {
                "ForAnyValue:StringEquals": {
                    "aws:TagKeys": [
                        "owner"
                    ]
                }
            }
        }
    ]
});

// DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE
static P3: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Deny",
            "NotAction": "iam:*",
            "Resource": "*",
            "Condition": {
                "StringEquals": {
                    "aws:ResourceTag/protected": "true"
                }
            }
        }
    ]
});

fn main() {
    let _ = (&P0, &P1, &P2, &P3);
}
