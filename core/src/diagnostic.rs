//! Findings of the validator: a stable code, a severity, a one-line message, an optional `help:` line
//! and where the offending value is (a JSON path and a source location).

use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use crate::codes::Code;
use crate::location::{JsonPath, Loc};

/// How bad a finding is. `Error` fails `policy!` and `Policy::from_json`; the others are compiler
/// warnings in `policy!` and reported findings elsewhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// IAM would reject the policy, or it cannot work as written: `policy!` fails to compile
    /// and `Policy::from_json` returns an error.
    Error,
    /// The policy is accepted but risky or likely not what was meant (a `deprecated` warning in
    /// `policy!`).
    Warning,
    /// The policy works; a clearer or tighter way to write it exists.
    Suggestion,
}

impl Severity {
    /// The severity in lowercase, as diagnostics print it (`error`, `warning`, `suggestion`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Suggestion => "suggestion",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A finding without its location: what checks that look only at a value (an action name, a key)
/// return, so that the caller, which knows where the value stands, can place it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The registered code (`codes::INVALID_ACTION`); its severity is the finding's.
    pub code: Code,
    /// Lowercase, one line, user input in backticks.
    pub message: String,
    /// The fix, without the `help: ` prefix. Shared: findings that repeat a help (the same fix
    /// for many statements) hold one text ([`Finding::share_help`]).
    pub help: Option<Arc<str>>,
}

impl Finding {
    /// A finding of a registered code, at the severity the registry gives it.
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Finding {
            code,
            message: exact(message.into()),
            help: None,
        }
    }

    /// The code's registered severity.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// The same finding with a fix to suggest, printed on a `help:` line.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(Arc::from(help.into()));
        self
    }

    /// The finding with its help replaced by an equal one from `helps`, or added to it: a
    /// document's findings keep one copy of each distinct help.
    pub fn share_help(mut self, helps: &mut HashSet<Arc<str>>) -> Self {
        if let Some(help) = &mut self.help {
            match helps.get(help) {
                Some(shared) => *help = Arc::clone(shared),
                None => {
                    helps.insert(Arc::clone(help));
                }
            }
        }
        self
    }

    /// Places the finding at a value of the document.
    #[must_use]
    pub fn at(self, path: JsonPath, loc: Loc) -> Diagnostic {
        Diagnostic {
            finding: self,
            path,
            loc,
        }
    }
}

/// A text without spare capacity: `format!` over-allocates, and a document may hold a finding
/// for every few bytes of its text.
fn exact(mut text: String) -> String {
    text.shrink_to_fit();
    text
}

/// A finding placed in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The code, message and help.
    pub finding: Finding,
    /// Where the value is, as Access Analyzer reports it: `Statement[0].Resource[1]`.
    pub path: JsonPath,
    /// The value's location in its source: a byte range of a text, or a token of `policy!`.
    pub loc: Loc,
}

impl Diagnostic {
    /// The code's name: `INVALID_ACTION`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.finding.code.name()
    }
    /// The code's registered severity.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.finding.severity()
    }
    /// The one-line message, without code or location.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.finding.message
    }
    /// The suggested fix, without the `help: ` prefix, if there is one.
    #[must_use]
    pub fn help(&self) -> Option<&str> {
        self.finding.help.as_deref()
    }
    /// True for an [`Severity::Error`]: the policy is refused.
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.finding.severity() == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `error[INVALID_EFFECT]: ... at Statement[0].Effect` then `help: ...` on the next line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}]: {}",
            self.finding.severity(),
            self.finding.code,
            self.finding.message
        )?;
        if !self.path.is_root() {
            write!(f, " (at `{}`)", self.path)?;
        }
        if let Some(help) = &self.finding.help {
            write!(f, "\nhelp: {help}")?;
        }
        Ok(())
    }
}

/// All findings of one document, in document order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    /// How many of `items` are errors: asked after every condition is read, so kept, not counted
    /// (counting made a policy of N erroneous conditions cost N² steps).
    errors: usize,
}

impl Diagnostics {
    /// No findings.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }
    /// Adds a finding at the end (call [`Diagnostics::sort`] to restore document order).
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.errors += usize::from(diagnostic.is_error());
        self.items.push(diagnostic);
    }
    /// True when any finding is an error.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }
    /// The number of findings of severity [`Severity::Error`], without a pass over them.
    #[must_use]
    pub fn error_count(&self) -> usize {
        self.errors
    }
    /// The findings of severity [`Severity::Error`], in order.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        crate::work::add(crate::work::Counter::FindingScans, self.items.len() as u64);
        self.items.iter().filter(|d| d.is_error())
    }
    /// Every finding, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.items.iter()
    }
    /// The number of findings.
    #[must_use]
    pub fn len(&self) -> usize {
        self.items.len()
    }
    /// True when there is no finding at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
    /// The findings, in order, as a vector.
    #[must_use]
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
    /// Sorts by source position so that output follows the document. Findings mostly come in
    /// document order already: then nothing moves and no buffer is allocated (a stable sort
    /// takes one as large as the list). Spare capacity is released, as the list is kept.
    pub fn sort(&mut self) {
        let key = |d: &Diagnostic| (d.loc.start, d.loc.end);
        if !self.items.is_sorted_by_key(key) {
            self.items.sort_by_key(key);
        }
        self.items.shrink_to_fit();
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

/// A diagnostic of a text, with the line and column (1-based, in characters) where its value starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextDiagnostic {
    /// The finding and its place in the document.
    pub diagnostic: Diagnostic,
    /// The 1-based line where the offending value starts.
    pub line: usize,
    /// The 1-based column, counted in characters, where the offending value starts.
    pub column: usize,
}

impl TextDiagnostic {
    /// Places diagnostics whose locations are byte ranges of `text`, indexing the text's lines
    /// once: the cost is one pass over the text, whatever the number of findings.
    pub fn place(
        text: &str,
        diagnostics: impl IntoIterator<Item = Diagnostic>,
    ) -> Vec<TextDiagnostic> {
        let diagnostics: Vec<Diagnostic> = diagnostics.into_iter().collect();
        if diagnostics.is_empty() {
            return Vec::new();
        }
        let offsets: Vec<usize> = diagnostics.iter().map(|d| d.loc.start as usize).collect();
        let positions = crate::lines::LineIndex::new(text).positions(text, &offsets);
        diagnostics
            .into_iter()
            .zip(positions)
            .map(|(diagnostic, (line, column))| TextDiagnostic {
                diagnostic,
                line,
                column,
            })
            .collect()
    }
}

impl fmt::Display for TextDiagnostic {
    /// `error[CODE]: message` then ` --> line:column` and `help:` lines.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.diagnostic;
        write!(
            f,
            "{}[{}]: {}",
            d.finding.severity(),
            d.finding.code,
            d.finding.message
        )?;
        write!(f, "\n  --> line {}, column {}", self.line, self.column)?;
        if !d.path.is_root() {
            write!(f, " (`{}`)", d.path)?;
        }
        if let Some(help) = &d.finding.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}
