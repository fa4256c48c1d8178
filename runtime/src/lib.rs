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
pub use iam_policy_core::validate::{Options, PolicyType};
pub use iam_policy_macros::{assert_access_not_granted, assert_no_new_access, policy, policy_file};
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
