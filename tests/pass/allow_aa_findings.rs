// The Access Analyzer suggestions and warnings are compiler warnings that `allow(CODE)` silences
// one code at a time, under `#![deny(warnings)]`; the policy still compiles and decides as written.
#![deny(warnings)]

use iam_policy::{policy, ContextMap, Decision, Policy, Request};

static P: Policy = policy!(
    allow(
        REDUNDANT_ACTION,
        REDUNDANT_RESOURCE,
        REDUNDANT_STATEMENT,
        REDUNDANT_CONDITION_VALUE_NUM,
        INVALID_DATE_VALUE,
        PRIVATE_IP_ADDRESS_SUBSET,
        IMPROVE_IP_RANGE
    ),
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "Read",
                "Effect": "Allow",
                "Action": ["s3:Get*", "s3:GetObject"],
                "Resource": ["arn:aws:s3:::reports/*", "arn:aws:s3:::reports/2026/*"],
                "Condition": {
                    "NumericLessThan": {"aws:MultiFactorAuthAge": ["2700", "3600"]},
                    "DateLessThan": {"aws:CurrentTime": "4102444800"},
                    "IpAddress": {"aws:SourceIp": ["203.0.113.7/24", "10.0.0.0/8"]}
                }
            },
            {
                "Sid": "ReadAgain",
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:Get*"],
                "Resource": ["arn:aws:s3:::reports/2026/*", "arn:aws:s3:::reports/*"],
                "Condition": {
                    "DateLessThan": {"aws:CurrentTime": "4102444800"},
                    "NumericLessThan": {"aws:MultiFactorAuthAge": ["3600", "2700"]},
                    "IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "203.0.113.7/24"]}
                }
            }
        ]
    }
);

static BUCKET: Policy = policy!(
    allow(UNIQUE_SIDS_RECOMMENDED, IRRELEVANT_CONDITION_KEY_IN_POLICY, MISSING_PAIRED_CONDITION_KEYS),
    kind = S3Bucket,
    {
    "Version": "2012-10-17",
    "Statement": [
        {"Sid": "Read", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*",
         "Condition": {"StringEquals": {"aws:ResourceAccount": "111122223333"}, "IpAddress": {"aws:VpcSourceIp": "10.0.0.0/16"}}},
        {"Sid": "Read", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::reports"}
    ]
    }
);

fn main() {
    let context = |age: &str| {
        let mut c = ContextMap::new();
        c.insert("aws:MultiFactorAuthAge", age)
            .insert("aws:CurrentTime", "2026-12-07T00:00:00Z")
            .insert("aws:SourceIp", "203.0.113.200");
        c
    };
    let (fresh, stale) = (context("3000"), context("4000"));
    let get = |c| Request::new("s3:GetObject", "arn:aws:s3:::reports/q4.csv").context(c);
    assert_eq!(P.evaluate(&get(&fresh)), Decision::Allowed);
    assert_ne!(P.evaluate(&get(&stale)), Decision::Allowed);
    let _ = &BUCKET;
}
