//! Property tests (proptest), run by CI: the matchers against plain reference implementations,
//! read-export-read, the two evaluation paths against each other, no panic on any request, and no
//! malformed variant of a denied request allowed (issue 10, items 5 and 6).

use std::borrow::Cow;

use iam_policy::{Decision, Policy, Request};
use iam_policy_core::compiled::{Glob, Segment};
use iam_policy_core::eval;
use iam_policy_core::pattern::{self, Case, NoVariables};
use iam_policy_tests::VALID_SEEDS;
use proptest::prelude::*;

/// A glob from its text: `*`, `?` and literal runs (no variables).
fn glob(pattern: &str) -> Glob {
    let mut segments = Vec::new();
    let mut literal = String::new();
    for c in pattern.chars() {
        let wildcard = match c {
            '*' => Some(Segment::AnyRun),
            '?' => Some(Segment::AnyOne),
            _ => None,
        };
        match wildcard {
            Some(segment) => {
                if !literal.is_empty() {
                    segments.push(Segment::Literal(Cow::Owned(std::mem::take(&mut literal))));
                }
                segments.push(segment);
            }
            None => literal.push(c),
        }
    }
    if !literal.is_empty() {
        segments.push(Segment::Literal(Cow::Owned(literal)));
    }
    Glob {
        segments: Cow::Owned(segments),
    }
}

/// The plain definition of a glob match: dynamic programming over characters, under the fold.
fn reference(pattern: &str, text: &str, case: Case) -> bool {
    let fold = |c: char| match case {
        Case::Sensitive => c,
        Case::Insensitive => iam_policy_core::fold::fold_char(c),
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

fn pattern_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[ab*?\u{212A}kK:/]{0,12}").unwrap()
}

fn subject_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[abkK\u{212A}é:/]{0,40}").unwrap()
}

/// Policies with Allow and Deny statements over a few actions and resources, written as JSON.
fn policy_json() -> impl Strategy<Value = String> {
    let action = prop::sample::select(vec![
        "s3:*",
        "s3:Get*",
        "s3:GetObject",
        "s3:DeleteObject",
        "s3:?etObject",
        "iam:*",
        "*",
    ]);
    let resource = prop::sample::select(vec![
        "*",
        "arn:aws:s3:::b/*",
        "arn:aws:s3:::b/secret/*",
        "arn:aws:s3:::b/*/x?",
        "arn:aws:iam::123456789012:user/*",
    ]);
    let condition = prop::sample::select(vec![
        "",
        r#", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "red"}}"#,
        r#", "Condition": {"StringNotLike": {"aws:username": "a*"}}"#,
        r#", "Condition": {"IpAddress": {"aws:SourceIp": "192.0.2.0/24"}}"#,
        r#", "Condition": {"NotIpAddress": {"aws:SourceIp": "192.0.2.0/24"}}"#,
        r#", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}}"#,
    ]);
    let statement = (
        any::<bool>(),
        any::<bool>(),
        action,
        resource,
        any::<bool>(),
        condition,
    )
        .prop_map(
            |(allow, not_action, action, resource, not_resource, condition)| {
                format!(
                    r#"{{"Effect": "{}", "{}": "{action}", "{}": "{resource}"{condition}}}"#,
                    if allow { "Allow" } else { "Deny" },
                    if not_action { "NotAction" } else { "Action" },
                    if not_resource {
                        "NotResource"
                    } else {
                        "Resource"
                    },
                )
            },
        );
    prop::collection::vec(statement, 1..5).prop_map(|statements| {
        format!(
            r#"{{"Version": "2012-10-17", "Statement": [{}]}}"#,
            statements.join(", ")
        )
    })
}

/// Well-formed requests for the policies above.
fn request_parts() -> impl Strategy<Value = (String, String, Vec<(String, String)>)> {
    let action = prop::sample::select(vec![
        "s3:GetObject",
        "s3:DeleteObject",
        "s3:PutObject",
        "iam:GetUser",
        "s3:ListAllMyBuckets",
    ]);
    let resource = prop::sample::select(vec![
        "arn:aws:s3:::b/k",
        "arn:aws:s3:::b/secret/k",
        "arn:aws:s3:::b/d/xy",
        "arn:aws:iam::123456789012:user/alice",
    ]);
    let key = prop::sample::select(vec![
        "aws:PrincipalTag/team",
        "aws:username",
        "aws:SourceIp",
        "aws:TagKeys",
    ]);
    let value = prop::sample::select(vec![
        "red",
        "blue",
        "alice",
        "bob",
        "192.0.2.7",
        "198.51.100.1",
        "192.0.2.7/0",
        "abc",
        "a",
    ]);
    let context = prop::collection::btree_map(key, value, 0..4);
    (action, resource, context).prop_map(|(action, resource, context)| {
        // `s3:ListAllMyBuckets` takes no resource: its request resource is `*`.
        let resource = if action == "s3:ListAllMyBuckets" {
            "*"
        } else {
            resource
        };
        (
            action.to_owned(),
            resource.to_owned(),
            context
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
        )
    })
}

/// Ways to make a well-formed request malformed, each one a bypass tried before the fix.
fn malform(action: &str, resource: &str, how: u8) -> (String, String) {
    let (service, name) = action.split_once(':').unwrap();
    match how % 10 {
        0 => (format!("{action} "), resource.to_owned()),
        1 => (format!("{action}\0"), resource.to_owned()),
        2 => (format!("{service}:*"), resource.to_owned()),
        3 => (format!("{service}:"), resource.to_owned()),
        4 => (
            format!("{service}:{}*", &name[..name.len() / 2]),
            resource.to_owned(),
        ),
        5 => (action.replacen('i', "ı", 1), resource.to_owned()),
        6 => (action.to_owned(), resource.replacen("arn", "ARN", 1)),
        7 => (
            action.to_owned(),
            resource
                .replacen(":s3:", ":S3:", 1)
                .replacen(":iam:", ":IAM:", 1),
        ),
        8 => (action.to_owned(), "*".to_owned()),
        _ => (action.to_owned(), format!("{resource}\u{7}")),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The glob matcher equals the reference on any pattern and text, in both cases.
    #[test]
    fn glob_matches_like_the_reference(pattern in pattern_text(), text in subject_text()) {
        let g = glob(&pattern);
        for case in [Case::Sensitive, Case::Insensitive] {
            prop_assert_eq!(
                pattern::matches(&g, &text, case, &NoVariables),
                reference(&pattern, &text, case),
                "{:?} against {:?} ({:?})", pattern, text, case
            );
        }
    }

    /// ARN matching is the reference glob on each of the six parts (the first five alone, the
    /// resource part whole).
    #[test]
    fn arn_matches_like_the_reference(
        parts in prop::collection::vec(proptest::string::string_regex("[ab*?]{0,4}").unwrap(), 5),
        subject in prop::collection::vec(proptest::string::string_regex("[ab:]{0,5}").unwrap(), 5),
    ) {
        let pattern_text = format!("arn:{}", parts.join(":"));
        let subject_text = format!("arn:{}", subject.join(":"));
        let pattern = iam_policy_core::compiled::ArnPattern {
            partition: glob(&parts[0]),
            service: glob(&parts[1]),
            region: glob(&parts[2]),
            account: glob(&parts[3]),
            resource: glob(&parts[4]),
        };
        let expected = match subject_text.splitn(6, ':').collect::<Vec<_>>().as_slice() {
            [_, p, s, r, a, rest] => {
                reference(&parts[0], p, Case::Sensitive)
                    && reference(&parts[1], s, Case::Sensitive)
                    && reference(&parts[2], r, Case::Sensitive)
                    && reference(&parts[3], a, Case::Sensitive)
                    && reference(&parts[4], rest, Case::Sensitive)
            }
            _ => false,
        };
        let actual = eval::split_arn(&subject_text)
            .is_some_and(|split| eval::arn_parts_match(&pattern, &split, &NoVariables));
        prop_assert_eq!(actual, expected, "{} against {}", pattern_text, subject_text);
    }

    /// Read, export, read: the same compiled policy and the same JSON.
    #[test]
    fn read_export_read_is_the_same_policy(text in policy_json()) {
        let first = Policy::from_json(&text).unwrap();
        let again = Policy::from_json(&first.to_json()).unwrap();
        prop_assert_eq!(first.statements(), again.statements());
        prop_assert_eq!(first.to_json(), again.to_json());
        let pretty = Policy::from_json(&first.to_json_pretty()).unwrap();
        prop_assert_eq!(first.statements(), pretty.statements());
    }

    /// The two paths agree: the seed policies (`policy_file!`, specialized code) against the
    /// interpreter, on random requests.
    #[test]
    fn compiled_and_interpreted_agree((action, resource, context) in request_parts(), seed in 0..VALID_SEEDS.len()) {
        let seed = &VALID_SEEDS[seed];
        let request = Request::new(&action, &resource).context(&context);
        let specialized = seed.compiled.explain(&request);
        prop_assert_eq!(specialized, seed.compiled.explain_interpreted(&request));
        let loaded = Policy::from_json(seed.text).unwrap();
        prop_assert_eq!(specialized.decision, loaded.explain(&request).decision);
    }

    /// No request makes evaluation panic, whatever its text.
    #[test]
    fn evaluation_never_panics(
        action in any::<String>(),
        resource in any::<String>(),
        context in prop::collection::vec((any::<String>(), any::<String>()), 0..6),
        text in policy_json(),
    ) {
        let policy = Policy::from_json(&text).unwrap();
        let request = Request::new(&action, &resource).context(&context);
        let _ = policy.explain(&request);
        let _ = policy.explain_interpreted(&request);
        for seed in VALID_SEEDS {
            let _ = seed.compiled.explain(&request);
        }
    }

    /// No malformed variant of a denied request is allowed, in either path or by the Authorizer.
    #[test]
    fn no_malformed_variant_of_a_denied_request_is_allowed(
        text in policy_json(),
        (action, resource, context) in request_parts(),
        how in any::<u8>(),
    ) {
        let policy = Policy::from_json(&text).unwrap();
        let request = Request::new(&action, &resource).context(&context);
        prop_assume!(request.check().is_ok());
        prop_assume!(policy.evaluate(&request) != Decision::Allowed);
        let (bad_action, bad_resource) = malform(&action, &resource, how);
        let bad = Request::new(&bad_action, &bad_resource).context(&context);
        // A variant that is still well-formed (`s3:ListAllMyBuckets` on `*`) is not a bypass.
        prop_assume!(bad.check().is_err());
        prop_assert_ne!(policy.evaluate(&bad), Decision::Allowed);
        prop_assert_ne!(policy.explain_interpreted(&bad).decision, Decision::Allowed);
        let authorizer = iam_policy::Authorizer::new().identity(&policy);
        let verdict = authorizer.explain(&bad);
        prop_assert_ne!(verdict.decision, Decision::Allowed);
        prop_assert!(verdict.malformed.is_some());
    }
}
