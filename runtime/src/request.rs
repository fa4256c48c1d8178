//! A request to decide: an action, a resource and a context, all borrowed.

use iam_policy_core::eval::{RequestView, Values};
use iam_policy_core::pattern::Resolver;
use iam_policy_core::principal::{Caller, Grant, PrincipalContext};
use iam_policy_core::request_check::{self, Malformed};

use crate::context::Context;

/// What a principal asks to do. Borrowed: building one never allocates. `Copy`, `Send` and
/// `Sync`: hand it to another thread or keep it across an `.await`.
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
    /// `Sync`, so that a request can be shared with and sent to other threads.
    context: &'a (dyn Context + Sync),
    principal: Option<&'a str>,
    caller: Caller<'a>,
    resource_account: Option<&'a str>,
    /// Set by the authorizer while it weighs a resource-based policy (section 9.2).
    pub(crate) floor: Grant,
    pub(crate) has_boundary: bool,
}

impl<'a> Request<'a> {
    /// `resource` is an ARN, or `"*"` for actions without resource-level permissions.
    #[must_use]
    pub fn new(action: &'a str, resource: &'a str) -> Self {
        Request {
            action,
            resource,
            context: &(),
            principal: None,
            caller: Caller::Unspecified,
            resource_account: None,
            floor: Grant::Account,
            has_boundary: false,
        }
    }

    /// Who makes the request, by ARN: a user (`arn:aws:iam::111122223333:user/alice`), a role
    /// session (`arn:aws:sts::111122223333:assumed-role/R/s`; a role ARN stands for any of its
    /// sessions), a federated user, the root user (`arn:aws:iam::111122223333:root`), a service
    /// principal (`s3.amazonaws.com`), an identity provider, or `"*"` for an anonymous caller.
    ///
    /// Without it, only `"Principal": "*"` names the caller, and the identity policies and the
    /// resource are taken to be in one account.
    #[must_use]
    pub fn principal(mut self, arn: &'a str) -> Self {
        self.principal = Some(arn);
        self.caller = Caller::parse(arn);
        self
    }

    /// The account that owns the resource, for ARNs that do not say (S3 buckets and objects).
    /// Default: the account in the resource ARN, else the principal's.
    #[must_use]
    pub fn resource_account(mut self, account: &'a str) -> Self {
        self.resource_account = Some(account);
        self
    }

    /// The principal's ARN as given.
    #[must_use]
    pub fn principal_arn(&self) -> Option<&'a str> {
        self.principal
    }

    /// The caller, read from the principal's ARN.
    #[must_use]
    pub fn caller(&self) -> Caller<'a> {
        self.caller
    }

    /// The account of the resource: given, else the resource ARN's, else the principal's (an
    /// action without a resource ARN acts in the caller's account).
    #[must_use]
    pub fn owning_account(&self) -> Option<&'a str> {
        if let Some(account) = self.resource_account {
            return Some(account);
        }
        match iam_policy_core::eval::split_arn(self.resource) {
            Some(parts) if !parts[4].is_empty() => Some(parts[4]),
            _ => self.caller.account(),
        }
    }

    /// The request context: condition keys and the values of policy variables. Any [`Context`]
    /// that is `Sync` (maps, slices and arrays of pairs, [`ContextMap`](crate::ContextMap), your
    /// own types), so that the request stays `Send` and `Sync`.
    #[must_use]
    pub fn context<C: Context + Sync>(mut self, context: &'a C) -> Self {
        self.context = context;
        self
    }

    /// The action, as given (`ssm:StartSession`).
    #[must_use]
    pub fn action(&self) -> &'a str {
        self.action
    }

    /// The resource ARN, as given (or `*`).
    #[must_use]
    pub fn resource(&self) -> &'a str {
        self.resource
    }

    /// The values of a context key (case-insensitive), `None` when absent. Keys that AWS derives
    /// from the principal (`aws:PrincipalArn`, `aws:PrincipalAccount`) are read from the context
    /// too: give them there, as a real request would carry them.
    #[must_use]
    pub fn values(&self, key: &str) -> Option<Values<'a>> {
        self.context.values(key)
    }

    /// Whether the request is well-formed (decision D30 of `docs/semantics.md`): an action
    /// `service:Name`, a resource that is an ARN with a known lowercase partition and service (or
    /// `*` for an action without resource types), a principal that is `*`, such an ARN or a
    /// lowercase host name, a resource account of 12 digits, context keys and values within the caps of
    /// [`iam_policy::limits`](crate::limits), and no two keys that differ only in case. Every
    /// decision checks it first and denies a malformed request without reading any policy.
    ///
    /// Allocation-free for contexts of up to 256 keys; a larger one allocates once.
    ///
    /// The resource `*` is well-formed here only for an action the catalog or the build's extras
    /// (`IAM_POLICY_EXTRAS`) list as acting on no resource: a request check reads no policy.
    /// [`Policy::evaluate`](crate::Policy::evaluate) and the [`Authorizer`](crate::Authorizer)
    /// also accept it for an extra action a policy deciding the request declares `no-resource`
    /// (decision D38).
    pub fn check(&self) -> Result<(), Malformed> {
        self.check_declared(|_| false)
    }

    /// [`Request::check`], where `declared_no_resource` says whether the policies deciding the
    /// request declare the action `no-resource`; asked only of a request for `*` that the catalog
    /// and the build's extras do not allow.
    #[inline]
    pub(crate) fn check_declared(
        &self,
        declared_no_resource: impl FnOnce(&str) -> bool,
    ) -> Result<(), Malformed> {
        request_check::check_target_declared(self.action, self.resource, declared_no_resource)?;
        if let Some(principal) = self.principal {
            request_check::check_principal(principal)?;
        }
        if let Some(account) = self.resource_account {
            request_check::check_account(account)?;
        }
        // First the sizes of every entry and the count of keys; then, with two keys or more, the
        // ambiguity check over the keys gathered in a buffer sized for the count. (Zeroing a
        // 256-key buffer for every decision was a fifth of a simple decision's instructions.)
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
            count += 1;
        });
        if let Some(malformed) = problem {
            return Err(malformed);
        }
        match count {
            0 | 1 => Ok(()),
            2..=SMALL_CONTEXT => self.check_unambiguous(&mut [""; SMALL_CONTEXT], count),
            _ if count <= request_check::STACK_KEYS => {
                self.check_unambiguous(&mut [""; request_check::STACK_KEYS], count)
            }
            _ => self.check_unambiguous(&mut vec![""; count], count),
        }
    }

    /// Gathers the context's `count` keys into `keys` (at least that long) and checks that no two
    /// are one key under the folding rule.
    fn check_unambiguous(&self, keys: &mut [&'a str], count: usize) -> Result<(), Malformed> {
        let mut visited = 0;
        self.context.for_each_key(&mut |key, _| {
            if visited < count {
                keys[visited] = key;
            }
            visited += 1;
        });
        // A context that lists other keys the second time cannot be checked: fail closed.
        if visited != count {
            return Err(request_check::AMBIGUOUS);
        }
        request_check::check_unambiguous(&mut keys[..count])
    }

    /// A key's single value, as a policy variable reads it; `None` when absent or multivalued.
    #[must_use]
    pub fn variable(&self, key: &str) -> Option<&'a str> {
        match self.values(key)? {
            Values::One(value) => Some(value),
            _ => None,
        }
    }
}

/// Contexts of up to this many keys gather them in a small buffer for the ambiguity check.
const SMALL_CONTEXT: usize = 16;

impl std::fmt::Debug for Request<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request")
            .field("action", &self.action)
            .field("resource", &self.resource)
            .field("principal", &self.principal)
            .field("resource_account", &self.resource_account)
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
        Request::values(self, key)
    }
    fn principal(&self) -> PrincipalContext<'_> {
        PrincipalContext {
            caller: self.caller,
            floor: self.floor,
            has_boundary: self.has_boundary,
        }
    }
}
