// An SNS action in a queue policy: UNSUPPORTED_ACTION_IN_POLICY.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = SqsQueue, {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "sns.amazonaws.com"},
        "Action": ["sqs:SendMessage", "sns:Publish"],
        "Resource": "arn:aws:sqs:us-east-1:111122223333:orders"
    }]
});

fn main() {
    let _ = &P;
}
