//! Malformed requests fail closed (issue 10, item 5; decision D30): denied in both paths and by the
//! `Authorizer`, with the reason, whatever the policies say. Also the fail-closed rules D9 to D11
//! and the one folding rule, through `policy!` and through JSON read at run time.

use std::collections::HashMap;

use iam_policy::{Authorizer, Decision, Policy, Request, policy};

static ALLOW_S3_DENY_DELETE: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
        {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"},
        {"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::b/secret/*"}
    ]
});

static ALL_BUT_IAM: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]
});

/// Both paths and the `Authorizer`: the same decision, and the reason when malformed.
fn decide(policy: &Policy, request: &Request<'_>) -> (Decision, bool) {
    let specialized = policy.explain(request);
    let interpreted = policy.explain_interpreted(request);
    let json = Policy::from_json(&policy.to_json()).unwrap();
    let loaded = json.explain(request);
    let authorizer = Authorizer::new().identity(policy);
    let verdict = authorizer.explain(request);
    assert_eq!(specialized.decision, interpreted.decision, "{request:?}");
    assert_eq!(specialized.decision, loaded.decision, "{request:?}");
    assert_eq!(specialized.decision, verdict.decision, "{request:?}");
    assert_eq!(specialized.malformed, verdict.malformed, "{request:?}");
    assert_eq!(specialized.malformed, loaded.malformed, "{request:?}");
    (specialized.decision, specialized.malformed.is_some())
}

#[test]
fn the_issue_s_requests_are_denied_as_malformed() {
    let object = "arn:aws:s3:::b/public/x";
    for action in [
        "s3:DeleteObject ",
        "s3:DeleteObject\0",
        "s3:*",
        "s3:",
        "s3:Delete*",
    ] {
        let request = Request::new(action, object);
        assert_eq!(
            decide(&ALLOW_S3_DENY_DELETE, &request),
            (Decision::ImplicitlyDenied, true),
            "{action:?}"
        );
    }
    for resource in [
        "ARN:aws:s3:::b/secret/x",
        "arn:aws:S3:::b/secret/x",
        "arn:AWS:s3:::b/secret/x",
        "*",
        "b/secret/x",
    ] {
        let request = Request::new("s3:GetObject", resource);
        assert_eq!(
            decide(&ALLOW_S3_DENY_DELETE, &request),
            (Decision::ImplicitlyDenied, true),
            "{resource:?}"
        );
    }
    let request = Request::new("ıam:CreateUser", "arn:aws:iam::123456789012:user/x");
    assert_eq!(
        decide(&ALL_BUT_IAM, &request),
        (Decision::ImplicitlyDenied, true)
    );
    // The well-formed requests decide as before.
    let get = Request::new("s3:GetObject", object);
    assert_eq!(
        decide(&ALLOW_S3_DENY_DELETE, &get),
        (Decision::Allowed, false)
    );
    let secret = Request::new("s3:GetObject", "arn:aws:s3:::b/secret/x");
    assert_eq!(
        decide(&ALLOW_S3_DENY_DELETE, &secret),
        (Decision::ExplicitlyDenied, false)
    );
    let list = Request::new("s3:ListAllMyBuckets", "*");
    assert_eq!(
        decide(&ALLOW_S3_DENY_DELETE, &list),
        (Decision::Allowed, false)
    );
    let explained = ALLOW_S3_DENY_DELETE.explain(&Request::new("s3:GetObject", "*"));
    assert!(
        explained
            .to_string()
            .starts_with("ImplicitlyDenied (malformed request resource: "),
        "{explained}"
    );
}

static ROLE_ADMIN: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
        "Condition": {"StringEquals": {"aws:PrincipalTag/role": "admin"}}
    }, {
        "Effect": "Deny", "Action": "s3:GetObject", "Resource": "*",
        "Condition": {"StringEquals": {"aws:PrincipalTag/ROLE": "guest"}}
    }]
});

/// Two keys that differ only in case made the decision depend on the map's order (110 Allowed, 90
/// ExplicitlyDenied over 200 fresh maps): now always refused as ambiguous.
#[test]
fn ambiguous_context_keys_are_refused_every_time() {
    for _ in 0..200 {
        let mut context = HashMap::new();
        context.insert("aws:PrincipalTag/role".to_owned(), "admin");
        context.insert("aws:PrincipalTag/ROLE".to_owned(), "guest");
        let request = Request::new("s3:GetObject", "arn:aws:s3:::b/k").context(&context);
        assert_eq!(
            decide(&ROLE_ADMIN, &request),
            (Decision::ImplicitlyDenied, true)
        );
    }
    let slice = [
        ("aws:PrincipalTag/role", "admin"),
        ("AWS:PRINCIPALTAG/ROLE", "admin"),
    ];
    let request = Request::new("s3:GetObject", "arn:aws:s3:::b/k").context(&slice);
    assert_eq!(
        decide(&ROLE_ADMIN, &request),
        (Decision::ImplicitlyDenied, true)
    );
    let one = [("aws:PrincipalTag/Role", "admin")];
    let request = Request::new("s3:GetObject", "arn:aws:s3:::b/k").context(&one);
    assert_eq!(decide(&ROLE_ADMIN, &request), (Decision::Allowed, false));
}

/// Two keys that fold to one are found at every context size: the request check gathers the keys
/// in a small buffer, a larger one, or (past 256 keys) a vector.
#[test]
fn ambiguous_keys_are_found_at_every_context_size() {
    for size in [2, 3, 16, 17, 255, 256, 257, 600] {
        let mut keys: Vec<String> = (0..size - 1)
            .map(|i| format!("aws:PrincipalTag/k{i}"))
            .collect();
        let request_of = |keys: &[String]| -> Vec<(String, &'static str)> {
            keys.iter().map(|k| (k.clone(), "admin")).collect()
        };
        keys.push("aws:PrincipalTag/role".to_owned());
        let fine = request_of(&keys);
        let request = Request::new("s3:GetObject", "arn:aws:s3:::b/k").context(&fine);
        assert_eq!(
            decide(&ROLE_ADMIN, &request),
            (Decision::Allowed, false),
            "{size}"
        );
        // The last key, again in other case, somewhere in the middle.
        keys.insert(size / 2, "AWS:PRINCIPALTAG/ROLE".to_owned());
        let ambiguous = request_of(&keys);
        let request = Request::new("s3:GetObject", "arn:aws:s3:::b/k").context(&ambiguous);
        assert_eq!(
            decide(&ROLE_ADMIN, &request),
            (Decision::ImplicitlyDenied, true),
            "{size}"
        );
    }
}

/// A context that lists other keys each time it is asked cannot be checked: the request fails
/// closed rather than trusting the first listing.
#[test]
fn a_context_that_changes_between_listings_fails_closed() {
    // Atomic, not a `Cell`: a request's context is `Sync`.
    struct Shifting(std::sync::atomic::AtomicUsize);
    impl iam_policy::Context for Shifting {
        fn values(&self, key: &str) -> Option<iam_policy::Values<'_>> {
            iam_policy::key_eq(key, "aws:PrincipalTag/role")
                .then_some(iam_policy::Values::One("admin"))
        }
        fn for_each_key<'s>(&'s self, visit: &mut dyn FnMut(&'s str, iam_policy::Values<'s>)) {
            let calls = self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            // Two keys the first time, three the next.
            for key in [
                "aws:PrincipalTag/role",
                "aws:PrincipalTag/x",
                "AWS:PRINCIPALTAG/ROLE",
            ]
            .iter()
            .take(2 + calls.min(1))
            {
                visit(key, iam_policy::Values::One("admin"));
            }
        }
    }
    let context = Shifting(std::sync::atomic::AtomicUsize::new(0));
    let request = Request::new("s3:GetObject", "arn:aws:s3:::b/k").context(&context);
    let evaluation = ROLE_ADMIN.explain(&request);
    assert_eq!(evaluation.decision, Decision::ImplicitlyDenied);
    assert!(evaluation.malformed.is_some());
}

/// Context values over the cap make the request malformed.
#[test]
fn oversized_context_values_are_refused() {
    let big = "a".repeat(iam_policy::limits::MAX_CONTEXT_VALUE_BYTES + 1);
    let context = [("aws:PrincipalTag/role", big.as_str())];
    let request = Request::new("s3:GetObject", "arn:aws:s3:::b/k").context(&context);
    assert_eq!(
        decide(&ROLE_ADMIN, &request),
        (Decision::ImplicitlyDenied, true)
    );
}

static IGNORE_CASE: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
        "Condition": {"StringEqualsIgnoreCase": {"aws:username": ["kevin", "kévin"]}}
    }]
});

/// One folding rule: the Kelvin sign folds to `k` with or without other non-ASCII letters, in both
/// paths; the dotless `ı` is another letter.
#[test]
fn one_folding_rule_in_both_paths() {
    for (name, expected) in [
        ("KEVIN", Decision::Allowed),
        ("\u{212A}evin", Decision::Allowed),
        ("\u{212A}évin", Decision::Allowed),
        ("KÉVIN", Decision::Allowed),
        ("kevın", Decision::ImplicitlyDenied),
    ] {
        let context = [("aws:username", name)];
        let request = Request::new("s3:GetObject", "arn:aws:s3:::b/k").context(&context);
        assert_eq!(decide(&IGNORE_CASE, &request), (expected, false), "{name}");
    }
}

static FROM_THE_OFFICE: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
        "Condition": {"IpAddress": {"aws:SourceIp": "192.0.2.0/24"}}
    }, {
        "Effect": "Deny", "Action": "s3:GetObject", "Resource": "*",
        "Condition": {"NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24", "203.0.113.0/24"]}}
    }]
});

/// Decision D11: a request address that is a block (`/0`) or no address is not read as one; the
/// condition is undecidable and fails closed by effect: the Allow does not apply, the Deny does.
#[test]
fn unreadable_request_values_fail_closed_by_effect() {
    for (ip, expected) in [
        ("192.0.2.7", Decision::Allowed),
        ("192.0.2.7/32", Decision::Allowed),
        ("192.0.2.7/0", Decision::ExplicitlyDenied),
        ("192.0.2.7/24", Decision::ExplicitlyDenied),
        ("abc", Decision::ExplicitlyDenied),
        ("198.51.100.1", Decision::ExplicitlyDenied),
    ] {
        let context = [("aws:SourceIp", ip)];
        let request = Request::new("s3:GetObject", "arn:aws:s3:::b/k").context(&context);
        assert_eq!(
            decide(&FROM_THE_OFFICE, &request),
            (expected, false),
            "{ip}"
        );
    }
}

/// Decision D10: a short ARN condition value is an error, never padded with `*`.
#[test]
fn short_arn_condition_values_are_errors() {
    let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sns:Publish",
        "Resource": "*", "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:sns"}}}]}"#;
    let error = Policy::from_json(text).unwrap_err();
    assert!(
        error
            .errors()
            .any(|d| d.diagnostic.code() == "MISSING_ARN_FIELD"),
        "{error}"
    );
}
