//! The token reader: a JSON document written as Rust tokens (`{ "Version": "2012-10-17", ... }`)
//! into the core's JSON tree. Every string is one Rust string literal, so every node gets the span
//! of its own token; a node's location is the index of that span in [`Spans`].

use iam_policy_core::json::{Member, Node, Value};
use iam_policy_core::location::Loc;
use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};

/// The spans of the tokens the tree was read from, indexed by `Loc::start`.
#[derive(Default)]
pub struct Spans(Vec<Span>);

impl Spans {
    fn add(&mut self, span: Span) -> Loc {
        self.0.push(span);
        let index = (self.0.len() - 1) as u32;
        Loc::new(index, index)
    }
    pub fn get(&self, loc: Loc) -> Span {
        self.0
            .get(loc.start as usize)
            .copied()
            .unwrap_or_else(Span::call_site)
    }
}

/// A syntax error at a token.
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

fn error<T>(span: Span, message: impl Into<String>) -> Result<T, SyntaxError> {
    Err(SyntaxError {
        span,
        message: message.into(),
        help: None,
    })
}

/// Reads the macro's whole input, which must be one JSON object.
pub fn read(input: TokenStream, spans: &mut Spans) -> Result<Node<'static>, SyntaxError> {
    let tokens: Vec<TokenTree> = input.into_iter().collect();
    let mut reader = Reader {
        tokens: &tokens,
        pos: 0,
        spans,
    };
    let Some(first) = tokens.first() else {
        return error(
            Span::call_site(),
            "expected a policy document: `policy!({ \"Version\": \"2012-10-17\", \"Statement\": [...] })`",
        );
    };
    if !matches!(first, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace) {
        let span = match first {
            TokenTree::Group(group) => group.span_open(),
            other => other.span(),
        };
        return error(
            span,
            "expected a policy document in braces: `policy!({ ... })`",
        );
    }
    let node = reader.value()?;
    if let Some(extra) = reader.peek() {
        return error(extra.span(), "unexpected tokens after the policy document");
    }
    Ok(node)
}

struct Reader<'a> {
    tokens: &'a [TokenTree],
    pos: usize,
    spans: &'a mut Spans,
}

impl Reader<'_> {
    fn peek(&self) -> Option<&TokenTree> {
        self.tokens.get(self.pos)
    }

    fn end_span(&self) -> Span {
        self.tokens
            .last()
            .map_or_else(Span::call_site, TokenTree::span)
    }

    fn value(&mut self) -> Result<Node<'static>, SyntaxError> {
        let Some(token) = self.tokens.get(self.pos).cloned() else {
            return error(self.end_span(), "expected a value after this");
        };
        self.pos += 1;
        // A group is placed at its opening delimiter: a finding about a whole object points there.
        let span = match &token {
            TokenTree::Group(group) => group.span_open(),
            other => other.span(),
        };
        let value = match token {
            TokenTree::Group(group) => {
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                match group.delimiter() {
                    Delimiter::Brace => self.object(&inner)?,
                    Delimiter::Bracket => self.array(&inner)?,
                    Delimiter::Parenthesis => {
                        return error(span, "parentheses are not JSON: use `[...]` or `{...}`");
                    }
                    // An invisible group comes from a macro_rules! fragment: read what it holds.
                    Delimiter::None => {
                        let mut nested = Reader {
                            tokens: &inner,
                            pos: 0,
                            spans: self.spans,
                        };
                        let node = nested.value()?;
                        return Ok(node);
                    }
                }
            }
            TokenTree::Ident(ident) => match ident.to_string().as_str() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                "null" => Value::Null,
                other => {
                    return error(
                        span,
                        format!("`{other}` is not a JSON value: strings need double quotes"),
                    );
                }
            },
            TokenTree::Punct(punct) if punct.as_char() == '-' => match self.tokens.get(self.pos) {
                Some(TokenTree::Literal(lit)) => {
                    self.pos += 1;
                    Value::Number(format!("-{}", number(lit)?).into())
                }
                _ => return error(span, "expected a number after `-`"),
            },
            TokenTree::Punct(punct) => {
                return error(
                    span,
                    format!("expected a JSON value, found `{}`", punct.as_char()),
                );
            }
            TokenTree::Literal(lit) => literal(&lit)?,
        };
        let loc = self.spans.add(span);
        Ok(Node { value, loc })
    }

    fn object(&mut self, inner: &[TokenTree]) -> Result<Value<'static>, SyntaxError> {
        let mut members = Vec::new();
        let mut reader = Reader {
            tokens: inner,
            pos: 0,
            spans: self.spans,
        };
        while let Some(token) = reader.peek().cloned() {
            let TokenTree::Literal(lit) = &token else {
                return error(token.span(), "expected a string key in double quotes");
            };
            let Value::String(key) = literal(lit)? else {
                return error(token.span(), "an object key must be a string");
            };
            reader.pos += 1;
            let key_loc = reader.spans.add(token.span());
            match reader.peek() {
                Some(TokenTree::Punct(p)) if p.as_char() == ':' => reader.pos += 1,
                Some(other) => return error(other.span(), "expected `:` after the key"),
                None => return error(token.span(), "expected `:` and a value after the key"),
            }
            let value = reader.value()?;
            members.push(Member {
                key,
                key_loc,
                value,
            });
            if !reader.comma_or_end("`}`")? {
                break;
            }
        }
        Ok(Value::Object(members))
    }

    fn array(&mut self, inner: &[TokenTree]) -> Result<Value<'static>, SyntaxError> {
        let mut items = Vec::new();
        let mut reader = Reader {
            tokens: inner,
            pos: 0,
            spans: self.spans,
        };
        while reader.peek().is_some() {
            items.push(reader.value()?);
            if !reader.comma_or_end("`]`")? {
                break;
            }
        }
        Ok(Value::Array(items))
    }

    /// After a value: `,` followed by another item (true), or the end (false).
    fn comma_or_end(&mut self, closer: &str) -> Result<bool, SyntaxError> {
        match self.peek() {
            None => Ok(false),
            Some(TokenTree::Punct(p)) if p.as_char() == ',' => {
                let span = p.span();
                self.pos += 1;
                if self.peek().is_none() {
                    return error(
                        span,
                        format!("trailing comma before {closer}: JSON does not allow it"),
                    );
                }
                Ok(true)
            }
            Some(other) => error(other.span(), format!("expected `,` or {closer}")),
        }
    }
}

fn literal(lit: &proc_macro2::Literal) -> Result<Value<'static>, SyntaxError> {
    let text = lit.to_string();
    if text.starts_with('"') || text.starts_with('r') {
        let value = match syn::parse_str::<syn::LitStr>(&text) {
            Ok(s) if s.suffix().is_empty() => s.value(),
            Ok(_) => {
                return error(
                    lit.span(),
                    "expected a plain string literal, without a suffix",
                );
            }
            // rustc has already rejected the literal (`\/`, `\u0052`): say what to write.
            Err(_) if text.starts_with('"') => return Err(rust_lacks_json_escape(lit, &text)),
            Err(_) => return error(lit.span(), "expected a plain string literal"),
        };
        if text.starts_with('r') {
            return raw_string_as_json(lit, &value).map(|s| Value::String(s.into()));
        }
        return Ok(Value::String(value.into()));
    }
    if text.starts_with('\'') {
        return error(lit.span(), "JSON strings take double quotes");
    }
    Ok(Value::Number(number(lit)?.into()))
}

/// The contents of a raw string literal, read as JSON text: pasted JSON (`r"reports\/*"`,
/// `r#"caf\u00e9"#`) means what it means in JSON, not a literal backslash.
fn raw_string_as_json(lit: &proc_macro2::Literal, contents: &str) -> Result<String, SyntaxError> {
    iam_policy_core::json::unescape(contents).map_err(|e| {
        let at = &contents[e.offset..];
        let len = if at.starts_with("\\u") { 6 } else { 2 };
        let escape: String = at.chars().take(len).collect();
        let message = if at.starts_with("\\u") {
            format!(
                "`{escape}`: {} (`policy!` reads a raw string as JSON text)",
                e.message
            )
        } else {
            format!("`{escape}` is not a JSON escape (`policy!` reads a raw string as JSON text)")
        };
        SyntaxError {
            span: lit.span(),
            message,
            help: Some(
                "write `\\\\` for a backslash; the JSON escapes are `\\\"`, `\\\\`, `\\/`, `\\b`, \
                 `\\f`, `\\n`, `\\r`, `\\t` and `\\uXXXX`"
                    .to_owned(),
            ),
        }
    })
}

/// The error after rustc's own for a plain string literal holding a JSON escape that Rust lacks
/// (`\/`, `\u0052`, `\b`, `\f`): the first such escape, what to write instead, and the two ways
/// to keep the JSON as it is.
fn rust_lacks_json_escape(lit: &proc_macro2::Literal, text: &str) -> SyntaxError {
    let contents = text.get(1..text.len().saturating_sub(1)).unwrap_or("");
    let keep = "paste the JSON unchanged into a raw string `r\"...\"`, which `policy!` reads as \
                JSON text, or convert the whole policy with `iam-policy to-rust`";
    let (message, help) = match first_json_only_escape(contents) {
        Some((escape, Ok(decoded))) => {
            let write = decoded
                .chars()
                .map(|c| {
                    if c.is_control() || c.is_whitespace() || c == '"' || c == '\\' {
                        format!("\\u{{{:x}}}", c as u32)
                    } else {
                        c.to_string()
                    }
                })
                .collect::<String>();
            (
                format!("`{escape}` is a JSON escape that Rust strings do not have"),
                if escape.starts_with("\\u") && write.chars().count() == 1 {
                    let code = write.chars().next().map_or(0, |c| c as u32);
                    format!("write `{write}` (or `\\u{{{code:x}}}`) instead; or {keep}")
                } else {
                    format!("write `{write}` instead; or {keep}")
                },
            )
        }
        Some((escape, Err(()))) => (
            format!("`{escape}` is an escape in neither JSON nor Rust"),
            "write `\\\\` for a backslash".to_owned(),
        ),
        None => (
            "this string is not a valid Rust string literal".to_owned(),
            keep.to_owned(),
        ),
    };
    SyntaxError {
        span: lit.span(),
        message,
        help: Some(help),
    }
}

/// The first escape of `contents` that Rust does not read, with what it means in JSON (`Err` when
/// it is not a JSON escape either). A `\u` escape takes its four digits, and a surrogate pair both.
fn first_json_only_escape(contents: &str) -> Option<(&str, Result<String, ()>)> {
    let mut rest = contents;
    while let Some(at) = rest.find('\\') {
        let escape = &rest[at..];
        let second = escape[1..].chars().next();
        let rust_reads = match second {
            Some('"' | '\\' | 'n' | 'r' | 't' | '0' | '\'' | '\n' | 'x') => true,
            Some('u') => escape[2..].starts_with('{'),
            _ => false,
        };
        if rust_reads {
            rest = &escape[1 + second.map_or(0, char::len_utf8)..];
            continue;
        }
        let is_hex4 = |s: &str| s.len() >= 4 && s.as_bytes()[..4].iter().all(u8::is_ascii_hexdigit);
        let len = if second == Some('u') && is_hex4(&escape[2..]) {
            let pair = escape[6..].starts_with("\\u") && is_hex4(&escape[8..]);
            let high = u32::from_str_radix(&escape[2..6], 16).unwrap_or(0);
            if pair && (0xD800..0xDC00).contains(&high) {
                12
            } else {
                6
            }
        } else {
            1 + second.map_or(0, char::len_utf8)
        };
        let escape = &escape[..len];
        let decoded = iam_policy_core::json::unescape(escape).map_err(|_| ());
        return Some((escape, decoded));
    }
    None
}

/// The text of a number literal, checked against JSON's number grammar.
fn number(lit: &proc_macro2::Literal) -> Result<String, SyntaxError> {
    let text = lit.to_string();
    let mut parts = text.as_bytes();
    let digits = |p: &mut &[u8]| {
        let n = p.iter().take_while(|b| b.is_ascii_digit()).count();
        *p = &p[n..];
        n
    };
    let int_start = parts;
    let ok = match digits(&mut parts) {
        0 => false,
        n if n > 1 && int_start[0] == b'0' => false,
        _ => {
            let mut ok = true;
            if parts.first() == Some(&b'.') {
                parts = &parts[1..];
                ok &= digits(&mut parts) > 0;
            }
            if let Some(b'e' | b'E') = parts.first() {
                parts = &parts[1..];
                if let Some(b'+' | b'-') = parts.first() {
                    parts = &parts[1..];
                }
                ok &= digits(&mut parts) > 0;
            }
            ok && parts.is_empty()
        }
    };
    if ok {
        Ok(text)
    } else {
        error(lit.span(), format!("`{text}` is not a JSON number"))
    }
}
