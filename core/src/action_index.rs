//! The action lookup: an `Action`/`NotAction` block's patterns, sorted when the policy is lowered,
//! are their own index. A request's action is found by binary search on its service, then on its
//! exact name, and only the wildcard names of that one service are scanned. Both paths use it: the
//! interpreter for every block, `policy!`'s expansion for blocks too large to unroll.
//!
//! Order ([`sort`]): `*` first, then by service, then the exact names (sorted), then the names
//! with wildcards. Service and name are lowercase ASCII (the validator folds them); the request's
//! action is compared ASCII-case-insensitively, byte by byte, so nothing is allocated.

use std::cmp::Ordering;

use crate::compiled::{ActionPattern, Glob, Segment};
use crate::pattern::{self, Case, NoVariables};
use crate::words;

/// Sorts a block's patterns into the order [`matches()`] searches.
pub fn sort(patterns: &mut [ActionPattern]) {
    patterns.sort_by(|a, b| key(a).cmp(&key(b)));
}

/// True when the patterns are in [`sort`]'s order (what [`matches()`] relies on).
#[must_use]
pub fn is_sorted(patterns: &[ActionPattern]) -> bool {
    patterns.is_sorted_by(|a, b| key(a) <= key(b))
}

/// The sort key: `*` first, then service, exact names before wildcard names, then the name.
fn key(pattern: &ActionPattern) -> (bool, &str, bool, Option<&str>) {
    match pattern {
        ActionPattern::Any => (false, "", false, None),
        ActionPattern::Named { service, name } => (true, service, !is_exact(name), exact(name)),
    }
}

/// The name when it has no wildcard.
fn exact(name: &Glob) -> Option<&str> {
    match &name.segments[..] {
        [Segment::Literal(text)] => Some(text),
        _ => None,
    }
}

fn is_exact(name: &Glob) -> bool {
    exact(name).is_some()
}

/// Compares lowercase `pattern` with `text` as if `text` were lowercased (ASCII).
#[inline]
fn cmp_folded(pattern: &str, text: &str) -> Ordering {
    #[cfg(test)]
    tests::COMPARED.with(|c| c.set(c.get() + 1));
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    for (a, b) in p.iter().zip(t) {
        match a.cmp(&b.to_ascii_lowercase()) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    p.len().cmp(&t.len())
}

/// Does any of the sorted `patterns` match `action`? (Service and name case-insensitive; the name
/// a glob.)
#[must_use]
pub fn matches(patterns: &[ActionPattern], action: &str) -> bool {
    debug_assert!(is_sorted(patterns), "action patterns must be sorted");
    if matches!(patterns.first(), Some(ActionPattern::Any)) {
        return true;
    }
    if !action.is_ascii() {
        // Unicode case folding can equate a non-ASCII character with an ASCII one (`K`, the
        // Kelvin sign, folds to `k`): the byte order above does not hold, so scan.
        return patterns.iter().any(|p| pattern_matches(p, action));
    }
    let Some(colon) = action.bytes().position(|b| b == b':') else {
        return false;
    };
    let (service, name) = (&action[..colon], &action[colon + 1..]);
    if patterns.len() <= SCANNED {
        // A few patterns: comparing each costs less than searching.
        return patterns.iter().any(|p| match p {
            ActionPattern::Named {
                service: s,
                name: n,
            } => words::eq_folded(s.as_bytes(), service.as_bytes()) && name_matches(n, name),
            ActionPattern::Any => true,
        });
    }
    let service_of = |p: &ActionPattern| match p {
        ActionPattern::Any => Ordering::Less,
        ActionPattern::Named { service: s, .. } => cmp_folded(s, service),
    };
    let start = patterns.partition_point(|p| service_of(p) == Ordering::Less);
    let rest = &patterns[start..];
    let same = &rest[..rest.partition_point(|p| service_of(p) == Ordering::Equal)];
    let exact_end =
        same.partition_point(|p| matches!(p, ActionPattern::Named { name, .. } if is_exact(name)));
    let (exacts, globs) = same.split_at(exact_end);
    let found = exacts
        .binary_search_by(|p| match p {
            ActionPattern::Named { name: n, .. } => cmp_folded(exact(n).unwrap_or(""), name),
            ActionPattern::Any => Ordering::Less,
        })
        .is_ok();
    found
        || globs.iter().any(|p| match p {
            ActionPattern::Named { name: n, .. } => name_matches(n, name),
            ActionPattern::Any => true,
        })
}

/// Up to this many patterns, [`matches()`] compares each rather than search.
const SCANNED: usize = 8;

/// One pattern against one action, without the index.
#[must_use]
pub fn pattern_matches(pattern: &ActionPattern, action: &str) -> bool {
    match pattern {
        ActionPattern::Any => true,
        ActionPattern::Named { service, name } => match action.split_once(':') {
            Some((s, n)) => {
                s.eq_ignore_ascii_case(service)
                    && pattern::matches(name, n, Case::Insensitive, &NoVariables)
            }
            None => false,
        },
    }
}

/// An action name glob (no variables) against the request's ASCII name, case-insensitively.
#[inline]
fn name_matches(glob: &Glob, name: &str) -> bool {
    // The commonest shapes, `Name` and `Prefix*`, without the generic matcher.
    match &glob.segments[..] {
        [Segment::Literal(exact)] => words::eq_folded(exact.as_bytes(), name.as_bytes()),
        [Segment::Literal(prefix), Segment::AnyRun] => {
            words::starts_folded(name.as_bytes(), prefix.as_bytes())
        }
        _ => pattern::matches(glob, name, Case::Insensitive, &NoVariables),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn named(service: &str, name: &str) -> ActionPattern {
        let mut segments = Vec::new();
        let mut literal = String::new();
        for c in name.chars() {
            if c == '*' || c == '?' {
                if !literal.is_empty() {
                    segments.push(Segment::Literal(Cow::Owned(std::mem::take(&mut literal))));
                }
                segments.push(if c == '*' {
                    Segment::AnyRun
                } else {
                    Segment::AnyOne
                });
            } else {
                literal.push(c);
            }
        }
        if !literal.is_empty() {
            segments.push(Segment::Literal(Cow::Owned(literal)));
        }
        ActionPattern::Named {
            service: Cow::Owned(service.to_owned()),
            name: Glob {
                segments: Cow::Owned(segments),
            },
        }
    }

    fn sorted(list: &[(&str, &str)]) -> Vec<ActionPattern> {
        let mut patterns: Vec<_> = list.iter().map(|(s, n)| named(s, n)).collect();
        sort(&mut patterns);
        patterns
    }

    #[test]
    fn the_index_agrees_with_a_scan() {
        let patterns = sorted(&[
            ("s3", "get*"),
            ("s3", "listbucket"),
            ("ec2", "describeinstances"),
            ("ec2", "describe?pcs"),
            ("s3", "putobject"),
            ("ssm", "*session"),
            ("ec2", "*"),
            ("a4b", "getdevice"),
            ("xray", "batchget*"),
        ]);
        let actions = [
            "s3:GetObject",
            "S3:GETOBJECT",
            "s3:ListBucket",
            "s3:listbucketversions",
            "s3:PutObject",
            "s3:DeleteObject",
            "ec2:RunInstances",
            "ssm:StartSession",
            "ssm:SendCommand",
            "ssm:",
            "xray:BatchGetTraces",
            "a4b:GetDevice",
            "a4b:GetDevices",
            "b:x",
            "nocolon",
            "",
            ":",
            "s3:Get\u{212A}",
            "s3:ListBuc\u{212A}et",
        ];
        for action in actions {
            let scanned = patterns.iter().any(|p| pattern_matches(p, action));
            assert_eq!(matches(&patterns, action), scanned, "{action}");
        }
        assert!(matches(&patterns, "S3:listBUCKET"));
        assert!(!matches(&patterns, "s3:DeleteObject"));
    }

    #[test]
    fn a_star_pattern_matches_everything_and_sorts_first() {
        let mut patterns = vec![named("s3", "get*"), ActionPattern::Any];
        sort(&mut patterns);
        assert!(matches!(patterns[0], ActionPattern::Any));
        assert!(matches(&patterns, "iam:CreateUser"));
        assert!(!matches(&[], "iam:CreateUser"));
    }

    #[test]
    fn lookups_stay_logarithmic_in_the_number_of_patterns() {
        // 10,000 exact names over 100 services: finding the last one, or missing, costs a few
        // comparisons per halving, not one per pattern.
        let list: Vec<(String, String)> = (0..10_000)
            .map(|i| (format!("svc{:03}", i / 100), format!("action{i:05}")))
            .collect();
        let borrowed: Vec<(&str, &str)> = list.iter().map(|(s, n)| (&**s, &**n)).collect();
        let patterns = sorted(&borrowed);
        for (action, expected) in [
            ("svc099:Action09999", true),
            ("svc099:Action10000", false),
            ("svc000:action00000", true),
            ("zzz:x", false),
        ] {
            COMPARED.with(|c| c.set(0));
            assert_eq!(matches(&patterns, action), expected, "{action}");
            let compared = COMPARED.with(|c| c.get());
            assert!(compared <= 3 * 15, "{action}: {compared} comparisons");
        }
    }

    thread_local! {
        pub(super) static COMPARED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }
}
