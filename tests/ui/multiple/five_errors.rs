// Five different errors in one policy: all five are reported by one build, each
// at its own literal, and nothing else (no cascade).

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-18",
    "Statement": [
        {
            "Effect": "Permit",
            "Action": "ssm:StartSession",
            "Resource": "*"
        },
        {
            "Effect": "Allow",
            "Action": ["ssm:TerminateSession", "ResumeSession"],
            "Resource": "arn:aws:ssm:region:123456789012:session/${aws:username}-*",
            "Condition": {
                "StringLikes": { "aws:username": "alice" }
            }
        }
    ]
});

fn main() {
    let _ = &P;
}
