//! Word loads for the code `policy!` generates: a constant literal is compared eight bytes at a
//! time (`(word | mask) == constant`, the mask folding ASCII letters for case-insensitive parts),
//! as a person would write a fast compare by hand. The caller checks the length first, so the
//! bounds checks here fold away.

/// Eight bytes of `bytes` from `at`, little-endian.
#[inline(always)]
#[must_use]
pub fn word(bytes: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(w)
}

/// `n` (at most eight) bytes of `bytes` from `at`, little-endian, zero-padded.
#[inline(always)]
#[must_use]
pub fn short_word(bytes: &[u8], at: usize, n: usize) -> u64 {
    let mut w = [0u8; 8];
    w[..n].copy_from_slice(&bytes[at..at + n]);
    u64::from_le_bytes(w)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// `0x20` at each byte of `w` that is a lowercase ASCII letter (bytes below `0x80`), else `0`.
#[inline(always)]
fn lowercase_letters(w: u64) -> u64 {
    // b >= 'a' sets the high bit of b + (0x80 - 'a'); b > 'z' sets it in b + (0x80 - 'z' - 1).
    ((w.wrapping_add((0x80 - 0x61) * ONES) & !w.wrapping_add((0x80 - 0x7b) * ONES)) & HIGH) >> 2
}

/// `0x20` at each byte of `w` that is an uppercase ASCII letter (bytes below `0x80`), else `0`.
#[inline(always)]
fn uppercase_letters(w: u64) -> u64 {
    ((w.wrapping_add((0x80 - 0x41) * ONES) & !w.wrapping_add((0x80 - 0x5b) * ONES)) & HIGH) >> 2
}

/// Compares equal-length `pattern` and `text` a word at a time (overlapping at the end, no
/// calls). `fold`: `pattern` is lowercase ASCII and an ASCII letter of `text` may be uppercase.
#[inline(always)]
fn words_eq(pattern: &[u8], text: &[u8], fold: bool) -> bool {
    debug_assert_eq!(pattern.len(), text.len());
    let n = pattern.len();
    let same = |p: u64, t: u64| {
        if fold {
            (t | lowercase_letters(p)) == p
        } else {
            t == p
        }
    };
    if n >= 8 {
        let mut at = 0;
        while at + 8 <= n {
            if !same(word(pattern, at), word(text, at)) {
                return false;
            }
            at += 8;
        }
        return at == n || same(word(pattern, n - 8), word(text, n - 8));
    }
    let load = |bytes: &[u8], at: usize, len: usize| {
        let mut w = [0u8; 8];
        w[..len].copy_from_slice(&bytes[at..at + len]);
        u64::from_le_bytes(w)
    };
    match n {
        0 => true,
        1 => same(pattern[0] as u64, text[0] as u64),
        2..=3 => {
            same(load(pattern, 0, 2), load(text, 0, 2))
                && same(load(pattern, n - 2, 2), load(text, n - 2, 2))
        }
        _ => {
            same(load(pattern, 0, 4), load(text, 0, 4))
                && same(load(pattern, n - 4, 4), load(text, n - 4, 4))
        }
    }
}

/// `text == pattern`, without a call for short texts.
#[inline]
#[must_use]
pub fn eq(pattern: &str, text: &str) -> bool {
    pattern.len() == text.len() && words_eq(pattern.as_bytes(), text.as_bytes(), false)
}

/// `text.starts_with(pattern)`, without a call for short texts.
#[inline]
#[must_use]
pub fn starts(text: &str, pattern: &str) -> bool {
    text.len() >= pattern.len()
        && words_eq(pattern.as_bytes(), &text.as_bytes()[..pattern.len()], false)
}

/// `text` equals the lowercase ASCII `pattern` ignoring ASCII case.
#[inline]
#[must_use]
pub fn eq_folded(pattern: &[u8], text: &[u8]) -> bool {
    pattern.len() == text.len() && words_eq(pattern, text, true)
}

/// `text` starts with the lowercase ASCII `pattern` ignoring ASCII case.
#[inline]
#[must_use]
pub fn starts_folded(text: &[u8], pattern: &[u8]) -> bool {
    text.len() >= pattern.len() && words_eq(pattern, &text[..pattern.len()], true)
}

/// Two texts equal ignoring ASCII case, or `None` when a non-ASCII byte was met before a
/// difference (the caller then compares by Unicode).
#[inline]
#[must_use]
pub fn ascii_eq_ignore_case(a: &[u8], b: &[u8]) -> Option<bool> {
    debug_assert_eq!(a.len(), b.len());
    let n = a.len();
    let lower = |w: u64| w | uppercase_letters(w);
    let chunk = |x: u64, y: u64| -> Option<bool> {
        if (x | y) & HIGH != 0 {
            return None;
        }
        Some(lower(x) == lower(y))
    };
    if n >= 8 {
        let mut at = 0;
        while at + 8 <= n {
            if !chunk(word(a, at), word(b, at))? {
                return Some(false);
            }
            at += 8;
        }
        return if at == n {
            Some(true)
        } else {
            chunk(word(a, n - 8), word(b, n - 8))
        };
    }
    chunk(short_word(a, 0, n), short_word(b, 0, n))
}

/// How the generated code compares `literal` at the start of a text: each load is
/// `(at, length, mask, expected)`, meaning `(load(at, length) | mask) == expected`. With `fold`,
/// the literal must be lowercase and an ASCII letter also matches its uppercase (`b | 0x20`);
/// other bytes compare exactly. Loads overlap rather than read past the literal.
#[must_use]
pub fn loads(literal: &[u8], fold: bool) -> Vec<(usize, usize, u64, u64)> {
    let n = literal.len();
    let load = |at: usize, len: usize| {
        let mut mask = [0u8; 8];
        let mut expected = [0u8; 8];
        for (i, &b) in literal[at..at + len].iter().enumerate() {
            expected[i] = b;
            if fold && b.is_ascii_lowercase() {
                mask[i] = 0x20;
            }
        }
        (
            at,
            len,
            u64::from_le_bytes(mask),
            u64::from_le_bytes(expected),
        )
    };
    if n < 8 {
        return if n == 0 { Vec::new() } else { vec![load(0, n)] };
    }
    let mut out: Vec<_> = (0..n / 8).map(|i| load(i * 8, 8)).collect();
    if !n.is_multiple_of(8) {
        out.push(load(n - 8, 8));
    }
    out
}

/// What the generated code computes: does `text` start with `literal` under [`loads`]?
#[must_use]
pub fn starts_with(text: &[u8], literal: &[u8], fold: bool) -> bool {
    text.len() >= literal.len()
        && loads(literal, fold)
            .into_iter()
            .all(|(at, len, mask, expected)| {
                let w = if len == 8 {
                    word(text, at)
                } else {
                    short_word(text, at, len)
                };
                (w | mask) == expected
            })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_compares_equal_the_byte_compares() {
        let texts = [
            "",
            "a",
            "A",
            "ab",
            "aB",
            "abc",
            "ABC",
            "abcd",
            "abcde",
            "ABCDEFG",
            "abcdefgh",
            "abcdefghi",
            "ABCDEFGHIJKLMNOPQ",
            "aws:username",
            "AWS:UserName",
            "aws:usernamf",
            "ssm:resourceTag/tag-key1",
            "SSM:RESOURCETAG/TAG-KEY1",
            "ssm:resourcetag/tag-key2",
            "[@`{",
            "{`@[",
            "\u{e9}t\u{e9}",
            "\u{c9}t\u{e9}",
            "a\u{e9}",
            "@",
            "`",
            "Z",
            "z",
            "0123456789",
            "0123456789-_.:/",
        ];
        for a in texts {
            for b in texts {
                let (x, y) = (a.as_bytes(), b.as_bytes());
                assert_eq!(eq(a, b), a == b, "{a:?} {b:?}");
                assert_eq!(starts(b, a), b.starts_with(a), "{a:?} {b:?}");
                let lower = a.to_ascii_lowercase();
                assert_eq!(
                    eq_folded(lower.as_bytes(), y),
                    lower.as_bytes().eq_ignore_ascii_case(y),
                    "{a:?} {b:?}"
                );
                assert_eq!(
                    starts_folded(y, lower.as_bytes()),
                    y.len() >= x.len() && y[..x.len()].eq_ignore_ascii_case(lower.as_bytes()),
                    "{a:?} {b:?}"
                );
                if x.len() == y.len() {
                    let expected = x.eq_ignore_ascii_case(y);
                    match ascii_eq_ignore_case(x, y) {
                        Some(result) => assert_eq!(result, expected, "{a:?} {b:?}"),
                        None => assert!(!a.is_ascii() || !b.is_ascii(), "{a:?} {b:?}"),
                    }
                }
            }
        }
    }

    #[test]
    fn folded_loads_equal_ascii_case_insensitive_prefix() {
        let literals = [
            "ssm:startsession",
            "s3:get",
            "a",
            "ec2:describe-instances",
            "x_y.z9",
        ];
        let texts = [
            "ssm:StartSession",
            "SSM:STARTSESSION",
            "ssm:startsession",
            "ssm:StartSessions",
            "ssm:StartSessio",
            "S3:GetObject",
            "s3:getobject",
            "s3:Ge",
            "A",
            "b",
            "",
            "EC2:Describe-Instances",
            "ec2:describe\u{0d}instances",
            "X_Y.Z9",
            "x\u{7f}y.z9",
            "ssm\u{1a}startsession",
            "ssm:\u{212A}",
            "s3:get\u{e9}",
        ];
        for literal in literals {
            for text in texts {
                let expected = text.len() >= literal.len()
                    && text.as_bytes()[..literal.len()].eq_ignore_ascii_case(literal.as_bytes());
                assert_eq!(
                    starts_with(text.as_bytes(), literal.as_bytes(), true),
                    expected,
                    "{literal} {text:?}"
                );
                let exact = text.as_bytes().starts_with(literal.as_bytes());
                assert_eq!(
                    starts_with(text.as_bytes(), literal.as_bytes(), false),
                    exact,
                    "{literal} {text:?}"
                );
            }
        }
    }
}
