//! `iam-policy fmt`: rewrites policy files in AWS's usual layout (four-space indent, key order
//! and shapes kept), or with `--check` names the files that would change.

use std::fs;
use std::path::Path;

use iam_policy_core::export::to_pretty;
use iam_policy_core::json;
use iam_policy_core::location::line_col;
use iam_policy_core::lower::json_value;

use crate::cli::{ColorChoice, FmtArgs};
use crate::files;
use crate::status::Status;
use crate::style::{Style, sanitize};

pub fn run(args: &FmtArgs, color: ColorChoice) -> Status {
    let err_style = Style::stderr(color);
    let error = |message: &str| eprintln!("{}: {message}", err_style.red("error"));
    let found = files::find(&args.paths);
    let mut status = Status::Success;
    for problem in &found.errors {
        error(problem);
        status = Status::Usage;
    }
    for path in &found.files {
        let outcome = match format_file(path) {
            Ok(outcome) => outcome,
            Err((problem, file_status)) => {
                error(&problem);
                status = status.max(file_status);
                continue;
            }
        };
        let Outcome::Changed(formatted) = outcome else {
            continue;
        };
        let file = sanitize(&path.display().to_string());
        if args.check {
            println!("would reformat {file}");
            status = status.max(Status::Failure);
        } else if let Err(e) = replace_file(path, &formatted) {
            error(&format!("cannot write `{file}`: {}", files::describe(&e)));
            status = Status::Usage;
        } else {
            println!("reformatted {file}");
        }
    }
    status
}

/// Writes `text` to a temporary file beside `path`, then renames it over `path`: a crash or a full
/// disk midway leaves the policy as it was, never truncated. The file keeps its permissions.
fn replace_file(path: &Path, text: &str) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.iam-policy-fmt.{}", std::process::id()));
    let written = (|| {
        let mut file = fs::File::create(&temporary)?;
        std::io::Write::write_all(&mut file, text.as_bytes())?;
        file.sync_all()?;
        if let Ok(meta) = fs::metadata(path) {
            fs::set_permissions(&temporary, meta.permissions())?;
        }
        fs::rename(&temporary, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written
}

enum Outcome {
    Unchanged,
    Changed(String),
}

/// The formatted text of a file, or why it cannot be formatted (and the exit status it gives:
/// 2 for a file that cannot be read, 1 for one that is not JSON).
fn format_file(path: &Path) -> Result<Outcome, (String, Status)> {
    let file = sanitize(&path.display().to_string());
    let bytes = files::read(path, iam_policy_core::validate::DEFAULT_MAX_BYTES)
        .map_err(|problem| (problem, Status::Usage))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let (line, column) = line_col(&String::from_utf8_lossy(e.as_bytes()), offset);
        (
            format!("{file}:{line}:{column}: the file is not valid UTF-8; it was left as it is"),
            Status::Failure,
        )
    })?;
    let root = json::parse(&text).map_err(|e| {
        let (line, column) = line_col(&text, e.offset);
        (
            format!(
                "{file}:{line}:{column}: {}; the file was left as it is",
                e.message
            ),
            Status::Failure,
        )
    })?;
    let mut formatted = to_pretty(&json_value(&root));
    formatted.push('\n');
    Ok(if formatted == text {
        Outcome::Unchanged
    } else {
        Outcome::Changed(formatted)
    })
}
