// Two statements with one Sid: UNIQUE_SIDS_REQUIRED at the second.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "Sessions",
            "Effect": "Allow",
            "Action": "ssm:StartSession",
            "Resource": "*"
        },
        {
            "Sid": "Sessions",
            "Effect": "Allow",
            "Action": "ssm:TerminateSession",
            "Resource": "arn:aws:ssm:*:*:session/${aws:username}-*"
        }
    ]
});

fn main() {
    let _ = &P;
}
