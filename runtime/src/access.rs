//! Access questions: does a policy grant these actions, does it grant anything a reference
//! policy does not, and can a resource-based policy grant access to anyone outside the trusted
//! accounts? Answered exactly over the compiled policy, with a request as proof.
//!
//! ```
//! use iam_policy::{Policy, Request, access::{self, Answer, Query}};
//!
//! let read = Policy::from_json(r#"{"Version": "2012-10-17", "Statement": [
//!     {"Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": "*"}]}"#).unwrap();
//! let admin = Policy::from_json(r#"{"Version": "2012-10-17", "Statement": [
//!     {"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#).unwrap();
//!
//! // Not granted: no IAM action and no S3 write.
//! let question = Query::new(&["iam:*", "s3:Put*", "s3:Delete*"]).unwrap();
//! assert_eq!(access::not_granted(&read, &question), Answer::Holds);
//!
//! // No new access: the admin policy allows requests the read-only one does not.
//! let Answer::Fails(request) = access::no_new_access(&admin, &read) else { panic!() };
//! assert_eq!(admin.evaluate(&Request::from(&request)), iam_policy::Decision::Allowed);
//! assert_ne!(read.evaluate(&Request::from(&request)), iam_policy::Decision::Allowed);
//! println!("{request}"); // action `...` on `...` with no context keys
//!
//! // No public access: a bucket open to `*` is public; one restricted to an organization is not.
//! let open = Policy::from_json_as(r#"{"Version": "2012-10-17", "Statement": [
//!     {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
//!      "Resource": "arn:aws:s3:::docs/*"}]}"#, iam_policy::PolicyType::S3Bucket).unwrap();
//! let Answer::Fails(request) = access::no_public_access(&open, &access::Trust::named()) else { panic!() };
//! assert_eq!(request.principal.as_deref(), Some("*"));
//! let org = Policy::from_json_as(r#"{"Version": "2012-10-17", "Statement": [
//!     {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
//!      "Resource": "arn:aws:s3:::docs/*",
//!      "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}"#,
//!     iam_policy::PolicyType::S3Bucket).unwrap();
//! let trust = access::Trust::new(&[], Some("o-a1b2c3d4e5")).unwrap();
//! assert_eq!(access::no_public_access(&org, &trust), Answer::Holds);
//! ```
//!
//! [`Answer::Unknown`] (a construct the search cannot decide exactly: a policy variable whose key
//! the question does not fix, or a key tested as two types at once) must be read as a failure.

use std::fmt;

use iam_policy_core::access;
/// The context keys of a witness (or fixed by a question), with their values.
pub use iam_policy_core::access::Context as AccessContext;
pub use iam_policy_core::access::{Answer, KeyValue, Witness};

use crate::policy::Policy;
use crate::request::Request;

/// The question of [`not_granted`]: actions, optionally resources, and context values it fixes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    inner: access::Query,
}

/// Why a question cannot be asked: an action or resource that is not a valid pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidQuery {
    message: String,
    help: Option<String>,
}

impl fmt::Display for InvalidQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\nhelp: {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InvalidQuery {}

impl Query {
    /// Actions as a policy writes them: `iam:*`, `s3:Get*`, `*`. Every resource.
    pub fn new(actions: &[&str]) -> Result<Query, InvalidQuery> {
        Query::on(actions, &[])
    }

    /// Actions on resources (ARN patterns, or `*`).
    pub fn on(actions: &[&str], resources: &[&str]) -> Result<Query, InvalidQuery> {
        access::Query::parse(actions, resources)
            .map(|inner| Query { inner })
            .map_err(|finding| InvalidQuery {
                message: finding.message,
                help: finding.help,
            })
    }

    /// Fixes a context key's value: the question is about requests carrying it (a policy
    /// variable of that key reads it).
    #[must_use]
    pub fn context(mut self, key: &str, value: &str) -> Query {
        self.inner.context.set(key, KeyValue::One(value.to_owned()));
        self
    }

    /// Fixes a multivalued context key.
    #[must_use]
    pub fn context_set(mut self, key: &str, values: &[&str]) -> Query {
        let values = values.iter().map(|v| (*v).to_owned()).collect();
        self.inner.context.set(key, KeyValue::Set(values));
        self
    }
}

/// Does `policy` allow none of the question's actions (on its resources, with its context)?
#[must_use]
pub fn not_granted(policy: &Policy, query: &Query) -> Answer {
    access::not_granted(policy.compiled(), &query.inner)
}

/// Does `policy` allow nothing that `reference` does not?
#[must_use]
pub fn no_new_access(policy: &Policy, reference: &Policy) -> Answer {
    access::no_new_access(policy.compiled(), reference.compiled())
}

/// Whom the question of [`no_public_access`] trusts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trust {
    inner: access::Trust,
}

impl Trust {
    /// What the policy names: its accounts, principals and organizations (IAM Access Analyzer's
    /// `CheckNoPublicAccess`). Public then means anonymous, or any other account.
    #[must_use]
    pub fn named() -> Trust {
        Trust::default()
    }

    /// These accounts (12 digits) and this organization (`o-...`): any principal of another
    /// account, outside the organization, is outside, even one the policy names.
    pub fn new(accounts: &[&str], org: Option<&str>) -> Result<Trust, InvalidQuery> {
        access::Trust::parse(accounts, org)
            .map(|inner| Trust { inner })
            .map_err(|error| InvalidQuery {
                message: error.message,
                help: error.help,
            })
    }
}

/// Does the resource-based `policy` allow no request from a principal outside `trust`, and no
/// anonymous one? A witness names its principal (`*` for anonymous) and the keys AWS derives from
/// it (`aws:PrincipalAccount`, `aws:PrincipalArn`, ...). See docs/access.md for what counts as
/// restricting access (`aws:PrincipalOrgID`, `aws:SourceAccount`, `aws:SourceVpce`, ...).
///
/// The policy must be of a type that has a `Principal` ([`Policy::from_json_as`]); an identity
/// policy gets [`Answer::Unknown`], as it grants whoever it is attached to.
#[must_use]
pub fn no_public_access(policy: &Policy, trust: &Trust) -> Answer {
    if !policy.policy_type().has_principals() {
        return Answer::Unknown(format!(
            "a `{}` policy has no `Principal`: load the resource-based policy with its type",
            policy.policy_type().name()
        ));
    }
    access::no_public_access(policy.compiled(), &trust.inner)
}

/// A witness as a [`Request`], to evaluate it again or with an [`crate::Authorizer`].
impl<'a> From<&'a Witness> for Request<'a> {
    fn from(witness: &'a Witness) -> Request<'a> {
        let request = Request::new(&witness.action, &witness.resource).context(&witness.context);
        match &witness.principal {
            Some(principal) => request.principal(principal),
            None => request,
        }
    }
}

impl crate::context::Context for AccessContext {
    fn values(&self, key: &str) -> Option<crate::Values<'_>> {
        self.lookup(key).map(|value| match value {
            KeyValue::One(v) => crate::Values::One(v),
            KeyValue::Set(vs) => crate::Values::Strings(vs),
        })
    }
}
