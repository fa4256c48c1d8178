// An SQS queue ARN without the region every queue has, beside a correct one: MISSING_ARN_REGION.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "sqs:SendMessage",
        "Resource": [
            "arn:aws:sqs:us-east-1:123456789012:queue1",
            "arn:aws:sqs::123456789012:queue2"
        ]
    }]
});

fn main() {
    let _ = &P;
}
