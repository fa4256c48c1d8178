//! Writing a policy back as JSON, with its key order, its string-or-array shapes and its number
//! text as written.

use std::fmt::{self, Write};

use crate::compiled::JsonValue;

/// Compact JSON: no white space.
pub fn to_compact(value: &JsonValue) -> String {
    let mut out = String::new();
    write_value(&mut out, value, None, 0).expect("writing to a String cannot fail");
    out
}

/// AWS's usual layout: four-space indent, one member or item per line.
pub fn to_pretty(value: &JsonValue) -> String {
    let mut out = String::new();
    write_value(&mut out, value, Some("    "), 0).expect("writing to a String cannot fail");
    out
}

/// Writes `value` to `out`, indented with `indent` when given.
pub fn write_value<W: Write>(
    out: &mut W,
    value: &JsonValue,
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
    match value {
        JsonValue::Null => out.write_str("null"),
        JsonValue::Bool(b) => out.write_str(if *b { "true" } else { "false" }),
        JsonValue::Number(n) => out.write_str(n),
        JsonValue::String(s) => write_string(out, s),
        JsonValue::Array(items) if items.is_empty() => out.write_str("[]"),
        JsonValue::Array(items) => {
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
        JsonValue::Object(members) if members.is_empty() => out.write_str("{}"),
        JsonValue::Object(members) => {
            out.write_char('{')?;
            for (i, member) in members.iter().enumerate() {
                if i > 0 {
                    out.write_char(',')?;
                }
                newline(out, depth + 1)?;
                write_string(out, &member.key)?;
                out.write_str(if indent.is_some() { ": " } else { ":" })?;
                write_value(out, &member.value, indent, depth + 1)?;
            }
            newline(out, depth)?;
            out.write_char('}')
        }
    }
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
}
