// `policy_file!` with a file that does not exist: the error names the path it looked at.
//
// Paths are relative to the directory of the calling crate's Cargo.toml, as `policy_file!` documents.

use iam_policy::{policy_file, Policy};

static P: Policy = policy_file!("policies/does_not_exist.json");

fn main() {
    let _ = &P;
}
