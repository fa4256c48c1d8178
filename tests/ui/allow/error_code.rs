// An error cannot be allowed: IAM would reject the policy.

use iam_policy::{policy, Policy};

static P: Policy = policy!(allow(INVALID_ARN_PREFIX), {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "s3:GetObject",
        "Resource": ""
    }]
});

fn main() {
    let _ = &P;
}
