//! Access questions: does a policy grant these actions, and does it grant anything a reference
//! policy does not? Answered exactly over the compiled policy, with a request as proof.
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

/// A witness as a [`Request`], to evaluate it again or with an [`crate::Authorizer`].
impl<'a> From<&'a Witness> for Request<'a> {
    fn from(witness: &'a Witness) -> Request<'a> {
        Request::new(&witness.action, &witness.resource).context(&witness.context)
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
