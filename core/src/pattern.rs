//! Matching a [`Glob`] against a text: the primitive behind actions, resources and the String and
//! ARN condition operators.
//!
//! A glob is split at its `*`s into pieces of fixed length (literals, `?`, resolved variables). The
//! first piece is anchored at the start, the last at the end, and each middle piece is found at its
//! leftmost position: for fixed-length pieces that greedy choice is always right, so matching never
//! backtracks and costs at most O(text × pattern), whatever a hostile pattern looks like.

use crate::compiled::{Glob, Segment, Variable};

/// The values of the request that policy variables read.
pub trait Resolver {
    /// The single value of a context key (matched case-insensitively), or `None` when the key is
    /// absent or multivalued (a multivalued key cannot be a variable).
    fn variable(&self, key: &str) -> Option<&str>;
}

/// A resolver with no values: every variable is missing.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoVariables;

impl Resolver for NoVariables {
    fn variable(&self, _key: &str) -> Option<&str> {
        None
    }
}

/// How literal text compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    Sensitive,
    /// Character by character, by Unicode lowercase.
    Insensitive,
}

/// The text a variable stands for: the request's value, else its default.
pub fn resolve<'a, R: Resolver + ?Sized>(
    variable: &'a Variable,
    resolver: &'a R,
) -> Option<&'a str> {
    resolver
        .variable(&variable.key)
        .or(variable.default.as_deref())
}

/// True when every variable of the glob has a value (or a default).
pub fn resolvable<R: Resolver + ?Sized>(glob: &Glob, resolver: &R) -> bool {
    glob.segments.iter().all(|segment| match segment {
        Segment::Variable(variable) => resolve(variable, resolver).is_some(),
        _ => true,
    })
}

/// Matches the whole `text`. A variable without a value makes the glob match nothing.
pub fn matches<R: Resolver + ?Sized>(glob: &Glob, text: &str, case: Case, resolver: &R) -> bool {
    segments_match(&glob.segments, text, case, resolver)
}

/// [`matches()`] over a slice of segments.
pub fn segments_match<R: Resolver + ?Sized>(
    segments: &[Segment],
    text: &str,
    case: Case,
    resolver: &R,
) -> bool {
    let is_star = |s: &Segment| matches!(s, Segment::AnyRun);
    let Some(first_star) = segments.iter().position(is_star) else {
        return piece_at(segments, text, case, resolver) == Some(text.len());
    };
    let last_star = segments.iter().rposition(is_star).unwrap_or(first_star);
    let Some(head) = piece_at(&segments[..first_star], text, case, resolver) else {
        return false;
    };
    let rest = &text[head..];
    let Some(tail_start) = piece_at_end(&segments[last_star + 1..], rest, case, resolver) else {
        return false;
    };
    let mut middle = &rest[..tail_start];
    let between = if first_star < last_star {
        &segments[first_star + 1..last_star]
    } else {
        &[]
    };
    for piece in between.split(is_star) {
        if piece.is_empty() {
            continue;
        }
        match find_piece(piece, middle, case, resolver) {
            Some((start, len)) => middle = &middle[start + len..],
            None => return false,
        }
    }
    true
}

/// Matches a piece (no `*`) at the start of `text`; returns the bytes it took.
pub fn piece_at<R: Resolver + ?Sized>(
    piece: &[Segment],
    text: &str,
    case: Case,
    resolver: &R,
) -> Option<usize> {
    let mut taken = 0;
    for segment in piece {
        let rest = &text[taken..];
        taken += match segment {
            Segment::Literal(literal) => prefix_len(rest, literal, case)?,
            Segment::Variable(variable) => prefix_len(rest, resolve(variable, resolver)?, case)?,
            Segment::AnyOne => rest.chars().next()?.len_utf8(),
            Segment::AnyRun => return None,
        };
    }
    Some(taken)
}

/// The start of the rightmost position where `piece` matches a suffix of `text` exactly.
pub fn piece_at_end<R: Resolver + ?Sized>(
    piece: &[Segment],
    text: &str,
    case: Case,
    resolver: &R,
) -> Option<usize> {
    (0..=text.len())
        .rev()
        .filter(|&i| text.is_char_boundary(i))
        .find(|&i| piece_at(piece, &text[i..], case, resolver) == Some(text.len() - i))
}

/// The leftmost position where `piece` matches inside `text`: (start, length).
pub fn find_piece<R: Resolver + ?Sized>(
    piece: &[Segment],
    text: &str,
    case: Case,
    resolver: &R,
) -> Option<(usize, usize)> {
    (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .find_map(|i| piece_at(piece, &text[i..], case, resolver).map(|len| (i, len)))
}

/// If `text` starts with `literal` (under `case`), the number of bytes of `text` it covers.
#[inline]
pub fn prefix_len(text: &str, literal: &str, case: Case) -> Option<usize> {
    match case {
        Case::Sensitive => text.starts_with(literal).then_some(literal.len()),
        Case::Insensitive => {
            if literal.is_ascii() {
                let head = text.as_bytes().get(..literal.len())?;
                return head
                    .eq_ignore_ascii_case(literal.as_bytes())
                    .then_some(literal.len());
            }
            let mut taken = 0;
            let mut chars = text.chars();
            for expected in literal.chars() {
                let actual = chars.next()?;
                if !expected.to_lowercase().eq(actual.to_lowercase()) {
                    return None;
                }
                taken += actual.len_utf8();
            }
            Some(taken)
        }
    }
}

/// If `text` ends with `literal` (under `case`), the number of bytes of `text` it covers.
#[inline]
pub fn suffix_len(text: &str, literal: &str, case: Case) -> Option<usize> {
    match case {
        Case::Sensitive => text.ends_with(literal).then_some(literal.len()),
        Case::Insensitive if literal.is_ascii() => {
            let start = text.len().checked_sub(literal.len())?;
            let tail = &text.as_bytes()[start..];
            tail.eq_ignore_ascii_case(literal.as_bytes())
                .then_some(literal.len())
        }
        Case::Insensitive => {
            let mut taken = 0;
            let mut chars = text.chars().rev();
            for expected in literal.chars().rev() {
                let actual = chars.next()?;
                if !expected.to_lowercase().eq(actual.to_lowercase()) {
                    return None;
                }
                taken += actual.len_utf8();
            }
            Some(taken)
        }
    }
}

/// Whole-text equality under `case`.
#[inline]
pub fn text_eq(text: &str, literal: &str, case: Case) -> bool {
    prefix_len(text, literal, case) == Some(text.len())
}

/// Finds `literal` in `text` (the leftmost occurrence): (start, length). Used by expanded code for
/// a middle piece that is one literal.
#[inline]
pub fn find_literal(text: &str, literal: &str, case: Case) -> Option<(usize, usize)> {
    match case {
        Case::Sensitive => memchr::memmem::find(text.as_bytes(), literal.as_bytes())
            .map(|start| (start, literal.len())),
        Case::Insensitive => (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .find_map(|i| prefix_len(&text[i..], literal, case).map(|len| (i, len))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    struct Vars<'a>(&'a [(&'a str, &'a str)]);
    impl Resolver for Vars<'_> {
        fn variable(&self, key: &str) -> Option<&str> {
            self.0
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| *v)
        }
    }

    fn glob(pattern: &str) -> Glob {
        let mut segments = Vec::new();
        let mut rest = pattern;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("${") {
                let end = after.find('}').unwrap();
                segments.push(Segment::Variable(Variable {
                    key: Cow::Owned(after[..end].to_owned()),
                    default: None,
                }));
                rest = &after[end + 1..];
            } else if let Some(after) = rest.strip_prefix('*') {
                segments.push(Segment::AnyRun);
                rest = after;
            } else if let Some(after) = rest.strip_prefix('?') {
                segments.push(Segment::AnyOne);
                rest = after;
            } else {
                let end = rest
                    .find(['*', '?', '$'])
                    .filter(|&e| e > 0)
                    .unwrap_or(rest.len());
                segments.push(Segment::Literal(Cow::Owned(rest[..end].to_owned())));
                rest = &rest[end..];
            }
        }
        Glob {
            segments: Cow::Owned(segments),
        }
    }

    fn m(pattern: &str, text: &str) -> bool {
        matches(
            &glob(pattern),
            text,
            Case::Sensitive,
            &Vars(&[("aws:username", "alice")]),
        )
    }

    #[test]
    fn literal_star_and_question() {
        assert!(m("abc", "abc"));
        assert!(!m("abc", "abcd"));
        assert!(m("a*", "a"));
        assert!(m("a*c", "abbbc"));
        assert!(!m("a*c", "abbbd"));
        assert!(m("a?c", "abc"));
        assert!(!m("a?c", "ac"));
        assert!(m("*", ""));
        assert!(m("?é?", "xéy"));
        assert!(m("*a*a*b", "aaaab"));
        assert!(!m("*a*a*b", "ab"));
        assert!(m("a*?", "ab"));
        assert!(!m("a*?", "a"));
    }

    #[test]
    fn resource_doc_examples() {
        assert!(m("bucket/*/test/*", "bucket/1/2/test/3/object.jpg"));
        assert!(!m("bucket/*/test/*", "bucket/test/object.jpg"));
    }

    #[test]
    fn variables_are_literal_and_missing_ones_match_nothing() {
        assert!(m("session/${aws:username}-*", "session/alice-0a1b"));
        assert!(!m("session/${aws:username}-*", "session/bob-0a1b"));
        assert!(!m("session/${aws:userid}-*", "session/-0a1b"));
        let star_user = Vars(&[("aws:username", "a*")]);
        let g = glob("${aws:username}");
        assert!(!matches(&g, "abc", Case::Sensitive, &star_user));
        assert!(matches(&g, "a*", Case::Sensitive, &star_user));
    }

    #[test]
    fn case_insensitive() {
        assert!(matches(
            &glob("get*"),
            "GetObject",
            Case::Insensitive,
            &NoVariables
        ));
        assert!(text_eq("ÉCOLE", "école", Case::Insensitive));
        assert!(!text_eq("ECOLE", "école", Case::Insensitive));
        assert_eq!(
            find_literal("xxABcd", "abc", Case::Insensitive),
            Some((2, 3))
        );
    }

    #[test]
    fn hostile_pattern_is_linear() {
        let text = "a".repeat(5000);
        let pattern = format!("{}b", "*a".repeat(50));
        assert!(!m(&pattern, &text));
    }
}
