//! The value domain of one condition key: which value (absent, one string, or a set) makes every
//! condition test on the key come out as wanted.
//!
//! One value at a time, each family is searched exactly: String and ARN tests are automata (see
//! [`super::automaton`]); Numeric, Date and IP tests split their line into intervals at the policy
//! values, so one value per interval (each policy value, its neighbours, and a text that is not of
//! the type) covers every class; Bool and Binary tests have finitely many classes. A key tested
//! by two families at once (a String and a Numeric test, say) is searched over the candidates of
//! the non-String families only, which may miss a value: the answer is then "unknown", never
//! "none".
//!
//! Sets follow from single values: `ForAnyValue` wants some member, `ForAllValues` every member,
//! so a set is one member per existential test, each passing every universal test.

use crate::compiled::{Condition, ConditionValues};
use crate::interpret;
use crate::operator::{Family, Operator, Qualifier};
use crate::pattern::Case;
use crate::values::{Decimal, IpNet, Timestamp};

use super::automaton::{self, Pattern, Search};
use super::language::{self, FreeVariables, Translator};
use super::witness::{Context, KeyValue, Witness};

/// One test of the key: the condition must come out as `want`.
#[derive(Clone, Copy, Debug)]
pub struct Test<'a> {
    /// The condition tested.
    pub condition: &'a Condition,
    /// Whether the condition must hold (`true`) or fail (`false`).
    pub want: bool,
}

/// The result of a search in one dimension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Solved<T> {
    /// A value satisfying every test.
    Found(T),
    /// No value exists.
    None,
    /// The search could not tell (a budget ran out, or an inexact method found nothing).
    Unknown,
}

/// The value of the key: `None` inside `Found` means absent.
#[must_use]
pub fn solve(key: &str, tests: &[Test<'_>], fixed: &Context) -> Solved<Option<KeyValue>> {
    // Absent.
    if tests
        .iter()
        .all(|t| holds(t.condition, key, None, fixed) == t.want)
    {
        return Solved::Found(None);
    }
    let mut unknown = false;
    // One value: every non-Null test reads it as one member.
    if tests
        .iter()
        .all(|t| !is_null(t.condition) || null_present(t.condition) == t.want)
    {
        let members: Vec<Member<'_>> = tests
            .iter()
            .filter(|t| !is_null(t.condition))
            .map(|t| Member {
                condition: t.condition,
                want: t.want,
            })
            .collect();
        match solve_member(key, &members, fixed) {
            Solved::Found(v) => return Solved::Found(Some(KeyValue::One(v))),
            Solved::Unknown => unknown = true,
            Solved::None => {}
        }
    }
    // A set.
    match solve_set(key, tests, fixed) {
        Solved::Found(set) => Solved::Found(Some(KeyValue::Set(set))),
        Solved::Unknown => Solved::Unknown,
        Solved::None if unknown => Solved::Unknown,
        Solved::None => Solved::None,
    }
}

fn solve_set(key: &str, tests: &[Test<'_>], fixed: &Context) -> Solved<Vec<String>> {
    let mut universal = Vec::new();
    let mut existential = Vec::new();
    for t in tests {
        if is_null(t.condition) {
            if null_present(t.condition) != t.want {
                return Solved::None;
            }
            continue;
        }
        let member = Member {
            condition: t.condition,
            want: true,
        };
        match (t.condition.operator.qualifier, t.want) {
            // A set under a plain operator is false, negated operators included.
            (None, true) => return Solved::None,
            (None, false) => {}
            (Some(Qualifier::ForAnyValue), true) => existential.push(member),
            (Some(Qualifier::ForAnyValue), false) => universal.push(Member {
                want: false,
                ..member
            }),
            (Some(Qualifier::ForAllValues), true) => universal.push(member),
            (Some(Qualifier::ForAllValues), false) => existential.push(Member {
                want: false,
                ..member
            }),
        }
    }
    let mut set: Vec<String> = Vec::new();
    let mut unknown = false;
    for e in &existential {
        let mut members = universal.clone();
        members.push(*e);
        match solve_member(key, &members, fixed) {
            Solved::Found(v) => {
                if !set.contains(&v) {
                    set.push(v);
                }
            }
            Solved::None => return Solved::None,
            Solved::Unknown => unknown = true,
        }
    }
    if unknown {
        return Solved::Unknown;
    }
    Solved::Found(set)
}

/// A test of one member: the member, read alone, must satisfy the condition's operator
/// (`want: true`) or not.
#[derive(Clone, Copy, Debug)]
struct Member<'a> {
    condition: &'a Condition,
    want: bool,
}

fn is_null(condition: &Condition) -> bool {
    matches!(condition.values, ConditionValues::Null(_))
}

fn null_present(condition: &Condition) -> bool {
    match &condition.values {
        ConditionValues::Null(policy) => crate::eval::null_holds(policy, true),
        _ => true,
    }
}

/// The condition on a request whose only known key is this one.
fn holds(condition: &Condition, key: &str, value: Option<&KeyValue>, fixed: &Context) -> bool {
    let mut context = fixed.clone();
    if let Some(value) = value {
        context.set(key, value.clone());
    }
    let request = Witness {
        principal: None,
        action: String::new(),
        resource: String::new(),
        context,
    };
    // True only when decided true: an undecidable condition is not taken as met here.
    interpret::condition_truth(condition, &request) == crate::eval::Truth::True
}

/// Whether one member satisfies a condition's operator, read as a plain single value.
fn member_satisfies(condition: &Condition, key: &str, value: &str, fixed: &Context) -> bool {
    let plain = Condition {
        operator: Operator {
            qualifier: None,
            base: condition.operator.base,
            if_exists: false,
        },
        key: condition.key.clone(),
        values: condition.values.clone(),
    };
    holds(&plain, key, Some(&KeyValue::One(value.to_owned())), fixed)
}

fn solve_member(key: &str, members: &[Member<'_>], fixed: &Context) -> Solved<String> {
    let families: Vec<Family> = members
        .iter()
        .map(|m| m.condition.operator.base.family())
        .collect();
    let textual = |f: &Family| matches!(f, Family::String | Family::Arn);
    if families.iter().all(textual) {
        return solve_text(members, fixed);
    }
    // Candidates of the other families; exact when only one such family tests the key.
    let mut others: Vec<Family> = families.iter().copied().filter(|f| !textual(f)).collect();
    others.dedup();
    let exact = families.iter().all(|f| !textual(f)) && others.iter().all(|f| *f == others[0]);
    let mut candidates = vec!["x".to_owned()];
    let mut complete = true;
    for m in members {
        complete &= candidates_of(&m.condition.values, &mut candidates);
    }
    for candidate in &candidates {
        if members
            .iter()
            .all(|m| member_satisfies(m.condition, key, candidate, fixed) == m.want)
        {
            return Solved::Found(candidate.clone());
        }
    }
    if exact && complete {
        Solved::None
    } else {
        Solved::Unknown
    }
}

/// String and ARN tests over automata.
fn solve_text(members: &[Member<'_>], fixed: &Context) -> Solved<String> {
    let translate = Translator {
        fixed,
        free: FreeVariables::Refuse,
    };
    let mut patterns: Vec<Pattern> = Vec::new();
    // Per member: its patterns' indices, and the index of the ARN shape for ARN tests.
    let mut spans: Vec<(std::ops::Range<usize>, Option<usize>)> = Vec::new();
    for m in members {
        let start = patterns.len();
        let shape = match &m.condition.values {
            ConditionValues::Strings(globs) => {
                let case = if m.condition.operator.base.comparison()
                    == crate::operator::Comparison::EqualsIgnoreCase
                {
                    Case::Insensitive
                } else {
                    Case::Sensitive
                };
                for glob in globs.iter() {
                    match translate.glob(glob, case) {
                        Ok(p) => patterns.push(p),
                        Err(_) => return Solved::Unknown,
                    }
                }
                None
            }
            ConditionValues::Arns(arns) => {
                for arn in arns.iter() {
                    match translate.arn(arn) {
                        Ok(p) => patterns.push(p),
                        Err(_) => return Solved::Unknown,
                    }
                }
                Some(usize::MAX)
            }
            _ => return Solved::Unknown,
        };
        let end = patterns.len();
        let shape = shape.map(|_| {
            patterns.push(language::arn_shape());
            patterns.len() - 1
        });
        spans.push((start..end, shape));
    }
    let negated: Vec<bool> = members
        .iter()
        .map(|m| m.condition.operator.base.is_negated())
        .collect();
    let accept = |memberships: &[bool]| {
        spans.iter().enumerate().all(|(i, (range, shape))| {
            let readable = shape.is_none_or(|s| memberships[s]);
            let matched = memberships[range.clone()].iter().any(|&b| b);
            (readable && matched != negated[i]) == members[i].want
        })
    };
    let refs: Vec<&Pattern> = patterns.iter().collect();
    match automaton::find(&refs, &accept) {
        Search::Found(text) => Solved::Found(text),
        Search::Empty => Solved::None,
        Search::GaveUp => Solved::Unknown,
    }
}

/// Adds one value per class of the family's line; `false` when some value could not be covered.
fn candidates_of(values: &ConditionValues, out: &mut Vec<String>) -> bool {
    match values {
        ConditionValues::Numbers(numbers) => numeric_candidates(numbers, out),
        ConditionValues::Dates(dates) => {
            out.push("1970-01-01T00:00:00Z".to_owned());
            for t in dates.iter() {
                for d in [-1i64, 0, 1] {
                    out.push(shift_nanos(*t, d).to_string());
                }
            }
            true
        }
        ConditionValues::Ips(nets) => {
            ip_candidates(nets, out);
            true
        }
        ConditionValues::Bools(_) => {
            out.extend(["true".to_owned(), "false".to_owned()]);
            true
        }
        ConditionValues::Binary(values) => {
            out.extend(values.iter().map(|bytes| base64(bytes)));
            out.push("!".to_owned());
            true
        }
        ConditionValues::Strings(_) | ConditionValues::Arns(_) | ConditionValues::Null(_) => false,
    }
}

fn shift_nanos(t: Timestamp, delta: i64) -> Timestamp {
    let total = i128::from(t.seconds) * 1_000_000_000 + i128::from(t.nanos) + i128::from(delta);
    Timestamp {
        seconds: total.div_euclid(1_000_000_000) as i64,
        nanos: total.rem_euclid(1_000_000_000) as u32,
    }
}

/// Each value, and one step of the finest scale below and above it: distinct policy values
/// differ by at least ten steps, so every interval between them holds a candidate.
fn numeric_candidates(numbers: &[Decimal], out: &mut Vec<String>) -> bool {
    let scale = numbers.iter().map(|d| d.frac.len()).max().unwrap_or(0) + 1;
    out.push("0".to_owned());
    for d in numbers {
        let digits = format!("{}{:0<scale$}", d.int, d.frac);
        if digits.len() > 36 {
            return false;
        }
        let magnitude: i128 = if digits.is_empty() {
            0
        } else {
            match digits.parse() {
                Ok(m) => m,
                Err(_) => return false,
            }
        };
        let value = if d.negative { -magnitude } else { magnitude };
        for delta in [-1, 0, 1] {
            out.push(scaled_text(value + delta, scale));
        }
    }
    true
}

fn scaled_text(value: i128, scale: usize) -> String {
    let digits = format!("{:0>width$}", value.unsigned_abs(), width = scale + 1);
    let (int, frac) = digits.split_at(digits.len() - scale);
    let frac = frac.trim_end_matches('0');
    let sign = if value < 0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// The first address of each interval the blocks cut the address lines into (IPv4, IPv6, and
/// IPv4 blocks again as IPv4-mapped IPv6 addresses, which they also match).
fn ip_candidates(nets: &[IpNet], out: &mut Vec<String>) {
    use std::net::{Ipv4Addr, Ipv6Addr};
    let v4 = |a: u128| Ipv4Addr::from(a as u32).to_string();
    let v6 = |a: u128| Ipv6Addr::from(a).to_string();
    out.push(v4(0));
    out.push(v6(0));
    for net in nets {
        let bits = if net.v6 { 128 } else { 32 };
        let host = bits - u32::from(net.prefix);
        let size_mask: u128 = if host >= 128 {
            u128::MAX
        } else {
            (1u128 << host) - 1
        };
        let start = net.addr & !size_mask;
        let end = start | size_mask;
        let limit: u128 = if net.v6 {
            u128::MAX
        } else {
            u128::from(u32::MAX)
        };
        let mut points = vec![start];
        if end < limit {
            points.push(end + 1);
        }
        if start > 0 {
            points.push(start - 1);
        }
        for p in points {
            if net.v6 {
                out.push(v6(p));
            } else {
                out.push(v4(p));
                out.push(v6((0xffff << 32) | p));
            }
        }
    }
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_numbers_round_trip() {
        assert_eq!(scaled_text(15, 1), "1.5");
        assert_eq!(scaled_text(-1, 2), "-0.01");
        assert_eq!(scaled_text(100, 1), "10");
        assert_eq!(scaled_text(0, 1), "0");
    }

    #[test]
    fn base64_encodes() {
        assert_eq!(base64(b"hi"), "aGk=");
        assert_eq!(base64(b"abc"), "YWJj");
        assert_eq!(base64(b"a"), "YQ==");
    }
}
