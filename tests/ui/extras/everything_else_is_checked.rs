// Declaring one new action leaves every other name checked: the misspelt action is still an error,
// whose help names the catalog's release and how to declare a newer action.

use iam_policy::{policy, Policy};

static P: Policy = policy!(extra_actions = ["newsvc:DoThing"], {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": ["newsvc:DoThing", "ssm:StartSesion"],
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
