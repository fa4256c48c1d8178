// `policy_file!` with a policy IAM rejects (the seed with `"Resource": ""`, copied unchanged): the
// error stands at the path literal and names the file, line and column of the empty string.
//
// `CARGO_MANIFEST_DIR` of a trybuild test is `target/tests/trybuild/iam-policy-tests/`, so the
// fixture is named from there.

use iam_policy::{policy_file, Policy};

static P: Policy = policy_file!("../../../../tests/ui/file/fixtures/ex3m2a_target_id_empty_resource.json");

fn main() {
    let _ = &P;
}
