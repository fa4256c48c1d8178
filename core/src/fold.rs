//! The one case-folding rule of the project, used wherever IAM compares text case-insensitively:
//! action names, `StringEqualsIgnoreCase`, `Bool` values written as variables, context key names.
//!
//! Each character is folded on its own to its Unicode lowercase when that is a single character
//! (`K` and the Kelvin sign `K` both fold to `k`, `É` to `é`), and kept as it is otherwise. The fold
//! never changes the number of characters, so `?` stands for the same character on both sides,
//! and ASCII text folds to ASCII only from ASCII or from the few characters whose lowercase is
//! ASCII (the Kelvin sign): which is why no comparison may assume that an ASCII pattern meets
//! ASCII text.

use std::cmp::Ordering;
use std::hash::Hasher;

/// The folded form of one character.
#[inline]
#[must_use]
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

/// Equality under the fold.
#[inline]
pub fn fold_eq(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars().map(fold_char).eq(b.chars().map(fold_char))
}

/// Order of the folded forms: two texts compare equal exactly when [`fold_eq`] holds.
#[inline]
pub fn fold_cmp(a: &str, b: &str) -> Ordering {
    a.chars().map(fold_char).cmp(b.chars().map(fold_char))
}

/// Feeds the folded form of `text` to a hasher: equal under the fold, equal hashes.
#[inline]
pub fn fold_hash<H: Hasher>(text: &str, hasher: &mut H) {
    for c in text.chars() {
        hasher.write_u32(fold_char(c) as u32);
    }
    hasher.write_u8(0xff);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rule_for_ascii_and_beyond() {
        assert!(fold_eq("kevin", "\u{212A}evin"));
        assert!(fold_eq("kévin", "\u{212A}évin"));
        assert!(fold_eq("ÉCOLE", "école"));
        assert!(!fold_eq("ıam", "iam"), "the dotless i is another letter");
        assert!(
            !fold_eq("İ", "i"),
            "a character whose lowercase is two characters stays"
        );
        assert_eq!(fold_cmp("ROLE", "role"), Ordering::Equal);
        assert_ne!(fold_cmp("role", "roles"), Ordering::Equal);
    }
}
