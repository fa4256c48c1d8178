//! A request to decide: an action, a resource and a context, all borrowed.

use iam_policy_core::eval::{RequestView, Values};
use iam_policy_core::pattern::Resolver;
use iam_policy_core::request_check::{self, Malformed};

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

    /// Whether the request is well-formed (decision D30 of `docs/semantics.md`): an action
    /// `service:Name`, a resource that is an ARN with a known lowercase partition and service (or
    /// `*` for an action without resource types), context keys and values within the caps of
    /// [`iam_policy::limits`](crate::limits), and no two keys that differ only in case. Every
    /// decision checks it first and denies a malformed request without reading any policy.
    ///
    /// Allocation-free for contexts of up to 256 keys; a larger one allocates once.
    pub fn check(&self) -> Result<(), Malformed> {
        request_check::check_target(self.action, self.resource)?;
        let mut on_stack = [""; request_check::STACK_KEYS];
        let mut spilled: Vec<&'a str> = Vec::new();
        let mut count = 0usize;
        let mut problem = None;
        self.context.for_each_key(&mut |key, values| {
            if problem.is_some() {
                return;
            }
            if count == request_check::MAX_CONTEXT_KEYS {
                problem = Some(request_check::TOO_MANY_KEYS);
                return;
            }
            if let Err(malformed) = request_check::check_context_entry(key, values.iter()) {
                problem = Some(malformed);
                return;
            }
            if count < on_stack.len() {
                on_stack[count] = key;
            } else {
                if spilled.is_empty() {
                    spilled.extend_from_slice(&on_stack);
                }
                spilled.push(key);
            }
            count += 1;
        });
        if let Some(malformed) = problem {
            return Err(malformed);
        }
        if spilled.is_empty() {
            request_check::check_unambiguous(&mut on_stack[..count])
        } else {
            request_check::check_unambiguous(&mut spilled)
        }
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
