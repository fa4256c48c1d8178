// an RCP that allows: RCP_SYNTAX_ERROR_ALLOW.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = Rcp, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": "*"
        }
    ]
});

fn main() {
    let _ = &P;
}
