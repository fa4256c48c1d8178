//! `iam-policy test`: runs decision test files with `iam_policy::cases` and prints every case
//! that does not get its expected decision, with its request and the deciding statement, then
//! `N passed, M failed`.
//!
//! A line that is not a valid case counts as a failure and is reported with its number; the
//! other cases of the file still run.

use std::io::{self, Write};

use iam_policy::cases::{self, LineError};

use crate::cli::{ColorChoice, TestArgs};
use crate::files;
use crate::status::Status;
use crate::style::{Style, sanitize};

pub fn run(args: &TestArgs, color: ColorChoice) -> Status {
    let style = Style::stdout(color);
    let err_style = Style::stderr(color);
    let mut out = io::stdout().lock();
    let (mut passed, mut failed) = (0usize, 0usize);
    let mut status = Status::Success;
    for path in &args.files {
        let file = sanitize(&path.display().to_string());
        let bytes = match files::read(path, files::MAX_CASE_FILE_BYTES) {
            Ok(bytes) => bytes,
            Err(problem) => {
                eprintln!("{}: {problem}", err_style.red("error"));
                status = Status::Usage;
                continue;
            }
        };
        let (text, mut bad_lines) = decode_lines(&bytes);
        // Lines that are not cases are reported, and the rest of the file runs.
        let (cases, errors) = cases::parse_lenient(&text);
        bad_lines.extend(line_errors(&errors));
        bad_lines.sort();
        let report = cases::run(&cases);
        if !args.quiet {
            let _ = writeln!(
                out,
                "running {} from {file}",
                plural(cases.len() + bad_lines.len(), "case")
            );
        }
        // A file without a case tests nothing: an error, so that a wrong path or an emptied
        // file cannot pass.
        if cases.is_empty() && bad_lines.is_empty() {
            eprintln!(
                "{}: `{file}` has no test case\n  help: {}",
                err_style.red("error"),
                cases::NO_CASE_HELP
            );
            failed += 1;
        }
        for (line, message, help) in &bad_lines {
            let _ = writeln!(
                out,
                "{} {file}:{line}: {}",
                style.red("ERROR"),
                sanitize(message)
            );
            if let Some(help) = help {
                let _ = writeln!(out, "  help: {}", sanitize(help));
            }
            let _ = writeln!(out);
        }
        for failure in report.failures() {
            let _ = writeln!(
                out,
                "{}\n",
                colour_first_word(&sanitize_lines(&failure.to_string()), &file, style)
            );
        }
        passed += report.passed();
        failed += report.failed() + bad_lines.len();
    }
    let summary = format!("{passed} passed, {failed} failed");
    let _ = writeln!(
        out,
        "{}",
        if failed > 0 {
            style.red(&summary)
        } else {
            style.green(&summary)
        }
    );
    let _ = out.flush();
    if failed > 0 {
        status.max(Status::Failure)
    } else {
        status
    }
}

/// A bad line: its number, what is wrong, and the fix.
type BadLine = (usize, String, Option<String>);

/// The text of a file, line by line: a line that is not UTF-8 becomes an error and a blank line.
fn decode_lines(bytes: &[u8]) -> (String, Vec<BadLine>) {
    let mut text = String::with_capacity(bytes.len());
    let mut errors = Vec::new();
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if index > 0 {
            text.push('\n');
        }
        match std::str::from_utf8(line) {
            Ok(line) => text.push_str(line),
            Err(e) => errors.push((
                index + 1,
                format!("not valid UTF-8 (byte {} of the line)", e.valid_up_to() + 1),
                Some("save the file as UTF-8".to_owned()),
            )),
        }
    }
    (text, errors)
}

fn line_errors(errors: &[LineError]) -> Vec<BadLine> {
    errors
        .iter()
        .map(|e| {
            let message = match &e.id {
                Some(id) => format!("`{id}`: {}", e.message),
                None => e.message.clone(),
            };
            (e.line, message, e.help.clone())
        })
        .collect()
}

/// Control characters of the case's own text escaped, line breaks kept.
fn sanitize_lines(text: &str) -> String {
    text.lines().map(sanitize).collect::<Vec<_>>().join("\n")
}

/// `FAILED `id` (line 3)` -> `FAILED file: `id` (line 3)`, the first word in red.
fn colour_first_word(block: &str, file: &str, style: Style) -> String {
    match block.split_once(' ') {
        Some((word, rest)) if word == "FAILED" || word == "ERROR" => {
            format!("{} {file}: {rest}", style.red(word))
        }
        _ => block.to_owned(),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_lines() {
        let (text, errors) = decode_lines(b"{}\n\xff\n{}");
        assert_eq!(text, "{}\n\n{}");
        assert_eq!(
            errors,
            [(
                2,
                "not valid UTF-8 (byte 1 of the line)".to_owned(),
                Some("save the file as UTF-8".to_owned())
            )]
        );
    }
}
