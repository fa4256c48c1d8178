//! Character tests of the pattern automata, and the finite alphabet that stands for every
//! character.
//!
//! Patterns test a character in only a few ways: equal to a literal character, equal under the
//! project's one folding rule ([`crate::fold::fold_char`], case-insensitive matching), not a colon
//! (inside an ARN part), or anything. Two characters that answer every test of a set of automata alike are
//! interchangeable, so searching over one representative per class of answers is exact: the
//! alphabet holds every literal character, every character that folds to one of them, the colon,
//! and one fresh character that equals none of them.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use crate::fold::fold_char;

/// How a pattern position tests one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CharTest {
    /// Exactly this character.
    Exact(char),
    /// Equal under [`fold_char`] (case-insensitive matching).
    Fold(char),
    /// Any character.
    Any,
    /// Any character but `:` (the first five parts of an ARN).
    NotColon,
}

impl CharTest {
    /// True when the character `x` passes the test.
    #[must_use]
    pub fn matches(self, x: char) -> bool {
        match self {
            CharTest::Exact(c) => x == c,
            CharTest::Fold(c) => fold_char(x) == fold_char(c),
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
            CharTest::Fold(c) => {
                let folded = fold_char(c);
                out.insert(c);
                if fold_char(folded) == folded {
                    out.insert(folded);
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

/// Every character that the fold changes, by what it folds to.
fn fold_preimages() -> &'static HashMap<char, Vec<char>> {
    static TABLE: OnceLock<HashMap<char, Vec<char>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<char, Vec<char>> = HashMap::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let folded = fold_char(c);
            if folded != c {
                table.entry(folded).or_default().push(c);
            }
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
    let folds_to_taken = |c: char| taken.iter().any(|&t| fold_char(c) == fold_char(t));
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
        let alphabet = alphabet([CharTest::Fold('é'), CharTest::Fold('k')]);
        assert!(alphabet.contains(&'É'));
        assert!(alphabet.contains(&'K'));
        // KELVIN SIGN lowercases to `k`.
        assert!(alphabet.contains(&'\u{212A}'));
        assert_eq!(alphabet[0], 'x');
    }

    #[test]
    fn the_fold_meets_the_kelvin_sign() {
        assert!(CharTest::Fold('k').matches('K'));
        assert!(CharTest::Fold('k').matches('\u{212A}'));
        assert!(!CharTest::Fold('i').matches('ı'));
    }

    #[test]
    fn fresh_character_avoids_taken_ones() {
        let alphabet = alphabet([CharTest::Fold('x'), CharTest::Exact('y')]);
        assert_eq!(alphabet[0], 'z');
    }
}
