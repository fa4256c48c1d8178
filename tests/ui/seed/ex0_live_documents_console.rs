// Seed example 0 (the live page's console example), pasted unchanged: `region`
// and `account-id` are placeholders: INVALID_ARN_REGION and INVALID_ARN_ACCOUNT.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "ssm:GetDocument",
                "ssm:ListDocuments"
            ],
            "Resource": [
                "arn:aws:ssm:region:account-id:document/SessionDocument-*"
            ]
        }
    ]
});

fn main() {
    let _ = &P;
}
