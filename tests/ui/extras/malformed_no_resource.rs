// The word after an extra action can only be `no-resource` (D38): a misspelling is an error at
// its literal, with what to write.

use iam_policy::{policy, Policy};

static P: Policy = policy!(extra_actions = ["newsvc:ListThings no-resources"], {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "newsvc:ListThings",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
