// A security warning is a compiler warning that `allow(CODE)` silences for one policy, under
// `#![deny(warnings)]`: here an administrator policy, which gets PASS_ROLE_* and CREATE_SLR_*.
#![deny(warnings)]

use iam_policy::{policy, Decision, Policy, Request};

static ADMIN: Policy = policy!(
    allow(
        PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE,
        CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE
    ),
    {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
    }
);

fn main() {
    let pass = Request::new("iam:PassRole", "arn:aws:iam::111122223333:role/admin");
    assert_eq!(ADMIN.evaluate(&pass), Decision::Allowed);
}
