// `policy_file!` with something other than a string literal.

use iam_policy::{policy_file, Policy};

const PATH: &str = "policies/sessions.json";

static P: Policy = policy_file!(PATH);

fn main() {
    let _ = (&P, PATH);
}
