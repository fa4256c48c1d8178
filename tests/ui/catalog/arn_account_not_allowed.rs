// An S3 bucket ARN with an account ID, beside a correct one: ARN_ACCOUNT_NOT_ALLOWED (IAM
// rejects it).

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "s3:ListBucket",
        "Resource": [
            "arn:aws:s3:::amzn-s3-demo-bucket1",
            "arn:aws:s3::123456789012:amzn-s3-demo-bucket2"
        ]
    }]
});

fn main() {
    let _ = &P;
}
