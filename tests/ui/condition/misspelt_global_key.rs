// A misspelt global key, `aws:SourceAcount`, in a resource-based policy: still
// INVALID_GLOBAL_CONDITION_KEY, suggesting `aws:SourceAccount` (keys valid across services, such as
// `aws:SourceOwner`, do not make a near miss pass).

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = SnsTopic, {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": { "Service": "s3.amazonaws.com" },
        "Action": "sns:Publish",
        "Resource": "arn:aws:sns:us-east-2:111122223333:MyTopic",
        "Condition": {
            "StringEquals": { "aws:SourceAcount": "111122223333" }
        }
    }]
});

fn main() {
    let _ = &P;
}
