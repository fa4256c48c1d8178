// A misspelt service key, `ssm:resourceTags/...`: INVALID_SERVICE_CONDITION_KEY, suggesting
// `ssm:resourceTag/Finance`.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "StringLike": { "ssm:resourceTags/Finance": "WebServers" }
        }
    }]
});

fn main() {
    let _ = &P;
}
