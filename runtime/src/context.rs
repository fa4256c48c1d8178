//! Request context: the application's own data, read in place through [`Context`].

use std::collections::{BTreeMap, HashMap};

pub use iam_policy_core::eval::Values;
use iam_policy_core::pattern::{Case, text_eq};
use iam_policy_core::words;

/// Where evaluation reads condition keys and policy variables. Implement it for the application's
/// own types to evaluate without copying anything into a map. Key names are matched
/// case-insensitively (`aws:PrincipalTag/Team` is `aws:principaltag/team`).
pub trait Context {
    /// The values of `key`, or `None` when the request has no such key.
    fn values(&self, key: &str) -> Option<Values<'_>>;
}

/// True when two context key names are the same key.
#[inline]
pub fn key_eq(a: &str, b: &str) -> bool {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    if x.len() == y.len() {
        // A word at a time; `None` when a non-ASCII byte comes before any difference.
        if let Some(equal) = words::ascii_eq_ignore_case(x, y) {
            return equal;
        }
    } else if a.is_ascii() && b.is_ascii() {
        return false;
    }
    text_eq(a, b, Case::Insensitive)
}

/// A value of a context entry: one string, or a set of strings (a multivalued key).
pub trait ContextValue {
    fn as_values(&self) -> Values<'_>;
}

impl ContextValue for str {
    fn as_values(&self) -> Values<'_> {
        Values::One(self)
    }
}
impl ContextValue for String {
    fn as_values(&self) -> Values<'_> {
        Values::One(self)
    }
}
impl<T: ContextValue + ?Sized> ContextValue for &T {
    fn as_values(&self) -> Values<'_> {
        (**self).as_values()
    }
}
impl ContextValue for [&str] {
    fn as_values(&self) -> Values<'_> {
        Values::Strs(self)
    }
}
impl<const N: usize> ContextValue for [&str; N] {
    fn as_values(&self) -> Values<'_> {
        Values::Strs(self)
    }
}
impl ContextValue for Vec<&str> {
    fn as_values(&self) -> Values<'_> {
        Values::Strs(self)
    }
}
impl ContextValue for [String] {
    fn as_values(&self) -> Values<'_> {
        Values::Strings(self)
    }
}
impl ContextValue for Vec<String> {
    fn as_values(&self) -> Values<'_> {
        Values::Strings(self)
    }
}
impl ContextValue for Values<'_> {
    fn as_values(&self) -> Values<'_> {
        *self
    }
}

fn find_pair<'a, K: AsRef<str>, V: ContextValue>(
    pairs: &'a [(K, V)],
    key: &str,
) -> Option<Values<'a>> {
    pairs
        .iter()
        .find(|(k, _)| key_eq(k.as_ref(), key))
        .map(|(_, v)| v.as_values())
}

impl<K: AsRef<str>, V: ContextValue> Context for [(K, V)] {
    fn values(&self, key: &str) -> Option<Values<'_>> {
        find_pair(self, key)
    }
}
impl<K: AsRef<str>, V: ContextValue, const N: usize> Context for [(K, V); N] {
    fn values(&self, key: &str) -> Option<Values<'_>> {
        find_pair(self, key)
    }
}
impl<K: AsRef<str>, V: ContextValue> Context for Vec<(K, V)> {
    fn values(&self, key: &str) -> Option<Values<'_>> {
        find_pair(self, key)
    }
}
impl<K: AsRef<str>, V: ContextValue, S> Context for HashMap<K, V, S> {
    fn values(&self, key: &str) -> Option<Values<'_>> {
        self.iter()
            .find(|(k, _)| key_eq(k.as_ref(), key))
            .map(|(_, v)| v.as_values())
    }
}
impl<K: AsRef<str>, V: ContextValue> Context for BTreeMap<K, V> {
    fn values(&self, key: &str) -> Option<Values<'_>> {
        self.iter()
            .find(|(k, _)| key_eq(k.as_ref(), key))
            .map(|(_, v)| v.as_values())
    }
}
impl<C: Context + ?Sized> Context for &C {
    fn values(&self, key: &str) -> Option<Values<'_>> {
        (**self).values(key)
    }
}

/// The empty context.
impl Context for () {
    fn values(&self, _key: &str) -> Option<Values<'_>> {
        None
    }
}

/// An owned context, for contexts read from files or built at run time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContextMap {
    entries: Vec<(String, OwnedValue)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum OwnedValue {
    One(String),
    Set(Vec<String>),
}

impl ContextMap {
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets a single-valued key (replacing any value it had).
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<String>) -> &mut Self {
        self.set(key.into(), OwnedValue::One(value.into()))
    }
    /// Sets a multivalued key.
    pub fn insert_set(
        &mut self,
        key: impl Into<String>,
        values: impl IntoIterator<Item = impl Into<String>>,
    ) -> &mut Self {
        self.set(
            key.into(),
            OwnedValue::Set(values.into_iter().map(Into::into).collect()),
        )
    }
    /// Adds a value: a key given twice becomes multivalued (as `--context` does on the command line).
    pub fn push(&mut self, key: impl Into<String>, value: impl Into<String>) -> &mut Self {
        let key = key.into();
        let value = value.into();
        match self.entries.iter_mut().find(|(k, _)| key_eq(k, &key)) {
            None => self.entries.push((key, OwnedValue::One(value))),
            Some((_, existing)) => {
                let values = match std::mem::replace(existing, OwnedValue::Set(Vec::new())) {
                    OwnedValue::One(first) => vec![first, value],
                    OwnedValue::Set(mut values) => {
                        values.push(value);
                        values
                    }
                };
                *existing = OwnedValue::Set(values);
            }
        }
        self
    }
    fn set(&mut self, key: String, value: OwnedValue) -> &mut Self {
        match self.entries.iter_mut().find(|(k, _)| key_eq(k, &key)) {
            Some((_, existing)) => *existing = value,
            None => self.entries.push((key, value)),
        }
        self
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl Context for ContextMap {
    fn values(&self, key: &str) -> Option<Values<'_>> {
        self.entries
            .iter()
            .find(|(k, _)| key_eq(k, key))
            .map(|(_, v)| match v {
                OwnedValue::One(s) => Values::One(s),
                OwnedValue::Set(values) => Values::Strings(values),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_match_case_insensitively() {
        let ctx = [("aws:PrincipalTag/Team", "red")];
        assert!(matches!(
            ctx.values("aws:principaltag/team"),
            Some(Values::One("red"))
        ));
        assert!(ctx.values("aws:principaltag/teams").is_none());
    }

    #[test]
    fn key_names_compare_as_before_the_fast_path() {
        // The fast path decides only what ASCII folding decides; the rest goes to `text_eq`.
        let keys = [
            "aws:username",
            "AWS:UserName",
            "aws:usernamf",
            "aws:user",
            "",
            "a",
            "\u{212A}ey",
            "key",
            "KEY",
            "\u{e9}t\u{e9}",
            "\u{c9}T\u{c9}",
            "\u{e9}t\u{e9}x",
            "stra\u{df}e",
        ];
        for a in keys {
            for b in keys {
                assert_eq!(
                    key_eq(a, b),
                    text_eq(a, b, Case::Insensitive),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn multivalued_keys() {
        let ctx = [("aws:TagKeys", &["a", "b"][..])];
        assert!(matches!(ctx.values("AWS:TAGKEYS"), Some(v) if v.is_set() && v.len() == 2));
        let mut map = ContextMap::new();
        map.push("k", "1").push("K", "2").insert("u", "alice");
        assert_eq!(
            map.values("k").unwrap().iter().collect::<Vec<_>>(),
            ["1", "2"]
        );
        assert!(!map.values("u").unwrap().is_set());
    }
}
