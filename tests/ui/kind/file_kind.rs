// `policy_file!` with a type: the trust policy fixture is not a valid identity policy, and a
// misspelt type is reported before the file is read.

use iam_policy::{policy_file, Policy};

static TRUST: Policy = policy_file!(kind = Trust, "pass/fixtures/github-oidc-trust.json");
static IDENTITY: Policy = policy_file!("pass/fixtures/github-oidc-trust.json");
static WRONG: Policy = policy_file!(kind = trust, "pass/fixtures/github-oidc-trust.json");

fn main() {
    let _ = (&TRUST, &IDENTITY, &WRONG);
}
