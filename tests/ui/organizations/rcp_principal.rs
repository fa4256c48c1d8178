// an RCP naming an account: RCP_SYNTAX_ERROR_PRINCIPAL.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = Rcp, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Deny",
            "Principal": {
                "AWS": "111122223333"
            },
            "Action": "s3:*",
            "Resource": "*"
        }
    ]
});

fn main() {
    let _ = &P;
}
