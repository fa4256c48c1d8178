//! Compile-time checked AWS IAM policies.
//!
//! ```
//! use iam_policy::{policy, Decision, Policy, Request};
//!
//! static SESSIONS: Policy = policy!({
//!     "Version": "2012-10-17",
//!     "Statement": [{
//!         "Effect": "Allow",
//!         "Action": ["ssm:TerminateSession", "ssm:ResumeSession"],
//!         "Resource": ["arn:aws:ssm:*:*:session/${aws:username}-*"]
//!     }]
//! });
//!
//! let ctx = [("aws:username", "alice")];
//! let req = Request::new("ssm:TerminateSession", "arn:aws:ssm:us-east-2:123456789012:session/alice-0a1b")
//!     .context(&ctx);
//! assert_eq!(SESSIONS.evaluate(&req), Decision::Allowed);
//! ```
//!
//! `policy!` validates the document when the crate compiles: anything IAM would reject, or that
//! cannot work, is a compile error at the offending literal; risky constructs are warnings. What
//! compiles decides requests with AWS's semantics without allocating, and [`Policy::to_json`]
//! prints the document for deployment. [`Policy::from_json`] reads JSON at run time with the same
//! validator and semantics.
//!
//! The documents beside the code, in the repository's `docs/` folder:
//! - [evaluation semantics](https://github.com/iam-policy/iam-policy/blob/main/docs/semantics.md):
//!   how a request is decided, each rule with the AWS page it comes from, and the decisions taken
//!   where AWS is silent (D1, D2, ...);
//! - [architecture](https://github.com/iam-policy/iam-policy/blob/main/docs/architecture.md): the
//!   data flow from a policy to a decision, and which crate and module owns each step;
//! - every diagnostic code: [`codes`].
#![warn(missing_docs)]
// Pure functions and builders say when their result is dropped (the API guidelines, C-MUST-USE).
#![warn(clippy::must_use_candidate, clippy::return_self_not_must_use)]
#![forbid(unsafe_code)]

pub mod access;
pub mod action;
mod authorizer;
pub mod cases;
mod context;
mod policy;
mod request;
mod serialize;

pub use authorizer::{Authorizer, PolicyKind, PolicyStatement, Verdict};
pub use context::{Context, ContextMap, ContextValue, Values, key_eq};
#[doc(inline)]
pub use iam_policy_core::codes;
pub use iam_policy_core::diagnostic::{Diagnostic, Severity, TextDiagnostic};
pub use iam_policy_core::eval::Decision;
pub use iam_policy_core::extras::{Extras, ExtrasError};
pub use iam_policy_core::validate::{Options, PolicyType};
pub use iam_policy_core::why_not::NearMiss;
pub use iam_policy_macros::{
    assert_access_not_granted, assert_no_new_access, assert_no_public_access, policy_file,
};

/// # The whole story
///
/// A complete program: the policy is checked when the crate compiles, decides requests at run
/// time without allocating, and prints itself for deployment.
///
/// ```
/// use iam_policy::{policy, Decision, Policy, Request};
///
/// static SESSIONS: Policy = policy!({
///     "Version": "2012-10-17",
///     "Statement": [{
///         "Sid": "OwnSessions",
///         "Effect": "Allow",
///         "Action": ["ssm:TerminateSession", "ssm:ResumeSession"],
///         "Resource": "arn:aws:ssm:*:*:session/${aws:username}-*"
///     }]
/// });
///
/// let ctx = [("aws:username", "alice")];
/// let mine = Request::new("ssm:TerminateSession", "arn:aws:ssm:us-east-2:123456789012:session/alice-0a1b")
///     .context(&ctx);
/// assert_eq!(SESSIONS.evaluate(&mine), Decision::Allowed);
/// assert_eq!(SESSIONS.explain(&mine).statement.and_then(|s| s.sid), Some("OwnSessions"));
/// let theirs = Request::new("ssm:TerminateSession", "arn:aws:ssm:us-east-2:123456789012:session/bob-0a1b")
///     .context(&ctx);
/// assert_eq!(SESSIONS.evaluate(&theirs), Decision::ImplicitlyDenied);
/// // Why not: the nearest statement and what failed in it.
/// assert!(SESSIONS.why_not(&theirs, 1)[0].reasons[0].contains("session/bob-0a1b"));
/// assert!(SESSIONS.to_json().starts_with(r#"{"Version":"2012-10-17""#));
/// ```
///
/// ## What is checked
///
/// Everything IAM would reject is a compile error at the offending literal, with the fix in a
/// `help:` line and the code's explanation one `iam-policy explain CODE` away: JSON syntax and
/// types, unknown elements (with did-you-mean), `Effect`, `Action` and `Resource` shapes, ARN
/// partitions, regions and accounts, IAM's own ARN rules, condition operators and the values they
/// compare (numbers, dates, IP ranges, booleans, base64, ARNs), policy variables, and, against the
/// AWS service catalog, action names, resource types and condition keys. All findings of a policy
/// are reported in one build.
///
/// ## Warnings, and allowing one
///
/// Risky but legal constructs are real compiler warnings through the `deprecated` lint, named
/// after their code. Allow one code for one policy in the call; the other findings stay:
///
/// ```
/// use iam_policy::{policy, Policy};
///
/// // No `Version`: MISSING_VERSION, allowed here for this legacy policy only.
/// static LEGACY: Policy = policy!(allow(MISSING_VERSION), {
///     "Statement": [{"Effect": "Allow", "Action": "ssm:DescribeSessions", "Resource": "*"}]
/// });
/// # let _ = &LEGACY;
/// ```
///
/// Several codes: `allow(MISSING_VERSION, RESOURCE_MISMATCH)`. An error cannot be allowed, and a
/// misspelt code is an error with the closest code. `#[allow(deprecated)]` on the item silences
/// every warning of the policy; `#![deny(deprecated)]` makes them errors.
///
/// ## Policy types
///
/// An identity policy by default. Name another type first, `policy!(kind = S3Bucket, { .. })`
/// (any variant of [`PolicyType`]): it decides which elements are allowed (`Principal`) and the
/// size quota. `kind`, `allow`, `extra_actions` and `extra_keys` may come in any order.
///
/// ## Actions newer than the catalog
///
/// Names are checked against a snapshot of the AWS Service Authorization Reference (its release
/// is in `iam-policy --version` and in the error for an unknown action). An action or condition
/// key that AWS released later is declared for one policy, and everything else is still checked:
///
/// ```
/// use iam_policy::{policy, Decision, Policy, Request};
///
/// static NEW: Policy = policy!(extra_actions = ["newsvc:DoThing"], extra_keys = ["newsvc:Color"], {
///     "Version": "2012-10-17",
///     "Statement": [{
///         "Effect": "Allow",
///         "Action": "newsvc:DoThing",
///         "Resource": "arn:aws:newsvc:us-east-1:111122223333:thing/*",
///         "Condition": {"StringEquals": {"newsvc:Color": "blue"}}
///     }]
/// });
/// let ctx = [("newsvc:Color", "blue")];
/// let request = Request::new("newsvc:DoThing", "arn:aws:newsvc:us-east-1:111122223333:thing/t1")
///     .context(&ctx);
/// assert_eq!(NEW.evaluate(&request), Decision::Allowed);
/// ```
///
/// A name must still be `service:Name`; its service may be newer than the catalog too. A
/// statement that names an extra action loses only the checks that need the action's resource
/// types and keys. Once the catalog has the name, the warning `EXTRA_NAME_IN_CATALOG` says to
/// remove the declaration. For run-time policies, [`Options::extras`]; for the whole build, a
/// file named by the environment variable `IAM_POLICY_EXTRAS` (see [`Extras`] and the README).
/// Requests for such actions are decided like any other (decision D32 of `docs/semantics.md`):
/// the resource is an ARN, of a known service or of the action's own one.
///
/// An action that acts on no resource is declared `no-resource`, so that its requests may name
/// the resource `*` (refused for any other action the catalog does not know, D38); a key may be
/// declared with its type, so that its operators are checked (D39):
///
/// ```
/// use iam_policy::{policy, Decision, Policy, Request};
///
/// static LIST: Policy = policy!(
///     extra_actions = ["newsvc:ListThings no-resource"],
///     extra_keys = ["newsvc:MaxItems Numeric"],
///     {
///         "Version": "2012-10-17",
///         "Statement": [{
///             "Effect": "Allow",
///             "Action": "newsvc:ListThings",
///             "Resource": "*",
///             "Condition": {"NumericLessThanEquals": {"newsvc:MaxItems": "100"}}
///         }]
///     }
/// );
/// let ctx = [("newsvc:MaxItems", "50")];
/// assert_eq!(LIST.evaluate(&Request::new("newsvc:ListThings", "*").context(&ctx)), Decision::Allowed);
/// ```
///
/// ## Raw strings and escapes
///
/// Each JSON string is a Rust string literal, so a document pasted from AWS compiles unchanged,
/// except for escapes that Rust lacks (`\/`, `\u00e9`): Rust rejects those, and `policy!` then
/// says what to write instead. To keep such JSON exactly as AWS prints it, put the string in a raw
/// string: `policy!` reads the contents of `r"..."` and `r#"..."#` as JSON text, so
/// `r"arn:aws:s3:::reports\/*"` is `arn:aws:s3:::reports/*`, and an escape JSON lacks is an error.
/// `iam-policy to-rust FILE` converts a whole file.
///
/// ```
/// use iam_policy::{policy, Decision, Policy, Request};
///
/// static REPORTS: Policy = policy!({
///     "Version": "2012-10-17",
///     "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": r"arn:aws:s3:::reports\/*"}]
/// });
/// let request = Request::new("s3:GetObject", "arn:aws:s3:::reports/q4.csv");
/// assert_eq!(REPORTS.evaluate(&request), Decision::Allowed);
/// ```
///
/// ## `const`, `static` and files
///
/// The expansion is a constant expression: use it in a `static` (one copy) or a `const` (inlined
/// at each use, as in arrays of policies). [`policy_file!`] reads the document from a JSON file
/// relative to the calling crate's `Cargo.toml` (`policy_file!("policies/x.json")`, also with
/// `kind =` and `allow(..)`); the crate rebuilds when the file changes, and findings name the
/// file, line and column. Policies read at run time go through [`Policy::from_json`], with the
/// same validator.
pub use iam_policy_macros::policy;
pub use policy::{Evaluation, LoadError, Loaded, Policy, StatementRef};
pub use request::Request;

/// The limits that bound the work and memory of loading and deciding (see `SECURITY.md`): the
/// size of a policy text, and what a well-formed request may hold.
pub mod limits {
    pub use iam_policy_core::request_check::{
        MAX_ACTION_BYTES, MAX_CONTEXT_KEY_BYTES, MAX_CONTEXT_KEYS, MAX_CONTEXT_VALUE_BYTES,
        MAX_CONTEXT_VALUES, MAX_RESOURCE_BYTES, Malformed, PARTITIONS, Part, STACK_KEYS,
    };
    pub use iam_policy_core::validate::DEFAULT_MAX_BYTES;
}

/// The compiled form, for introspection of a policy's statements.
pub mod compiled {
    pub use iam_policy_core::compiled::*;
}

/// What `policy!` expansions name. Not public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::policy::SpecializedFn;
    pub use iam_policy_core::compiled::*;
    pub use iam_policy_core::eval;
    pub use iam_policy_core::eval::{Decision, Outcome};
    pub use iam_policy_core::operator::{BaseOperator, Comparison, Operator, Qualifier};
    pub use iam_policy_core::pattern;
    pub use iam_policy_core::principal;
    pub use iam_policy_core::values::{Decimal, IpNet, Timestamp};
    pub use iam_policy_core::{action_index, words};
    pub use std::borrow::Cow;
}

/// The README's Rust examples, compiled and run as doctests so that they cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
