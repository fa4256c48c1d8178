// A misspelt global key, `aws:usrname`: INVALID_GLOBAL_CONDITION_KEY, suggesting `aws:username`.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "StringEquals": { "aws:usrname": "alice" }
        }
    }]
});

fn main() {
    let _ = &P;
}
