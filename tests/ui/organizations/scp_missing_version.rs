// an SCP without `Version`: INVALID_VERSION.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = Scp, {
    "Statement": [{"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}]
});

fn main() {
    let _ = &P;
}
