//! Base64 values for the `BinaryEquals` operator.
//!
//! Standard alphabet (`A-Z a-z 0-9 + /`); `=` padding is optional but, when present, must make the
//! length a multiple of four. Whitespace, the URL-safe alphabet and non-zero unused bits in the
//! last character (`QR==` for `A`) are rejected, so every byte string has exactly one accepted
//! padded spelling and one unpadded one, and typos are not silently absorbed.

use std::borrow::Cow;

use super::{ValueError, quote};

/// Why a string is not base64; `Copy` so the request path can share the validator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reason {
    Char { index: usize },
    Padding,
    Length,
    TrailingBits,
}

/// Maps a base64 character to its 6-bit value.
fn sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// Checks `s` and returns its characters without padding.
fn validate(s: &str) -> Result<&[u8], Reason> {
    let b = s.as_bytes();
    let data = b
        .strip_suffix(b"==")
        .or_else(|| b.strip_suffix(b"="))
        .unwrap_or(b);
    let padded = data.len() != b.len();
    if let Some(index) = data.iter().position(|&c| sextet(c).is_none()) {
        return Err(if data[index] == b'=' {
            Reason::Padding
        } else {
            Reason::Char { index }
        });
    }
    if data.len() % 4 == 1 {
        return Err(Reason::Length);
    }
    if padded && !b.len().is_multiple_of(4) {
        return Err(Reason::Padding);
    }
    // The last character of a 2- or 3-character tail carries 4 or 2 bits that encode nothing.
    let unused = match data.len() % 4 {
        2 => 0x0f,
        3 => 0x03,
        _ => 0,
    };
    if let Some(&last) = data.last()
        && sextet(last).is_some_and(|v| v & unused != 0)
    {
        return Err(Reason::TrailingBits);
    }
    Ok(data)
}

/// Decodes validated, unpadded base64 one byte at a time, on the stack.
struct Decoder<'a> {
    data: &'a [u8],
    acc: u32,
    bits: u32,
}

impl Decoder<'_> {
    fn new(data: &[u8]) -> Decoder<'_> {
        Decoder {
            data,
            acc: 0,
            bits: 0,
        }
    }

    /// Number of bytes the data decodes to: 3 per 4 characters, a tail of 2 or 3 gives 1 or 2.
    fn decoded_len(data: &[u8]) -> usize {
        data.len() / 4 * 3 + (data.len() % 4 * 3) / 4
    }
}

impl Iterator for Decoder<'_> {
    type Item = u8;

    fn next(&mut self) -> Option<u8> {
        while self.bits < 8 {
            let (&c, rest) = self.data.split_first()?;
            self.data = rest;
            self.acc = (self.acc << 6) | u32::from(sextet(c)?);
            self.bits += 6;
        }
        self.bits -= 8;
        let byte = (self.acc >> self.bits) as u8;
        self.acc &= (1 << self.bits) - 1;
        Some(byte)
    }
}

/// Whether removing the whitespace of `s` leaves valid base64: only then is it the hint to give.
fn valid_without_whitespace(s: &str) -> bool {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    validate(&compact).is_ok()
}

/// Decodes a policy value into owned bytes (padding optional; see the module docs for what is
/// rejected).
pub fn decode_base64_policy(s: &str) -> Result<Cow<'static, [u8]>, ValueError> {
    match validate(s) {
        Ok(data) => {
            let mut out = Vec::with_capacity(Decoder::decoded_len(data));
            out.extend(Decoder::new(data));
            Ok(Cow::Owned(out))
        }
        Err(reason) => {
            let value = quote(s);
            let detail = match reason {
                Reason::Char { index } => {
                    let c = s[index..].chars().next().unwrap_or('?');
                    let hint = match c {
                        '-' | '_' => ", the url-safe alphabet is not accepted, use `+` and `/`",
                        c if c.is_whitespace() && valid_without_whitespace(s) => {
                            ", remove the whitespace"
                        }
                        _ => "",
                    };
                    format!(
                        "unexpected character `{}` at offset {index}{hint}",
                        c.escape_debug()
                    )
                }
                Reason::Padding => "misplaced `=` padding".to_owned(),
                Reason::Length => {
                    "the length (without padding) cannot be 1 more than a multiple of 4".to_owned()
                }
                Reason::TrailingBits => "the last character has non-zero unused bits".to_owned(),
            };
            Err(ValueError::new(format!(
                "{value} is not valid base64: {detail}"
            )))
        }
    }
}

/// Whether the request value decodes to exactly `policy`, decoding on the fly without allocation.
/// Invalid base64 never matches.
#[must_use]
pub fn base64_equals(request_b64: &str, policy: &[u8]) -> bool {
    match validate(request_b64) {
        Ok(data) => {
            Decoder::decoded_len(data) == policy.len()
                && Decoder::new(data).eq(policy.iter().copied())
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Vec<u8> {
        decode_base64_policy(s)
            .unwrap_or_else(|e| panic!("{s}: {e}"))
            .into_owned()
    }

    static POLICY: Cow<'static, [u8]> = Cow::Borrowed(b"hello");

    #[test]
    fn const_constructible_policy_bytes() {
        assert_eq!(dec("aGVsbG8="), &*POLICY);
        assert!(base64_equals("aGVsbG8=", &POLICY));
    }

    #[test]
    fn decodes_with_and_without_padding() {
        assert_eq!(dec(""), b"");
        assert_eq!(dec("QQ=="), b"A");
        assert_eq!(dec("QQ"), b"A");
        assert_eq!(dec("QUI="), b"AB");
        assert_eq!(dec("QUI"), b"AB");
        assert_eq!(dec("QUJD"), b"ABC");
        assert_eq!(dec("aGVsbG8gd29ybGQ="), b"hello world");
        assert_eq!(dec("aGVsbG8gd29ybGQ"), b"hello world");
        assert_eq!(dec("AAECAwQF"), [0, 1, 2, 3, 4, 5]);
        assert_eq!(dec("+/+/"), [0xfb, 0xff, 0xbf]);
        assert_eq!(dec("////"), [0xff; 3]);
    }

    #[test]
    fn rfc4648_vectors() {
        for (b64, raw) in [
            ("", ""),
            ("Zg==", "f"),
            ("Zm8=", "fo"),
            ("Zm9v", "foo"),
            ("Zm9vYg==", "foob"),
            ("Zm9vYmE=", "fooba"),
            ("Zm9vYmFy", "foobar"),
        ] {
            assert_eq!(dec(b64), raw.as_bytes(), "{b64}");
            assert!(base64_equals(b64, raw.as_bytes()), "{b64}");
            let unpadded = b64.trim_end_matches('=');
            assert!(base64_equals(unpadded, raw.as_bytes()), "{unpadded}");
        }
    }

    #[test]
    fn all_byte_values_round_trip() {
        let raw: Vec<u8> = (0..=255).collect();
        // Encoded with a reference encoder.
        let b64 = concat!(
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4",
            "OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3Bx",
            "cnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmq",
            "q6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj",
            "5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/w==",
        );
        assert_eq!(dec(b64), raw);
        assert!(base64_equals(b64, &raw));
        assert!(!base64_equals(b64, &raw[..255]));
    }

    #[test]
    fn rejects_invalid() {
        for s in [
            "Q", "QUJDR", "QQ=", "Q===", "QQ===", "QUJD=", "QUJD==", "QUJD====", "=", "==",
            "QQ==QQ==", "Q=Q=", "QU!D", "QUJ D", " QUJD", "QUJD\n", "QU-D", "QU_D", "QUJDé",
            "QR==", "QR", "QUJ=", "QUJ", "QUK=",
        ] {
            assert!(decode_base64_policy(s).is_err(), "{s:?} should be rejected");
            assert!(!base64_equals(s, b""), "{s:?}");
            assert!(!base64_equals(s, b"A"), "{s:?}");
            assert!(!base64_equals(s, b"AB"), "{s:?}");
        }
    }

    #[test]
    fn messages() {
        let m = |s| decode_base64_policy(s).unwrap_err().message().to_owned();
        assert_eq!(
            m("QU!D"),
            "`QU!D` is not valid base64: unexpected character `!` at offset 2"
        );
        assert!(m("QU-D").contains("url-safe"));
        assert!(m("QU I=").contains("remove the whitespace"));
        // Removing the whitespace would not give base64 either: no hint to remove it.
        assert!(!m("QU D").contains("whitespace"));
        assert!(!m("not base64 at all").contains("whitespace"));
        assert!(m("QUJD\n").contains("`\\n`"), "{}", m("QUJD\n"));
        assert!(m("QQ=").contains("padding"));
        assert!(m("QQ==QQ==").contains("padding"));
        assert!(m("Q").contains("length"));
        assert!(m("QR==").contains("unused bits"));
        assert!(!m(&"!".repeat(500)).contains(&"!".repeat(100)));
    }

    #[test]
    fn equality() {
        assert!(base64_equals("QUJD", b"ABC"));
        assert!(!base64_equals("QUJD", b"ABD"));
        assert!(!base64_equals("QUJD", b"AB"));
        assert!(!base64_equals("QUJD", b"ABCD"));
        assert!(base64_equals("QUI=", b"AB"));
        assert!(base64_equals("QUI", b"AB"));
        assert!(base64_equals("", b""));
        assert!(!base64_equals("", b"A"));
        assert!(!base64_equals("QQ==", b""));
    }
}
