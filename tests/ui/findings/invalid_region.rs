// A region code in upper case, which `aws:RequestedRegion` never is: INVALID_REGION.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Deny",
        "NotAction": "iam:*",
        "Resource": "*",
        "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "EU-Central-1"]}}
    }]
});

fn main() {
    let _ = &P;
}
