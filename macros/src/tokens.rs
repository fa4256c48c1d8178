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
}

fn error<T>(span: Span, message: impl Into<String>) -> Result<T, SyntaxError> {
    Err(SyntaxError {
        span,
        message: message.into(),
    })
}

/// Reads the macro's whole input, which must be one JSON object.
pub fn read(input: TokenStream, spans: &mut Spans) -> Result<Node, SyntaxError> {
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

    fn value(&mut self) -> Result<Node, SyntaxError> {
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
                    Value::Number(format!("-{}", number(lit)?))
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

    fn object(&mut self, inner: &[TokenTree]) -> Result<Value, SyntaxError> {
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

    fn array(&mut self, inner: &[TokenTree]) -> Result<Value, SyntaxError> {
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

fn literal(lit: &proc_macro2::Literal) -> Result<Value, SyntaxError> {
    let text = lit.to_string();
    if text.starts_with('"') || text.starts_with('r') {
        return match syn::parse_str::<syn::LitStr>(&text) {
            Ok(s) if s.suffix().is_empty() => Ok(Value::String(s.value())),
            _ => error(lit.span(), "expected a plain string literal"),
        };
    }
    if text.starts_with('\'') {
        return error(lit.span(), "JSON strings take double quotes");
    }
    Ok(Value::Number(number(lit)?))
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
