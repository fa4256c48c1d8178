// `policy_file!` with a JSON syntax error (a trailing comma): JSON_SYNTAX_ERROR with the file, line
// and column.
//
// `CARGO_MANIFEST_DIR` of a trybuild test is `target/tests/trybuild/iam-policy-tests/`, so the
// fixture is named from there.

use iam_policy::{policy_file, Policy};

static P: Policy = policy_file!("../../../../tests/ui/file/fixtures/trailing_comma.json");

fn main() {
    let _ = &P;
}
