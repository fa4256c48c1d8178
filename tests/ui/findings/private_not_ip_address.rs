// Only private ranges of `aws:SourceIp` under `NotIpAddress`: PRIVATE_NOT_IP_ADDRESS, an error.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Deny",
        "Action": "s3:GetObject",
        "Resource": "*",
        "Condition": {"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}}
    }]
});

fn main() {
    let _ = &P;
}
