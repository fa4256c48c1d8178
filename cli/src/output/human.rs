//! rustc-style text: the finding, the file position, the source line with a caret under the
//! offending value, its JSON path, and the fix.
//!
//! ```text
//! error[INVALID_ARN_REGION]: the region `region` in the ARN `arn:aws:ec2:region:...` is not a region
//!   --> policies/ex2b.json:11:17
//!    |
//! 11 |                 "arn:aws:ec2:region:987654321098:instance/*"
//!    |                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ Statement[0].Resource[0]
//!    |
//!    = help: use a region such as `us-east-1`, `*` for every region, or leave it empty
//! ```

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::report::{FileReport, Placed};
use crate::style::{Style, sanitize};

/// Longest source line shown, in columns; longer lines are cut around the caret.
const MAX_WIDTH: usize = 120;
/// Columns kept before the caret when a line is cut.
const CONTEXT: usize = 30;

/// Writes every finding of a file, each followed by an empty line.
pub fn write_report(out: &mut dyn Write, report: &FileReport, style: Style) -> io::Result<()> {
    for placed in &report.findings {
        out.write_all(render(report, placed, style).as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// One finding, ending with a line feed.
pub fn render(report: &FileReport, placed: &Placed, style: Style) -> String {
    let d = &placed.diagnostic;
    let severity = d.severity();
    let mut s = String::new();
    let head = format!("{}[{}]", severity.as_str(), d.code());
    let _ = writeln!(
        s,
        "{}{}",
        style.severity(severity, &head),
        style.bold(&format!(": {}", sanitize(d.message())))
    );

    let number = placed.line.to_string();
    let pad = " ".repeat(number.len());
    let _ = writeln!(
        s,
        "{pad}{} {}:{}:{}",
        style.gutter("-->"),
        sanitize(&report.file),
        placed.line,
        placed.column
    );
    let bar = style.gutter("|");
    let _ = writeln!(s, "{pad} {bar}");

    let cut = source_snippet(report, placed);
    let _ = writeln!(s, "{} {bar} {}", style.gutter(&number), cut.text);
    let mut marker = format!(
        "{}{}",
        " ".repeat(cut.caret_start),
        "^".repeat(cut.caret_len)
    );
    if !d.path.is_root() {
        marker.push(' ');
        marker.push_str(&sanitize(&d.path.to_string()));
    }
    let _ = writeln!(s, "{pad} {bar} {}", style.severity(severity, &marker));
    if let Some(help) = d.help() {
        let _ = writeln!(s, "{pad} {bar}");
        let _ = writeln!(
            s,
            "{pad} {} {}",
            style.gutter("="),
            style.bold(&format!("help: {}", sanitize(help)))
        );
    }
    s
}

/// A source line as shown, and where the caret goes under it.
#[derive(Debug, PartialEq, Eq)]
struct Snippet {
    text: String,
    caret_start: usize,
    caret_len: usize,
}

/// The line of a finding, cut to a window around the value: a line of a minified 10 MB policy
/// costs no more than a short one.
fn source_snippet(report: &FileReport, placed: &Placed) -> Snippet {
    let text = report.text.as_str();
    let (line_start, line_end) = report.lines.line_range(text, placed.line);
    let loc = placed.diagnostic.loc;
    let start = floor_boundary(text, (loc.start as usize).clamp(line_start, line_end));
    let end = if placed.end_line == placed.line {
        (loc.end as usize).clamp(start, line_end)
    } else {
        line_end
    };
    let end = floor_boundary(text, end);
    // Characters are at most 4 bytes: these windows hold what `snippet` can show.
    let from = floor_boundary(text, start.saturating_sub(4 * MAX_WIDTH).max(line_start));
    let to = floor_boundary(text, (start + 4 * MAX_WIDTH).min(line_end));
    let window = &text[from..to.max(from)];
    let caret = text[from..start].chars().count();
    let caret_end = caret + text[start..end.min(to).max(start)].chars().count();
    let end_known = placed.end_line == placed.line && end <= to;
    snippet(
        window,
        caret,
        end_known.then_some(caret_end),
        from > line_start,
        to < line_end,
    )
}

fn floor_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Cuts `line` for display: tabs as four spaces, control characters as U+FFFD, and a window of
/// [`MAX_WIDTH`] columns around the caret when the line is longer. `start` and `end` are character
/// indexes (`end` exclusive, `None` when the value goes on past the line); `cut_left` and
/// `cut_right` say that `line` is already a window of a longer line.
fn snippet(
    line: &str,
    start: usize,
    end: Option<usize>,
    cut_left: bool,
    cut_right: bool,
) -> Snippet {
    let chars: Vec<char> = line.chars().collect();
    let start = start.min(chars.len());
    let end = match end {
        Some(end) => end.clamp(start + 1, chars.len().max(start + 1)),
        None => chars.len().max(start + 1),
    };
    // Display columns of each character boundary.
    let mut shown: Vec<char> = Vec::with_capacity(chars.len());
    let mut at = Vec::with_capacity(chars.len() + 1);
    for &c in &chars {
        at.push(shown.len());
        match c {
            '\t' => shown.extend([' '; 4]),
            c if c.is_control() => shown.push('\u{FFFD}'),
            c => shown.push(c),
        }
    }
    at.push(shown.len());
    let column_of = |i: usize| {
        if i < at.len() {
            at[i]
        } else {
            shown.len() + (i - chars.len())
        }
    };
    let (caret_start, caret_end) = (column_of(start), column_of(end));

    let width = shown.len();
    let (left, right) = if width <= MAX_WIDTH {
        (0, width)
    } else {
        let left = caret_start.saturating_sub(CONTEXT).min(width - MAX_WIDTH);
        (left, (left + MAX_WIDTH).min(width))
    };
    let mut text = String::new();
    let mut offset = 0;
    if cut_left || left > 0 {
        text.push_str("...");
        offset = 3;
    }
    text.extend(&shown[left..right]);
    if cut_right || right < width {
        text.push_str("...");
    }
    let caret_len = caret_end.min(right.max(caret_start + 1)) - caret_start;
    Snippet {
        text,
        caret_start: caret_start - left + offset,
        caret_len,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_under_the_value() {
        let s = snippet("    \"Resource\": \"\",", 16, Some(18), false, false);
        assert_eq!(s.text, "    \"Resource\": \"\",");
        assert_eq!((s.caret_start, s.caret_len), (16, 2));
    }

    #[test]
    fn tabs_and_empty_ranges() {
        let s = snippet("\t\"a\"", 1, Some(1), false, false);
        assert_eq!(s.text, "    \"a\"");
        assert_eq!((s.caret_start, s.caret_len), (4, 1));
        // At the end of the line (a truncated document).
        let s = snippet("{", 1, Some(1), false, false);
        assert_eq!((s.caret_start, s.caret_len), (1, 1));
        // A value that goes on to the next lines.
        let s = snippet("  {", 2, None, false, false);
        assert_eq!((s.caret_start, s.caret_len), (2, 1));
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let line = format!("{}\"bad\"{}", "x".repeat(5000), "y".repeat(5000));
        let s = snippet(&line, 5000, Some(5005), false, false);
        assert!(s.text.starts_with("...") && s.text.ends_with("..."));
        assert!(s.text.chars().count() <= MAX_WIDTH + 6);
        let caret: String = s
            .text
            .chars()
            .skip(s.caret_start)
            .take(s.caret_len)
            .collect();
        assert_eq!(caret, "\"bad\"");
    }

    #[test]
    fn windows_of_long_lines() {
        let text = format!("{}\"bad\"{}", "é".repeat(100_000), "x".repeat(100_000));
        let start = 2 * 100_000;
        let report = crate::report::place(
            "f.json".into(),
            text,
            vec![
                iam_policy_core::diagnostic::Finding::new(
                    iam_policy_core::codes::JSON_SYNTAX_ERROR,
                    "m",
                )
                .at(
                    iam_policy_core::location::JsonPath::root(),
                    iam_policy_core::location::Loc::new(start as u32, start as u32 + 5),
                ),
            ],
        );
        let s = source_snippet(&report, &report.findings[0]);
        assert!(
            s.text.starts_with("...") && s.text.ends_with("..."),
            "{}",
            s.text
        );
        let caret: String = s
            .text
            .chars()
            .skip(s.caret_start)
            .take(s.caret_len)
            .collect();
        assert_eq!(caret, "\"bad\"");
    }

    #[test]
    fn control_characters_are_not_printed() {
        let s = snippet("a\u{1b}[31mb", 0, Some(1), false, false);
        assert!(!s.text.contains('\u{1b}'));
    }
}
