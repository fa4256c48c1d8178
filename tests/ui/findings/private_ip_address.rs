// Only private ranges of `aws:SourceIp`, which never holds one: PRIVATE_IP_ADDRESS, an error.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Deny",
        "Action": "s3:GetObject",
        "Resource": "*",
        "Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.168.0.0/16"]}}
    }]
});

fn main() {
    let _ = &P;
}
