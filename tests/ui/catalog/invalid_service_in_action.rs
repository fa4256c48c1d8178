// A misspelt service prefix, `ssmx`: INVALID_SERVICE_IN_ACTION, suggesting `ssm`.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssmx:StartSession",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
