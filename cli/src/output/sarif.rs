//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning reads it.
//!
//! One run; `tool.driver.rules` holds one rule per code found (id = the code, described from the
//! code registry); each result has its `ruleId`, a `level` (`error`, `warning`, `note` for a
//! suggestion), `message.text` (the message and the fix) and one location: the file as a URI
//! relative to the current directory (`uriBaseId` `%SRCROOT%`) and the region of the offending
//! value, with the JSON path as a logical location.

use std::path::{Component, Path, PathBuf};

use iam_policy_core::codes::Code;
use iam_policy_core::diagnostic::Severity;
use serde_json::{Map, Value, json};

use crate::report::FileReport;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const SRCROOT: &str = "%SRCROOT%";

/// The SARIF log. `problems` are the paths that could not be read, reported as tool
/// notifications so that the log says the run was incomplete.
pub fn render(reports: &[FileReport], problems: &[String]) -> String {
    let cwd = std::env::current_dir().ok();
    let mut rules: Vec<Value> = Vec::new();
    let mut rule_ids: Vec<&str> = Vec::new();
    let mut results = Vec::new();
    for report in reports {
        let (uri, base) = artifact_uri(&report.file, cwd.as_deref());
        for placed in &report.findings {
            let d = &placed.diagnostic;
            let rule_index = match rule_ids.iter().position(|id| *id == d.code()) {
                Some(index) => index,
                None => {
                    rule_ids.push(d.code());
                    rules.push(rule(d.finding.code));
                    rule_ids.len() - 1
                }
            };
            let mut text = d.message().to_owned();
            if let Some(help) = d.help() {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            let mut artifact = Map::new();
            artifact.insert("uri".into(), json!(uri));
            if base {
                artifact.insert("uriBaseId".into(), json!(SRCROOT));
            }
            // An empty region (a syntax error between two characters) is widened to one column.
            let end_column = if placed.end_line == placed.line && placed.end_column <= placed.column
            {
                placed.column + 1
            } else {
                placed.end_column
            };
            let mut location = json!({
                "physicalLocation": {
                    "artifactLocation": artifact,
                    "region": {
                        "startLine": placed.line,
                        "startColumn": placed.column,
                        "endLine": placed.end_line,
                        "endColumn": end_column,
                    }
                }
            });
            if !d.path.is_root() {
                location["logicalLocations"] =
                    json!([{ "fullyQualifiedName": d.path.to_string(), "kind": "member" }]);
            }
            results.push(json!({
                "ruleId": d.code(),
                "ruleIndex": rule_index,
                "level": level(d.severity()),
                "message": { "text": text },
                "locations": [location],
            }));
        }
    }
    let mut run = json!({
        "tool": {
            "driver": {
                "name": "iam-policy",
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "invocations": [{
            "executionSuccessful": problems.is_empty(),
            "toolExecutionNotifications": problems
                .iter()
                .map(|p| json!({ "level": "error", "message": { "text": p } }))
                .collect::<Vec<_>>(),
        }],
        "results": results,
    });
    if let Some(cwd) = &cwd {
        run["originalUriBaseIds"] = json!({ SRCROOT: { "uri": directory_uri(cwd) } });
    }
    let log = json!({ "$schema": SCHEMA, "version": "2.1.0", "runs": [run] });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Suggestion => "note",
    }
}

/// The rule of a code, described from the registry.
fn rule(code: Code) -> Value {
    let name = code.name();
    let meaning = code.section("Meaning").unwrap_or_default();
    let fix = code.section("Fix").unwrap_or_default();
    let example = code.example().unwrap_or_default();
    json!({
        "id": name,
        "name": pascal_case(name),
        "shortDescription": { "text": code.summary() },
        "fullDescription": { "text": meaning },
        "help": {
            "text": format!("{meaning}\n\nFix: {fix}\n\nMore: iam-policy explain {name}"),
            "markdown": format!(
                "{meaning}\n\n**Example**\n\n```json\n{example}\n```\n\n**Fix**: {fix}\n\nRun `iam-policy explain {name}` for more."
            ),
        },
        "defaultConfiguration": { "level": level(code.severity()) },
        "properties": { "tags": ["iam", "policy"] },
    })
}

/// `INVALID_ARN_REGION` -> `InvalidArnRegion`.
fn pascal_case(code: &str) -> String {
    code.split('_')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => {
                    first.to_ascii_uppercase().to_string() + &chars.as_str().to_ascii_lowercase()
                }
                None => String::new(),
            }
        })
        .collect()
}

/// The URI of a file: relative to `cwd` (with `true`: resolve against `%SRCROOT%`) when it is
/// under it, else an absolute `file://` URI.
fn artifact_uri(file: &str, cwd: Option<&Path>) -> (String, bool) {
    let path = Path::new(file);
    let relative: Option<PathBuf> = if path.is_absolute() {
        cwd.and_then(|cwd| path.strip_prefix(cwd).ok())
            .map(Path::to_path_buf)
    } else {
        Some(path.to_path_buf())
    };
    match relative {
        Some(relative) => (encode_path(&relative), true),
        None => (format!("file://{}", encode_path(path)), false),
    }
}

fn directory_uri(dir: &Path) -> String {
    let mut uri = format!("file://{}", encode_path(dir));
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// Path components joined with `/`, each percent-encoded; `.` components dropped.
fn encode_path(path: &Path) -> String {
    let mut parts = Vec::new();
    let mut absolute = false;
    for component in path.components() {
        match component {
            Component::RootDir => absolute = true,
            Component::CurDir | Component::Prefix(_) => {}
            Component::ParentDir => parts.push("..".to_owned()),
            Component::Normal(name) => parts.push(percent_encode(&name.to_string_lossy())),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        let cwd = Path::new("/repo");
        assert_eq!(
            artifact_uri("policies/a b.json", Some(cwd)),
            ("policies/a%20b.json".to_owned(), true)
        );
        assert_eq!(
            artifact_uri("./x/é.json", Some(cwd)),
            ("x/%C3%A9.json".to_owned(), true)
        );
        assert_eq!(
            artifact_uri("/repo/p/x.json", Some(cwd)),
            ("p/x.json".to_owned(), true)
        );
        assert_eq!(
            artifact_uri("/elsewhere/x.json", Some(cwd)),
            ("file:///elsewhere/x.json".to_owned(), false)
        );
        assert_eq!(directory_uri(cwd), "file:///repo/");
    }

    #[test]
    fn rule_names() {
        assert_eq!(pascal_case("INVALID_ARN_REGION"), "InvalidArnRegion");
    }
}
