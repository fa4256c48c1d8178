//! `--format json`: one JSON array of findings.
//!
//! Each finding: `file`, `line`, `column`, `end_line`, `end_column` (1-based, columns in
//! characters, the end exclusive), `offset` and `end_offset` (bytes), `code`, `severity`
//! (`error`, `warning` or `suggestion`), `message`, `help` (or null), `path` (the JSON path of
//! the offending value, such as `Statement[0].Resource[1]`; empty for the document) and
//! `path_segments` (the same as an array of keys and indexes).

use iam_policy_core::location::PathSegment;
use serde_json::{Value, json};

use crate::report::FileReport;

pub fn render(reports: &[FileReport]) -> String {
    let findings: Vec<Value> = reports
        .iter()
        .flat_map(|report| {
            report.findings.iter().map(move |placed| {
                let d = &placed.diagnostic;
                let segments: Vec<Value> = d
                    .path
                    .segments()
                    .into_iter()
                    .map(|segment| match segment {
                        PathSegment::Key(key) => json!(key),
                        PathSegment::Index(index) => json!(index),
                    })
                    .collect();
                json!({
                    "file": report.file,
                    "line": placed.line,
                    "column": placed.column,
                    "end_line": placed.end_line,
                    "end_column": placed.end_column,
                    "offset": d.loc.start,
                    "end_offset": d.loc.end,
                    "code": d.code(),
                    "severity": d.severity().as_str(),
                    "message": d.message(),
                    "help": d.help(),
                    "path": d.path.to_string(),
                    "path_segments": segments,
                })
            })
        })
        .collect();
    let mut text =
        serde_json::to_string_pretty(&Value::Array(findings)).unwrap_or_else(|_| "[]".to_owned());
    text.push('\n');
    text
}
