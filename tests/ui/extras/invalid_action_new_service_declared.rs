// An action of a declared new service that is not declared: `INVALID_ACTION` with the declared
// action as the did-you-mean.

use iam_policy::{policy, Policy};

static P: Policy = policy!(extra_actions = ["newsvc:DoThing"], {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "newsvc:DoThng",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
