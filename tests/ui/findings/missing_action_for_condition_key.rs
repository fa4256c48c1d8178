// Session tags required by a trust policy without `sts:TagSession`: MISSING_ACTION_FOR_CONDITION_KEY.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = Trust, {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"},
        "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"aws:RequestTag/project": "reports"}}
    }]
});

fn main() {
    let _ = &P;
}
