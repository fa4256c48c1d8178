//! The action lookup: an `Action`/`NotAction` block's patterns, sorted when the policy is lowered,
//! and a hash index built with them ([`build`]). A request's action is hashed once, lowercase,
//! service and whole name in one pass; the exact names are found by a binary search over the
//! integer hashes, and only the wildcard names of the request's own service are scanned. Both
//! paths use it: the interpreter for every block, `policy!`'s expansion for blocks too large to
//! unroll (the macro computes the index when it expands). An earlier version searched the sorted
//! strings themselves: the string comparisons along four binary searches cost about 1,400
//! instructions per decision on `ReadOnlyAccess` (docs/performance.md).
//!
//! Order ([`sort`]): `*` first, then by service, then the exact names (sorted), then the names
//! with wildcards. Service and name are lowercase ASCII (the validator folds them); the request's
//! action is compared ASCII-case-insensitively, so nothing is allocated.

use std::borrow::Cow;

use crate::compiled::{ActionIndex, ActionPattern, Glob, Segment};
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

/// FNV-1a, the basis of [`fold_hash`].
const FNV_BASIS: u32 = 0x811c_9dc5;
const FNV_PRIME: u32 = 0x0100_0193;

/// One step of FNV-1a over the ASCII-lowercased byte (branch-free: a byte of `A..=Z` gains the
/// `0x20` bit).
#[inline(always)]
const fn fold_step(hash: u32, byte: u8) -> u32 {
    let lower = byte | (((byte.wrapping_sub(b'A') < 26) as u8) << 5);
    (hash ^ lower as u32).wrapping_mul(FNV_PRIME)
}

/// The hash of `text` lowercased (ASCII), continuing from `hash`.
const fn fold_hash(mut hash: u32, text: &[u8]) -> u32 {
    let mut i = 0;
    while i < text.len() {
        hash = fold_step(hash, text[i]);
        i += 1;
    }
    hash
}

/// The index of sorted `patterns`: empty when [`matches()`] scans the block instead.
#[must_use]
pub fn build(patterns: &[ActionPattern]) -> ActionIndex {
    debug_assert!(is_sorted(patterns), "action patterns must be sorted");
    if patterns.len() <= SCANNED || matches!(patterns.first(), Some(ActionPattern::Any)) {
        return ActionIndex::EMPTY;
    }
    let mut exact_names = Vec::new();
    let mut globs: Vec<(u32, u32, u32)> = Vec::new();
    for (at, pattern) in patterns.iter().enumerate() {
        let ActionPattern::Named { service, name } = pattern else {
            continue;
        };
        let at = u32::try_from(at).expect("a block has fewer than 2^32 patterns");
        let service_hash = fold_hash(FNV_BASIS, service.as_bytes());
        match exact(name) {
            Some(text) => {
                let whole = fold_hash(fold_step(service_hash, b':'), text.as_bytes());
                exact_names.push((whole, at));
            }
            // Sorted by service, exact names first: one service's wildcard names are adjacent.
            None => match globs.last_mut() {
                Some(last) if last.2 == at && same_service(&patterns[last.1 as usize], service) => {
                    last.2 = at + 1;
                }
                _ => globs.push((service_hash, at, at + 1)),
            },
        }
    }
    exact_names.sort_unstable();
    globs.sort_unstable();
    ActionIndex {
        exact: Cow::Owned(exact_names),
        globs: Cow::Owned(globs),
    }
}

fn same_service(pattern: &ActionPattern, service: &str) -> bool {
    matches!(pattern, ActionPattern::Named { service: s, .. } if s == service)
}

/// A request's action as the index looks it up: split at its colon and hashed, once per decision
/// however many blocks are searched (computed at the first search that needs it).
#[derive(Debug)]
pub struct ActionKey<'a> {
    action: &'a str,
    parts: std::cell::Cell<Option<Parts>>,
}

/// Where the colon is, and the hashes of the service and of the whole action; `colon` is
/// `usize::MAX` for an action that the index cannot look up (no colon, or not ASCII).
#[derive(Clone, Copy, Debug)]
struct Parts {
    colon: usize,
    service_hash: u32,
    hash: u32,
}

impl<'a> ActionKey<'a> {
    /// The key of `action`; nothing is computed until a search needs it.
    #[inline]
    #[must_use]
    pub const fn new(action: &'a str) -> ActionKey<'a> {
        ActionKey {
            action,
            parts: std::cell::Cell::new(None),
        }
    }

    #[inline]
    fn parts(&self) -> Parts {
        if let Some(parts) = self.parts.get() {
            return parts;
        }
        let parts = Self::split(self.action.as_bytes());
        self.parts.set(Some(parts));
        parts
    }

    fn split(bytes: &[u8]) -> Parts {
        const UNSEARCHABLE: Parts = Parts {
            colon: usize::MAX,
            service_hash: 0,
            hash: 0,
        };
        if !bytes.is_ascii() {
            return UNSEARCHABLE;
        }
        let Some(colon) = bytes.iter().position(|&b| b == b':') else {
            return UNSEARCHABLE;
        };
        let service_hash = fold_hash(FNV_BASIS, &bytes[..colon]);
        let hash = fold_hash(fold_step(service_hash, b':'), &bytes[colon + 1..]);
        Parts {
            colon,
            service_hash,
            hash,
        }
    }
}

/// Does any of the sorted `patterns`, indexed by `index` ([`build`]), match `action`? (Service and
/// name case-insensitive; the name a glob.)
#[must_use]
pub fn matches(patterns: &[ActionPattern], index: &ActionIndex, action: &str) -> bool {
    matches_key(patterns, index, &ActionKey::new(action))
}

/// [`matches()`] with the request's action already keyed, for a decision that searches several
/// blocks.
pub fn matches_key(patterns: &[ActionPattern], index: &ActionIndex, key: &ActionKey<'_>) -> bool {
    debug_assert!(is_sorted(patterns), "action patterns must be sorted");
    let action = key.action;
    if matches!(patterns.first(), Some(ActionPattern::Any)) {
        return true;
    }
    if !action.is_ascii() {
        // Unicode case folding can equate a non-ASCII character with an ASCII one (`K`, the
        // Kelvin sign, folds to `k`): hashes and byte comparisons do not hold, so scan.
        return patterns.iter().any(|p| pattern_matches(p, action));
    }
    if patterns.len() <= SCANNED {
        // A plain loop: for names this short, `split_once` (memchr) costs more than it saves.
        let Some(colon) = action.bytes().position(|b| b == b':') else {
            return false;
        };
        let (service, name) = (&action[..colon], &action[colon + 1..]);
        // A few patterns: comparing each costs less than hashing.
        return patterns.iter().any(|p| match p {
            ActionPattern::Named {
                service: s,
                name: n,
            } => words::eq_folded(s.as_bytes(), service.as_bytes()) && name_matches(n, name),
            ActionPattern::Any => true,
        });
    }
    debug_assert_eq!(
        index.exact.len()
            + index
                .globs
                .iter()
                .map(|g| (g.2 - g.1) as usize)
                .sum::<usize>(),
        patterns.len(),
        "the action index must be built from these patterns"
    );
    let Parts {
        colon,
        service_hash,
        hash,
    } = key.parts();
    if colon == usize::MAX {
        return false;
    }
    let (service, name) = (&action[..colon], &action[colon + 1..]);
    let first = index.exact.partition_point(|&(h, _)| h < hash);
    for &(h, at) in &index.exact[first..] {
        if h != hash {
            break;
        }
        count_comparison();
        if let ActionPattern::Named {
            service: s,
            name: n,
        } = &patterns[at as usize]
            && words::eq_folded(s.as_bytes(), service.as_bytes())
            && exact(n).is_some_and(|n| words::eq_folded(n.as_bytes(), name.as_bytes()))
        {
            return true;
        }
    }
    let first = index.globs.partition_point(|&(h, _, _)| h < service_hash);
    for &(h, start, end) in &index.globs[first..] {
        if h != service_hash {
            break;
        }
        count_comparison();
        let globs = &patterns[start as usize..end as usize];
        if matches!(globs.first(), Some(ActionPattern::Named { service: s, .. })
            if words::eq_folded(s.as_bytes(), service.as_bytes()))
        {
            return globs.iter().any(|p| match p {
                ActionPattern::Named { name: n, .. } => name_matches(n, name),
                ActionPattern::Any => true,
            });
        }
    }
    false
}

/// Counts the string comparisons of a lookup, for the test that they stay few.
#[inline(always)]
fn count_comparison() {
    #[cfg(test)]
    tests::COMPARED.with(|c| c.set(c.get() + 1));
}

/// Up to this many patterns, [`matches()`] compares each rather than search, and [`build`]
/// makes no index.
pub const SCANNED: usize = 8;

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

    /// The lookup as both paths make it: the index built from the sorted patterns.
    fn lookup(patterns: &[ActionPattern], action: &str) -> bool {
        matches(patterns, &build(patterns), action)
    }

    fn scan(patterns: &[ActionPattern], action: &str) -> bool {
        patterns.iter().any(|p| pattern_matches(p, action))
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
            assert_eq!(lookup(&patterns, action), scanned, "{action}");
        }
        assert!(lookup(&patterns, "S3:listBUCKET"));
        assert!(!lookup(&patterns, "s3:DeleteObject"));
    }

    #[test]
    fn equal_hashes_are_told_apart_by_their_text() {
        // Two names of one service whose lowercase `service:name` share a 32-bit hash (found by
        // search): each is found, and a third name of that hash is not.
        let mut seen = std::collections::HashMap::new();
        let mut pair = None;
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..400_000u32 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let name: String = (0..8)
                .map(|i| char::from(b'a' + ((state >> (i * 5)) % 26) as u8))
                .collect();
            let hash = fold_hash(
                fold_step(fold_hash(FNV_BASIS, b"svc"), b':'),
                name.as_bytes(),
            );
            if let Some(other) = seen.insert(hash, name.clone()) {
                pair = Some((other, name));
                break;
            }
        }
        let (a, b) = pair.expect("a collision among 400,000 names");
        let mut list: Vec<(&str, String)> = (0..10).map(|i| ("svc", format!("pad{i}"))).collect();
        list.push(("svc", a.clone()));
        let borrowed: Vec<(&str, &str)> = list.iter().map(|(s, n)| (*s, n.as_str())).collect();
        let patterns = sorted(&borrowed);
        assert!(lookup(&patterns, &format!("svc:{a}")));
        assert!(
            !lookup(&patterns, &format!("svc:{b}")),
            "{b} has {a}'s hash"
        );
        assert!(lookup(&patterns, &format!("SVC:{}", a.to_uppercase())));
    }

    #[test]
    fn random_blocks_agree_with_a_scan() {
        // A small generator (no dependency): blocks of exact and wildcard names over a few
        // services, and requests near every pattern, in every case.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let services = ["s3", "ec2", "iam", "s3express", "ssm"];
        let names = [
            "get",
            "getobject",
            "list",
            "listbucket",
            "put",
            "describe",
            "x",
        ];
        for _ in 0..300 {
            let mut list = Vec::new();
            for _ in 0..(1 + next(40)) {
                let mut name = names[next(names.len() as u64) as usize].to_owned();
                match next(4) {
                    0 => name.push('*'),
                    1 => name.insert(0, '*'),
                    2 => name.push_str("?x"),
                    _ => {}
                }
                list.push((services[next(services.len() as u64) as usize], name));
            }
            let borrowed: Vec<(&str, &str)> = list.iter().map(|(s, n)| (*s, n.as_str())).collect();
            let patterns = sorted(&borrowed);
            for service in services.iter().chain(&["s", "s3e"]) {
                for name in names
                    .iter()
                    .chain(&["getx", "xgetobject", "listbucketx", "", "putxx"])
                {
                    for action in [
                        format!("{service}:{name}"),
                        format!("{}:{}", service.to_uppercase(), name.to_uppercase()),
                    ] {
                        assert_eq!(
                            lookup(&patterns, &action),
                            scan(&patterns, &action),
                            "{action} in {list:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_star_pattern_matches_everything_and_sorts_first() {
        let mut patterns = vec![named("s3", "get*"), ActionPattern::Any];
        sort(&mut patterns);
        assert!(matches!(patterns[0], ActionPattern::Any));
        assert!(lookup(&patterns, "iam:CreateUser"));
        assert!(!lookup(&[], "iam:CreateUser"));
    }

    #[test]
    fn lookups_stay_logarithmic_in_the_number_of_patterns() {
        // 10,000 exact names over 100 services: finding the last one, or missing, costs one hash
        // and a binary search over integers, and at most a string comparison or two.
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
            assert_eq!(lookup(&patterns, action), expected, "{action}");
            let compared = COMPARED.with(|c| c.get());
            // The hashes are searched; strings are compared only where a hash is equal.
            assert!(compared <= 2, "{action}: {compared} string comparisons");
        }
    }

    thread_local! {
        pub(super) static COMPARED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }
}
