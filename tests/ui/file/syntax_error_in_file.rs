// `policy_file!` with a JSON syntax error (a trailing comma): JSON_SYNTAX_ERROR with the file, line
// and column.
//
// `tests/ui.rs` copies the fixtures into the project trybuild builds, at the same paths as under
// `tests/`, wherever the build directory is.

use iam_policy::{policy_file, Policy};

static P: Policy = policy_file!("ui/file/fixtures/trailing_comma.json");

fn main() {
    let _ = &P;
}
