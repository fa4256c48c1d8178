//! Request context: the application's own data, read in place through [`Context`].

use std::borrow::Borrow;
use std::collections::hash_map::RandomState;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};

pub use iam_policy_core::eval::Values;
use iam_policy_core::fold::{fold_eq, fold_hash};
use iam_policy_core::words;
use iam_policy_core::work::{self, Counter};

/// Where evaluation reads condition keys and policy variables. Implement it for the application's
/// own types to evaluate without copying anything into a map. Key names are matched
/// case-insensitively (`aws:PrincipalTag/Team` is `aws:principaltag/team`).
pub trait Context {
    /// The values of `key`, or `None` when the request has no such key.
    fn values(&self, key: &str) -> Option<Values<'_>>;

    /// Visits every key with its values, for the request check: sizes within the caps, and no two
    /// keys that differ only in case (which of them `values` would return is not defined, so such
    /// a request is refused). The default visits nothing: implement it when the context can list
    /// its keys, or only the sizes of the keys a policy reads are bounded by the caller.
    fn for_each_key<'s>(&'s self, visit: &mut dyn FnMut(&'s str, Values<'s>)) {
        let _ = visit;
    }
}

/// True when two context key names are the same key: equal under the project's one folding rule
/// (`iam_policy_core::fold`), the rule of every case-insensitive comparison.
#[inline]
#[must_use]
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
    fold_eq(a, b)
}

/// A value of a context entry: one string, or a set of strings (a multivalued key).
pub trait ContextValue {
    /// The value as one string or a set of strings.
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

fn visit_pairs<'s, K: AsRef<str>, V: ContextValue>(
    pairs: &'s [(K, V)],
    visit: &mut dyn FnMut(&'s str, Values<'s>),
) {
    for (k, v) in pairs {
        visit(k.as_ref(), v.as_values());
    }
}

impl<K: AsRef<str>, V: ContextValue> Context for [(K, V)] {
    fn values(&self, key: &str) -> Option<Values<'_>> {
        find_pair(self, key)
    }
    fn for_each_key<'s>(&'s self, visit: &mut dyn FnMut(&'s str, Values<'s>)) {
        visit_pairs(self, visit);
    }
}
impl<K: AsRef<str>, V: ContextValue, const N: usize> Context for [(K, V); N] {
    fn values(&self, key: &str) -> Option<Values<'_>> {
        find_pair(self, key)
    }
    fn for_each_key<'s>(&'s self, visit: &mut dyn FnMut(&'s str, Values<'s>)) {
        visit_pairs(self, visit);
    }
}
impl<K: AsRef<str>, V: ContextValue> Context for Vec<(K, V)> {
    fn values(&self, key: &str) -> Option<Values<'_>> {
        find_pair(self, key)
    }
    fn for_each_key<'s>(&'s self, visit: &mut dyn FnMut(&'s str, Values<'s>)) {
        visit_pairs(self, visit);
    }
}
/// A key spelt as the policy spells it is found by hashing; another spelling of it
/// (`AWS:USERNAME`) costs a scan of the map.
impl<K: Borrow<str> + Hash + Eq, V: ContextValue, S: BuildHasher> Context for HashMap<K, V, S> {
    fn values(&self, key: &str) -> Option<Values<'_>> {
        if let Some(value) = self.get(key) {
            return Some(value.as_values());
        }
        self.iter()
            .find(|(k, _)| key_eq((*k).borrow(), key))
            .map(|(_, v)| v.as_values())
    }
    fn for_each_key<'s>(&'s self, visit: &mut dyn FnMut(&'s str, Values<'s>)) {
        for (k, v) in self {
            visit(k.borrow(), v.as_values());
        }
    }
}
impl<K: AsRef<str>, V: ContextValue> Context for BTreeMap<K, V> {
    fn values(&self, key: &str) -> Option<Values<'_>> {
        self.iter()
            .find(|(k, _)| key_eq(k.as_ref(), key))
            .map(|(_, v)| v.as_values())
    }
    fn for_each_key<'s>(&'s self, visit: &mut dyn FnMut(&'s str, Values<'s>)) {
        for (k, v) in self {
            visit(k.as_ref(), v.as_values());
        }
    }
}
impl<C: Context + ?Sized> Context for &C {
    fn values(&self, key: &str) -> Option<Values<'_>> {
        (**self).values(key)
    }
    fn for_each_key<'s>(&'s self, visit: &mut dyn FnMut(&'s str, Values<'s>)) {
        (**self).for_each_key(visit);
    }
}

/// The empty context.
impl Context for () {
    fn values(&self, _key: &str) -> Option<Values<'_>> {
        None
    }
}

/// An owned context, for contexts read from files or built at run time.
///
/// Keys are indexed by the hash of their folded name, so building a context of N keys and looking
/// a key up cost O(N) and O(1) (they were O(N²) and O(N)), and a look-up allocates nothing.
#[derive(Clone, Debug, Default)]
pub struct ContextMap {
    entries: Vec<(String, OwnedValue)>,
    /// Folded-name hash to the entries with that hash (one, but for a collision).
    index: HashMap<u64, Vec<usize>>,
    /// Keyed at random per map, so that no one can choose names that collide.
    hasher: RandomState,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum OwnedValue {
    One(String),
    Set(Vec<String>),
}

impl PartialEq for ContextMap {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl Eq for ContextMap {}

impl ContextMap {
    /// An empty context.
    #[must_use]
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
        match self.position(&key) {
            None => self.append(key, OwnedValue::One(value)),
            Some(at) => {
                let existing = &mut self.entries[at].1;
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
        match self.position(&key) {
            Some(at) => self.entries[at].1 = value,
            None => self.append(key, value),
        }
        self
    }
    fn hash(&self, key: &str) -> u64 {
        let mut hasher = self.hasher.build_hasher();
        fold_hash(key, &mut hasher);
        std::hash::Hasher::finish(&hasher)
    }
    fn append(&mut self, key: String, value: OwnedValue) {
        let hash = self.hash(&key);
        self.index.entry(hash).or_default().push(self.entries.len());
        self.entries.push((key, value));
    }
    fn position(&self, key: &str) -> Option<usize> {
        let candidates = self.index.get(&self.hash(key))?;
        candidates.iter().copied().find(|&at| {
            work::add(Counter::KeyCompares, 1);
            key_eq(&self.entries[at].0, key)
        })
    }
    /// The key as it was first written, if the map has a key equal to `key` under the fold.
    #[must_use]
    pub fn key(&self, key: &str) -> Option<&str> {
        self.position(key).map(|at| self.entries[at].0.as_str())
    }
    /// The number of keys.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    /// True when the context has no key.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl Context for ContextMap {
    fn values(&self, key: &str) -> Option<Values<'_>> {
        self.position(key).map(|at| match &self.entries[at].1 {
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
        // The fast path decides only what ASCII folding decides; the rest goes to `fold_eq`.
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
                assert_eq!(key_eq(a, b), fold_eq(a, b), "{a:?} {b:?}");
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

    #[test]
    fn one_folding_rule_for_key_names() {
        let mut map = ContextMap::new();
        map.insert("\u{212A}ey", "v");
        assert!(map.values("key").is_some(), "the Kelvin sign folds to k");
        assert!(map.values("KEY").is_some());
        assert!(map.values("ıey").is_none());
        assert_eq!(map.key("kEY"), Some("\u{212A}ey"));
    }

    #[test]
    fn hash_maps_find_any_spelling() {
        let mut map = HashMap::new();
        map.insert("aws:UserName".to_owned(), "alice");
        assert!(Context::values(&map, "aws:UserName").is_some());
        assert!(Context::values(&map, "AWS:USERNAME").is_some());
        assert!(Context::values(&map, "aws:userid").is_none());
    }

    /// Building a context of N keys and reading each back: work linear in N (it was quadratic).
    #[test]
    fn context_map_is_linear() {
        use iam_policy_core::work::{assert_linear, measure};
        let sizes = [10_000u64, 40_000, 160_000];
        let counts: Vec<u64> = sizes
            .iter()
            .map(|&n| {
                measure(Counter::KeyCompares, || {
                    let mut map = ContextMap::new();
                    for i in 0..n {
                        map.insert(format!("app:Key{i}"), "v");
                    }
                    for i in 0..n {
                        assert!(map.values(&format!("APP:KEY{i}")).is_some());
                    }
                    assert_eq!(map.len(), n as usize);
                })
            })
            .collect();
        assert_linear("context map key comparisons by keys", &sizes, &counts, 1.1);
    }
}
