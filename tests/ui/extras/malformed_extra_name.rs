// An extra name is syntax-checked at its literal: a wildcard cannot declare actions.

use iam_policy::{policy, Policy};

static P: Policy = policy!(extra_actions = ["newsvc:DoThing", "newsvc:List*"], {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "newsvc:DoThing",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
