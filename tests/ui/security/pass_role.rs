// the six ways an `Allow` reaches `iam:PassRole` on many roles: PASS_ROLE_*.
// Warnings: denied here so that each fails the build, at the literal it is about.

#![deny(deprecated)]

use iam_policy::{policy, Policy};

// PASS_ROLE_WITH_NOT_RESOURCE
static P0: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "iam:PassRole",
            "NotResource": "arn:aws:iam::111122223333:role/admin"
        }
    ]
});

// PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE
static P1: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "iam:Pass*",
            "NotResource": "arn:aws:iam::111122223333:role/admin"
        }
    ]
});

// PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE
static P2: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "NotAction": "iam:CreateServiceLinkedRole",
            "NotResource": "arn:aws:s3:::logs/*"
        }
    ]
});

// PASS_ROLE_WITH_STAR_IN_RESOURCE
static P3: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "iam:PassRole",
            "Resource": "arn:aws:iam::111122223333:role/*"
        }
    ]
});

// PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE
static P4: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "iam:Pass*",
            "Resource": "*"
        }
    ]
});

// PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION
static P5: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "NotAction": "iam:CreateServiceLinkedRole",
            "Resource": "*"
        }
    ]
});

fn main() {
    let _ = (&P0, &P1, &P2, &P3, &P4, &P5);
}
