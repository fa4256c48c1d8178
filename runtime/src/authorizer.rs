//! Several policies deciding together: the identity policies of a principal, a permissions
//! boundary and service control policies (`docs/semantics.md` sections 1 and 9).

use std::fmt;

use iam_policy_core::eval::{Decision, Outcome};
use iam_policy_core::interpret;
use iam_policy_core::request_check::Malformed;

use crate::policy::{Policy, StatementRef};
use crate::request::Request;

/// The kind of a policy taking part in a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PolicyKind {
    /// Attached to the user, its groups, or the role: pooled, at least one must allow.
    Identity,
    /// The principal's permissions boundary: must also allow.
    PermissionsBoundary,
    /// A service control policy: each one given must also allow.
    ServiceControl,
}

impl PolicyKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            PolicyKind::Identity => "identity policy",
            PolicyKind::PermissionsBoundary => "permissions boundary",
            PolicyKind::ServiceControl => "service control policy",
        }
    }
}

impl fmt::Display for PolicyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A statement of one of the policies: which policy (kind and position among that kind) and
/// which statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolicyStatement<'p> {
    pub kind: PolicyKind,
    pub policy: usize,
    pub statement: StatementRef<'p>,
}

/// The decision of several policies and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict<'p> {
    pub decision: Decision,
    /// The Deny that applied, or (when allowed) the identity statement that allowed.
    pub statement: Option<PolicyStatement<'p>>,
    /// For an implicit deny: the policy that had no applicable Allow (its kind and position).
    pub missing_allow: Option<(PolicyKind, usize)>,
    /// Why the request was denied without reading any policy: it is not well-formed
    /// ([`Request::check`]).
    pub malformed: Option<Malformed>,
}

/// The policies that decide for one principal. Building it allocates; deciding does not.
///
/// ```
/// use iam_policy::{Authorizer, Decision, Policy, PolicyKind, Request};
/// let admin = Policy::from_json(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:*","Resource":"*"}]}"#).unwrap();
/// let boundary = Policy::from_json(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:Describe*","Resource":"*"}]}"#).unwrap();
/// let auth = Authorizer::new().identity(&admin).boundary(&boundary);
/// let verdict = auth.explain(&Request::new("ssm:StartSession", "arn:aws:ec2:us-east-1:123456789012:instance/i-1"));
/// assert_eq!(verdict.decision, Decision::ImplicitlyDenied);
/// assert_eq!(verdict.missing_allow, Some((PolicyKind::PermissionsBoundary, 0)));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Authorizer<'p> {
    identity: Vec<&'p Policy>,
    boundaries: Vec<&'p Policy>,
    scps: Vec<&'p Policy>,
}

impl<'p> Authorizer<'p> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an identity policy (user, group or role policy, managed or inline).
    pub fn identity(mut self, policy: &'p Policy) -> Self {
        self.identity.push(policy);
        self
    }

    /// Sets a permissions boundary. Several boundaries all have to allow.
    pub fn boundary(mut self, policy: &'p Policy) -> Self {
        self.boundaries.push(policy);
        self
    }

    /// Adds a service control policy. Each SCP given stands for one level of the organization
    /// (root, OU, account) and has to allow; merge the SCPs of one level into one policy.
    pub fn scp(mut self, policy: &'p Policy) -> Self {
        self.scps.push(policy);
        self
    }

    pub fn evaluate(&self, request: &Request<'_>) -> Decision {
        self.explain(request).decision
    }

    /// Decides: a Deny anywhere wins; then every SCP and boundary must allow, and so must the
    /// pooled identity policies.
    pub fn explain(&self, request: &Request<'_>) -> Verdict<'p> {
        self.decide(request, |policy, request| policy.outcome(request))
    }

    /// [`Authorizer::explain`] through the interpreter, for comparing the two paths.
    pub fn explain_interpreted(&self, request: &Request<'_>) -> Verdict<'p> {
        self.decide(request, |policy, request| {
            interpret::evaluate(policy.compiled(), request)
        })
    }

    fn decide(
        &self,
        request: &Request<'_>,
        outcome_of: impl Fn(&Policy, &Request<'_>) -> Outcome,
    ) -> Verdict<'p> {
        // Checked once for all the policies.
        if let Err(malformed) = request.check() {
            return Verdict {
                decision: Decision::ImplicitlyDenied,
                statement: None,
                missing_allow: None,
                malformed: Some(malformed),
            };
        }
        let groups = [
            (PolicyKind::ServiceControl, &self.scps),
            (PolicyKind::PermissionsBoundary, &self.boundaries),
            (PolicyKind::Identity, &self.identity),
        ];
        let mut missing_allow = None;
        let mut identity_allow = None;
        for (kind, policies) in groups {
            let mut any_allow = false;
            for (index, policy) in policies.iter().enumerate() {
                let outcome = outcome_of(policy, request);
                let at = |statement: Option<usize>| {
                    statement.map(|s| PolicyStatement {
                        kind,
                        policy: index,
                        statement: statement_ref(policy, s),
                    })
                };
                match outcome.decision {
                    Decision::ExplicitlyDenied => {
                        return Verdict {
                            decision: Decision::ExplicitlyDenied,
                            statement: at(outcome.statement),
                            missing_allow: None,
                            malformed: None,
                        };
                    }
                    Decision::Allowed => {
                        any_allow = true;
                        if kind == PolicyKind::Identity && identity_allow.is_none() {
                            identity_allow = at(outcome.statement);
                        }
                    }
                    Decision::ImplicitlyDenied => {
                        // Each SCP and boundary must allow on its own; identity policies are pooled.
                        if kind != PolicyKind::Identity && missing_allow.is_none() {
                            missing_allow = Some((kind, index));
                        }
                    }
                }
            }
            if kind == PolicyKind::Identity && !any_allow && missing_allow.is_none() {
                missing_allow = Some((kind, 0));
            }
        }
        match (missing_allow, identity_allow) {
            (None, Some(statement)) => Verdict {
                decision: Decision::Allowed,
                statement: Some(statement),
                missing_allow: None,
                malformed: None,
            },
            (missing, _) => Verdict {
                decision: Decision::ImplicitlyDenied,
                statement: None,
                missing_allow: missing.or(Some((PolicyKind::Identity, 0))),
                malformed: None,
            },
        }
    }
}

fn statement_ref(policy: &Policy, index: usize) -> StatementRef<'_> {
    StatementRef {
        index,
        sid: policy
            .statements()
            .get(index)
            .and_then(|s| s.sid.as_deref()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SESSION: &str = "arn:aws:ssm:us-east-1:123456789012:session/alice-1";
    const INSTANCE: &str = "arn:aws:ec2:us-east-1:123456789012:instance/i-1";
    const OBJECT: &str = "arn:aws:s3:::b/k";

    fn policy(effect: &str, action: &str) -> Policy {
        Policy::from_json(&format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Sid":"S","Effect":"{effect}","Action":"{action}","Resource":"*"}}]}}"#
        ))
        .unwrap()
    }

    #[test]
    fn identity_policies_are_pooled() {
        let a = policy("Allow", "ssm:StartSession");
        let b = policy("Allow", "ssm:TerminateSession");
        let auth = Authorizer::new().identity(&a).identity(&b);
        let verdict = auth.explain(&Request::new("ssm:TerminateSession", SESSION));
        assert_eq!(verdict.decision, Decision::Allowed);
        assert_eq!(verdict.statement.unwrap().policy, 1);
        assert_eq!(
            auth.evaluate(&Request::new("ssm:ResumeSession", SESSION)),
            Decision::ImplicitlyDenied
        );
    }

    #[test]
    fn deny_anywhere_wins() {
        let allow = policy("Allow", "ssm:*");
        let deny = policy("Deny", "ssm:StartSession");
        for auth in [
            Authorizer::new().identity(&allow).identity(&deny),
            Authorizer::new()
                .identity(&allow)
                .boundary(&allow)
                .boundary(&deny),
            Authorizer::new().identity(&allow).scp(&deny),
        ] {
            let verdict = auth.explain(&Request::new("ssm:StartSession", INSTANCE));
            assert_eq!(verdict.decision, Decision::ExplicitlyDenied);
            assert_eq!(verdict.statement.unwrap().statement.sid, Some("S"));
        }
    }

    #[test]
    fn boundary_and_scp_must_allow() {
        let admin = policy("Allow", "*");
        let ssm_only = policy("Allow", "ssm:*");
        let auth = Authorizer::new()
            .identity(&admin)
            .scp(&admin)
            .scp(&ssm_only);
        let verdict = auth.explain(&Request::new("s3:GetObject", OBJECT));
        assert_eq!(verdict.decision, Decision::ImplicitlyDenied);
        assert_eq!(verdict.missing_allow, Some((PolicyKind::ServiceControl, 1)));
        assert_eq!(
            auth.evaluate(&Request::new("ssm:StartSession", INSTANCE)),
            Decision::Allowed
        );

        let auth = Authorizer::new().boundary(&admin).identity(&ssm_only);
        assert_eq!(
            auth.explain(&Request::new("s3:GetObject", OBJECT))
                .missing_allow,
            Some((PolicyKind::Identity, 0))
        );
        let auth = Authorizer::new().boundary(&ssm_only).identity(&admin);
        assert_eq!(
            auth.explain(&Request::new("s3:GetObject", OBJECT))
                .missing_allow,
            Some((PolicyKind::PermissionsBoundary, 0))
        );
    }

    #[test]
    fn no_policy_denies() {
        let verdict = Authorizer::new().explain(&Request::new("s3:GetObject", OBJECT));
        assert_eq!(verdict.decision, Decision::ImplicitlyDenied);
        assert_eq!(verdict.missing_allow, Some((PolicyKind::Identity, 0)));
    }
}
