// `ssm:resourceTag/Finance` on `ssm:TerminateSession`, which supports only the
// `aws:ssmmessages` session tags: UNSUPPORTED_ACTION_FOR_CONDITION_KEY.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:*:*:session/${aws:username}-*",
        "Condition": {
            "StringLike": { "ssm:resourceTag/Finance": "WebServers" }
        }
    }]
});

fn main() {
    let _ = &P;
}
