//! Writing a policy back as JSON, with its key order, its string-or-array shapes and its number
//! text as written.

use std::fmt::{self, Write};

use crate::compiled::{JsonMember, JsonValue};
use crate::json::{self, Member, Node, Value};

/// A JSON value the writer reads: an exported [`JsonValue`] or a reader's tree ([`Node`]), so
/// that a policy read from text is written back without an intermediate copy of its document.
pub trait Tree: Sized {
    /// A member of an object of the tree.
    type Member;
    /// The value at this level.
    fn view(&self) -> View<'_, Self>;
    /// A member's key and value.
    fn member(member: &Self::Member) -> (&str, &Self);
}

/// One level of a [`Tree`].
#[derive(Debug)]
pub enum View<'a, T: Tree> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(&'a str),
    /// A string, decoded.
    String(&'a str),
    /// An array's items.
    Array(&'a [T]),
    /// An object's members, in order.
    Object(&'a [T::Member]),
}

impl Tree for JsonValue {
    type Member = JsonMember;
    fn view(&self) -> View<'_, Self> {
        match self {
            JsonValue::Null => View::Null,
            JsonValue::Bool(b) => View::Bool(*b),
            JsonValue::Number(n) => View::Number(n),
            JsonValue::String(s) => View::String(s),
            JsonValue::Array(items) => View::Array(items),
            JsonValue::Object(members) => View::Object(members),
        }
    }
    fn member(member: &JsonMember) -> (&str, &Self) {
        (&member.key, &member.value)
    }
}

impl<'a> Tree for Node<'a> {
    type Member = Member<'a>;
    fn view(&self) -> View<'_, Self> {
        match &self.value {
            Value::Null => View::Null,
            Value::Bool(b) => View::Bool(*b),
            Value::Number(n) => View::Number(n),
            Value::String(s) => View::String(s),
            Value::Array(items) => View::Array(items),
            Value::Object(members) => View::Object(members),
        }
    }
    fn member<'m>(member: &'m Member<'a>) -> (&'m str, &'m Self) {
        (&member.key, &member.value)
    }
}

/// Compact JSON: no white space.
pub fn to_compact(value: &impl Tree) -> String {
    let mut out = String::new();
    write_value(&mut out, value, None, 0).expect("writing to a String cannot fail");
    out
}

/// AWS's usual layout: four-space indent, one member or item per line.
pub fn to_pretty(value: &impl Tree) -> String {
    let mut out = String::new();
    write_value(&mut out, value, Some("    "), 0).expect("writing to a String cannot fail");
    out
}

/// Writes `value` to `out`, indented with `indent` when given.
pub fn write_value<W: Write, T: Tree>(
    out: &mut W,
    value: &T,
    indent: Option<&str>,
    depth: usize,
) -> fmt::Result {
    let newline = |out: &mut W, depth: usize| -> fmt::Result {
        if let Some(unit) = indent {
            out.write_char('\n')?;
            for _ in 0..depth {
                out.write_str(unit)?;
            }
        }
        Ok(())
    };
    match value.view() {
        View::Null => out.write_str("null"),
        View::Bool(b) => out.write_str(if b { "true" } else { "false" }),
        View::Number(n) => out.write_str(n),
        View::String(s) => write_string(out, s),
        View::Array([]) => out.write_str("[]"),
        View::Array(items) => {
            out.write_char('[')?;
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.write_char(',')?;
                }
                newline(out, depth + 1)?;
                write_value(out, item, indent, depth + 1)?;
            }
            newline(out, depth)?;
            out.write_char(']')
        }
        View::Object([]) => out.write_str("{}"),
        View::Object(members) => {
            out.write_char('{')?;
            for (i, member) in members.iter().enumerate() {
                if i > 0 {
                    out.write_char(',')?;
                }
                let (key, value) = T::member(member);
                newline(out, depth + 1)?;
                write_string(out, key)?;
                out.write_str(if indent.is_some() { ": " } else { ":" })?;
                write_value(out, value, indent, depth + 1)?;
            }
            newline(out, depth)?;
            out.write_char('}')
        }
    }
}

/// [`to_compact`] of the tree of a JSON text, written from the text itself: white space outside
/// strings dropped, strings decoded and written again as [`write_string`] writes them, the rest
/// (numbers, literals, punctuation) copied. `text` must be valid JSON (one that [`json::parse`]
/// read); the loader uses it so that a policy's tree can be freed before its export is written.
#[must_use]
pub fn compact_text(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b' ' | b'\t' | b'\n' | b'\r' => at += 1,
            b'"' => {
                let start = at + 1;
                let mut end = start;
                while end < bytes.len() && bytes[end] != b'"' {
                    end += if bytes[end] == b'\\' { 2 } else { 1 };
                }
                let end = end.min(bytes.len());
                let content = &text[start..end];
                let written = if content.contains('\\') {
                    json::unescape(content).map(|s| write_string(&mut out, &s))
                } else {
                    Ok(write_string(&mut out, content))
                };
                if written.is_err() {
                    // Not valid JSON: kept as written.
                    out.push_str(&text[at..(end + 1).min(bytes.len())]);
                }
                at = end + 1;
            }
            _ => {
                // Outside strings valid JSON is ASCII: a run up to the next space or string.
                let run = bytes[at..]
                    .iter()
                    .position(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'"'))
                    .map_or(bytes.len(), |n| at + n);
                out.push_str(&text[at..run]);
                at = run;
            }
        }
    }
    out.shrink_to_fit();
    out
}

/// A JSON string literal: quotes, backslashes and control characters escaped, the rest as is.
pub fn write_string<W: Write>(out: &mut W, s: &str) -> fmt::Result {
    out.write_char('"')?;
    for c in s.chars() {
        match c {
            '"' => out.write_str("\\\"")?,
            '\\' => out.write_str("\\\\")?,
            '\n' => out.write_str("\\n")?,
            '\r' => out.write_str("\\r")?,
            '\t' => out.write_str("\\t")?,
            '\u{8}' => out.write_str("\\b")?,
            '\u{c}' => out.write_str("\\f")?,
            c if (c as u32) < 0x20 => write!(out, "\\u{:04x}", c as u32)?,
            c => out.write_char(c)?,
        }
    }
    out.write_char('"')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lower::json_value;

    #[test]
    fn round_trips_text_with_order_and_shapes() {
        let text = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":["*"],"Condition":{"NumericLessThan":{"s3:max-keys":10.50}}}],"Id":"a\"b\\c\n"}"#;
        let value = json_value(&crate::json::parse(text).unwrap());
        assert_eq!(to_compact(&value), text);
        let pretty = to_pretty(&value);
        assert!(
            pretty.starts_with(
                "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {"
            )
        );
        assert_eq!(json_value(&crate::json::parse(&pretty).unwrap()), value);
    }

    /// The export written from the text is the one written from its tree: escapes decoded and
    /// written again, white space dropped, numbers as written.
    #[test]
    fn compact_text_writes_what_the_tree_writes() {
        for text in [
            r#"{"Version":"2012-10-17","Statement":[]}"#,
            "{ \"a\" : [ 1 , -2.50e+3 , true , false , null ] ,\n\t\"b\": {} , \"c\": [] }",
            r#"{"k\u0041\/": "x\"y\\z\n\t\u00e9\ud83d\ude00 \u0001", "s": "caf\u00e9 \u2028 é"}"#,
            r#"  "just a string"  "#,
            r#"[{"a":"b"},{"c":[[],[{}]]}]"#,
        ] {
            let tree = crate::json::parse(text).unwrap();
            assert_eq!(compact_text(text), to_compact(&tree), "{text}");
        }
    }
}
