//! Access Analyzer's list of policy checks (a committed copy), and the test that every code of it
//! is a code of the registry or in [`crate::codes::LEFT_OUT`] with the reason it is not reported.

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
    use crate::codes;

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
            let listed = codes::LEFT_OUT.iter().filter(|l| l.0 == *code).count();
            assert!(
                declared || listed == 1,
                "{code}: neither a registry code nor left out with a reason"
            );
            assert!(
                !(declared && listed > 0),
                "{code}: a registry code, yet listed as left out"
            );
        }
        for (name, _) in codes::LEFT_OUT {
            assert!(aa.contains(name), "{name}: not an AA code");
        }
    }
}
