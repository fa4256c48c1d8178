//! Colour with plain ANSI escapes: on a terminal unless `NO_COLOR` is set (or as `--color` says).

use std::io::IsTerminal;

use iam_policy_core::diagnostic::Severity;

use crate::cli::ColorChoice;

/// Whether to colour a stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub enabled: bool,
}

impl Style {
    /// For standard output.
    pub fn stdout(choice: ColorChoice) -> Style {
        Style::decide(choice, std::io::stdout().is_terminal())
    }

    /// For standard error.
    pub fn stderr(choice: ColorChoice) -> Style {
        Style::decide(choice, std::io::stderr().is_terminal())
    }

    fn decide(choice: ColorChoice, terminal: bool) -> Style {
        let enabled = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            // https://no-color.org: set and not empty disables colour.
            ColorChoice::Auto => {
                terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        Style { enabled }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.enabled {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// The colour of a severity (bold).
    pub fn severity(self, severity: Severity, text: &str) -> String {
        let code = match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Suggestion => "1;36",
        };
        self.paint(code, text)
    }

    /// Gutters and arrows (bold blue, as rustc).
    pub fn gutter(self, text: &str) -> String {
        self.paint("1;34", text)
    }

    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    pub fn green(self, text: &str) -> String {
        self.paint("1;32", text)
    }

    pub fn red(self, text: &str) -> String {
        self.paint("1;31", text)
    }
}

/// Text from a policy made safe to print on a terminal: control characters escaped, so that a
/// hostile file cannot send escape sequences.
pub fn sanitize(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}
