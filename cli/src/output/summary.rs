//! The closing summary of `check`: counts per severity, then per code.
//!
//! ```text
//! checked 11 files: 5 errors, 0 warnings, 0 suggestions
//!     3  error       INVALID_ARN_PREFIX
//!     2  error       INVALID_ARN_REGION
//! checked as an identity policy (`--policy-type managed`, 6144 characters)
//! ```

use std::collections::BTreeMap;

use iam_policy_core::diagnostic::Severity;
use iam_policy_core::validate::PolicyType;

use crate::report::FileReport;
use crate::style::Style;

/// Counts of the findings of a run.
#[derive(Debug, Default)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub suggestions: usize,
    /// (severity, code) -> count.
    pub by_code: BTreeMap<(Severity, &'static str), usize>,
    /// The type every file was checked as.
    pub policy_type: PolicyType,
}

impl Summary {
    pub fn of(reports: &[FileReport], policy_type: PolicyType) -> Summary {
        let mut summary = Summary {
            files: reports.len(),
            policy_type,
            ..Summary::default()
        };
        for finding in reports.iter().flat_map(|r| &r.findings) {
            let d = &finding.diagnostic;
            match d.severity() {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Suggestion => summary.suggestions += 1,
            }
            *summary.by_code.entry((d.severity(), d.code())).or_default() += 1;
        }
        summary
    }

    /// The summary lines, each ending with a line feed.
    pub fn render(&self, style: Style) -> String {
        let counts = [
            (self.errors, Severity::Error),
            (self.warnings, Severity::Warning),
            (self.suggestions, Severity::Suggestion),
        ];
        let parts: Vec<String> = counts
            .iter()
            .map(|&(n, severity)| {
                let text = plural(n, severity.as_str());
                if n > 0 {
                    style.severity(severity, &text)
                } else {
                    text
                }
            })
            .collect();
        let mut out = format!(
            "checked {}: {}\n",
            plural(self.files, "file"),
            parts.join(", ")
        );
        let mut rows: Vec<_> = self.by_code.iter().collect();
        // Errors first, then the most frequent codes.
        rows.sort_by(|a, b| a.0.0.cmp(&b.0.0).then(b.1.cmp(a.1)).then(a.0.1.cmp(b.0.1)));
        for ((severity, code), count) in rows {
            let label = format!("{:<10}", severity.as_str());
            out.push_str(&format!(
                "{count:>5}  {}  {code}\n",
                style.severity(*severity, &label)
            ));
        }
        let quota = match self.policy_type.size_quota() {
            Some(quota) => format!("{quota} characters"),
            None => "no size quota".to_owned(),
        };
        out.push_str(&format!(
            "checked as {} (`--policy-type {}`, {quota})\n",
            self.policy_type.description(),
            self.policy_type.name()
        ));
        out
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
