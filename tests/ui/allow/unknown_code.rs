// A misspelt code in `allow(...)` is an error at its name, with the closest code.

use iam_policy::{policy, Policy};

static P: Policy = policy!(allow(MISSING_VERSON), {
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:DescribeSessions",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
