// No document at all.

use iam_policy::{policy, Policy};

static P: Policy = policy!();

fn main() {
    let _ = &P;
}
