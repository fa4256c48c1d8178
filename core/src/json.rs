//! The JSON tree that both readers produce: the text reader here (for `Policy::from_json` and the
//! command-line tool) and the token reader of `policy!`. Every node keeps its location, objects keep
//! their key order and their duplicate keys (the validator reports them), numbers keep their text.

use std::borrow::Cow;

use crate::codes;
use crate::diagnostic::Finding;
use crate::location::Loc;

/// A JSON value with its location in the source. Its strings borrow from the text read when they
/// hold no escape.
#[derive(Clone, Debug, PartialEq)]
pub struct Node<'a> {
    /// The value.
    pub value: Value<'a>,
    /// Where the value is written: a byte range of a text, or a token of `policy!`.
    pub loc: Loc,
}

/// A JSON value, as read (no normalization).
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// The number as written, so that export prints it unchanged.
    Number(Cow<'a, str>),
    /// A string, its escapes decoded.
    String(Cow<'a, str>),
    /// An array, in order.
    Array(Vec<Node<'a>>),
    /// An object, its members in the order written, duplicate keys kept.
    Object(Vec<Member<'a>>),
}

/// One `"key": value` member of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct Member<'a> {
    /// The member's name, its escapes decoded.
    pub key: Cow<'a, str>,
    /// Where the name is written (findings about a key point at it).
    pub key_loc: Loc,
    /// The member's value.
    pub value: Node<'a>,
}

impl Value<'_> {
    /// The JSON type name, as IAM words it in "expected JSON data type" messages.
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}

/// A syntax error of a text, at a byte offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// The byte offset in the text where reading failed.
    pub offset: usize,
    /// What is wrong there, lowercase, without the position.
    pub message: String,
}

impl SyntaxError {
    /// The error as a `JSON_SYNTAX_ERROR` finding (without location or help).
    #[must_use]
    pub fn finding(&self) -> Finding {
        Finding::new(codes::JSON_SYNTAX_ERROR, self.message.clone())
    }
}

/// Deepest nesting accepted: a policy is at most 5 levels deep; this bounds recursion on hostile input.
pub const MAX_DEPTH: usize = 64;

/// Reads a JSON text. Strict RFC 8259: no comments, no trailing commas.
pub fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    let mut reader = TextReader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    reader.skip_ws();
    let node = reader.value(0)?;
    reader.skip_ws();
    if reader.pos < reader.bytes.len() {
        return Err(reader.error("unexpected text after the end of the JSON document"));
    }
    Ok(node)
}

/// Decodes the JSON escapes (`\/`, `\uXXXX`, `\n`, ...) of the text of a string without its
/// quotes, as `policy!` reads a raw string literal: pasted JSON means what it means in JSON. Other
/// characters, a `"` included, are kept as they are.
pub fn unescape(content: &str) -> Result<String, SyntaxError> {
    let mut reader = TextReader {
        text: content,
        bytes: content.as_bytes(),
        pos: 0,
    };
    let mut out = String::with_capacity(content.len());
    loop {
        let run_start = reader.pos;
        while reader.bytes.get(reader.pos).is_some_and(|&b| b != b'\\') {
            reader.pos += 1;
        }
        out.push_str(&content[run_start..reader.pos]);
        if reader.pos == reader.bytes.len() {
            return Ok(out);
        }
        let escape_start = reader.pos;
        reader.pos += 1;
        reader.escape(&mut out).map_err(|mut error| {
            error.offset = escape_start;
            error
        })?;
    }
}

struct TextReader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> TextReader<'a> {
    fn error(&self, message: &str) -> SyntaxError {
        SyntaxError {
            offset: self.pos,
            message: message.to_owned(),
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn loc(start: usize, end: usize) -> Loc {
        Loc::new(start as u32, end as u32)
    }

    fn value(&mut self, depth: usize) -> Result<Node<'a>, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("the document is nested too deeply"));
        }
        let start = self.pos;
        let value = match self.bytes.get(self.pos) {
            None => return Err(self.error("unexpected end of the document: expected a value")),
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.keyword("true", Value::Bool(true))?,
            Some(b'f') => self.keyword("false", Value::Bool(false))?,
            Some(b'n') => self.keyword("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            Some(_) => {
                let c = self.text[self.pos..].chars().next().unwrap_or('?');
                return Err(self.error(&format!("expected a value, found `{}`", c.escape_debug())));
            }
        };
        Ok(Node {
            value,
            loc: Self::loc(start, self.pos),
        })
    }

    fn keyword(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, SyntaxError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value<'a>, SyntaxError> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.bytes.get(self.pos) != Some(&b'"') {
                return Err(self.error(match self.bytes.get(self.pos) {
                    Some(b'}') => "trailing comma before `}`",
                    None => "unexpected end of the document: expected a string key or `}`",
                    // `{'Effect': ...}` or `{Effect: ...}`: keys in single quotes or bare.
                    Some(_) => "expected a string key in double quotes",
                }));
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_loc = Self::loc(key_start, self.pos);
            self.skip_ws();
            if self.bytes.get(self.pos) != Some(&b':') {
                return Err(self.error("expected `:` after the key"));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value(depth + 1)?;
            members.push(Member {
                key,
                key_loc,
                value,
            });
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    members.shrink_to_fit();
                    return Ok(Value::Object(members));
                }
                None => {
                    return Err(self.error("unexpected end of the document: expected `,` or `}`"));
                }
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value<'a>, SyntaxError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            if self.bytes.get(self.pos) == Some(&b']') {
                return Err(self.error("trailing comma before `]`"));
            }
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    items.shrink_to_fit();
                    return Ok(Value::Array(items));
                }
                None => {
                    return Err(self.error("unexpected end of the document: expected `,` or `]`"));
                }
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn number(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        let start = self.pos;
        if self.bytes.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        match self.bytes.get(self.pos) {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("invalid number")),
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !matches!(self.bytes.get(self.pos), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number: expected a digit after `.`"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if !matches!(self.bytes.get(self.pos), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number: expected a digit in the exponent"));
            }
            self.digits();
        }
        Ok(Cow::Borrowed(&self.text[start..self.pos]))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// A string: borrowed from the text unless it holds an escape.
    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.pos += 1;
        let start = self.pos;
        while let Some(&b) = self.bytes.get(self.pos) {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            self.pos += 1;
        }
        if self.bytes.get(self.pos) == Some(&b'"') {
            self.pos += 1;
            return Ok(Cow::Borrowed(&self.text[start..self.pos - 1]));
        }
        self.pos = start;
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run_start..self.pos]);
            match self.bytes.get(self.pos) {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.error("control character in a string: escape it")),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let c = match self.bytes.get(self.pos) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let high = self.hex4()?;
                let c = if (0xD800..0xDC00).contains(&high) {
                    if !self.bytes[self.pos..].starts_with(b"\\u") {
                        return Err(self.error("unpaired surrogate in a `\\u` escape"));
                    }
                    self.pos += 2;
                    let low = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(self.error("unpaired surrogate in a `\\u` escape"));
                    }
                    char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                } else {
                    char::from_u32(high)
                };
                out.push(c.ok_or_else(|| self.error("unpaired surrogate in a `\\u` escape"))?);
                return Ok(());
            }
            _ => return Err(self.error("invalid escape in a string")),
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.error("truncated `\\u` escape"))?;
        let mut value = 0;
        for &d in digits {
            let v = (d as char)
                .to_digit(16)
                .ok_or_else(|| self.error("invalid `\\u` escape"))?;
            value = value * 16 + v;
        }
        self.pos += 4;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_key_order_duplicates_and_locations() {
        let node = parse(r#"{"b": 1, "a": [true, null], "b": "x\u00e9\/"}"#).unwrap();
        let Value::Object(members) = &node.value else {
            panic!("object expected")
        };
        let keys: Vec<_> = members.iter().map(|m| m.key.as_ref()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
        assert_eq!(members[0].value.value, Value::Number("1".into()));
        assert_eq!(members[2].value.value, Value::String("xé/".into()));
        assert_eq!(members[1].key_loc, Loc::new(9, 12));
    }

    #[test]
    fn rejects_malformed_text_with_its_offset() {
        for (text, offset) in [
            ("{\"a\": 1,}", 8),
            ("[1 2]", 3),
            ("{\"a\" 1}", 5),
            ("\"abc", 4),
            ("{} x", 3),
            ("", 0),
            ("[01]", 2),
            ("{\"a\": tru}", 6),
        ] {
            let err = parse(text).unwrap_err();
            assert_eq!(err.offset, offset, "{text}: {}", err.message);
        }
    }

    #[test]
    fn bounds_nesting_depth() {
        let deep = "[".repeat(10_000);
        assert!(
            parse(&deep)
                .unwrap_err()
                .message
                .contains("nested too deeply")
        );
    }

    #[test]
    fn unescape_decodes_json_escapes_and_keeps_the_rest() {
        assert_eq!(unescape(r"reports\/*").unwrap(), "reports/*");
        assert_eq!(unescape(r"\u0052eports").unwrap(), "Reports");
        assert_eq!(unescape(r#"a\"b"c\\d\n\t"#).unwrap(), "a\"b\"c\\d\n\t");
        assert_eq!(unescape(r"\ud83d\ude00").unwrap(), "😀");
        assert_eq!(unescape("caf\u{e9}").unwrap(), "caf\u{e9}");
        let error = unescape(r"ab\qc").unwrap_err();
        assert_eq!(error.offset, 2);
        assert_eq!(unescape(r"x\u00").unwrap_err().offset, 1);
        assert!(unescape(r"\ud83d").is_err());
        assert!(unescape("ends with \\").is_err());
    }

    #[test]
    fn decodes_surrogate_pairs() {
        assert_eq!(
            parse(r#""\ud83d\ude00""#).unwrap().value,
            Value::String("😀".into())
        );
        assert!(parse(r#""\ud83d""#).is_err());
    }
}
