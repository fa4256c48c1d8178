// No `Statement`: MISSING_STATEMENT.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17"
});

fn main() {
    let _ = &P;
}
