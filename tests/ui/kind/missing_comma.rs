// `kind = ..` without the comma before the document.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = Trust {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "ec2.amazonaws.com"},
        "Action": "sts:AssumeRole"
    }]
});

fn main() {
    let _ = &P;
}
