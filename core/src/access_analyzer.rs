//! IAM Access Analyzer's policy checks that this project does not report under their own code,
//! each with the reason: the one table `iam-policy explain --list` prints after the codes. Every
//! other Access Analyzer code is a code of the registry ([`crate::codes`]), with AA's severity
//! mapped as the registry says. A test checks the two together cover AA's list of codes
//! (`core/catalog/aa-checks.tsv`) and never overlap.

use crate::codes::{self, Code};

/// An Access Analyzer code that is not a code of the registry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// AA's issue code.
    pub code: &'static str,
    /// Why it is not reported, lowercase, one line.
    pub reason: &'static str,
    /// The registry's code that reports the same finding, if one does.
    pub reported_as: Option<Code>,
}

const SCP_LIFTED: &str = "obsolete: AWS Organizations lifted this restriction of SCPs on 2025-09-19, and SCPs take the full policy language (docs/semantics.md 9.4)";
const IN_PROGRESS: &str = "not reported yet: its check is being built (issue 13)";

const fn left_out(code: &'static str, reason: &'static str) -> LeftOut {
    LeftOut {
        code,
        reason,
        reported_as: None,
    }
}

/// Sorted by code.
pub const LEFT_OUT: &[LeftOut] = &[
    left_out("CONFIRM_AUDIENCE_CLAIM_TYPE", IN_PROGRESS),
    left_out(
        "MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY",
        IN_PROGRESS,
    ),
    left_out("MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL", IN_PROGRESS),
    left_out("MISSING_GITHUB_REPO_CONDITION_KEY", IN_PROGRESS),
    left_out(
        "RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
        IN_PROGRESS,
    ),
    left_out("RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL", IN_PROGRESS),
    left_out("SCP_SYNTAX_ERROR_ACTION_WILDCARD", SCP_LIFTED),
    left_out("SCP_SYNTAX_ERROR_ALLOW_CONDITION", SCP_LIFTED),
    left_out("SCP_SYNTAX_ERROR_ALLOW_NOTACTION", SCP_LIFTED),
    left_out("SCP_SYNTAX_ERROR_ALLOW_RESOURCE", SCP_LIFTED),
    left_out("SCP_SYNTAX_ERROR_NOTRESOURCE", SCP_LIFTED),
    left_out("SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED", IN_PROGRESS),
    left_out(
        "UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
        IN_PROGRESS,
    ),
    LeftOut {
        code: "UNSUPPORTED_GLOBAL_CONDITION_KEY",
        reason: "`aws:ARN`, the one key AA names with it, gets one finding, a warning (AA reports that key under both codes)",
        reported_as: Some(codes::DEPRECATED_GLOBAL_CONDITION_KEY),
    },
];

/// AA's list of codes, as `TYPE<TAB>CODE<TAB>title<TAB>message` lines (a copy of its policy check
/// reference, 2023-05-11 snapshot).
pub const AA_CHECKS: &str = include_str!("../catalog/aa-checks.tsv");

/// The code of each line of [`AA_CHECKS`], with AA's finding type (`ERROR`, `SECURITY_WARNING`,
/// `WARNING`, `SUGGESTION`).
pub fn aa_codes() -> impl Iterator<Item = (&'static str, &'static str)> {
    AA_CHECKS.lines().filter_map(|line| {
        let mut fields = line.split('\t');
        Some((fields.nth(1)?, line.split('\t').next()?))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every AA code is a code of the registry or left out with a reason, never both; the table
    /// names only AA codes, once, sorted.
    #[test]
    fn every_access_analyzer_code_is_covered() {
        let aa: Vec<&str> = aa_codes().map(|(code, _)| code).collect();
        assert!(
            aa.len() > 100,
            "the copy of AA's list is read: {}",
            aa.len()
        );
        for code in &aa {
            let declared = codes::lookup(code).is_some_and(|c| c.name() == *code);
            let listed = LEFT_OUT.iter().filter(|l| l.code == *code).count();
            assert!(
                declared || listed == 1,
                "{code}: neither a registry code nor left out with a reason"
            );
            assert!(
                !(declared && listed > 0),
                "{code}: a registry code, yet listed as left out"
            );
        }
        for pair in LEFT_OUT.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} before {}",
                pair[0].code,
                pair[1].code
            );
        }
        for entry in LEFT_OUT {
            assert!(aa.contains(&entry.code), "{}: not an AA code", entry.code);
            assert!(!entry.reason.is_empty() && !entry.reason.contains('\n'));
            let first = entry.reason.chars().next().unwrap_or('A');
            assert!(
                !first.is_uppercase(),
                "{}: reason starts uppercase",
                entry.code
            );
        }
    }
}
