// `NotAction` in an RCP: RCP_SYNTAX_ERROR_NOTACTION.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = Rcp, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Deny",
            "Principal": "*",
            "NotAction": "s3:GetObject",
            "Resource": "*"
        }
    ]
});

fn main() {
    let _ = &P;
}
