//! A request to decide: an action, a resource and a context, all borrowed.

use iam_policy_core::eval::{RequestView, Values};
use iam_policy_core::pattern::Resolver;

use crate::context::Context;

/// What a principal asks to do. Borrowed: building one never allocates.
///
/// ```
/// use iam_policy::Request;
/// let ctx = [("aws:username", "alice")];
/// let req = Request::new("ssm:TerminateSession", "arn:aws:ssm:us-east-2:123456789012:session/alice-0a1b")
///     .context(&ctx);
/// assert_eq!(req.action(), "ssm:TerminateSession");
/// ```
#[derive(Clone, Copy)]
pub struct Request<'a> {
    action: &'a str,
    resource: &'a str,
    context: &'a dyn Context,
}

impl<'a> Request<'a> {
    /// `resource` is an ARN, or `"*"` for actions without resource-level permissions.
    pub fn new(action: &'a str, resource: &'a str) -> Self {
        Request {
            action,
            resource,
            context: &(),
        }
    }

    /// The request context: condition keys and the values of policy variables.
    pub fn context<C: Context>(mut self, context: &'a C) -> Self {
        self.context = context;
        self
    }

    pub fn action(&self) -> &'a str {
        self.action
    }

    pub fn resource(&self) -> &'a str {
        self.resource
    }

    /// The values of a context key (case-insensitive), `None` when absent.
    pub fn values(&self, key: &str) -> Option<Values<'a>> {
        self.context.values(key)
    }

    /// A key's single value, as a policy variable reads it; `None` when absent or multivalued.
    pub fn variable(&self, key: &str) -> Option<&'a str> {
        match self.context.values(key)? {
            Values::One(value) => Some(value),
            _ => None,
        }
    }
}

impl std::fmt::Debug for Request<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request")
            .field("action", &self.action)
            .field("resource", &self.resource)
            .finish_non_exhaustive()
    }
}

impl Resolver for Request<'_> {
    fn variable(&self, key: &str) -> Option<&str> {
        Request::variable(self, key)
    }
}

impl RequestView for Request<'_> {
    fn action(&self) -> &str {
        self.action
    }
    fn resource(&self) -> &str {
        self.resource
    }
    fn values(&self, key: &str) -> Option<Values<'_>> {
        self.context.values(key)
    }
}
