//! What the two suites of Access Analyzer's security findings share (`tests/security_findings.rs`
//! through the library, `cli/tests/security_findings.rs` through the binary): the codes they
//! cover, and the policy type of each code's example.

use iam_policy::codes::Code;

/// The codes of the suites: the `PASS_ROLE_*` and `CREATE_SLR_*` families, the tag keys, the
/// conditions that OIDC providers, service principals and IAM Roles Anywhere need, the condition
/// keys of service principals and the `aud` claim's qualifiers.
pub const CODES: &[&str] = &[
    "ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    "CONFIRM_AUDIENCE_CLAIM_TYPE",
    "CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE",
    "CREATE_SLR_WITH_NOT_RESOURCE",
    "CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE",
    "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE",
    "CREATE_SLR_WITH_STAR_IN_RESOURCE",
    "CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION",
    "DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    "MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY",
    "MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL",
    "MISSING_GITHUB_REPO_CONDITION_KEY",
    "MISSING_TAG_KEY_IN_CONDITION",
    "PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE",
    "PASS_ROLE_WITH_NOT_RESOURCE",
    "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE",
    "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
    "PASS_ROLE_WITH_STAR_IN_RESOURCE",
    "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION",
    "RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
    "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL",
    "SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED",
    "UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
];

/// The policy type of an explanation's example, as `--policy-type` names it: its
/// `<!-- policy-type: NAME -->`, or `None` for the default (an identity policy).
pub fn example_type_name(code: Code) -> Option<&'static str> {
    code.explanation()
        .split("<!-- policy-type:")
        .nth(1)
        .and_then(|rest| rest.split("-->").next())
        .map(str::trim)
}
