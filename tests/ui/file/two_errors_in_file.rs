// `policy_file!` with a policy with two errors in one ARN (seed example 0, copied unchanged): both are
// reported, each with the file, line and column of the ARN.
//
// `tests/ui.rs` copies the fixtures into the project trybuild builds, at the same paths as under
// `tests/`, wherever the build directory is.

use iam_policy::{policy_file, Policy};

static P: Policy = policy_file!("ui/file/fixtures/ex0_live_documents_console.json");

fn main() {
    let _ = &P;
}
