//! Evaluation semantics shared by both paths: the interpreter ([`crate::interpret`]) and the code
//! `policy!` expands to call these for everything but the shape of the patterns, so that the
//! rules of `docs/semantics.md` exist once.

use crate::compiled::{ArnPattern, BoolValue, Effect, Glob, Segment};
use crate::operator::{BaseOperator, Comparison, Operator, Qualifier};
use crate::pattern::{self, Case, Resolver};
use crate::values::{self, Decimal, IpNet, Timestamp};
use crate::words;

/// The outcome of an evaluation. `#[must_use]`: a decision dropped unread is a check not made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[must_use]
pub enum Decision {
    /// An applicable `Allow` and no applicable `Deny`.
    Allowed,
    /// An applicable `Deny`: nothing else can allow the request.
    ExplicitlyDenied,
    /// No applicable statement: denied by default.
    ImplicitlyDenied,
}

impl Decision {
    /// The decision's name as it prints and as case files write it (`Allowed`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Decision::Allowed => "Allowed",
            Decision::ExplicitlyDenied => "ExplicitlyDenied",
            Decision::ImplicitlyDenied => "ImplicitlyDenied",
        }
    }
    /// The decision named `text` exactly as [`Decision::as_str`] prints it, or `None`.
    #[must_use]
    pub fn parse(text: &str) -> Option<Decision> {
        [
            Decision::Allowed,
            Decision::ExplicitlyDenied,
            Decision::ImplicitlyDenied,
        ]
        .into_iter()
        .find(|d| d.as_str() == text)
    }
}

impl std::fmt::Display for Decision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The decision of one policy and the statement that took it (the Deny that applied, or the first
/// Allow that applied).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Outcome {
    /// What the policy decides for the request.
    pub decision: Decision,
    /// The index of the statement that decided, `None` for an implicit deny.
    pub statement: Option<usize>,
}

impl Outcome {
    /// No statement applied: denied by default.
    pub const IMPLICIT_DENY: Outcome = Outcome {
        decision: Decision::ImplicitlyDenied,
        statement: None,
    };
}

/// The values of one context key: one value, or a set (a multivalued key; even with one member).
#[derive(Clone, Copy, Debug)]
pub enum Values<'a> {
    /// A single value.
    One(&'a str),
    /// A set given as borrowed strings.
    Strs(&'a [&'a str]),
    /// A set given as owned strings.
    Strings(&'a [String]),
}

impl<'a> Values<'a> {
    /// The number of values (1 for a single value).
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Values::One(_) => 1,
            Values::Strs(s) => s.len(),
            Values::Strings(s) => s.len(),
        }
    }
    /// True for an empty set (a key present with no value).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// A set (from a multivalued key), as opposed to a single value.
    #[must_use]
    pub fn is_set(&self) -> bool {
        !matches!(self, Values::One(_))
    }
    /// The value at `index`, or `None` past the end.
    pub fn get(&self, index: usize) -> Option<&'a str> {
        match *self {
            Values::One(s) => (index == 0).then_some(s),
            Values::Strs(s) => s.get(index).copied(),
            Values::Strings(s) => s.get(index).map(String::as_str),
        }
    }
    /// The values in order.
    pub fn iter(&self) -> impl Iterator<Item = &'a str> + 'a {
        let this = *self;
        (0..this.len()).filter_map(move |i| this.get(i))
    }
}

/// What evaluation reads of a request.
pub trait RequestView: Resolver {
    /// The action asked for, as `service:Name` (matched case-insensitively).
    fn action(&self) -> &str;
    /// The resource ARN asked for, or `*` for actions that take no resource.
    fn resource(&self) -> &str;
    /// The values of a context key, matched case-insensitively; `None` when absent.
    fn values(&self, key: &str) -> Option<Values<'_>>;
    /// Who asks, for `Principal` and `NotPrincipal`; by default nobody known.
    fn principal(&self) -> crate::principal::PrincipalContext<'_> {
        crate::principal::PrincipalContext::UNSPECIFIED
    }
}

/// The truth of a condition: `Unknown` when it cannot be decided, because a request value cannot be
/// read as the operator's type (`192.0.2.7/0` under `IpAddress`, `abc` under `NumericLessThan`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Truth {
    /// The condition holds.
    True,
    /// The condition does not hold.
    False,
    /// Undecidable: an `Allow` then does not apply and a `Deny` does (fail closed).
    Unknown,
}

impl Truth {
    /// `True` or `False`.
    #[inline]
    #[must_use]
    pub const fn from_bool(b: bool) -> Truth {
        if b { Truth::True } else { Truth::False }
    }
    /// Kleene negation: unknown stays unknown.
    #[inline]
    #[must_use]
    pub const fn not(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
        }
    }
    /// Whether a statement of `effect` counts the condition as met: undecidable fails closed by
    /// effect (decisions D9 and D11): an `Allow` needs it true, a `Deny` applies unless it is false.
    #[inline]
    #[must_use]
    pub const fn holds_for(self, effect: Effect) -> bool {
        match effect {
            Effect::Allow => matches!(self, Truth::True),
            Effect::Deny => !matches!(self, Truth::False),
        }
    }
}

/// Decides one condition (one key under one operator) from the request's values of the key and a
/// test of one request value: `Some(true)` if it matches at least one policy value under the
/// operator's positive comparison, `Some(false)` if none, `None` if the request value cannot be
/// read as the operator's type: that value's test is unknown, and so is the condition unless the
/// other values decide it (Kleene logic over `ForAnyValue`/`ForAllValues`).
///
/// Rules: `docs/semantics.md` sections 5 and 7 and decisions D2, D8 and D11.
#[inline]
pub fn condition_truth<'a>(
    operator: Operator,
    present: Option<Values<'a>>,
    mut matches_any: impl FnMut(&'a str) -> Option<bool>,
) -> Truth {
    let negated = operator.base.is_negated();
    let Some(values) = present else {
        if operator.if_exists {
            return Truth::True;
        }
        return Truth::from_bool(match operator.qualifier {
            Some(Qualifier::ForAnyValue) => false,
            Some(Qualifier::ForAllValues) => true,
            None => negated,
        });
    };
    let mut satisfied = |value: &'a str| match matches_any(value) {
        Some(m) => Truth::from_bool(m != negated),
        None => Truth::Unknown,
    };
    match operator.qualifier {
        // A set under a plain operator is false, negated operators included (D8).
        None if values.is_set() => Truth::False,
        None => values.get(0).map_or(Truth::False, &mut satisfied),
        Some(Qualifier::ForAnyValue) => {
            let mut truth = Truth::False;
            for value in values.iter() {
                match satisfied(value) {
                    Truth::True => return Truth::True,
                    Truth::Unknown => truth = Truth::Unknown,
                    Truth::False => {}
                }
            }
            truth
        }
        Some(Qualifier::ForAllValues) => {
            let mut truth = Truth::True;
            for value in values.iter() {
                match satisfied(value) {
                    Truth::False => return Truth::False,
                    Truth::Unknown => truth = Truth::Unknown,
                    Truth::True => {}
                }
            }
            truth
        }
    }
}

/// [`condition_truth`] for a statement of `effect`: whether the statement counts it as met.
#[inline]
pub fn condition_holds<'a>(
    effect: Effect,
    operator: Operator,
    present: Option<Values<'a>>,
    matches_any: impl FnMut(&'a str) -> Option<bool>,
) -> bool {
    condition_truth(operator, present, matches_any).holds_for(effect)
}

/// `Null`: `true` in the policy means "the key is absent". Any policy value may hold (OR). A key
/// present with an empty value or an empty set counts as present (as iam-simulate does).
#[inline]
#[must_use]
pub fn null_holds(policy: &[bool], present: bool) -> bool {
    policy.iter().any(|&absent| absent != present)
}

/// String operators: one request value against one policy value.
#[inline]
pub fn string_matches<R: Resolver + ?Sized>(
    comparison: Comparison,
    policy: &Glob,
    value: &str,
    resolver: &R,
) -> bool {
    let case = if comparison == Comparison::EqualsIgnoreCase {
        Case::Insensitive
    } else {
        Case::Sensitive
    };
    pattern::matches(policy, value, case, resolver)
}

/// Numeric and Date comparisons.
#[inline]
#[must_use]
pub fn ordering_matches(comparison: Comparison, ordering: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match comparison {
        Comparison::Equals => ordering == Equal,
        Comparison::LessThan => ordering == Less,
        Comparison::LessThanEquals => ordering != Greater,
        Comparison::GreaterThan => ordering == Greater,
        Comparison::GreaterThanEquals => ordering != Less,
        _ => false,
    }
}

/// Numeric operators: `None` when the request value is not a number.
#[inline]
#[must_use]
pub fn numeric_matches_any(
    comparison: Comparison,
    policy: &[Decimal],
    value: &str,
) -> Option<bool> {
    let request = values::parse_decimal_ref(value)?;
    Some(
        policy
            .iter()
            .any(|p| ordering_matches(comparison, values::compare_decimal(&request, p))),
    )
}

/// Date operators: `None` when the request value is not a date.
#[inline]
#[must_use]
pub fn date_matches_any(comparison: Comparison, policy: &[Timestamp], value: &str) -> Option<bool> {
    let request = values::parse_date(value)?;
    Some(
        policy
            .iter()
            .any(|p| ordering_matches(comparison, request.cmp(p))),
    )
}

/// `IpAddress` / `NotIpAddress`: `None` when the request value is not an address.
#[inline]
#[must_use]
pub fn ip_matches_any(policy: &[IpNet], value: &str) -> Option<bool> {
    let (v6, addr) = values::parse_ip(value)?;
    Some(policy.iter().any(|net| values::ip_in(net, v6, addr)))
}

/// `BinaryEquals`: the request value is base64 text, compared as bytes.
#[inline]
#[must_use]
pub fn binary_matches_any(policy: &[std::borrow::Cow<'static, [u8]>], value: &str) -> Option<bool> {
    Some(
        policy
            .iter()
            .any(|bytes| values::base64_equals(value, bytes)),
    )
}

/// `Bool`: `None` when the request value is not a boolean.
#[inline]
pub fn bool_matches_any<R: Resolver + ?Sized>(
    policy: &[BoolValue],
    value: &str,
    resolver: &R,
) -> Option<bool> {
    let request = values::parse_bool(value)?;
    Some(policy.iter().any(|p| match p {
        BoolValue::Literal(b) => *b == request,
        BoolValue::Variable(glob) => bool_of_variable(glob, resolver).is_some_and(|b| b == request),
    }))
}

/// A Bool value written as a variable: its resolved text read as a boolean.
fn bool_of_variable<R: Resolver + ?Sized>(glob: &Glob, resolver: &R) -> Option<bool> {
    [true, false].into_iter().find(|&b| {
        let text = if b { "true" } else { "false" };
        pattern::matches(glob, text, Case::Insensitive, resolver)
    })
}

/// The six parts of an ARN, split on its first five colons; `None` if it has fewer.
#[inline]
#[must_use]
pub fn split_arn(arn: &str) -> Option<[&str; 6]> {
    let rest = arn.strip_prefix("arn:")?;
    let mut parts = [""; 6];
    parts[0] = &arn[..3];
    let mut rest = rest;
    for part in &mut parts[1..5] {
        let at = memchr::memchr(b':', rest.as_bytes())?;
        *part = &rest[..at];
        rest = &rest[at + 1..];
    }
    parts[5] = rest;
    Some(parts)
}

/// An ARN pattern against a whole ARN, without splitting it first: a literal part is compared in
/// place with the `:` after it, and only parts with wildcards or variables look for their end.
/// Equal to splitting `arn` with [`split_arn`] and calling [`arn_parts_match`].
#[inline]
pub fn arn_matches<R: Resolver + ?Sized>(pattern: &ArnPattern, arn: &str, resolver: &R) -> bool {
    let Some(mut rest) = arn.strip_prefix("arn:") else {
        return false;
    };
    for glob in [
        &pattern.partition,
        &pattern.service,
        &pattern.region,
        &pattern.account,
    ] {
        let end = match &glob.segments[..] {
            // A literal part has no `:`, so `literal:` at the start is the whole part.
            [Segment::Literal(literal)] => {
                let len = literal.len();
                if !(words::starts(rest, literal) && rest.as_bytes().get(len) == Some(&b':')) {
                    return false;
                }
                len
            }
            [] => {
                if !rest.starts_with(':') {
                    return false;
                }
                0
            }
            segments => {
                let Some(end) = memchr::memchr(b':', rest.as_bytes()) else {
                    return false;
                };
                let all_stars = segments.iter().all(|s| matches!(s, Segment::AnyRun));
                if !all_stars && !pattern::matches(glob, &rest[..end], Case::Sensitive, resolver) {
                    return false;
                }
                end
            }
        };
        rest = &rest[end + 1..];
    }
    match &pattern.resource.segments[..] {
        [Segment::Literal(literal)] => words::eq(literal, rest),
        [Segment::Literal(literal), Segment::AnyRun] => words::starts(rest, literal),
        _ => pattern::matches(&pattern.resource, rest, Case::Sensitive, resolver),
    }
}

/// ARN patterns (Resource entries and ARN operator values): each of the first five parts on its
/// own, the resource part as a whole. Case-sensitive (D3).
#[inline]
pub fn arn_parts_match<R: Resolver + ?Sized>(
    pattern: &ArnPattern,
    parts: &[&str; 6],
    resolver: &R,
) -> bool {
    let m = |glob: &Glob, text: &str| pattern::matches(glob, text, Case::Sensitive, resolver);
    m(&pattern.partition, parts[1])
        && m(&pattern.service, parts[2])
        && m(&pattern.region, parts[3])
        && m(&pattern.account, parts[4])
        && m(&pattern.resource, parts[5])
}

/// ARN operators: `None` when the request value is not an ARN.
#[inline]
pub fn arn_matches_any<R: Resolver + ?Sized>(
    policy: &[ArnPattern],
    value: &str,
    resolver: &R,
) -> Option<bool> {
    let parts = split_arn(value)?;
    Some(policy.iter().any(|p| arn_parts_match(p, &parts, resolver)))
}

/// True when every variable of an ARN pattern has a value.
pub fn arn_resolvable<R: Resolver + ?Sized>(pattern: &ArnPattern, resolver: &R) -> bool {
    [
        &pattern.partition,
        &pattern.service,
        &pattern.region,
        &pattern.account,
        &pattern.resource,
    ]
    .into_iter()
    .all(|glob| pattern::resolvable(glob, resolver))
}

/// How one entry of `Resource`/`NotResource` relates to the request resource.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryMatch {
    /// The entry matches the request resource.
    Yes,
    /// The entry does not match it.
    No,
    /// The entry names a variable the request has no value for: it matches nothing, and it makes
    /// a `NotResource` not apply (`docs/semantics.md` section 4, D9).
    Unresolved,
}

/// Combines the entries of a `Resource` (`negated: false`) or `NotResource` block for a statement
/// of `effect`. In a `Resource` block an entry whose variable has no value matches nothing (AWS's
/// rule). In a `NotResource` block it makes the block undecidable unless another entry matches:
/// the statement then does not apply for an `Allow` and applies for a `Deny` (decision D9).
#[inline]
pub fn block_applies(
    effect: Effect,
    negated: bool,
    entries: impl IntoIterator<Item = EntryMatch>,
) -> bool {
    let mut any = false;
    let mut unresolved = false;
    for entry in entries {
        match entry {
            EntryMatch::Yes => any = true,
            EntryMatch::No => {}
            EntryMatch::Unresolved => unresolved = true,
        }
    }
    if !negated {
        return any;
    }
    let truth = if any {
        Truth::False
    } else if unresolved {
        Truth::Unknown
    } else {
        Truth::True
    };
    truth.holds_for(effect)
}

/// Whether a base operator's comparison is positive-sense for a `Like`/`Equals` String test.
#[must_use]
pub fn string_comparison(base: BaseOperator) -> Comparison {
    base.comparison()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operator::Operator;

    fn op(text: &str) -> Operator {
        Operator::parse(text).unwrap()
    }

    fn holds(operator: &str, present: Option<Values<'_>>, equal_to: &str) -> bool {
        condition_truth(op(operator), present, |v| Some(v == equal_to)) == Truth::True
    }

    #[test]
    fn missing_key() {
        assert!(!holds("StringEquals", None, "a"));
        assert!(holds("StringNotEquals", None, "a"));
        assert!(holds("StringEqualsIfExists", None, "a"));
        assert!(!holds("ForAnyValue:StringEquals", None, "a"));
        assert!(holds("ForAllValues:StringEquals", None, "a"));
        assert!(holds("ForAnyValue:StringEqualsIfExists", None, "a"));
    }

    #[test]
    fn single_values_and_negation() {
        assert!(holds("StringEquals", Some(Values::One("a")), "a"));
        assert!(!holds("StringNotEquals", Some(Values::One("a")), "a"));
        assert!(holds("StringNotEquals", Some(Values::One("b")), "a"));
    }

    #[test]
    fn sets() {
        let set = Values::Strs(&["a", "b"]);
        assert!(!holds("StringEquals", Some(set), "a"));
        assert!(!holds("StringNotEquals", Some(set), "z"));
        assert!(holds("ForAnyValue:StringEquals", Some(set), "a"));
        assert!(!holds("ForAllValues:StringEquals", Some(set), "a"));
        assert!(holds("ForAllValues:StringNotEquals", Some(set), "z"));
        assert!(!holds(
            "ForAnyValue:StringEquals",
            Some(Values::Strs(&[])),
            "a"
        ));
        assert!(holds(
            "ForAllValues:StringEquals",
            Some(Values::Strs(&[])),
            "a"
        ));
        assert!(holds(
            "ForAnyValue:StringEquals",
            Some(Values::One("a")),
            "a"
        ));
    }

    /// Decision D11: a value that cannot be read leaves the condition unknown, which an `Allow`
    /// counts as false and a `Deny` as true, negated or not.
    #[test]
    fn unreadable_request_value_fails_closed_by_effect() {
        for operator in [
            "NumericEquals",
            "NumericNotEquals",
            "ForAllValues:NumericNotEquals",
            "ForAnyValue:NumericEquals",
        ] {
            let truth = condition_truth(op(operator), Some(Values::One("x")), |_| None);
            assert_eq!(truth, Truth::Unknown, "{operator}");
            assert!(!truth.holds_for(Effect::Allow));
            assert!(truth.holds_for(Effect::Deny));
        }
        // Another value decides: any true makes ForAnyValue true, any false makes ForAllValues false.
        let read = |v: &str| (v != "x").then_some(v == "1");
        let set = Some(Values::Strs(&["x", "1"]));
        assert_eq!(
            condition_truth(op("ForAnyValue:NumericEquals"), set, read),
            Truth::True
        );
        let set = Some(Values::Strs(&["x", "2"]));
        assert_eq!(
            condition_truth(op("ForAllValues:NumericEquals"), set, read),
            Truth::False
        );
    }

    #[test]
    fn null() {
        assert!(null_holds(&[true], false));
        assert!(!null_holds(&[true], true));
        assert!(null_holds(&[false], true));
    }

    #[test]
    fn arn_split() {
        assert_eq!(
            split_arn("arn:aws:s3:::b/k:x"),
            Some(["arn", "aws", "s3", "", "", "b/k:x"])
        );
        assert_eq!(split_arn("arn:aws:s3"), None);
        assert_eq!(split_arn("nar:aws:s3:::b"), None);
    }

    /// Decision D9: an unresolved `NotResource` entry fails closed by effect.
    #[test]
    fn not_resource_with_unresolved_entry_fails_closed() {
        let (allow, deny) = (Effect::Allow, Effect::Deny);
        let unresolved = [EntryMatch::No, EntryMatch::Unresolved];
        assert!(!block_applies(allow, true, unresolved));
        assert!(block_applies(deny, true, unresolved));
        for effect in [allow, deny] {
            assert!(block_applies(effect, true, [EntryMatch::No]));
            assert!(!block_applies(effect, true, [EntryMatch::Yes]));
            assert!(!block_applies(
                effect,
                true,
                [EntryMatch::Yes, EntryMatch::Unresolved]
            ));
            assert!(block_applies(
                effect,
                false,
                [EntryMatch::Unresolved, EntryMatch::Yes]
            ));
            assert!(!block_applies(effect, false, [EntryMatch::Unresolved]));
        }
    }
}
