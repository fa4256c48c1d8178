// A policy pasted from AWS with `\u0052`: rustc rejects the escape; the macro then names the fix.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::\u0052eports/*"
    }]
});

fn main() {
    let _ = &P;
}
