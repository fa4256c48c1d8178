//! Exact decimal numbers for the `Numeric*` operators.
//!
//! Numbers are kept as normalized digit strings rather than `f64`/`i128` so that comparisons are
//! exact for any number of digits: a 40-digit request value must not round into a match.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use super::{ValueError, quote};

/// A policy number in normalized form, constructible in `const` items.
///
/// Invariants (kept by [`parse_decimal`]; hand-written constants must keep them too): `int` holds
/// ASCII digits without leading zeros (empty for zero), `frac` ASCII digits without trailing zeros,
/// and zero is never `negative`. With them, equal numbers have equal fields, so `-0 == 0` and
/// `10 == 10.0 == 010.00` under the derived `PartialEq`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    /// `true` below zero.
    pub negative: bool,
    /// The integer digits, without sign or leading zeros (empty for zero).
    pub int: Cow<'static, str>,
    /// The fraction digits, without trailing zeros.
    pub frac: Cow<'static, str>,
}

impl Decimal {
    /// Borrows this number for comparison with [`DecimalRef`] values.
    #[must_use]
    pub fn as_decimal_ref(&self) -> DecimalRef<'_> {
        DecimalRef {
            negative: self.negative,
            int: &self.int,
            frac: &self.frac,
        }
    }
}

impl fmt::Display for Decimal {
    /// Canonical form, e.g. `-12.5` or `0`, so diagnostics show what the policy means.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.as_decimal_ref(), f)
    }
}

impl From<DecimalRef<'_>> for Decimal {
    fn from(d: DecimalRef<'_>) -> Self {
        Decimal {
            negative: d.negative,
            int: Cow::Owned(d.int.to_owned()),
            frac: Cow::Owned(d.frac.to_owned()),
        }
    }
}

/// A request number borrowed from the request string, normalized by slicing (no allocation).
///
/// The fields are private so that the normalization [`compare_decimal`] relies on always holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DecimalRef<'a> {
    negative: bool,
    int: &'a str,
    frac: &'a str,
}

impl<'a> DecimalRef<'a> {
    /// Whether the number is below zero (never true for zero).
    #[must_use]
    pub fn negative(&self) -> bool {
        self.negative
    }

    /// Integer digits without leading zeros; empty for a zero integer part.
    #[must_use]
    pub fn int(&self) -> &'a str {
        self.int
    }

    /// Fraction digits without trailing zeros; empty for an integer.
    #[must_use]
    pub fn frac(&self) -> &'a str {
        self.frac
    }
}

impl fmt::Display for DecimalRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negative {
            f.write_str("-")?;
        }
        f.write_str(if self.int.is_empty() { "0" } else { self.int })?;
        if !self.frac.is_empty() {
            write!(f, ".{}", self.frac)?;
        }
        Ok(())
    }
}

/// Why a string is not a number; kept allocation-free so the request path can share the parser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reason {
    Empty,
    NoIntDigits,
    NoFracDigits,
    Exponent,
    Whitespace,
    Other,
}

fn parse(s: &str) -> Result<DecimalRef<'_>, Reason> {
    if s.is_empty() {
        return Err(Reason::Empty);
    }
    let (negative, body) = match s.as_bytes()[0] {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (int, frac) = match body.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (body, None),
    };
    let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || !frac.is_none_or(all_digits) {
        // A hint only when following it gives a number: `1 000` (whitespace), `1e3` (exponent);
        // `one hundred` gets none.
        let without_whitespace: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        return Err(
            if without_whitespace != s && parse(&without_whitespace).is_ok() {
                Reason::Whitespace
            } else if is_exponent_form(body) {
                Reason::Exponent
            } else {
                Reason::Other
            },
        );
    }
    if int.is_empty() {
        return Err(if frac.is_some() {
            Reason::NoIntDigits
        } else {
            Reason::Other
        });
    }
    if frac == Some("") {
        return Err(Reason::NoFracDigits);
    }
    let int = int.trim_start_matches('0');
    let frac = frac.unwrap_or("").trim_end_matches('0');
    let negative = negative && !(int.is_empty() && frac.is_empty());
    Ok(DecimalRef {
        negative,
        int,
        frac,
    })
}

/// `1e3`, `2.5E-4`: digits, an optional fraction, `e` or `E`, an optional sign and digits.
fn is_exponent_form(body: &str) -> bool {
    let Some((mantissa, exponent)) = body.split_once(['e', 'E']) else {
        return false;
    };
    let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => digits(int) && (frac.is_empty() || digits(frac)),
        None => digits(mantissa),
    };
    mantissa_ok && digits(exponent)
}

/// Parses a policy number: optional `-`/`+`, at least one digit, optionally `.` and at least one
/// digit. Exponents, spaces and bare `.5`/`5.` are rejected so that a typo is not silently
/// reinterpreted.
pub fn parse_decimal(s: &str) -> Result<Decimal, ValueError> {
    match parse(s) {
        Ok(d) => Ok(d.into()),
        Err(reason) => {
            let detail = match reason {
                Reason::Empty => return Err(ValueError::new("an empty value is not a number")),
                Reason::NoIntDigits => ": write a digit before `.`, as in `0.5`",
                Reason::NoFracDigits => ": write a digit after `.`, as in `5.0`, or drop the `.`",
                Reason::Exponent => ": exponents are not supported, write the digits out",
                Reason::Whitespace => ": remove the whitespace",
                Reason::Other => "",
            };
            Err(ValueError::new(format!(
                "{} is not a number{detail}",
                quote(s)
            )))
        }
    }
}

/// Parses a request number with the same grammar as [`parse_decimal`], borrowing from `s`.
#[must_use]
pub fn parse_decimal_ref(s: &str) -> Option<DecimalRef<'_>> {
    parse(s).ok()
}

/// Compares a request number with a policy number exactly, whatever their number of digits.
#[must_use]
pub fn compare_decimal(request: &DecimalRef<'_>, policy: &Decimal) -> Ordering {
    compare(request, &policy.as_decimal_ref())
}

fn compare(a: &DecimalRef<'_>, b: &DecimalRef<'_>) -> Ordering {
    match (a.negative, b.negative) {
        (false, true) => Ordering::Greater,
        (true, false) => Ordering::Less,
        (false, false) => compare_magnitude(a, b),
        (true, true) => compare_magnitude(b, a),
    }
}

/// With no leading zeros the longer integer part is larger, equal lengths compare digit by digit;
/// with no trailing zeros the fraction digits compare lexicographically (a strict prefix is smaller
/// because the extra digits are not all zero).
fn compare_magnitude(a: &DecimalRef<'_>, b: &DecimalRef<'_>) -> Ordering {
    a.int
        .len()
        .cmp(&b.int.len())
        .then_with(|| a.int.cmp(b.int))
        .then_with(|| a.frac.cmp(b.frac))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        parse_decimal(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn r(s: &str) -> DecimalRef<'_> {
        parse_decimal_ref(s).unwrap_or_else(|| panic!("{s} should parse"))
    }

    fn cmp(request: &str, policy: &str) -> Ordering {
        compare_decimal(&r(request), &d(policy))
    }

    const TEN: Decimal = Decimal {
        negative: false,
        int: Cow::Borrowed("10"),
        frac: Cow::Borrowed(""),
    };
    static MINUS_HALF: Decimal = Decimal {
        negative: true,
        int: Cow::Borrowed(""),
        frac: Cow::Borrowed("5"),
    };

    #[test]
    fn const_constructible() {
        assert_eq!(d("10"), TEN);
        assert_eq!(d("-0.50"), MINUS_HALF);
        assert_eq!(compare_decimal(&r("10.000"), &TEN), Ordering::Equal);
    }

    #[test]
    fn normalization() {
        assert_eq!(d("10"), d("10.0"));
        assert_eq!(d("10"), d("010.00"));
        assert_eq!(d("+10"), d("10"));
        assert_eq!(d("-0"), d("0"));
        assert_eq!(d("-0.000"), d("0"));
        assert_eq!(
            d("000"),
            Decimal {
                negative: false,
                int: "".into(),
                frac: "".into()
            }
        );
        assert_eq!(
            d("-007.2500"),
            Decimal {
                negative: true,
                int: "7".into(),
                frac: "25".into()
            }
        );
        assert_eq!(
            d("0.010"),
            Decimal {
                negative: false,
                int: "".into(),
                frac: "01".into()
            }
        );
        let z = r("-0.0");
        assert!(!z.negative());
        assert_eq!((z.int(), z.frac()), ("", ""));
        assert_eq!(r("0012.3400").int(), "12");
        assert_eq!(r("0012.3400").frac(), "34");
    }

    #[test]
    fn display_is_canonical() {
        assert_eq!(d("-0").to_string(), "0");
        assert_eq!(d("010.00").to_string(), "10");
        assert_eq!(d("-000.50").to_string(), "-0.5");
        assert_eq!(r("+3.14").to_string(), "3.14");
    }

    #[test]
    fn accepted_forms() {
        for s in [
            "0",
            "7",
            "-7",
            "+7",
            "1.5",
            "-1.5",
            "0.0",
            "123456789012345678901234567890",
        ] {
            assert!(parse_decimal(s).is_ok(), "{s}");
            assert!(parse_decimal_ref(s).is_some(), "{s}");
        }
    }

    #[test]
    fn rejected_forms() {
        for s in [
            "", "-", "+", ".", "-.", ".5", "5.", "-.5", "1.2.3", "1e5", "1E5", "1e-5", " 1", "1 ",
            "1 000", "1,5", "0x10", "abc", "--1", "+-1", "NaN", "inf", "١", "１", "1_000",
        ] {
            assert!(parse_decimal(s).is_err(), "{s:?} should be rejected");
            assert!(parse_decimal_ref(s).is_none(), "{s:?} should be rejected");
        }
    }

    #[test]
    fn messages() {
        assert_eq!(
            parse_decimal("abc").unwrap_err().message(),
            "`abc` is not a number"
        );
        assert_eq!(
            parse_decimal("").unwrap_err().message(),
            "an empty value is not a number"
        );
        assert!(parse_decimal(".5").unwrap_err().message().contains("`0.5`"));
        assert!(
            parse_decimal("5.")
                .unwrap_err()
                .message()
                .contains("after `.`")
        );
        assert!(
            parse_decimal("1e5")
                .unwrap_err()
                .message()
                .contains("exponents")
        );
        assert!(
            parse_decimal(" 1")
                .unwrap_err()
                .message()
                .contains("whitespace")
        );
        // A hint only where following it gives a number (issue 12: `one hundred` was told to
        // remove the whitespace).
        for s in ["one hundred", "1 e", "e5", "1e", "five 5", "1.2.3", "0x10"] {
            assert_eq!(
                parse_decimal(s).unwrap_err().message(),
                format!("`{s}` is not a number"),
                "{s:?}"
            );
        }
        assert!(
            parse_decimal("1 000")
                .unwrap_err()
                .message()
                .ends_with("remove the whitespace")
        );
        assert!(
            parse_decimal("2.5E-4")
                .unwrap_err()
                .message()
                .contains("exponents")
        );
        for s in ["abc", ".5", "5.", "1e5", " 1"] {
            let m = parse_decimal(s).unwrap_err().to_string();
            assert!(!m.contains('\n') && m.starts_with('`'), "{m}");
        }
    }

    #[test]
    fn ordering_basics() {
        assert_eq!(cmp("1", "2"), Ordering::Less);
        assert_eq!(cmp("2", "1"), Ordering::Greater);
        assert_eq!(cmp("10", "10.0"), Ordering::Equal);
        assert_eq!(cmp("9", "10"), Ordering::Less);
        assert_eq!(cmp("10.5", "10.49"), Ordering::Greater);
        assert_eq!(cmp("10.5", "10.51"), Ordering::Less);
        assert_eq!(cmp("0.5", "0.05"), Ordering::Greater);
        assert_eq!(cmp("0.1", "0.10000"), Ordering::Equal);
        assert_eq!(cmp("0", "0.0001"), Ordering::Less);
        assert_eq!(cmp("0.0001", "0"), Ordering::Greater);
    }

    #[test]
    fn ordering_signs_and_zero() {
        assert_eq!(cmp("-0", "0"), Ordering::Equal);
        assert_eq!(cmp("0", "-0"), Ordering::Equal);
        assert_eq!(cmp("-1", "0"), Ordering::Less);
        assert_eq!(cmp("0", "-1"), Ordering::Greater);
        assert_eq!(cmp("-1", "1"), Ordering::Less);
        assert_eq!(cmp("-2", "-1"), Ordering::Less);
        assert_eq!(cmp("-1.5", "-1.25"), Ordering::Less);
        assert_eq!(cmp("-10", "-9.99"), Ordering::Less);
        assert_eq!(cmp("-0.001", "0"), Ordering::Less);
        assert_eq!(cmp("-7.0", "-7"), Ordering::Equal);
    }

    #[test]
    fn ordering_huge_numbers() {
        let a = "1234567890123456789012345678901234567890"; // 40 digits, beyond u128
        let b = "1234567890123456789012345678901234567891";
        assert_eq!(a.len(), 40);
        assert_eq!(cmp(a, b), Ordering::Less);
        assert_eq!(cmp(b, a), Ordering::Greater);
        assert_eq!(cmp(a, a), Ordering::Equal);
        assert_eq!(cmp(&format!("000{a}.000"), a), Ordering::Equal);
        assert_eq!(cmp(&format!("-{a}"), &format!("-{b}")), Ordering::Greater);
        // Differ only in the 40th fraction digit, where f64 would see equal values.
        let f1 = format!("0.{}1", "0".repeat(39));
        let f2 = format!("0.{}2", "0".repeat(39));
        assert_eq!(cmp(&f1, &f2), Ordering::Less);
        assert_eq!(cmp(&f2, &f1), Ordering::Greater);
        assert_eq!(
            cmp("99999999999999999999999999999999999999999", a),
            Ordering::Greater
        );
    }

    #[test]
    fn ordering_is_consistent_with_equality() {
        let values = [
            "-100", "-10.5", "-10", "-1", "-0.5", "0", "0.25", "0.5", "1", "9.99", "10", "10.01",
        ];
        for (i, a) in values.iter().enumerate() {
            for (j, b) in values.iter().enumerate() {
                assert_eq!(cmp(a, b), i.cmp(&j), "{a} vs {b}");
            }
        }
    }

    #[test]
    fn owned_from_ref_round_trip() {
        let r = r("-0012.500");
        let owned = Decimal::from(r);
        assert_eq!(owned.as_decimal_ref(), r);
        assert_eq!(owned, d("-12.5"));
    }
}
