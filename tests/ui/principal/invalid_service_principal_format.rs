// a service principal without its domain: INVALID_SERVICE_PRINCIPAL_FORMAT.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = SqsQueue, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Service": "sns"
            },
            "Action": "sqs:SendMessage",
            "Resource": "arn:aws:sqs:us-east-1:111122223333:q"
        }
    ]
});

fn main() {
    let _ = &P;
}
