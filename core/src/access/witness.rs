//! The request an answer shows: its action, resource and context, readable by evaluation.

use std::fmt;

use crate::eval::{RequestView, Values};
use crate::pattern::{Case, Resolver, text_eq};

/// The value of one context key: one string, or a set (a multivalued key, possibly empty).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum KeyValue {
    /// A single value.
    One(String),
    /// A multivalued key's values (possibly none).
    Set(Vec<String>),
}

impl KeyValue {
    /// The value a policy variable reads: one string; a set is no value.
    #[must_use]
    pub fn single(&self) -> Option<&str> {
        match self {
            KeyValue::One(value) => Some(value),
            KeyValue::Set(_) => None,
        }
    }
    fn values(&self) -> Values<'_> {
        match self {
            KeyValue::One(value) => Values::One(value),
            KeyValue::Set(values) => Values::Strings(values),
        }
    }
}

/// Context keys and their values; key names compare ignoring case, as IAM's do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    entries: Vec<(String, KeyValue)>,
}

impl Context {
    /// No key set.
    #[must_use]
    pub fn new() -> Context {
        Context::default()
    }
    /// Sets a key, replacing any value it had.
    pub fn set(&mut self, key: impl Into<String>, value: KeyValue) {
        let key = key.into();
        match self.entries.iter_mut().find(|(k, _)| key_eq(k, &key)) {
            Some((_, existing)) => *existing = value,
            None => self.entries.push((key, value)),
        }
    }
    /// The value of `key`, compared ignoring case; `None` when absent.
    #[must_use]
    pub fn lookup(&self, key: &str) -> Option<&KeyValue> {
        self.entries
            .iter()
            .find(|(k, _)| key_eq(k, key))
            .map(|(_, v)| v)
    }
    /// Every key and its value, in the order first set.
    #[must_use]
    pub fn entries(&self) -> &[(String, KeyValue)] {
        &self.entries
    }
    /// True when no key is set.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

pub(crate) fn key_eq(a: &str, b: &str) -> bool {
    text_eq(a, b, Case::Insensitive) && text_eq(b, a, Case::Insensitive)
}

/// A request found by an access check: the policy allows it (and, for "no new access", the
/// reference policy does not). Evaluation has confirmed it before it is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Witness {
    /// Who asks: `*` (anonymous), a principal ARN, a service principal or an identity provider;
    /// `None` when the question is not about principals (evaluation then assumes nobody known).
    pub principal: Option<String>,
    /// The action, as `service:Name`.
    pub action: String,
    /// An ARN, or `*` for an action without resource-level permissions.
    pub resource: String,
    /// The keys the request carries; a key not listed is absent.
    pub context: Context,
}

impl Resolver for Witness {
    fn variable(&self, key: &str) -> Option<&str> {
        self.context.lookup(key).and_then(KeyValue::single)
    }
}

impl RequestView for Witness {
    fn action(&self) -> &str {
        &self.action
    }
    fn resource(&self) -> &str {
        &self.resource
    }
    fn values(&self, key: &str) -> Option<Values<'_>> {
        self.context.lookup(key).map(KeyValue::values)
    }
    fn principal(&self) -> crate::principal::PrincipalContext<'_> {
        match &self.principal {
            Some(text) => crate::principal::PrincipalContext {
                caller: crate::principal::Caller::parse(text),
                ..crate::principal::PrincipalContext::UNSPECIFIED
            },
            None => crate::principal::PrincipalContext::UNSPECIFIED,
        }
    }
}

impl fmt::Display for Witness {
    /// `action `A` on `R`` and the context, one line (after `principal `P`, ` when there is one).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(principal) = &self.principal {
            write!(f, "principal `{principal}`, ")?;
        }
        write!(f, "action `{}` on `{}`", self.action, self.resource)?;
        if self.context.is_empty() {
            return f.write_str(" with no context keys");
        }
        f.write_str(" with ")?;
        for (i, (key, value)) in self.context.entries().iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            match value {
                KeyValue::One(v) => write!(f, "`{key}`=`{v}`")?,
                KeyValue::Set(vs) => {
                    write!(f, "`{key}`=[")?;
                    for (j, v) in vs.iter().enumerate() {
                        if j > 0 {
                            f.write_str(", ")?;
                        }
                        write!(f, "`{v}`")?;
                    }
                    f.write_str("]")?;
                }
            }
        }
        Ok(())
    }
}

impl Witness {
    /// The request as a JSON object, in the shape of a decision case's `request`:
    /// `{"principal": .., "action": .., "resource": .., "context": {key: value or [values]}}`
    /// (`principal` only when the witness has one).
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = String::from("{");
        if let Some(principal) = &self.principal {
            out.push_str("\"principal\":");
            push_json_string(&mut out, principal);
            out.push(',');
        }
        out.push_str("\"action\":");
        push_json_string(&mut out, &self.action);
        out.push_str(",\"resource\":");
        push_json_string(&mut out, &self.resource);
        out.push_str(",\"context\":{");
        for (i, (key, value)) in self.context.entries().iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_json_string(&mut out, key);
            out.push(':');
            match value {
                KeyValue::One(v) => push_json_string(&mut out, v),
                KeyValue::Set(vs) => {
                    out.push('[');
                    for (j, v) in vs.iter().enumerate() {
                        if j > 0 {
                            out.push(',');
                        }
                        push_json_string(&mut out, v);
                    }
                    out.push(']');
                }
            }
        }
        out.push_str("}}");
        out
    }
}

/// A JSON string literal.
pub fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}
