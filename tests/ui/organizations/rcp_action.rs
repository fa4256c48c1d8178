// an RCP denying `*`: RCP_SYNTAX_ERROR_ACTION.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = Rcp, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Deny",
            "Principal": "*",
            "Action": "*",
            "Resource": "*",
            "Condition": {
                "BoolIfExists": {
                    "aws:SecureTransport": "false"
                }
            }
        }
    ]
});

fn main() {
    let _ = &P;
}
