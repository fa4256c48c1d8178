//! Validating one file into a [`FileReport`]: its findings placed at lines and columns. A file
//! that is not a policy document (invalid UTF-8, invalid JSON, not an object) gets a finding like
//! any other problem, never a crash.

use iam_policy_core::diagnostic::{Diagnostic, Finding};
use iam_policy_core::json;
use iam_policy_core::location::{JsonPath, Loc};
use iam_policy_core::validate::{self, Options};

use iam_policy_core::lines::LineIndex;

/// The help line of a JSON syntax error, as `compile_text` words it.
const SYNTAX_HELP: &str =
    "fix the JSON syntax: IAM accepts strict JSON only (no comments, no trailing commas)";

/// The findings of one file.
#[derive(Debug)]
pub struct FileReport {
    /// The path as the user wrote it (or as found under a directory they named).
    pub file: String,
    /// The text (invalid UTF-8 replaced by U+FFFD, which keeps the offsets before it).
    pub text: String,
    pub lines: LineIndex,
    pub findings: Vec<Placed>,
}

/// A diagnostic with the line and column where its value starts and ends (the end exclusive).
#[derive(Debug)]
pub struct Placed {
    pub diagnostic: Diagnostic,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// Reads and validates a file's bytes.
pub fn check(file: String, bytes: Vec<u8>, options: &Options) -> FileReport {
    let (text, diagnostics) = match String::from_utf8(bytes) {
        Ok(text) => {
            let diagnostics = diagnose(&text, options);
            (text, diagnostics)
        }
        Err(error) => {
            let utf8 = error.utf8_error();
            let start = utf8.valid_up_to();
            let end = start + utf8.error_len().unwrap_or(1);
            let bytes = error.into_bytes();
            let shown: Vec<String> = bytes[start..end.min(bytes.len())]
                .iter()
                .map(|b| format!("0x{b:02X}"))
                .collect();
            let finding = Finding::new(
                iam_policy_core::codes::JSON_SYNTAX_ERROR,
                format!(
                    "the file is not valid UTF-8: invalid byte {} at byte offset {start}",
                    shown.join(" ")
                ),
            )
            .with_help("save the policy as UTF-8: IAM reads policy documents as UTF-8 JSON");
            // In the text shown, the invalid bytes are one U+FFFD (3 bytes) at the same offset.
            let at = Loc::new(
                start as u32,
                (start + char::REPLACEMENT_CHARACTER.len_utf8()) as u32,
            );
            let diagnostic = finding.at(JsonPath::root(), at);
            (
                String::from_utf8_lossy(&bytes).into_owned(),
                vec![diagnostic],
            )
        }
    };
    place(file, text, diagnostics)
}

/// The findings of a policy text: a syntax error, or everything the validator reports.
pub fn diagnose(text: &str, options: &Options) -> Vec<Diagnostic> {
    if let Some(too_large) = validate::check_size(text.len(), options) {
        return vec![too_large];
    }
    match json::parse(text) {
        // The tree is freed statement by statement as it is read: only the findings are kept.
        Ok(root) => validate::validate_owned(root, options)
            .diagnostics
            .into_vec(),
        Err(error) => {
            let offset = error.offset as u32;
            vec![
                error
                    .finding()
                    .with_help(SYNTAX_HELP)
                    .at(JsonPath::root(), Loc::new(offset, offset)),
            ]
        }
    }
}

/// Places diagnostics whose locations are byte ranges of `text`.
pub fn place(file: String, text: String, diagnostics: Vec<Diagnostic>) -> FileReport {
    let lines = LineIndex::new(&text);
    let offsets: Vec<usize> = diagnostics
        .iter()
        .flat_map(|d| [d.loc.start as usize, d.loc.end as usize])
        .collect();
    let positions = lines.positions(&text, &offsets);
    let findings = diagnostics
        .into_iter()
        .zip(positions.chunks(2))
        .map(|(diagnostic, at)| Placed {
            diagnostic,
            line: at[0].0,
            column: at[0].1,
            end_line: at[1].0,
            end_column: at[1].1,
        })
        .collect();
    FileReport {
        file,
        text,
        lines,
        findings,
    }
}
