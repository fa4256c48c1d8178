//! Instants for the `Date*` operators.
//!
//! Accepted forms (policy and request values alike):
//!
//! * the W3C profile of ISO 8601: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDThh:mmTZD`,
//!   `YYYY-MM-DDThh:mm:ssTZD` and `YYYY-MM-DDThh:mm:ss.sTZD` with 1 to 9 fraction digits, where
//!   TZD is `Z`, `+hh:mm`, `-hh:mm`, `+hhmm` or `-hhmm`. A date-time without TZD is UTC, as is a
//!   date without a time (midnight of the first day the value names). `T` and `Z` may be lowercase,
//!   as RFC 3339 allows;
//! * epoch seconds as a plain integer, optionally signed, e.g. `1700000000` or `-86400`.
//!
//! A string of exactly four digits is ambiguous. It is read as a year (the W3C profile), so `2020`
//! is 2020-01-01T00:00:00Z; every other integer, including `+2020` and `-2020`, is epoch seconds.
//!
//! Second `60` (a leap second) is accepted and, since Unix time has no leap seconds, counts as the
//! first second of the next minute: `23:59:60Z` equals `00:00:00Z` of the next day. Rejecting it
//! would make a request carrying a genuine leap-second timestamp fail every date condition.

use std::fmt;

use super::{ValueError, quote};

/// A UTC instant: seconds since 1970-01-01T00:00:00Z plus nanoseconds in `0..1_000_000_000`.
///
/// Before the epoch `seconds` is negative and `nanos` still counts forward, so the derived
/// ordering (seconds first) is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    /// Whole seconds since 1970-01-01T00:00:00Z (negative before).
    pub seconds: i64,
    /// The fraction of a second, in nanoseconds (0 to 999 999 999).
    pub nanos: u32,
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in UTC, so diagnostics can show what a policy date resolved to.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.seconds.div_euclid(86_400);
        let secs = self.seconds.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        write!(
            f,
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )?;
        if self.nanos != 0 {
            let mut frac = self.nanos;
            let mut width = 9;
            while frac.is_multiple_of(10) {
                frac /= 10;
                width -= 1;
            }
            write!(f, ".{frac:0width$}")?;
        }
        f.write_str("Z")
    }
}

/// Parses a date or epoch seconds (see the module docs); allocation-free for request values.
#[must_use]
pub fn parse_date(s: &str) -> Option<Timestamp> {
    parse(s).ok()
}

/// Parses a policy date like [`parse_date`], explaining what is wrong on failure.
pub fn parse_date_policy(s: &str) -> Result<Timestamp, ValueError> {
    parse(s).map_err(|reason| {
        const HINT: &str = "use ISO 8601 such as `2026-01-31T00:00:00Z` or epoch seconds";
        let detail = match reason {
            Reason::Empty => {
                return ValueError::new(format!("an empty value is not a valid date: {HINT}"));
            }
            Reason::Syntax => String::new(),
            Reason::EpochRange => "epoch seconds out of range; ".to_owned(),
            Reason::Month(m) => format!("month {m} is out of range 1-12; "),
            Reason::Day { year, month, day } => {
                format!("day {day} does not exist in {year:04}-{month:02}; ")
            }
            Reason::Hour(h) => format!("hour {h} is out of range 0-23; "),
            Reason::Minute(m) => format!("minute {m} is out of range 0-59; "),
            Reason::Second(s) => format!("second {s} is out of range 0-60; "),
            Reason::FractionDigits => "fractional seconds take 1 to 9 digits; ".to_owned(),
            Reason::Offset => "the timezone offset must be within -23:59 to +23:59; ".to_owned(),
        };
        let message = format!("{} is not a valid date: {detail}{HINT}", quote(s));
        ValueError::new(message)
    })
}

/// Why a string is not a date; `Copy` and allocation-free so the request path can share it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reason {
    Empty,
    Syntax,
    EpochRange,
    Month(u32),
    Day { year: u32, month: u32, day: u32 },
    Hour(u32),
    Minute(u32),
    Second(u32),
    FractionDigits,
    Offset,
}

struct Cursor<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn done(&self) -> bool {
        self.pos == self.b.len()
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn eat(&mut self, accept: &[u8]) -> Option<u8> {
        let c = self.peek().filter(|c| accept.contains(c))?;
        self.pos += 1;
        Some(c)
    }

    fn expect(&mut self, accept: &[u8]) -> Result<u8, Reason> {
        self.eat(accept).ok_or(Reason::Syntax)
    }

    /// Exactly `n` ASCII digits.
    fn digits(&mut self, n: usize) -> Result<u32, Reason> {
        let field = self.b.get(self.pos..self.pos + n).ok_or(Reason::Syntax)?;
        let mut value = 0;
        for &c in field {
            if !c.is_ascii_digit() {
                return Err(Reason::Syntax);
            }
            value = value * 10 + u32::from(c - b'0');
        }
        self.pos += n;
        Ok(value)
    }
}

fn parse(s: &str) -> Result<Timestamp, Reason> {
    let b = s.as_bytes();
    if b.is_empty() {
        return Err(Reason::Empty);
    }
    let unsigned = b
        .strip_prefix(b"-")
        .or_else(|| b.strip_prefix(b"+"))
        .unwrap_or(b);
    let integer = !unsigned.is_empty() && unsigned.iter().all(u8::is_ascii_digit);
    let year_only = b.len() == 4 && unsigned.len() == 4;
    if integer && !year_only {
        let seconds = s.parse::<i64>().map_err(|_| Reason::EpochRange)?;
        return Ok(Timestamp { seconds, nanos: 0 });
    }

    let mut c = Cursor { b, pos: 0 };
    let year = c.digits(4)?;
    let mut month = 1;
    let mut day = 1;
    if !c.done() {
        c.expect(b"-")?;
        month = c.digits(2)?;
        if !(1..=12).contains(&month) {
            return Err(Reason::Month(month));
        }
        if !c.done() {
            c.expect(b"-")?;
            day = c.digits(2)?;
            if day == 0 || day > days_in_month(year, month) {
                return Err(Reason::Day { year, month, day });
            }
        }
    }
    let days = days_from_civil(i64::from(year), month, day);
    if c.done() {
        return Ok(Timestamp {
            seconds: days * 86_400,
            nanos: 0,
        });
    }
    let (time, nanos) = parse_time(&mut c)?;
    let offset = parse_offset(&mut c)?;
    if !c.done() {
        return Err(Reason::Syntax);
    }
    Ok(Timestamp {
        seconds: days * 86_400 + time - offset,
        nanos,
    })
}

/// `Thh:mm[:ss[.s]]`, returning seconds into the day and nanoseconds.
fn parse_time(c: &mut Cursor<'_>) -> Result<(i64, u32), Reason> {
    c.expect(b"Tt")?;
    let hour = c.digits(2)?;
    if hour > 23 {
        return Err(Reason::Hour(hour));
    }
    c.expect(b":")?;
    let minute = c.digits(2)?;
    if minute > 59 {
        return Err(Reason::Minute(minute));
    }
    let mut second = 0;
    let mut nanos = 0;
    if c.eat(b":").is_some() {
        second = c.digits(2)?;
        if second > 60 {
            return Err(Reason::Second(second));
        }
        if c.eat(b".").is_some() {
            let mut n = 0;
            while let Some(d) = c.peek().filter(u8::is_ascii_digit) {
                if n == 9 {
                    return Err(Reason::FractionDigits);
                }
                nanos = nanos * 10 + u32::from(d - b'0');
                n += 1;
                c.pos += 1;
            }
            if n == 0 {
                return Err(Reason::FractionDigits);
            }
            nanos *= 10u32.pow(9 - n);
        }
    }
    Ok((i64::from(hour * 3600 + minute * 60 + second), nanos))
}

/// Optional TZD, returning the offset east of UTC in seconds.
fn parse_offset(c: &mut Cursor<'_>) -> Result<i64, Reason> {
    if c.done() || c.eat(b"Zz").is_some() {
        return Ok(0);
    }
    let sign = c.expect(b"+-")?;
    let hours = c.digits(2)?;
    c.eat(b":");
    let minutes = c.digits(2)?;
    if hours > 23 || minutes > 59 {
        return Err(Reason::Offset);
    }
    let offset = i64::from(hours * 3600 + minutes * 60);
    Ok(if sign == b'-' { -offset } else { offset })
}

fn is_leap(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Timestamp {
        parse_date(s).unwrap_or_else(|| panic!("{s} should parse: {:?}", parse(s)))
    }

    fn secs(s: &str) -> i64 {
        let ts = t(s);
        assert_eq!(ts.nanos, 0, "{s}");
        ts.seconds
    }

    const EPOCH: Timestamp = Timestamp {
        seconds: 0,
        nanos: 0,
    };
    static LATER: Timestamp = Timestamp {
        seconds: 1_769_817_600,
        nanos: 0,
    };

    #[test]
    fn const_constructible() {
        assert_eq!(t("1970-01-01T00:00:00Z"), EPOCH);
        assert_eq!(t("2026-01-31T00:00:00Z"), LATER);
        assert!(EPOCH < LATER);
    }

    #[test]
    fn w3c_profile_forms() {
        assert_eq!(secs("2020"), 1_577_836_800);
        assert_eq!(secs("2020-01"), 1_577_836_800);
        assert_eq!(secs("2020-02"), 1_580_515_200);
        assert_eq!(secs("2020-01-01"), 1_577_836_800);
        assert_eq!(secs("2020-01-01T00:00Z"), 1_577_836_800);
        assert_eq!(secs("2020-01-01T00:00:00Z"), 1_577_836_800);
        assert_eq!(secs("2020-01-01T00:00:00.0Z"), 1_577_836_800);
        assert_eq!(secs("2024-02-29T12:34:56Z"), 1_709_210_096);
        assert_eq!(secs("2024-02-29t12:34:56z"), 1_709_210_096);
        assert_eq!(secs("2026-01-31T00:00:00Z"), 1_769_817_600);
    }

    #[test]
    fn missing_timezone_is_utc() {
        assert_eq!(t("2024-02-29T12:34:56"), t("2024-02-29T12:34:56Z"));
        assert_eq!(t("2024-02-29T12:34"), t("2024-02-29T12:34Z"));
        assert_eq!(t("2024-02-29T12:34:56.25"), t("2024-02-29T12:34:56.25Z"));
    }

    #[test]
    fn timezone_offsets() {
        assert_eq!(
            secs("2020-01-01T00:30:00+01:00"),
            secs("2019-12-31T23:30:00Z")
        );
        assert_eq!(secs("2020-01-01T00:30:00+01:00"), 1_577_835_000);
        assert_eq!(secs("2020-01-01T23:30:00-01:00"), 1_577_925_000);
        assert_eq!(
            secs("2020-01-01T23:30:00-01:00"),
            secs("2020-01-02T00:30:00Z")
        );
        assert_eq!(
            secs("2020-01-01T00:30:00+0100"),
            secs("2020-01-01T00:30:00+01:00")
        );
        assert_eq!(secs("2020-01-01T00:00-05:30"), secs("2020-01-01T05:30Z"));
        assert_eq!(
            secs("2020-01-01T00:00+00:00"),
            secs("2020-01-01T00:00-00:00")
        );
        // Across a year and a leap day.
        assert_eq!(
            secs("2024-03-01T01:00:00+02:00"),
            secs("2024-02-29T23:00:00Z")
        );
        assert_eq!(
            secs("2020-12-31T22:00:00-23:59"),
            secs("2021-01-01T21:59:00Z")
        );
    }

    #[test]
    fn fractional_seconds() {
        assert_eq!(
            t("2020-01-01T00:00:00.5Z"),
            Timestamp {
                seconds: 1_577_836_800,
                nanos: 500_000_000
            }
        );
        assert_eq!(t("2020-01-01T00:00:00.123456789Z").nanos, 123_456_789);
        assert_eq!(t("2020-01-01T00:00:00.000000001Z").nanos, 1);
        assert_eq!(t("2020-01-01T00:00:00.12+01:00").nanos, 120_000_000);
        assert!(t("2020-01-01T00:00:00.1Z") < t("2020-01-01T00:00:00.100000001Z"));
        assert!(t("2020-01-01T00:00:00.999999999Z") < t("2020-01-01T00:00:01Z"));
        assert_eq!(parse_date("2020-01-01T00:00:00.1234567891Z"), None);
        assert_eq!(parse_date("2020-01-01T00:00:00.Z"), None);
        assert_eq!(parse_date("2020-01-01T00:00.5Z"), None);
    }

    #[test]
    fn before_epoch_orders_chronologically() {
        let ts = t("1969-12-31T23:59:59.5Z");
        assert_eq!(
            ts,
            Timestamp {
                seconds: -1,
                nanos: 500_000_000
            }
        );
        assert!(ts < EPOCH);
        assert!(t("-1") < ts);
        assert_eq!(secs("1900-03-01"), -2_203_891_200);
        assert_eq!(secs("0000-01-01T00:00:00Z"), -62_167_219_200);
        assert_eq!(secs("9999-12-31T23:59:59Z"), 253_402_300_799);
    }

    #[test]
    fn epoch_seconds() {
        assert_eq!(secs("1700000000"), 1_700_000_000);
        assert_eq!(secs("0"), 0);
        assert_eq!(secs("-1"), -1);
        assert_eq!(secs("-86400"), -86_400);
        assert_eq!(secs("+86400"), 86_400);
        assert_eq!(secs("1769817600"), secs("2026-01-31T00:00:00Z"));
        assert_eq!(secs("9223372036854775807"), i64::MAX);
        assert_eq!(parse_date("9223372036854775808"), None);
        assert_eq!(parse_date("1700000000.5"), None);
        assert_eq!(parse_date("1e9"), None);
    }

    #[test]
    fn four_digits_are_a_year_other_integers_epoch() {
        assert_eq!(secs("2020"), 1_577_836_800);
        assert_eq!(secs("0000"), -62_167_219_200);
        assert_eq!(secs("-2020"), -2020);
        assert_eq!(secs("+2020"), 2020);
        assert_eq!(secs("202"), 202);
        assert_eq!(secs("20200"), 20_200);
        assert_eq!(secs("20200101"), 20_200_101);
    }

    #[test]
    fn leap_years() {
        assert!(parse_date("2000-02-29").is_some());
        assert!(parse_date("2024-02-29").is_some());
        assert!(parse_date("1900-02-29").is_none());
        assert!(parse_date("2021-02-29").is_none());
        assert!(parse_date("2100-02-29").is_none());
        assert!(parse_date("2400-02-29").is_some());
        assert_eq!(secs("2000-02-29"), 951_782_400);
        assert_eq!(secs("2000-03-01") - secs("2000-02-28"), 2 * 86_400);
        assert_eq!(secs("1900-03-01") - secs("1900-02-28"), 86_400);
    }

    #[test]
    fn leap_second_carries() {
        assert_eq!(secs("2016-12-31T23:59:60Z"), secs("2017-01-01T00:00:00Z"));
        assert_eq!(parse_date("2016-12-31T23:59:61Z"), None);
    }

    #[test]
    fn range_checks() {
        for s in [
            "2020-00",
            "2020-13",
            "2020-13-01",
            "2020-01-00",
            "2020-01-32",
            "2020-04-31",
            "2020-06-31",
            "2020-09-31",
            "2020-11-31",
            "2020-01-01T24:00Z",
            "2020-01-01T23:60Z",
            "2020-01-01T00:00:99Z",
            "2020-01-01T00:00+24:00",
            "2020-01-01T00:00+01:60",
        ] {
            assert!(parse_date(s).is_none(), "{s} should be rejected");
        }
        for s in [
            "2020-04-30",
            "2020-12-31",
            "2020-01-31",
            "2020-01-01T23:59:59Z",
            "2020-01-01T00:00+23:59",
        ] {
            assert!(parse_date(s).is_some(), "{s} should parse");
        }
    }

    #[test]
    fn syntax_errors() {
        for s in [
            "",
            "-",
            "+",
            "abc",
            "20-01-01",
            "2020-1-01",
            "2020-01-1",
            "2020/01/01",
            "2020-01-01Z",
            "2020-01-01T",
            "2020-01-01T10",
            "2020-01-01T10Z",
            "2020-01-01T1:00Z",
            "2020-01-01 10:00Z",
            "2020T10:00Z",
            "2020-01T10:00Z",
            "2020-01-01T10:00:0Z",
            "2020-01-01T10:00+1",
            "2020-01-01T10:00+01:0",
            "2020-01-01T10:00+01",
            "2020-01-01T10:00Zjunk",
            "2020-01-01T10:00:00+01:00 ",
            " 2020",
            "2020-",
            "2020-01-",
            "２０２０",
            "1 700",
        ] {
            assert!(parse_date(s).is_none(), "{s:?} should be rejected");
            assert!(parse_date_policy(s).is_err(), "{s:?} should be rejected");
        }
    }

    #[test]
    fn policy_messages() {
        let m = parse_date_policy("2020-13-01").unwrap_err();
        assert_eq!(
            m.message(),
            "`2020-13-01` is not a valid date: month 13 is out of range 1-12; use ISO 8601 such as \
             `2026-01-31T00:00:00Z` or epoch seconds"
        );
        assert!(
            parse_date_policy("1900-02-29")
                .unwrap_err()
                .message()
                .contains("day 29 does not exist in 1900-02")
        );
        assert!(
            parse_date_policy("2020-01-01T24:00Z")
                .unwrap_err()
                .message()
                .contains("hour 24")
        );
        assert!(
            parse_date_policy("2020-01-01T00:61Z")
                .unwrap_err()
                .message()
                .contains("minute 61")
        );
        assert!(
            parse_date_policy("2020-01-01T00:00:61Z")
                .unwrap_err()
                .message()
                .contains("second 61")
        );
        assert!(
            parse_date_policy("2020-01-01T00:00+25:00")
                .unwrap_err()
                .message()
                .contains("offset")
        );
        assert!(
            parse_date_policy("99999999999999999999")
                .unwrap_err()
                .message()
                .contains("out of range")
        );
        assert!(
            parse_date_policy("2020-01-01T00:00:00.Z")
                .unwrap_err()
                .message()
                .contains("1 to 9")
        );
        assert!(
            parse_date_policy("tomorrow")
                .unwrap_err()
                .message()
                .starts_with("`tomorrow` is not a valid date")
        );
        assert!(
            parse_date_policy("")
                .unwrap_err()
                .message()
                .starts_with("an empty value")
        );
        assert_eq!(
            parse_date_policy("2020-01-01T00:00:00Z"),
            Ok(t("2020-01-01T00:00:00Z"))
        );
    }

    #[test]
    fn display_round_trips() {
        for s in [
            "1970-01-01T00:00:00Z",
            "2026-01-31T00:00:00Z",
            "1969-12-31T23:59:59.5Z",
            "2000-02-29T12:00:00.000000001Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.123Z",
        ] {
            assert_eq!(t(s).to_string(), s);
        }
        assert_eq!(
            t("2020-01-01T00:30:00+01:00").to_string(),
            "2019-12-31T23:30:00Z"
        );
    }

    #[test]
    fn calendar_helpers_agree() {
        for days in -800_000..800_000 {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m as u32, d as u32), days);
        }
    }
}
