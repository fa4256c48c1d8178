//! Character tests of the pattern automata, and the finite alphabet that stands for every
//! character.
//!
//! Patterns test a character in only a few ways: equal to a literal character, equal ignoring
//! ASCII case (an all-ASCII literal under case-insensitive matching), equal after Unicode
//! lowercasing (any other literal under case-insensitive matching), not a colon (inside an ARN
//! part), or anything. Two characters that answer every test of a set of automata alike are
//! interchangeable, so searching over one representative per class of answers is exact: the
//! alphabet holds every literal character, every character that folds to one of them, the colon,
//! and one fresh character that equals none of them.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

/// How a pattern position tests one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CharTest {
    Exact(char),
    /// Equal ignoring ASCII case (how an all-ASCII literal compares case-insensitively).
    AsciiFold(char),
    /// Equal after Unicode lowercasing, character by character.
    UnicodeFold(char),
    Any,
    /// Any character but `:` (the first five parts of an ARN).
    NotColon,
}

impl CharTest {
    pub fn matches(self, x: char) -> bool {
        match self {
            CharTest::Exact(c) => x == c,
            CharTest::AsciiFold(c) => x.eq_ignore_ascii_case(&c),
            CharTest::UnicodeFold(c) => x.to_lowercase().eq(c.to_lowercase()),
            CharTest::Any => true,
            CharTest::NotColon => x != ':',
        }
    }

    /// The characters this test singles out (its class representatives).
    fn representatives(self, out: &mut BTreeSet<char>) {
        match self {
            CharTest::Exact(c) => {
                out.insert(c);
            }
            CharTest::AsciiFold(c) => {
                out.insert(c.to_ascii_lowercase());
                out.insert(c.to_ascii_uppercase());
            }
            CharTest::UnicodeFold(c) => {
                out.insert(c);
                let folded: String = c.to_lowercase().collect();
                let mut single = folded.chars();
                if let (Some(l), None) = (single.next(), single.next()) {
                    out.insert(l);
                }
                if let Some(others) = fold_preimages().get(&folded) {
                    out.extend(others.iter().copied());
                }
            }
            CharTest::Any => {}
            CharTest::NotColon => {
                out.insert(':');
            }
        }
    }
}

/// Every character whose lowercase differs from itself, by its lowercase text.
fn fold_preimages() -> &'static HashMap<String, Vec<char>> {
    static TABLE: OnceLock<HashMap<String, Vec<char>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<String, Vec<char>> = HashMap::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            if lower.len() == 1 && lower.next() == Some(c) {
                continue;
            }
            table.entry(c.to_lowercase().collect()).or_default().push(c);
        }
        table
    })
}

/// The characters a search tries, one per class: readable ones first.
pub fn alphabet(tests: impl IntoIterator<Item = CharTest>) -> Vec<char> {
    let mut set = BTreeSet::new();
    for test in tests {
        test.representatives(&mut set);
    }
    let fresh = fresh_char(&set);
    let mut out = Vec::with_capacity(set.len() + 1);
    out.push(fresh);
    out.extend(set);
    // Lowercase before uppercase: witnesses read like the names they match.
    out[1..].sort_by_key(|c| (c.is_uppercase(), *c));
    out
}

/// A character that equals, and folds to, none of `taken`.
fn fresh_char(taken: &BTreeSet<char>) -> char {
    const PREFERRED: &str = "xyzqwkjvbnmpgfhdslrtuoieac0123456789";
    let folds_to_taken = |c: char| taken.iter().any(|&t| c.to_lowercase().eq(t.to_lowercase()));
    PREFERRED
        .chars()
        .chain((0x4E00..0x9FFF).filter_map(char::from_u32))
        .find(|&c| !taken.contains(&c) && !folds_to_taken(c))
        .unwrap_or('\u{E000}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_classes_include_every_preimage() {
        let alphabet = alphabet([CharTest::UnicodeFold('é'), CharTest::UnicodeFold('k')]);
        assert!(alphabet.contains(&'É'));
        assert!(alphabet.contains(&'K'));
        // KELVIN SIGN lowercases to `k`.
        assert!(alphabet.contains(&'\u{212A}'));
        assert_eq!(alphabet[0], 'x');
    }

    #[test]
    fn ascii_fold_is_ascii_only() {
        assert!(CharTest::AsciiFold('k').matches('K'));
        assert!(!CharTest::AsciiFold('k').matches('\u{212A}'));
        assert!(CharTest::UnicodeFold('k').matches('\u{212A}'));
    }

    #[test]
    fn fresh_character_avoids_taken_ones() {
        let alphabet = alphabet([CharTest::AsciiFold('x'), CharTest::Exact('y')]);
        assert_eq!(alphabet[0], 'z');
    }
}
