//! Every policy that takes part in one decision: the identity policies of the principal, its
//! permissions boundary and session policy, the resource-based policy of the resource, the
//! service and resource control policies of the organization, and a VPC endpoint policy, across
//! one or two accounts (docs/semantics.md section 9).

use std::borrow::Borrow;
use std::fmt;

use iam_policy_core::eval::{Decision, Outcome};
use iam_policy_core::principal::{Caller, Grant};
use iam_policy_core::request_check::Malformed;

use crate::policy::{Policy, StatementRef};
use crate::request::Request;

/// The kind of a policy taking part in a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PolicyKind {
    /// Attached to the user, its groups, or the role: pooled, at least one must allow.
    Identity,
    /// The principal's permissions boundary: must also allow.
    PermissionsBoundary,
    /// The session policy of a role or federated-user session: must also allow.
    Session,
    /// The resource's own policy (bucket policy, key policy, role trust policy, ...).
    ResourceBased,
    /// A service control policy: each level of the organization must allow.
    ServiceControl,
    /// A resource control policy: a `Deny` at any level denies.
    ResourceControl,
    /// The policy of the VPC endpoint the request goes through: must allow.
    VpcEndpoint,
}

impl PolicyKind {
    /// The kind as messages name it: `identity policy`, `permissions boundary`, `service control policy`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            PolicyKind::Identity => "identity policy",
            PolicyKind::PermissionsBoundary => "permissions boundary",
            PolicyKind::Session => "session policy",
            PolicyKind::ResourceBased => "resource-based policy",
            PolicyKind::ServiceControl => "service control policy",
            PolicyKind::ResourceControl => "resource control policy",
            PolicyKind::VpcEndpoint => "VPC endpoint policy",
        }
    }
}

impl fmt::Display for PolicyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A statement of one of the policies: which policy (kind and position among the policies of
/// that kind, in the order they were added, across organization levels) and which statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PolicyStatement<'p> {
    /// Which kind of policy the statement is in.
    pub kind: PolicyKind,
    /// The policy's position among the policies of its kind, in the order they were added.
    pub policy: usize,
    /// The statement in that policy.
    pub statement: StatementRef<'p>,
}

/// The decision of several policies and why. It borrows the authorizer (its policies' `Sid`s).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[must_use]
pub struct Verdict<'p> {
    /// `Allowed`, `ExplicitlyDenied` or `ImplicitlyDenied`.
    pub decision: Decision,
    /// The `Deny` that applied, or (when allowed) the statement that granted: the resource-based
    /// policy's when it granted on its own, else the identity policy's (`None` for the root user,
    /// whose access needs no statement).
    pub statement: Option<PolicyStatement<'p>>,
    /// For an implicit deny: the kind of policy that had no applicable `Allow`, and its position
    /// (for service control policies, the organization level, root first).
    pub missing_allow: Option<(PolicyKind, usize)>,
    /// Why the request was denied without reading any policy: it is not well-formed
    /// ([`Request::check`]).
    pub malformed: Option<Malformed>,
}

impl fmt::Display for Verdict<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.decision)?;
        if let Some(at) = self.statement {
            let by = if self.decision == Decision::Allowed {
                "allowed by"
            } else {
                "denied by"
            };
            write!(
                f,
                ": {by} statement {} of {} {}",
                at.statement.index, at.kind, at.policy
            )?;
            if let Some(sid) = at.statement.sid {
                write!(f, " (`{sid}`)")?;
            }
        } else if let Some((kind, index)) = self.missing_allow {
            match kind {
                PolicyKind::ServiceControl => write!(
                    f,
                    ": no applicable `Allow` in the service control policies of level {index}"
                )?,
                PolicyKind::Identity => {
                    write!(f, ": no applicable `Allow` in the identity policies")?
                }
                _ => write!(f, ": no applicable `Allow` in the {kind} {index}")?,
            }
        }
        Ok(())
    }
}

/// The policies that decide for one request. Building it allocates; deciding does not.
///
/// `P` is how it holds each policy: `&Policy` borrows them (the examples below), while `Policy`,
/// `Arc<Policy>` or `Box<Policy>` own them, so that an authorizer built from policies loaded at
/// run time can be stored in a struct, shared, or sent to another thread (it is `Send` and `Sync`
/// when `P` is):
///
/// ```
/// use std::sync::Arc;
/// use iam_policy::{Authorizer, Decision, Policy, Request};
///
/// struct App {
///     authorizer: Authorizer<Arc<Policy>>,
/// }
///
/// let loaded = Policy::from_json(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:Describe*","Resource":"*"}]}"#).unwrap();
/// let app = App { authorizer: Authorizer::new().identity(Arc::new(loaded)) };
/// let decision = std::thread::spawn(move || {
///     app.authorizer.evaluate(&Request::new("ssm:DescribeSessions", "*"))
/// });
/// assert_eq!(decision.join().unwrap(), Decision::Allowed);
/// ```
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
///
/// Across accounts, give the principal (and the resource's account where its ARN has none):
///
/// ```
/// use iam_policy::{Authorizer, Decision, Policy, PolicyType, Request};
/// let bucket = Policy::from_json_as(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
///     "Principal":{"AWS":"444455556666"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::doc-bucket/*"}]}"#,
///     PolicyType::S3Bucket).unwrap();
/// let reader = Policy::from_json(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
///     "Action":"s3:GetObject","Resource":"*"}]}"#).unwrap();
/// let request = Request::new("s3:GetObject", "arn:aws:s3:::doc-bucket/report.pdf")
///     .principal("arn:aws:sts::444455556666:assumed-role/Reader/s1")
///     .resource_account("111122223333");
/// // Both accounts must allow: the bucket policy names the account, the role's policy allows.
/// let auth = Authorizer::new().identity(&reader).resource_policy(&bucket);
/// assert_eq!(auth.evaluate(&request), Decision::Allowed);
/// assert_eq!(Authorizer::new().resource_policy(&bucket).evaluate(&request), Decision::ImplicitlyDenied);
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct Authorizer<P> {
    identity: Vec<P>,
    boundaries: Vec<P>,
    sessions: Vec<P>,
    resource: Option<P>,
    /// Organization levels, root first; each level holds the policies attached there.
    scps: Vec<Vec<P>>,
    rcps: Vec<Vec<P>>,
    endpoint: Option<P>,
    management_account: Option<Box<str>>,
    resource_policy_required: Option<bool>,
}

/// [`Authorizer::new`]; no bound on `P`, so that any authorizer has a default.
impl<P> Default for Authorizer<P> {
    fn default() -> Self {
        Authorizer {
            identity: Vec::new(),
            boundaries: Vec::new(),
            sessions: Vec::new(),
            resource: None,
            scps: Vec::new(),
            rcps: Vec::new(),
            endpoint: None,
            management_account: None,
            resource_policy_required: None,
        }
    }
}

impl<P: Borrow<Policy>> Authorizer<P> {
    /// An authorizer with no policies: it denies every request until identity policies are added.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an identity policy (user, group or role policy, managed or inline).
    pub fn identity(mut self, policy: P) -> Self {
        self.identity.push(policy);
        self
    }

    /// Sets a permissions boundary. Several boundaries all have to allow.
    pub fn boundary(mut self, policy: P) -> Self {
        self.boundaries.push(policy);
        self
    }

    /// Sets the session policy of the caller's role or federated-user session. Several all have
    /// to allow. A federated-user caller (`GetFederationToken`) without one has an empty session
    /// policy (decision 9.5 #6).
    pub fn session_policy(mut self, policy: P) -> Self {
        self.sessions.push(policy);
        self
    }

    /// Sets the resource-based policy of the resource: a bucket, key, queue, topic, function,
    /// secret or repository policy, or the trust policy of the role for `sts:AssumeRole*`.
    pub fn resource_policy(mut self, policy: P) -> Self {
        self.resource = Some(policy);
        self
    }

    /// Adds a level of the organization (root, then each OU, then the account) with one service
    /// control policy. Each level must allow.
    pub fn scp(self, policy: P) -> Self {
        self.scp_level([policy])
    }

    /// Adds a level of the organization with every SCP attached there: one of them must allow.
    pub fn scp_level(mut self, policies: impl IntoIterator<Item = P>) -> Self {
        self.scps.push(policies.into_iter().collect());
        self
    }

    /// Adds a level of the organization with one resource control policy. `RCPFullAWSAccess` is
    /// implied at every level (AWS attaches it and it cannot be detached), so RCPs only deny.
    pub fn rcp(self, policy: P) -> Self {
        self.rcp_level([policy])
    }

    /// Adds a level of the organization with every RCP attached there.
    pub fn rcp_level(mut self, policies: impl IntoIterator<Item = P>) -> Self {
        self.rcps.push(policies.into_iter().collect());
        self
    }

    /// Sets the policy of the VPC endpoint the request goes through: it must allow too.
    pub fn endpoint_policy(mut self, policy: P) -> Self {
        self.endpoint = Some(policy);
        self
    }

    /// The organization's management account: neither SCPs nor RCPs restrict it.
    pub fn management_account(mut self, account: impl Into<String>) -> Self {
        self.management_account = Some(account.into().into_boxed_str());
        self
    }

    /// Whether, in one account, the resource-based policy must itself allow (an identity `Allow`
    /// alone does not do). By default true for IAM roles (`sts:AssumeRole*`) and KMS keys only,
    /// as AWS documents; some services "may also require" it (decision 9.5 #9).
    pub fn resource_policy_required(mut self, required: bool) -> Self {
        self.resource_policy_required = Some(required);
        self
    }

    /// Decides a request: a Deny anywhere wins; else the identity policies must allow, and the
    /// boundary and every SCP (when given) must allow too.
    pub fn evaluate(&self, request: &Request<'_>) -> Decision {
        self.explain(request).decision
    }

    /// Decides as AWS does (docs/semantics.md 9.1): a `Deny` anywhere wins; then every SCP level
    /// and the endpoint policy must allow; then the grants of the resource-based and identity
    /// policies, by account.
    pub fn explain(&self, request: &Request<'_>) -> Verdict<'_> {
        self.decide(request, |policy, request| policy.outcome(request))
    }

    /// [`Authorizer::explain`] through the interpreter, for comparing the two paths.
    pub fn explain_interpreted(&self, request: &Request<'_>) -> Verdict<'_> {
        self.decide(request, |policy, request| {
            let evaluation = policy.explain_interpreted(request);
            Outcome {
                decision: evaluation.decision,
                statement: evaluation.statement.map(|s| s.index),
            }
        })
    }

    /// Whether any of the policies declares `action` `no-resource` (decision D38).
    fn declares_no_resource(&self, action: &str) -> bool {
        self.identity
            .iter()
            .chain(&self.boundaries)
            .chain(&self.sessions)
            .chain(&self.resource)
            .chain(self.scps.iter().flatten())
            .chain(self.rcps.iter().flatten())
            .chain(&self.endpoint)
            .any(|policy| policy.borrow().compiled().declares_no_resource(action))
    }

    fn decide(
        &self,
        request: &Request<'_>,
        outcome_of: impl Fn(&Policy, &Request<'_>) -> Outcome,
    ) -> Verdict<'_> {
        // Checked once for all the policies (D30), with the `no-resource` declarations of any of
        // them: a declaration states a fact about the action, not about one policy (D38).
        if let Err(malformed) = request.check_declared(|action| self.declares_no_resource(action)) {
            return Verdict {
                decision: Decision::ImplicitlyDenied,
                statement: None,
                missing_allow: None,
                malformed: Some(malformed),
            };
        }
        match self.decide_steps(request, outcome_of) {
            Ok(verdict) | Err(verdict) => verdict,
        }
    }

    /// The steps of [`Authorizer::decide`]; `Err` carries an explicit Deny found on the way.
    fn decide_steps<'a>(
        &'a self,
        request: &Request<'_>,
        outcome_of: impl Fn(&Policy, &Request<'_>) -> Outcome,
    ) -> Result<Verdict<'a>, Verdict<'a>> {
        // Even an explicit Deny cannot stop it (GetCallerIdentity's API reference).
        if request
            .action()
            .eq_ignore_ascii_case("sts:GetCallerIdentity")
        {
            return Ok(Verdict {
                decision: Decision::Allowed,
                statement: None,
                missing_allow: None,
                malformed: None,
            });
        }
        let mut request = *request;
        request.has_boundary = !self.boundaries.is_empty();
        request.floor = Grant::Account;
        let request = &request;
        let caller = request.caller();
        let principal_account = caller.account();
        let resource_account = request.owning_account();
        let management = |account: Option<&str>| {
            account.is_some() && account == self.management_account.as_deref()
        };
        // SCPs restrict the principals of member accounts; RCPs the resources of member accounts.
        // Neither restricts service-linked roles (section 9.1).
        let in_organization = matches!(
            caller,
            Caller::Unspecified
                | Caller::Root { .. }
                | Caller::User { .. }
                | Caller::Session { .. }
                | Caller::FederatedUser { .. }
        );
        let scps_apply =
            in_organization && !caller.is_service_linked() && !management(principal_account);
        let rcps_apply = !caller.is_service_linked() && !management(resource_account);

        // 1. Any applicable Deny wins; the outcomes are kept for the steps below.
        let mut tally = Tally::default();
        if scps_apply {
            let mut flat = 0;
            for (level, policies) in self.scps.iter().enumerate() {
                for policy in policies.iter().map(Borrow::borrow) {
                    let outcome = outcome_of(policy, request);
                    tally.check(PolicyKind::ServiceControl, flat, policy, outcome)?;
                    tally.level_allows(level, outcome);
                    flat += 1;
                }
            }
        }
        if rcps_apply {
            for (index, policy) in self.rcps.iter().flatten().map(Borrow::borrow).enumerate() {
                let outcome = outcome_of(policy, request);
                tally.check(PolicyKind::ResourceControl, index, policy, outcome)?;
            }
        }
        let endpoint_policy = self.endpoint.as_ref().map(Borrow::borrow);
        let endpoint = endpoint_policy.map(|policy| outcome_of(policy, request));
        if let (Some(policy), Some(outcome)) = (endpoint_policy, endpoint) {
            tally.check(PolicyKind::VpcEndpoint, 0, policy, outcome)?;
        }
        let mut boundary_missing = None;
        for (index, policy) in self.boundaries.iter().map(Borrow::borrow).enumerate() {
            let outcome = outcome_of(policy, request);
            tally.check(PolicyKind::PermissionsBoundary, index, policy, outcome)?;
            if outcome.decision != Decision::Allowed && boundary_missing.is_none() {
                boundary_missing = Some((PolicyKind::PermissionsBoundary, index));
            }
        }
        let mut session_missing = None;
        for (index, policy) in self.sessions.iter().map(Borrow::borrow).enumerate() {
            let outcome = outcome_of(policy, request);
            tally.check(PolicyKind::Session, index, policy, outcome)?;
            if outcome.decision != Decision::Allowed && session_missing.is_none() {
                session_missing = Some((PolicyKind::Session, index));
            }
        }
        // A federated user created without a session policy has an empty one (9.5 #6).
        if self.sessions.is_empty() && matches!(caller, Caller::FederatedUser { .. }) {
            session_missing = Some((PolicyKind::Session, 0));
        }
        let mut identity_allow = None;
        for (index, policy) in self.identity.iter().map(Borrow::borrow).enumerate() {
            let outcome = outcome_of(policy, request);
            tally.check(PolicyKind::Identity, index, policy, outcome)?;
            if outcome.decision == Decision::Allowed && identity_allow.is_none() {
                identity_allow = at(PolicyKind::Identity, index, policy, outcome.statement);
            }
        }
        let mut grant = None;
        if let Some(policy) = self.resource.as_ref().map(Borrow::borrow) {
            let outcome = outcome_of(policy, request);
            tally.check(PolicyKind::ResourceBased, 0, policy, outcome)?;
            if outcome.decision == Decision::Allowed {
                grant = Some(self.strongest_grant(policy, request, &outcome_of, outcome));
            }
        }

        // 2. Guardrails: each SCP level and the endpoint policy need an applicable Allow.
        if scps_apply && let Some(level) = tally.first_level_without_allow(self.scps.len()) {
            return Ok(Verdict::implicit((PolicyKind::ServiceControl, level)));
        }
        if endpoint.is_some_and(|o| o.decision != Decision::Allowed) {
            return Ok(Verdict::implicit((PolicyKind::VpcEndpoint, 0)));
        }

        // 3. Grants.
        let entity_missing = boundary_missing.or(session_missing);
        let identity_missing = match identity_allow {
            Some(_) => entity_missing,
            None => entity_missing.or(Some((PolicyKind::Identity, 0))),
        };
        let id_ok = caller.is_root() || identity_missing.is_none();
        let identity_verdict = Verdict {
            decision: Decision::Allowed,
            statement: if caller.is_root() {
                None
            } else {
                identity_allow
            },
            missing_allow: None,
            malformed: None,
        };
        let resource_missing = Verdict::implicit((PolicyKind::ResourceBased, 0));
        let granted = |g: &(Grant, Option<PolicyStatement<'a>>)| Verdict {
            decision: Decision::Allowed,
            statement: g.1,
            missing_allow: None,
            malformed: None,
        };
        let known_caller = !matches!(caller, Caller::Unspecified);
        if known_caller && principal_account.is_none() {
            // A service, an identity provider or an anonymous caller: only the resource grants.
            return Ok(grant.as_ref().map_or(resource_missing, granted));
        }
        let same_account = match (principal_account, resource_account) {
            (Some(p), Some(r)) => p == r,
            _ => true,
        };
        if !same_account {
            // Both accounts must allow (cross-account evaluation).
            return Ok(match (&grant, identity_missing) {
                (None, _) => resource_missing,
                (Some(_), Some(missing)) if !caller.is_root() => Verdict::implicit(missing),
                (Some(g), _) => granted(g),
            });
        }
        if let Some(g) = &grant {
            let grants = match g.0 {
                Grant::Direct => true,
                Grant::Via => entity_missing.is_none(),
                Grant::Account => id_ok,
            };
            if grants {
                return Ok(granted(g));
            }
        }
        if self.requires_resource_policy(request) {
            return Ok(match identity_missing {
                Some(missing) if !caller.is_root() && grant.is_some() => Verdict::implicit(missing),
                _ => resource_missing,
            });
        }
        Ok(match identity_missing {
            Some(missing) if !caller.is_root() => Verdict::implicit(missing),
            _ => identity_verdict,
        })
    }

    /// How strongly the resource-based policy names the caller: evaluated again with a higher
    /// floor until the strongest grant is found (at most twice more).
    fn strongest_grant<'a>(
        &self,
        policy: &'a Policy,
        request: &Request<'_>,
        outcome_of: &impl Fn(&Policy, &Request<'_>) -> Outcome,
        weakest: Outcome,
    ) -> (Grant, Option<PolicyStatement<'a>>) {
        for floor in [Grant::Direct, Grant::Via] {
            let mut raised = *request;
            raised.floor = floor;
            let outcome = outcome_of(policy, &raised);
            if outcome.decision == Decision::Allowed {
                return (
                    floor,
                    at(PolicyKind::ResourceBased, 0, policy, outcome.statement),
                );
            }
        }
        (
            Grant::Account,
            at(PolicyKind::ResourceBased, 0, policy, weakest.statement),
        )
    }

    /// In one account, IAM roles (for `sts:AssumeRole*`) and KMS keys need their own policy to
    /// allow; other resources take the union of identity and resource-based policies.
    fn requires_resource_policy(&self, request: &Request<'_>) -> bool {
        if let Some(required) = self.resource_policy_required {
            return required;
        }
        let resource = request.resource();
        let Some(parts) = iam_policy_core::eval::split_arn(resource) else {
            return false;
        };
        let role = parts[2] == "iam" && parts[5].starts_with("role/");
        let key = parts[2] == "kms" && parts[5].starts_with("key/");
        let assume = request
            .action()
            .get(..14)
            .is_some_and(|a| a.eq_ignore_ascii_case("sts:AssumeRole"));
        (role && assume) || key
    }
}

impl<'p> Verdict<'p> {
    fn implicit(missing: (PolicyKind, usize)) -> Verdict<'p> {
        Verdict {
            decision: Decision::ImplicitlyDenied,
            statement: None,
            missing_allow: Some(missing),
            malformed: None,
        }
    }
}

fn at(
    kind: PolicyKind,
    index: usize,
    policy: &Policy,
    statement: Option<usize>,
) -> Option<PolicyStatement<'_>> {
    statement.map(|s| PolicyStatement {
        kind,
        policy: index,
        statement: statement_ref(policy, s),
    })
}

/// What the Deny pass learns: which SCP levels allowed (up to 64 levels, far more than an
/// organization's depth of 7).
#[derive(Default)]
struct Tally {
    scp_levels_allowing: u64,
}

impl Tally {
    /// `Err` with the verdict when the outcome is an explicit Deny.
    fn check<'p>(
        &mut self,
        kind: PolicyKind,
        index: usize,
        policy: &'p Policy,
        outcome: Outcome,
    ) -> Result<(), Verdict<'p>> {
        if outcome.decision == Decision::ExplicitlyDenied {
            return Err(Verdict {
                decision: Decision::ExplicitlyDenied,
                statement: at(kind, index, policy, outcome.statement),
                missing_allow: None,
                malformed: None,
            });
        }
        Ok(())
    }

    fn level_allows(&mut self, level: usize, outcome: Outcome) {
        if outcome.decision == Decision::Allowed && level < 64 {
            self.scp_levels_allowing |= 1 << level;
        }
    }

    fn first_level_without_allow(&self, levels: usize) -> Option<usize> {
        // Levels past 64 are never recorded as allowing: they deny (fail closed).
        (0..levels).find(|&level| level >= 64 || self.scp_levels_allowing & (1 << level) == 0)
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
        let auth = Authorizer::<&Policy>::new();
        let verdict = auth.explain(&Request::new("s3:GetObject", OBJECT));
        assert_eq!(verdict.decision, Decision::ImplicitlyDenied);
        assert_eq!(verdict.missing_allow, Some((PolicyKind::Identity, 0)));
    }

    fn resource_policy(principal: &str, action: &str) -> Policy {
        Policy::from_json_as(
            &format!(
                r#"{{"Version":"2012-10-17","Statement":[{{"Sid":"Grant","Effect":"Allow","Principal":{{"AWS":"{principal}"}},"Action":"{action}","Resource":"*"}}]}}"#
            ),
            crate::PolicyType::Resource,
        )
        .unwrap()
    }

    #[test]
    fn the_management_account_is_exempt_from_scps() {
        let admin = policy("Allow", "*");
        let deny = policy("Deny", "s3:GetObject");
        let request = Request::new("s3:GetObject", "arn:aws:s3:::b/k")
            .principal("arn:aws:iam::111122223333:user/alice");
        let member = Authorizer::new().identity(&admin).scp(&deny);
        assert_eq!(member.evaluate(&request), Decision::ExplicitlyDenied);
        let management = member.clone().management_account("111122223333");
        assert_eq!(management.evaluate(&request), Decision::Allowed);
    }

    #[test]
    fn resource_policy_required_is_settable() {
        let admin = policy("Allow", "*");
        let grant = resource_policy("arn:aws:iam::111122223333:user/carol", "sqs:SendMessage");
        let request = Request::new(
            "sqs:SendMessage",
            "arn:aws:sqs:us-east-1:111122223333:queue",
        )
        .principal("arn:aws:iam::111122223333:user/alice");
        let union = Authorizer::new().identity(&admin).resource_policy(&grant);
        assert_eq!(union.evaluate(&request), Decision::Allowed);
        let strict = union.resource_policy_required(true);
        let verdict = strict.explain(&request);
        assert_eq!(verdict.decision, Decision::ImplicitlyDenied);
        assert_eq!(verdict.missing_allow, Some((PolicyKind::ResourceBased, 0)));
    }

    #[test]
    fn verdicts_name_what_decided() {
        let grant = resource_policy("arn:aws:iam::111122223333:user/alice", "s3:GetObject");
        let request = Request::new("s3:GetObject", "arn:aws:s3:::b/k")
            .principal("arn:aws:iam::111122223333:user/alice");
        let auth = Authorizer::new().resource_policy(&grant);
        let verdict = auth.explain(&request);
        assert_eq!(
            verdict.to_string(),
            "Allowed: allowed by statement 0 of resource-based policy 0 (`Grant`)"
        );
        let ssm = policy("Allow", "ssm:*");
        let auth = Authorizer::new().identity(&ssm).scp(&ssm);
        let verdict = auth.explain(&Request::new("s3:GetObject", OBJECT));
        assert_eq!(
            verdict.to_string(),
            "ImplicitlyDenied: no applicable `Allow` in the service control policies of level 0"
        );
    }

    #[test]
    fn get_caller_identity_is_always_allowed() {
        let deny = policy("Deny", "*");
        let auth = Authorizer::new().identity(&deny).scp(&deny);
        assert_eq!(
            auth.evaluate(&Request::new("sts:GetCallerIdentity", "*")),
            Decision::Allowed
        );
    }
}
