//! `iam-policy check`: validates policy files and reports every finding.

use std::io::{self, Write};

use iam_policy_core::validate::Options;

use crate::cli::{CheckArgs, ColorChoice, Format};
use crate::files;
use crate::output::{human, json, sarif, summary::Summary};
use crate::progress::Progress;
use crate::report::{self, FileReport};
use crate::status::Status;
use crate::style::Style;

pub fn run(args: &CheckArgs, color: ColorChoice) -> Status {
    let extras = match args.extras.load() {
        Ok(extras) => extras,
        Err(message) => {
            eprintln!("{}: {message}", Style::stderr(color).red("error"));
            return Status::Usage;
        }
    };
    let found = files::find(&args.paths);
    let options = Options::new()
        .with_policy_type(args.policy_type.policy_type())
        .with_catalog(true)
        .with_max_bytes(args.max_bytes)
        .with_extras(extras);
    let mut problems = found.errors;
    let (reports, unreadable) = check_files(&found.files, &options, !args.quiet);
    problems.extend(unreadable);

    let err_style = Style::stderr(color);
    for problem in &problems {
        eprintln!("{}: {problem}", err_style.red("error"));
    }
    let summary = Summary::of(&reports, options.policy_type);
    let mut out = io::stdout().lock();
    // A closed pipe (`| head`) is not an error of ours: stop writing.
    let _ = match args.format {
        Format::Human => write_human(
            &mut out,
            &reports,
            &summary,
            Style::stdout(color),
            args.quiet,
        ),
        Format::Json => out.write_all(json::render(&reports).as_bytes()),
        Format::Sarif => out.write_all(sarif::render(&reports, &problems).as_bytes()),
    };
    let _ = out.flush();
    if args.format != Format::Human && !args.quiet {
        eprint!("{}", summary.render(err_style));
    }

    if !problems.is_empty() {
        Status::Usage
    } else if summary.errors > 0 || (args.deny_warnings && summary.warnings > 0) {
        Status::Failure
    } else {
        Status::Success
    }
}

/// Reads and validates every file on every core, with a progress line on a terminal. Returns the
/// reports in the order of `paths`, and the files that could not be read.
fn check_files(
    paths: &[std::path::PathBuf],
    options: &Options,
    show_progress: bool,
) -> (Vec<FileReport>, Vec<String>) {
    let mut progress = Progress::new(paths.len(), show_progress);
    let mut results: Vec<Option<Result<FileReport, String>>> = Vec::new();
    results.resize_with(paths.len(), || None);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(paths.len().max(1));
    // Each worker takes the next file; results come back over a channel with their index.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let send = send.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(path) = paths.get(index) else { break };
                    if send.send((index, check_file(path, options))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        for (done, (index, result)) in receive.iter().enumerate() {
            results[index] = Some(result);
            progress.update(done + 1);
        }
    });
    progress.finish();
    let mut reports = Vec::with_capacity(paths.len());
    let mut unreadable = Vec::new();
    for result in results.into_iter().flatten() {
        match result {
            Ok(report) => reports.push(report),
            Err(problem) => unreadable.push(problem),
        }
    }
    (reports, unreadable)
}

/// Reads and validates one file.
pub(crate) fn check_file(path: &std::path::Path, options: &Options) -> Result<FileReport, String> {
    let bytes = files::read(path, options.max_bytes)?;
    let mut report = report::check(path.display().to_string(), bytes, options);
    if report.findings.is_empty() {
        // Nothing will quote this file: free its text.
        report.text = String::new();
        report.lines = iam_policy_core::lines::LineIndex::new("");
    }
    Ok(report)
}

fn write_human(
    out: &mut dyn Write,
    reports: &[FileReport],
    summary: &Summary,
    style: Style,
    quiet: bool,
) -> io::Result<()> {
    for report in reports {
        human::write_report(out, report, style)?;
    }
    if !quiet {
        out.write_all(summary.render(style).as_bytes())?;
    }
    Ok(())
}
