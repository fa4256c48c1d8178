// `Principal` in an SCP: SCP_SYNTAX_ERROR_PRINCIPAL.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = Scp, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Deny",
            "Principal": "*",
            "Action": "organizations:LeaveOrganization",
            "Resource": "*"
        }
    ]
});

fn main() {
    let _ = &P;
}
