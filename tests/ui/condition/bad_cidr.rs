// A CIDR with a /33 prefix: TYPE_MISMATCH_IP_RANGE.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "IpAddress": { "aws:SourceIp": ["203.0.113.0/24", "198.51.100.0/33"] }
        }
    }]
});

fn main() {
    let _ = &P;
}
