// `policy_file!` with a policy IAM rejects (the seed with `"Resource": ""`, copied unchanged): the
// error stands at the path literal and names the file, line and column of the empty string.
//
// `tests/ui.rs` copies the fixtures into the project trybuild builds, at the same paths as under
// `tests/`, wherever the build directory is.

use iam_policy::{policy_file, Policy};

static P: Policy = policy_file!("ui/file/fixtures/ex3m2a_target_id_empty_resource.json");

fn main() {
    let _ = &P;
}
