// An action of a retired service, `deepracer`: RETIRED_SERVICE_IN_ACTION, a warning, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "deepracer:ListModels",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
