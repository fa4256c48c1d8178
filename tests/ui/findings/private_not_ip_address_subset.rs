// A private range next to a public one under `NotIpAddress`: PRIVATE_NOT_IP_ADDRESS_SUBSET, a suggestion, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Deny",
        "Action": "s3:GetObject",
        "Resource": "*",
        "Condition": {"NotIpAddress": {"aws:SourceIp": ["203.0.113.0/24", "10.0.0.0/8"]}}
    }]
});

fn main() {
    let _ = &P;
}
