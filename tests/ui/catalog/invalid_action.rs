// A misspelt action, `ssm:StartSesion`: INVALID_ACTION, suggesting `ssm:StartSession`.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSesion",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
