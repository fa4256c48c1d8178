//! Reading a string of a policy into glob segments: literal text, `*` and `?` (where the element
//! or operator treats them as wildcards) and policy variables (where they are allowed).

use std::borrow::Cow;

use crate::codes;
use crate::compiled::{Glob, Segment, Variable, VariableRef};
use crate::diagnostic::Finding;

/// Whether `*` and `?` are wildcards or text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wildcards {
    /// `*` matches any run of characters and `?` exactly one.
    Glob,
    /// `*` and `?` are ordinary characters.
    Literal,
}

/// Whether `${...}` may stand here, and if not, which finding it gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variables {
    /// `${key}` is a policy variable.
    Allowed,
    /// The policy's version is not 2012-10-17: IAM would read the variable as literal text.
    UnsupportedInVersion,
    /// Not in this element (Action, an ARN's first five parts).
    UnsupportedInElement(&'static str),
    /// Not with this operator (Numeric, Date, IP, Binary, Null).
    UnsupportedForOperator(&'static str),
}

/// Characters a variable's key may hold besides ASCII letters and digits.
const KEY_SYMBOLS: &[char] = &[':', '/', '.', '-', '_', '@', '+', '=', '|'];

/// Reads `text`. Findings are returned beside the segments; with findings, the segments are a
/// best effort and must not be evaluated.
#[must_use]
pub fn read(text: &str, wildcards: Wildcards, variables: Variables) -> (Glob, Vec<Finding>) {
    let mut segments: Vec<Segment> = Vec::new();
    let mut findings = Vec::new();
    let mut literal = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("${") {
            let (consumed, piece) = variable(rest, variables, &mut findings);
            match piece {
                Piece::Text(t) => literal.push_str(&t),
                Piece::Variable(v) => {
                    flush(&mut literal, &mut segments);
                    segments.push(Segment::Variable(VariableRef::new(v)));
                }
            }
            rest = &rest[consumed..];
            continue;
        }
        match c {
            '*' if wildcards == Wildcards::Glob => {
                flush(&mut literal, &mut segments);
                if !matches!(segments.last(), Some(Segment::AnyRun)) {
                    segments.push(Segment::AnyRun);
                }
            }
            '?' if wildcards == Wildcards::Glob => {
                flush(&mut literal, &mut segments);
                segments.push(Segment::AnyOne);
            }
            c => literal.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut literal, &mut segments);
    let segments = match SHARED.iter().find(|shared| **shared == segments.as_slice()) {
        Some(shared) => Cow::Borrowed(*shared),
        None => {
            // Exact sizes: a document keeps one glob per pattern, most of them a single literal.
            segments.shrink_to_fit();
            Cow::Owned(segments)
        }
    };
    (Glob { segments }, findings)
}

/// Globs that most ARNs repeat (`*`, the partitions), shared as constants rather than
/// allocated for each pattern.
const SHARED: &[&[Segment]] = &[
    &[Segment::AnyRun],
    &[Segment::Literal(Cow::Borrowed("aws"))],
    &[Segment::Literal(Cow::Borrowed("aws-cn"))],
    &[Segment::Literal(Cow::Borrowed("aws-us-gov"))],
];

/// True when `text` holds something that reads as a policy variable.
#[must_use]
pub fn has_variable(text: &str) -> bool {
    text.contains("${")
}

fn flush(literal: &mut String, segments: &mut Vec<Segment>) {
    if !literal.is_empty() {
        let mut text = std::mem::take(literal);
        text.shrink_to_fit();
        segments.push(Segment::Literal(Cow::Owned(text)));
    }
}

enum Piece {
    Text(String),
    Variable(Variable),
}

/// Reads the variable at the start of `text` (which starts with `${`); returns the bytes taken.
fn variable(text: &str, rule: Variables, findings: &mut Vec<Finding>) -> (usize, Piece) {
    let Some(close) = text.find('}') else {
        findings.push(
            Finding::new(
                codes::MISSING_BRACE_IN_VARIABLE,
                format!("the policy variable in `{text}` is missing its closing `}}`"),
            )
            .with_help("add `}` after the variable's name"),
        );
        return (text.len(), Piece::Text(text.to_owned()));
    };
    let whole = &text[..=close];
    let inner = &text[2..close];
    let taken = close + 1;
    match rule {
        Variables::Allowed => {}
        Variables::UnsupportedInVersion => {
            findings.push(
                Finding::new(
                    codes::VARIABLE_UNSUPPORTED_IN_VERSION,
                    format!("the policy variable `{whole}` needs `\"Version\": \"2012-10-17\"`; with this version IAM reads it as literal text"),
                )
                .with_help("set `\"Version\": \"2012-10-17\"`"),
            );
            return (taken, Piece::Text(whole.to_owned()));
        }
        Variables::UnsupportedInElement(element) => {
            findings.push(
                Finding::new(
                    codes::VARIABLE_UNSUPPORTED_IN_ELEMENT,
                    format!("policy variables are not supported in {element}: `{whole}`"),
                )
                .with_help("use policy variables only in the resource part of an ARN and in String or ARN condition values"),
            );
            return (taken, Piece::Text(whole.to_owned()));
        }
        Variables::UnsupportedForOperator(operator) => {
            findings.push(
                Finding::new(
                    codes::INVALID_VARIABLE_FOR_OPERATOR,
                    format!(
                        "policy variables cannot be used with the `{operator}` operator: `{whole}`"
                    ),
                )
                .with_help("policy variables work only with String and ARN operators"),
            );
            return (taken, Piece::Text(whole.to_owned()));
        }
    }
    match inner {
        "*" => return (taken, Piece::Text("*".into())),
        "?" => return (taken, Piece::Text("?".into())),
        "$" => return (taken, Piece::Text("$".into())),
        _ => {}
    }
    if inner.trim().is_empty() {
        findings.push(
            Finding::new(
                codes::EMPTY_VARIABLE,
                format!("empty policy variable `{whole}`"),
            )
            .with_help("name a context key, as in `${aws:username}`, or remove the `${}`"),
        );
        return (taken, Piece::Text(whole.to_owned()));
    }
    let (key, default) = match inner.split_once(',') {
        Some((key, default)) => (key, Some(default)),
        None => (inner, None),
    };
    let default = match default {
        None => None,
        Some(default) => match read_default(default, whole) {
            Ok(default) => Some(default),
            Err(finding) => {
                findings.push(finding);
                return (taken, Piece::Text(whole.to_owned()));
            }
        },
    };
    if key.contains(char::is_whitespace) {
        findings.push(
            Finding::new(
                codes::UNSUPPORTED_SPACE_IN_VARIABLE,
                format!("a space is not supported in the policy variable `{whole}`"),
            )
            .with_help(format!(
                "write `${{{}}}`",
                key.split_whitespace().collect::<String>()
            )),
        );
        return (taken, Piece::Text(whole.to_owned()));
    }
    if let Some(bad) = key
        .chars()
        .find(|c| !c.is_ascii_alphanumeric() && !KEY_SYMBOLS.contains(c))
    {
        findings.push(
            Finding::new(
                codes::UNSUPPORTED_SYMBOL_IN_VARIABLE,
                format!("the policy variable `{whole}` contains the unsupported character `{bad}`"),
            )
            .with_help("a variable names a context key, such as `${aws:username}` or `${aws:PrincipalTag/team}`"),
        );
        return (taken, Piece::Text(whole.to_owned()));
    }
    if !key.contains(':') {
        let mut finding = Finding::new(
            codes::INVALID_VARIABLE,
            format!(
                "the policy variable `{whole}` does not name a context key: it has no service prefix"
            ),
        );
        finding = finding.with_help(format!("did you mean `${{aws:{key}}}`?"));
        findings.push(finding);
        return (taken, Piece::Text(whole.to_owned()));
    }
    let variable = Variable {
        key: Cow::Owned(key.to_owned()),
        default: default.map(Cow::Owned),
    };
    (taken, Piece::Variable(variable))
}

/// The default of `${key, 'default'}`: after exactly one space, in single quotes.
fn read_default(default: &str, whole: &str) -> Result<String, Finding> {
    let Some(quoted) = default.strip_prefix(' ') else {
        return Err(Finding::new(
            codes::UNSUPPORTED_SYMBOL_IN_VARIABLE,
            format!("the default value of the policy variable `{whole}` must follow `, ` (a comma and one space)"),
        )
        .with_help("write the default as `${key, 'default'}`"));
    };
    match quoted.strip_prefix('\'').and_then(|q| q.strip_suffix('\'')) {
        Some(value) if !quoted.is_empty() && quoted.len() >= 2 => Ok(value.to_owned()),
        _ => Err(Finding::new(
            codes::MISSING_QUOTE_IN_VARIABLE,
            format!("the default value of the policy variable `{whole}` must begin and end with a single quote"),
        )
        .with_help("write the default as `${key, 'default'}`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str, rule: Variables) -> Vec<&'static str> {
        read(text, Wildcards::Glob, rule)
            .1
            .into_iter()
            .map(|f| f.code.name())
            .collect()
    }

    #[test]
    fn reads_literals_wildcards_and_variables() {
        let (glob, findings) = read(
            "session/${aws:username}-*",
            Wildcards::Glob,
            Variables::Allowed,
        );
        assert!(findings.is_empty());
        assert_eq!(glob.segments.len(), 4);
        assert!(matches!(&glob.segments[1], Segment::Variable(v) if v.key == "aws:username"));
        assert!(matches!(glob.segments[3], Segment::AnyRun));
        let (glob, _) = read("a*b?", Wildcards::Literal, Variables::Allowed);
        assert_eq!(glob.segments.as_ref(), [Segment::Literal("a*b?".into())]);
    }

    #[test]
    fn special_variables_are_literal_characters() {
        let (glob, findings) = read("a${*}b${?}${$}", Wildcards::Glob, Variables::Allowed);
        assert!(findings.is_empty());
        assert_eq!(glob.segments.as_ref(), [Segment::Literal("a*b?$".into())]);
    }

    #[test]
    fn defaults() {
        let (glob, findings) = read(
            "${aws:PrincipalTag/team, 'company-wide'}",
            Wildcards::Glob,
            Variables::Allowed,
        );
        assert!(findings.is_empty());
        assert!(
            matches!(&glob.segments[0], Segment::Variable(v) if v.default.as_deref() == Some("company-wide"))
        );
        assert_eq!(
            codes("${aws:username, default}", Variables::Allowed),
            ["MISSING_QUOTE_IN_VARIABLE"]
        );
        assert_eq!(
            codes("${aws:username,'x'}", Variables::Allowed),
            ["UNSUPPORTED_SYMBOL_IN_VARIABLE"]
        );
    }

    #[test]
    fn syntax_errors() {
        assert_eq!(
            codes("session/${aws:username-*", Variables::Allowed),
            ["MISSING_BRACE_IN_VARIABLE"]
        );
        assert_eq!(codes("${ }", Variables::Allowed), ["EMPTY_VARIABLE"]);
        assert_eq!(
            codes("${aws: username}", Variables::Allowed),
            ["UNSUPPORTED_SPACE_IN_VARIABLE"]
        );
        assert_eq!(
            codes("${aws:user#name}", Variables::Allowed),
            ["UNSUPPORTED_SYMBOL_IN_VARIABLE"]
        );
        assert_eq!(
            codes("${username}", Variables::Allowed),
            ["INVALID_VARIABLE"]
        );
    }

    #[test]
    fn placement_rules() {
        assert_eq!(
            codes("${aws:username}", Variables::UnsupportedInVersion),
            ["VARIABLE_UNSUPPORTED_IN_VERSION"]
        );
        assert_eq!(
            codes("${aws:username}", Variables::UnsupportedInElement("Action")),
            ["VARIABLE_UNSUPPORTED_IN_ELEMENT"]
        );
        assert_eq!(
            codes(
                "${aws:username}",
                Variables::UnsupportedForOperator("NumericEquals")
            ),
            ["INVALID_VARIABLE_FOR_OPERATOR"]
        );
        assert!(codes("plain $ text", Variables::UnsupportedInVersion).is_empty());
    }
}
