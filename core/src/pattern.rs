//! Matching a [`Glob`] against a text: the primitive behind actions, resources and the String and
//! ARN condition operators.
//!
//! A glob is split at its `*`s into pieces of fixed length (literals, `?`, resolved variables). The
//! first piece is anchored at the start, the last at the end, and each middle piece is found at its
//! leftmost position: for fixed-length pieces that greedy choice is always right, so matching never
//! backtracks. A pattern without `?` costs time linear in the text; with `?` pieces, at most text ×
//! pattern / 64 word operations (bit-parallel search), whatever a hostile pattern looks like.
//! Case-insensitive comparison follows the one folding rule of [`crate::fold`].

use crate::compiled::{Glob, Segment, Variable};
use crate::fold::fold_char;

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
    /// Exactly as written (IAM's default for ARNs, resource IDs and String operators).
    Sensitive,
    /// Character by character, under [`crate::fold::fold_char`].
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
///
/// The head piece is anchored at the start, the tail piece at the end (found by stepping back its
/// length in characters, never by trying every position), and each middle piece at its leftmost
/// occurrence ([`find_piece`]). Cost: linear in the text for patterns without `?` pieces in the
/// middle, at most text × pattern / 64 word operations otherwise.
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

/// The number of characters a piece (no `*`) stands for, `None` when a variable has no value.
fn piece_chars<R: Resolver + ?Sized>(piece: &[Segment], resolver: &R) -> Option<usize> {
    let mut count = 0;
    for segment in piece {
        count += match segment {
            Segment::Literal(literal) => literal.chars().count(),
            Segment::Variable(variable) => resolve(variable, resolver)?.chars().count(),
            Segment::AnyOne => 1,
            Segment::AnyRun => return None,
        };
    }
    Some(count)
}

/// The start of the suffix of `text` that `piece` matches exactly. The fold keeps the number of
/// characters, so the only candidate is the piece's length in characters back from the end.
pub fn piece_at_end<R: Resolver + ?Sized>(
    piece: &[Segment],
    text: &str,
    case: Case,
    resolver: &R,
) -> Option<usize> {
    let chars = piece_chars(piece, resolver)?;
    let start = if chars == 0 {
        text.len()
    } else {
        text.char_indices().rev().nth(chars - 1)?.0
    };
    (piece_at(piece, &text[start..], case, resolver) == Some(text.len() - start)).then_some(start)
}

/// Below this many text characters times pattern characters a piece is searched position by
/// position (no set-up, no allocation); above it, bit-parallel.
const DIRECT_SEARCH_WORK: usize = 4096;

/// The leftmost position where `piece` matches inside `text`: (start, length).
///
/// A piece that is one literal, compared case-sensitively, is a substring search (linear). Other
/// pieces are found with the bit-parallel shift-and algorithm: one pass over the text, each
/// character costing one operation per 64 characters of the piece. Small searches, where setting up
/// the tables would cost more than the search, try each position.
pub fn find_piece<R: Resolver + ?Sized>(
    piece: &[Segment],
    text: &str,
    case: Case,
    resolver: &R,
) -> Option<(usize, usize)> {
    if let ([Segment::Literal(literal)], Case::Sensitive) = (piece, case) {
        crate::work::add(crate::work::Counter::MatchSteps, text.len() as u64);
        return memchr::memmem::find(text.as_bytes(), literal.as_bytes())
            .map(|start| (start, literal.len()));
    }
    let chars = piece_chars(piece, resolver)?;
    if chars == 0 {
        return Some((0, 0));
    }
    if text.len().saturating_mul(chars) <= DIRECT_SEARCH_WORK {
        crate::work::add(
            crate::work::Counter::MatchSteps,
            (text.len() * chars) as u64,
        );
        return (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .find_map(|i| piece_at(piece, &text[i..], case, resolver).map(|len| (i, len)));
    }
    shift_and(piece_items(piece, case, resolver), chars, text, case)
}

/// One character of a piece: a character (folded when comparing case-insensitively) or `?`.
fn piece_items<'a, R: Resolver + ?Sized>(
    piece: &'a [Segment],
    case: Case,
    resolver: &'a R,
) -> impl Iterator<Item = Option<char>> + 'a {
    let fold = move |c: char| match case {
        Case::Sensitive => c,
        Case::Insensitive => fold_char(c),
    };
    piece.iter().flat_map(move |segment| {
        let (text, any) = match segment {
            Segment::Literal(literal) => (literal.as_ref(), false),
            Segment::Variable(variable) => (resolve(variable, resolver).unwrap_or(""), false),
            Segment::AnyOne => ("?", true),
            Segment::AnyRun => ("", false),
        };
        text.chars()
            .map(move |c| if any { None } else { Some(fold(c)) })
    })
}

/// Shift-and over `words` 64-bit words: bit `p` of the state is set when the piece's first `p + 1`
/// characters match the text ending at the current character.
fn shift_and(
    items: impl Iterator<Item = Option<char>>,
    chars: usize,
    text: &str,
    case: Case,
) -> Option<(usize, usize)> {
    let words = chars.div_ceil(64);
    // Masks: per ASCII character, for `?` (every character), and per other character of the piece.
    let mut ascii = vec![0u64; 128 * words];
    let mut any = vec![0u64; words];
    let mut other: Vec<(char, Vec<u64>)> = Vec::new();
    for (position, item) in items.enumerate() {
        let (word, bit) = (position / 64, 1u64 << (position % 64));
        match item {
            None => any[word] |= bit,
            Some(c) if c.is_ascii() => ascii[c as usize * words + word] |= bit,
            Some(c) => match other.binary_search_by_key(&c, |(k, _)| *k) {
                Ok(at) => other[at].1[word] |= bit,
                Err(at) => {
                    let mut mask = vec![0u64; words];
                    mask[word] |= bit;
                    other.insert(at, (c, mask));
                }
            },
        }
    }
    let last = ((chars - 1) / 64, 1u64 << ((chars - 1) % 64));
    let mut state = vec![0u64; words];
    let mut seen = 0u64;
    for (at, c) in text.char_indices() {
        seen += 1;
        let c = match case {
            Case::Sensitive => c,
            Case::Insensitive => fold_char(c),
        };
        let mask: Option<&[u64]> = if c.is_ascii() {
            Some(&ascii[c as usize * words..][..words])
        } else {
            other
                .binary_search_by_key(&c, |(k, _)| *k)
                .ok()
                .map(|i| other[i].1.as_slice())
        };
        let mut carry = 1u64;
        for (w, word) in state.iter_mut().enumerate() {
            let next_carry = *word >> 63;
            let class = mask.map_or(0, |m| m[w]) | any[w];
            *word = ((*word << 1) | carry) & class;
            carry = next_carry;
        }
        if state[last.0] & last.1 != 0 {
            crate::work::add(crate::work::Counter::MatchSteps, seen * words as u64);
            let end = at + text[at..].chars().next().map_or(0, char::len_utf8);
            let start = text[..end]
                .char_indices()
                .rev()
                .nth(chars - 1)
                .map_or(0, |(i, _)| i);
            return Some((start, end - start));
        }
    }
    crate::work::add(crate::work::Counter::MatchSteps, seen * words as u64);
    None
}

/// If `text` starts with `literal` (under `case`), the number of bytes of `text` it covers.
#[inline]
#[must_use]
pub fn prefix_len(text: &str, literal: &str, case: Case) -> Option<usize> {
    match case {
        Case::Sensitive => text.starts_with(literal).then_some(literal.len()),
        Case::Insensitive => {
            if literal.is_ascii()
                && let Some(head) = text.as_bytes().get(..literal.len())
                && head.is_ascii()
            {
                return head
                    .eq_ignore_ascii_case(literal.as_bytes())
                    .then_some(literal.len());
            }
            // Slow path: a character outside ASCII may fold to an ASCII one (the Kelvin sign).
            let mut taken = 0;
            let mut chars = text.chars();
            for expected in literal.chars() {
                let actual = chars.next()?;
                if fold_char(expected) != fold_char(actual) {
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
#[must_use]
pub fn suffix_len(text: &str, literal: &str, case: Case) -> Option<usize> {
    match case {
        Case::Sensitive => text.ends_with(literal).then_some(literal.len()),
        Case::Insensitive => {
            if literal.is_ascii()
                && let Some(start) = text.len().checked_sub(literal.len())
                && let Some(tail) = text.as_bytes().get(start..)
                && tail.is_ascii()
            {
                return tail
                    .eq_ignore_ascii_case(literal.as_bytes())
                    .then_some(literal.len());
            }
            let mut taken = 0;
            let mut chars = text.chars().rev();
            for expected in literal.chars().rev() {
                let actual = chars.next()?;
                if fold_char(expected) != fold_char(actual) {
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
#[must_use]
pub fn text_eq(text: &str, literal: &str, case: Case) -> bool {
    match case {
        Case::Sensitive => text == literal,
        Case::Insensitive => crate::fold::fold_eq(text, literal),
    }
}

/// Finds `literal` in `text` (the leftmost occurrence): (start, length). Used by expanded code for
/// a middle piece that is one literal.
#[inline]
#[must_use]
pub fn find_literal(text: &str, literal: &str, case: Case) -> Option<(usize, usize)> {
    match case {
        Case::Sensitive => memchr::memmem::find(text.as_bytes(), literal.as_bytes())
            .map(|start| (start, literal.len())),
        Case::Insensitive => {
            let chars = literal.chars().count();
            if chars == 0 {
                return Some((0, 0));
            }
            if text.len().saturating_mul(chars) <= DIRECT_SEARCH_WORK {
                return (0..=text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .find_map(|i| prefix_len(&text[i..], literal, case).map(|len| (i, len)));
            }
            let items = literal.chars().map(|c| Some(fold_char(c)));
            shift_and(items, chars, text, case)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compiled::VariableRef;
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
                segments.push(Segment::Variable(VariableRef::new(Variable {
                    key: Cow::Owned(after[..end].to_owned()),
                    default: None,
                })));
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

    /// The plain definition: dynamic programming over characters, under the fold.
    fn reference(pattern: &str, text: &str, case: Case) -> bool {
        let fold = |c: char| match case {
            Case::Sensitive => c,
            Case::Insensitive => crate::fold::fold_char(c),
        };
        let p: Vec<char> = pattern.chars().collect();
        let t: Vec<char> = text.chars().collect();
        let mut row = vec![false; t.len() + 1];
        row[0] = true;
        for &pc in &p {
            let mut next = vec![false; t.len() + 1];
            for j in 0..=t.len() {
                next[j] = match pc {
                    '*' => row[j] || (j > 0 && next[j - 1]),
                    '?' => j > 0 && row[j - 1],
                    c => j > 0 && row[j - 1] && fold(c) == fold(t[j - 1]),
                };
            }
            row = next;
        }
        row[t.len()]
    }

    #[test]
    fn agrees_with_the_reference_on_every_small_case() {
        let alphabet = ['a', 'b', 'K', '\u{212A}', 'é', '*', '?'];
        let texts = [
            "",
            "a",
            "ab",
            "ba",
            "aab",
            "abab",
            "kéa",
            "\u{212A}a",
            "bbbbbab",
            "aKb",
        ];
        // Every pattern of up to four characters over the alphabet.
        let mut patterns = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = patterns
                .iter()
                .filter(|p| p.chars().count() < 4)
                .flat_map(|p| alphabet.iter().map(move |c| format!("{p}{c}")))
                .collect();
            patterns.extend(longer);
        }
        patterns.sort();
        patterns.dedup();
        for pattern in &patterns {
            let g = glob(pattern);
            for text in texts {
                for case in [Case::Sensitive, Case::Insensitive] {
                    assert_eq!(
                        matches(&g, text, case, &NoVariables),
                        reference(pattern, text, case),
                        "{pattern:?} against {text:?} ({case:?})"
                    );
                }
            }
        }
    }

    #[test]
    fn long_texts_agree_with_the_reference() {
        // Long enough for the bit-parallel search (pieces over 64 characters included).
        let text: String = (0..3000)
            .map(|i| if i % 7 == 0 { 'b' } else { 'a' })
            .collect();
        let long_piece: String = "a?".repeat(40);
        for pattern in [
            "*a?a*b*".to_owned(),
            format!("*{long_piece}*"),
            format!("*{long_piece}b*"),
            "*aaaaaab?aaaaaab*".to_owned(),
            "*AAAAAAB?AAAAAAB*".to_owned(),
            "*abbb*".to_owned(),
        ] {
            for case in [Case::Sensitive, Case::Insensitive] {
                assert_eq!(
                    matches(&glob(&pattern), &text, case, &NoVariables),
                    reference(&pattern, &text, case),
                    "{pattern} ({case:?})"
                );
            }
        }
    }

    /// A hostile pattern (1,000 `?` pieces) against a long text: the work counted grows with the
    /// text times the pattern over 64, not with their product.
    #[test]
    fn question_pieces_cost_text_times_pattern_over_64() {
        use crate::work::{Counter, assert_linear, measure};
        let pattern = format!("*{}b*", "a?".repeat(1000));
        let g = glob(&pattern);
        let sizes = [10_000u64, 40_000, 160_000];
        let counts: Vec<u64> = sizes
            .iter()
            .map(|&n| {
                let text = "a".repeat(n as usize);
                measure(Counter::MatchSteps, || {
                    assert!(!matches(&g, &text, Case::Sensitive, &NoVariables));
                })
            })
            .collect();
        assert_linear(
            "`?` pattern of 2,001 characters, steps by text length",
            &sizes,
            &counts,
            1.1,
        );
        // One word per 64 pattern characters per text character: 32 words for 2,002 characters.
        assert!(counts[2] <= sizes[2] * 32, "{counts:?}");
    }

    #[test]
    fn star_only_patterns_are_linear_in_the_text() {
        use crate::work::{Counter, assert_linear, measure};
        let g = glob("*aaaaaaaaab*ab");
        let sizes = [10_000u64, 40_000, 160_000];
        let counts: Vec<u64> = sizes
            .iter()
            .map(|&n| {
                let text = format!("{}ab", "a".repeat(n as usize));
                measure(Counter::MatchSteps, || {
                    for case in [Case::Sensitive, Case::Insensitive] {
                        assert!(!matches(&g, &text, case, &NoVariables));
                    }
                })
            })
            .collect();
        assert_linear("`*` pattern, steps by text length", &sizes, &counts, 1.1);
    }
}
