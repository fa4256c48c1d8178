// The names are a bracketed list of strings.

use iam_policy::{policy, Policy};

static P: Policy = policy!(extra_keys = "newsvc:Color", {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:DescribeSessions",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
