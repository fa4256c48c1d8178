// A misspelt variable, `${aws:usrname}`: INVALID_VARIABLE, suggesting `${aws:username}`.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:*:*:session/${aws:usrname}-*"
    }]
});

fn main() {
    let _ = &P;
}
