// `policy_file!` with a policy with two errors in one ARN (seed example 0, copied unchanged): both are
// reported, each with the file, line and column of the ARN.
//
// `CARGO_MANIFEST_DIR` of a trybuild test is `target/tests/trybuild/iam-policy-tests/`, so the
// fixture is named from there.

use iam_policy::{policy_file, Policy};

static P: Policy = policy_file!("../../../../tests/ui/file/fixtures/ex0_live_documents_console.json");

fn main() {
    let _ = &P;
}
