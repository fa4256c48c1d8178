//! The public API's promises (issue 12, item 11; the Rust API guidelines checklist): the traits
//! each type implements, checked at compile time, and the behaviour behind the ones that do work.

use std::collections::HashSet;
use std::error::Error;
use std::fmt::{Debug, Display};
use std::hash::Hash;
use std::str::FromStr;
use std::sync::Arc;

use iam_policy::access::{Answer, InvalidQuery, KeyValue, Query, Witness};
use iam_policy::cases::{CaseFileError, LineError};
use iam_policy::compiled::CompiledPolicy;
use iam_policy::limits::{Malformed, Part};
use iam_policy::{
    Authorizer, ContextMap, Decision, Diagnostic, Evaluation, LoadError, Loaded, NearMiss, Options,
    Policy, PolicyKind, PolicyStatement, PolicyType, Request, Severity, StatementRef,
    TextDiagnostic, Verdict, policy,
};

fn send_sync<T: Send + Sync>() {}
fn value<T: Clone + Debug + PartialEq + Eq + Hash + Send + Sync>() {}
fn copy_value<T: Copy + Clone + Debug + PartialEq + Eq + Hash + Send + Sync>() {}
fn displayed<T: Display>() {}
fn error<T: Error + Send + Sync + 'static>() {}
fn defaulted<T: Default>() {}

/// Every public type has the common traits that make sense for it (C-COMMON-TRAITS, C-SEND-SYNC).
#[test]
fn types_have_the_common_traits() {
    // Requests are shared between threads and kept across `.await`s.
    send_sync::<Request<'static>>();
    fn copy_debug<T: Copy + Debug>() {}
    copy_debug::<Request<'static>>();

    value::<Policy>();
    displayed::<Policy>();
    fn parses<T: FromStr<Err = LoadError>>() {}
    parses::<Policy>();
    fn serde_both<T: serde::Serialize + serde::de::DeserializeOwned>() {}
    serde_both::<Policy>();
    fn loaded<T: Clone + Debug + Eq + Send + Sync>() {}
    loaded::<Loaded>();
    value::<CompiledPolicy>();

    copy_value::<Decision>();
    displayed::<Decision>();
    copy_value::<Evaluation<'static>>();
    displayed::<Evaluation<'static>>();
    copy_value::<Verdict<'static>>();
    displayed::<Verdict<'static>>();
    copy_value::<StatementRef<'static>>();
    copy_value::<PolicyStatement<'static>>();
    copy_value::<PolicyKind>();
    displayed::<PolicyKind>();
    copy_value::<PolicyType>();
    displayed::<PolicyType>();
    defaulted::<PolicyType>();
    value::<Options>();
    defaulted::<Options>();
    copy_value::<Severity>();
    displayed::<Severity>();
    copy_value::<Malformed>();
    copy_value::<Part>();

    fn eq_value<T: Clone + Debug + PartialEq + Eq + Send + Sync>() {}
    eq_value::<Diagnostic>();
    displayed::<Diagnostic>();
    eq_value::<TextDiagnostic>();
    displayed::<TextDiagnostic>();
    eq_value::<NearMiss>();
    displayed::<NearMiss>();
    eq_value::<ContextMap>();
    defaulted::<ContextMap>();
    eq_value::<Query>();
    eq_value::<Answer>();
    eq_value::<Witness>();
    value::<KeyValue>();

    // Authorizers are stored and shared: every form is Send and Sync, and cloneable.
    fn authorizer<P: Clone + Debug + Send + Sync>() {
        fn all<T: Clone + Debug + Default + Send + Sync>() {}
        all::<Authorizer<P>>();
    }
    authorizer::<&'static Policy>();
    authorizer::<Policy>();
    authorizer::<Arc<Policy>>();
}

/// Errors are `std::error::Error + Send + Sync + 'static` (C-GOOD-ERR), so that `?` turns them
/// into `Box<dyn Error + Send + Sync>` or an `anyhow::Error`.
#[test]
fn errors_are_good_errors() {
    error::<LoadError>();
    error::<InvalidQuery>();
    error::<Malformed>();
    error::<CaseFileError>();
    error::<LineError>();
    let boxed: Box<dyn Error + Send + Sync> = Policy::from_json("{").unwrap_err().into();
    assert!(boxed.to_string().contains("JSON_SYNTAX_ERROR"), "{boxed}");
}

const ALLOW_DESCRIBE: &str = r#"{"Version": "2012-10-17", "Statement": [
    {"Sid": "Describe", "Effect": "Allow", "Action": "ssm:Describe*", "Resource": "*"}]}"#;

/// A request can be built in one thread and decided in others (it was neither `Send` nor `Sync`).
#[test]
fn a_request_is_shared_between_threads() {
    let policy = Policy::from_json(ALLOW_DESCRIBE).unwrap();
    let context = ContextMap::new();
    let request = Request::new("ssm:DescribeSessions", "*").context(&context);
    let decisions: Vec<Decision> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|_| scope.spawn(|| policy.evaluate(&request)))
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    assert_eq!(decisions, [Decision::Allowed, Decision::Allowed]);
}

/// The owning authorizer: built from policies loaded at run time, stored in a struct next to
/// nothing else, and moved to another thread.
#[test]
fn an_owning_authorizer_is_stored_and_moved_to_another_thread() {
    struct Service {
        name: String,
        authorizer: Authorizer<Policy>,
    }
    fn load(texts: &[&str]) -> Service {
        let mut authorizer = Authorizer::new();
        for text in texts {
            authorizer = authorizer.identity(Policy::from_json(text).unwrap());
        }
        let boundary = Policy::from_json(
            r#"{"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": "ssm:*", "Resource": "*"}]}"#,
        )
        .unwrap();
        Service {
            name: "sessions".to_owned(),
            authorizer: authorizer
                .boundary(boundary)
                .management_account(String::from("111122223333")),
        }
    }
    let service = load(&[ALLOW_DESCRIBE]);
    let answers = std::thread::spawn(move || {
        let allowed = service
            .authorizer
            .explain(&Request::new("ssm:DescribeSessions", "*"));
        let denied = service.authorizer.evaluate(&Request::new(
            "ssm:StartSession",
            "arn:aws:ec2:us-east-1:123456789012:instance/i-1",
        ));
        (service.name.clone(), allowed.to_string(), denied)
    })
    .join()
    .unwrap();
    assert_eq!(
        answers,
        (
            "sessions".to_owned(),
            "Allowed: allowed by statement 0 of identity policy 0 (`Describe`)".to_owned(),
            Decision::ImplicitlyDenied
        )
    );
}

/// `Arc<Policy>`: one authorizer shared by several threads, its policies shared with the rest
/// of the application; and the borrowed form still decides the same.
#[test]
fn a_shared_authorizer_decides_in_every_thread() {
    let policy = Arc::new(Policy::from_json(ALLOW_DESCRIBE).unwrap());
    let shared = Arc::new(Authorizer::new().identity(Arc::clone(&policy)));
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || shared.evaluate(&Request::new("ssm:DescribeSessions", "*")))
        })
        .collect();
    for worker in workers {
        assert_eq!(worker.join().unwrap(), Decision::Allowed);
    }
    let borrowed = Authorizer::new().identity(&*policy);
    let request = Request::new("ssm:DescribeSessions", "*");
    assert_eq!(borrowed.explain(&request), shared.explain(&request));
}

static DESCRIBE: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{"Sid": "Describe", "Effect": "Allow", "Action": "ssm:Describe*", "Resource": "*"}]
});

/// Equality is by type and document: a `policy!` policy equals the same document read at run
/// time, and differs from another document or the same document as another type.
#[test]
fn policies_compare_by_type_and_document() {
    let loaded = Policy::from_json(&DESCRIBE.to_json()).unwrap();
    assert_eq!(DESCRIBE, loaded);
    assert_eq!(DESCRIBE.clone(), DESCRIBE);
    let other = Policy::from_json(&ALLOW_DESCRIBE.replace("Describe*", "Get*")).unwrap();
    assert_ne!(loaded, other);
    let as_role = Policy::from_json_as(&DESCRIBE.to_json(), PolicyType::Role).unwrap();
    assert_ne!(loaded, as_role);
    let set: HashSet<Policy> = [DESCRIBE.clone(), loaded, other].into_iter().collect();
    assert_eq!(set.len(), 2);
}

/// `Deserialize` runs the validator: a valid document round-trips through serde, an invalid one
/// is refused with every finding (never an unchecked policy).
#[test]
fn deserialize_validates() {
    let json = serde_json::to_string(&DESCRIBE).unwrap();
    let back: Policy = serde_json::from_str(&json).unwrap();
    assert_eq!(back, DESCRIBE);
    let value: Policy = serde_json::from_value(serde_json::to_value(&DESCRIBE).unwrap()).unwrap();
    assert_eq!(value, DESCRIBE);

    let bad = r#"{"Version": "2012-10-17", "Statement": [
        {"Effect": "allow", "Action": "ssm:StartSesion", "Resource": "*"}]}"#;
    let error = serde_json::from_str::<Policy>(bad).unwrap_err().to_string();
    assert!(
        error.starts_with("the policy is not valid (2 errors)"),
        "{error}"
    );
    assert!(error.contains("error[INVALID_EFFECT]"), "{error}");
    assert!(error.contains("`Statement[0].Effect`"), "{error}");
    assert!(error.contains("help: use `Allow`"), "{error}");
    assert!(error.contains("ssm:StartSession"), "{error}");

    // Duplicate keys reach the validator, as in a text.
    let duplicate = r#"{"Version": "2012-10-17", "Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ssm:DescribeSessions", "Resource": "*"}]}"#;
    let error = serde_json::from_str::<Policy>(duplicate)
        .unwrap_err()
        .to_string();
    assert!(error.contains("DUPLICATE_ELEMENT"), "{error}");
    // Not a document at all.
    let error = serde_json::from_str::<Policy>("[1, 2]")
        .unwrap_err()
        .to_string();
    assert!(error.contains("the policy is not valid"), "{error}");
}

/// `Policy::deserialize_with`: the type's rules, and the size limit, apply.
#[test]
fn deserialize_with_options() {
    let trust = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#;
    let as_trust = Options::new().with_policy_type(PolicyType::Trust);
    let mut reader = serde_json::Deserializer::from_str(trust);
    let policy = Policy::deserialize_with(&mut reader, &as_trust).unwrap();
    assert_eq!(policy.policy_type(), PolicyType::Trust);
    assert_eq!(
        policy,
        Policy::from_json_as(trust, PolicyType::Trust).unwrap()
    );
    // The same document is not an identity policy.
    let error = serde_json::from_str::<Policy>(trust)
        .unwrap_err()
        .to_string();
    assert!(error.contains("UNSUPPORTED_PRINCIPAL"), "{error}");

    let tiny = Options::new().with_max_bytes(64);
    let mut reader = serde_json::Deserializer::from_str(ALLOW_DESCRIBE);
    let error = Policy::deserialize_with(&mut reader, &tiny)
        .unwrap_err()
        .to_string();
    assert!(error.contains("POLICY_TOO_LARGE"), "{error}");
}

/// Hostile nesting is refused at the depth the text reader allows, whatever the format's own
/// limit, so that a format without one cannot exhaust the stack.
#[test]
fn deserialize_refuses_deep_nesting() {
    // Deeper than the reader allows (64), shallower than serde_json's own limit (128).
    let depth = 100;
    let text = format!(
        r#"{{"Version": "2012-10-17", "Statement": {}{}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let mut reader = serde_json::Deserializer::from_str(&text);
    let error = Policy::deserialize_with(&mut reader, &Options::new())
        .unwrap_err()
        .to_string();
    assert!(error.contains("nested too deeply"), "{error}");
}

/// `Decision`, `Evaluation` and `Verdict` print what decided.
#[test]
fn decisions_display_what_decided() {
    let request = Request::new("ssm:DescribeSessions", "*");
    assert_eq!(Decision::Allowed.to_string(), "Allowed");
    assert_eq!(
        DESCRIBE.explain(&request).to_string(),
        "Allowed by statement 0 (`Describe`)"
    );
    let malformed = DESCRIBE.explain(&Request::new("ssm:DescribeSessions ", "*"));
    assert!(
        malformed.to_string().starts_with("ImplicitlyDenied ("),
        "{malformed}"
    );
    let auth = Authorizer::new().identity(&DESCRIBE);
    assert_eq!(
        auth.explain(&request).to_string(),
        "Allowed: allowed by statement 0 of identity policy 0 (`Describe`)"
    );
    let none = Authorizer::<&Policy>::new();
    assert_eq!(
        none.explain(&request).to_string(),
        "ImplicitlyDenied: no applicable `Allow` in the identity policies"
    );
}

/// `Options` is `#[non_exhaustive]` (a struct literal does not compile outside the crate: the
/// `compile_fail` example on `Options`), so callers build one with `new`/`Default` and setters.
#[test]
fn options_are_built_with_setters() {
    assert_eq!(Options::new(), Options::default());
    let options = Options::new()
        .with_policy_type(PolicyType::S3Bucket)
        .with_catalog(false)
        .with_max_bytes(4096);
    assert_eq!(
        (options.policy_type, options.catalog, options.max_bytes),
        (PolicyType::S3Bucket, false, 4096)
    );
    let mut assigned = Options::default();
    assigned.catalog = false;
    assert!(!assigned.catalog);
    // The setters take effect: the catalog check is off, so a misspelt action is no error.
    let misspelt = ALLOW_DESCRIBE.replace("ssm:Describe*", "ssm:DescribeSesions");
    assert!(Policy::from_json(&misspelt).is_err());
    assert!(Policy::from_json_with(&misspelt, &Options::new().with_catalog(false)).is_ok());
}

/// Every published crate keeps `#![warn(missing_docs)]`, which CI's `clippy -D warnings` and
/// `RUSTDOCFLAGS="-D warnings" cargo doc` turn into errors: an undocumented public item fails CI.
#[test]
fn every_published_crate_warns_on_missing_docs() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    for lib in [
        "core/src/lib.rs",
        "runtime/src/lib.rs",
        "macros/src/lib.rs",
        "actions/src/lib.rs",
    ] {
        let text = std::fs::read_to_string(format!("{root}/{lib}")).unwrap();
        assert!(
            text.lines()
                .any(|line| line.trim() == "#![warn(missing_docs)]"),
            "{lib} lacks `#![warn(missing_docs)]`"
        );
    }
}
