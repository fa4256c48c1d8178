//! `Principal` and `NotPrincipal`: the compiled entries, the caller of a request, and how they
//! match (docs/semantics.md section 9.3 and decisions 9.5).
//!
//! Parsed once: validation reads each value with [`parse_aws`] and the other readers here, and
//! lowering keeps the result as [`PrincipalPattern`]s. The caller of a request is read from its ARN
//! by [`Caller::parse`], which borrows and never allocates.

use crate::compiled::{Effect, List, Str};

/// The `Principal` (`negated: false`) or `NotPrincipal` (`negated: true`) of a statement.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Principals {
    /// `true` for `NotPrincipal`: the statement applies to every caller the entries do not match.
    pub negated: bool,
    /// The statement has a positive condition on `aws:PrincipalArn` (`StringEquals`, `ArnLike`,
    /// ... without `IfExists`): a `"*"` entry then names the principal itself (section 9.2).
    pub scoped_by_principal_arn: bool,
    /// ORed.
    pub entries: List<PrincipalPattern>,
}

/// One principal named by a policy.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PrincipalPattern {
    /// `"Principal": "*"`: everyone, service principals and anonymous callers included.
    Everyone,
    /// `{"AWS": "*"}`: every AWS principal and anonymous callers.
    AnyAws,
    /// An account, written as its ID or its `:root` ARN: any principal of the account.
    Account(Str),
    /// An IAM user: its account and the part after `user/` (path and name).
    User {
        /// The user's account ID.
        account: Str,
        /// `path/name`: everything after `user/`.
        name: Str,
    },
    /// An IAM role: every session of it. The name without its path (a session ARN has none).
    Role {
        /// The role's account ID.
        account: Str,
        /// The role name, its path removed.
        name: Str,
    },
    /// One role session.
    Session {
        /// The role's account ID.
        account: Str,
        /// The role name, without its path.
        role: Str,
        /// The session name given when the role was assumed.
        session: Str,
    },
    /// A federated-user session (`GetFederationToken`).
    FederatedUser {
        /// The account that issued the session.
        account: Str,
        /// The name given to `GetFederationToken`.
        name: Str,
    },
    /// A service principal (`s3.amazonaws.com`).
    Service(Str),
    /// An identity provider: SAML or OIDC provider ARN, or a web identity domain.
    Federated(Str),
    /// An Amazon S3 canonical user ID.
    CanonicalUser(Str),
    /// An entry no caller can be shown to match (an IAM unique ID, a partial wildcard): an `Allow`
    /// never matches it, a `Deny` applies to every caller (fail closed, decision 9.5 #10).
    Unresolved(Str),
}

/// How strongly an `Allow` of a resource-based policy names the caller, which decides what else
/// must allow (section 9.2). Ordered from weakest to strongest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grant {
    /// The caller's account: delegates to its identity policies.
    Account,
    /// The role behind the caller's session, or a bare `"*"`: limited by the permissions boundary
    /// and the session policy.
    Via,
    /// The caller itself (user, session, federated user, service, provider), or `"*"` scoped by
    /// an `aws:PrincipalArn` condition: grants on its own.
    Direct,
}

/// Who makes a request, read from its ARN. Borrowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Caller<'a> {
    /// No principal given: only a `"*"` principal matches it, and a `Deny` naming anyone applies.
    #[default]
    Unspecified,
    /// An anonymous (unsigned) request: `"*"`.
    Anonymous,
    /// The root user of an account (`arn:aws:iam::A:root`).
    Root {
        /// The account ID.
        account: &'a str,
    },
    /// An IAM user (`arn:aws:iam::A:user/path/name`); `name` is `path/name`.
    User {
        /// The user's account ID.
        account: &'a str,
        /// `path/name`: everything after `user/`.
        name: &'a str,
    },
    /// A role session (`arn:aws:sts::A:assumed-role/R/s`), or any session of a role given by its
    /// ARN (`arn:aws:iam::A:role/path/R`, `session: None`).
    Session {
        /// The role's account ID.
        account: &'a str,
        /// The role name, without its path.
        role: &'a str,
        /// The session name; `None` for a role ARN, which stands for any of its sessions.
        session: Option<&'a str>,
        /// A service-linked role (`aws-service-role/` path or `AWSServiceRoleFor` name), which
        /// AWS services assume on their own behalf.
        service_linked: bool,
    },
    /// A `GetFederationToken` session (`arn:aws:sts::A:federated-user/N`).
    FederatedUser {
        /// The account that issued the session.
        account: &'a str,
        /// The name given to `GetFederationToken`.
        name: &'a str,
    },
    /// A service principal (`lambda.amazonaws.com`).
    Service(&'a str),
    /// A caller federated by an identity provider (its provider ARN or domain), before it holds
    /// a role session.
    Federated(&'a str),
    /// An Amazon S3 canonical user ID (64 hexadecimal digits).
    CanonicalUser(&'a str),
    /// Text that is none of the above: it matches only `"*"`.
    Unknown(&'a str),
}

/// The principal side of a request, as statements see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrincipalContext<'a> {
    /// Who makes the request.
    pub caller: Caller<'a>,
    /// The weakest [`Grant`] an `Allow` must give for it to apply (the authorizer raises it to
    /// learn how strongly a resource-based policy names the caller).
    pub floor: Grant,
    /// The caller has a permissions boundary: `NotPrincipal` never exempts it (section 9.2).
    pub has_boundary: bool,
}

impl PrincipalContext<'_> {
    /// No caller known, every grant accepted.
    pub const UNSPECIFIED: PrincipalContext<'static> = PrincipalContext {
        caller: Caller::Unspecified,
        floor: Grant::Account,
        has_boundary: false,
    };
}

impl<'a> Caller<'a> {
    /// Reads a caller from its ARN (or `"*"`, a service principal, a provider, a canonical ID).
    #[must_use]
    pub fn parse(text: &'a str) -> Caller<'a> {
        if text == "*" {
            return Caller::Anonymous;
        }
        if let Some(arn) = IamArn::parse(text) {
            let account = arn.account;
            return match (arn.service, arn.resource.split_once('/')) {
                ("iam", None) if arn.resource == "root" => Caller::Root { account },
                ("iam", Some(("user", name))) if !name.is_empty() => Caller::User { account, name },
                ("iam", Some(("role", path_name))) if !path_name.is_empty() => Caller::Session {
                    account,
                    role: last_segment(path_name),
                    session: None,
                    service_linked: path_name.starts_with("aws-service-role/"),
                },
                ("iam", Some(("saml-provider" | "oidc-provider", _))) => Caller::Federated(text),
                ("sts", Some(("assumed-role", rest))) => match rest.split_once('/') {
                    Some((role, session)) if !role.is_empty() && !session.is_empty() => {
                        Caller::Session {
                            account,
                            role,
                            session: Some(session),
                            service_linked: role.starts_with("AWSServiceRoleFor"),
                        }
                    }
                    _ => Caller::Unknown(text),
                },
                ("sts", Some(("federated-user", name))) if !name.is_empty() => {
                    Caller::FederatedUser { account, name }
                }
                _ => Caller::Unknown(text),
            };
        }
        if is_service_principal(text) {
            return Caller::Service(text);
        }
        if is_web_identity_provider(text) {
            return Caller::Federated(text);
        }
        if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Caller::CanonicalUser(text);
        }
        Caller::Unknown(text)
    }

    /// The account of the caller (of the user or role behind a session); `None` for services,
    /// providers, anonymous and unknown callers.
    #[must_use]
    pub fn account(&self) -> Option<&'a str> {
        match *self {
            Caller::Root { account }
            | Caller::User { account, .. }
            | Caller::Session { account, .. }
            | Caller::FederatedUser { account, .. } => Some(account),
            _ => None,
        }
    }

    /// True for the root user.
    #[must_use]
    pub fn is_root(&self) -> bool {
        matches!(self, Caller::Root { .. })
    }

    /// True for a session of a service-linked role, which SCPs and RCPs do not restrict.
    #[must_use]
    pub fn is_service_linked(&self) -> bool {
        matches!(
            self,
            Caller::Session {
                service_linked: true,
                ..
            }
        )
    }
}

/// The last `/`-separated segment (a role name without its path).
fn last_segment(path_name: &str) -> &str {
    path_name.rsplit('/').next().unwrap_or(path_name)
}

/// An IAM or STS ARN: `arn:PARTITION:iam|sts::ACCOUNT:RESOURCE`, account of 12 digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IamArn<'a> {
    /// The partition (`aws`, `aws-cn`, ...).
    pub partition: &'a str,
    /// `iam` or `sts`.
    pub service: &'a str,
    /// The 12-digit account ID.
    pub account: &'a str,
    /// Everything after the account: `root`, `user/path/name`, `assumed-role/R/s`, ...
    pub resource: &'a str,
}

impl<'a> IamArn<'a> {
    /// Reads `text` as an IAM or STS ARN with no region and a 12-digit account; `None` otherwise.
    #[must_use]
    pub fn parse(text: &'a str) -> Option<IamArn<'a>> {
        let [arn, partition, service, region, account, resource] = crate::eval::split_arn(text)?;
        (arn == "arn"
            && is_partition(partition)
            && matches!(service, "iam" | "sts")
            && region.is_empty()
            && is_account_id(account))
        .then_some(IamArn {
            partition,
            service,
            account,
            resource,
        })
    }
}

/// `aws`, `aws-cn`, `aws-us-gov`, `aws-iso-b`, ...
#[must_use]
pub fn is_partition(text: &str) -> bool {
    text == "aws"
        || text.strip_prefix("aws-").is_some_and(|rest| {
            !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        })
}

/// Twelve digits.
#[must_use]
pub fn is_account_id(text: &str) -> bool {
    text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit())
}

/// `name.amazonaws.com` (or `.amazonaws.com.cn`), the name of lowercase letters, digits, `-`
/// and `.`.
#[must_use]
pub fn is_service_principal(text: &str) -> bool {
    let name = text
        .strip_suffix(".amazonaws.com")
        .or_else(|| text.strip_suffix(".amazonaws.com.cn"));
    name.is_some_and(|name| {
        !name.is_empty()
            && !name.starts_with(['.', '-'])
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
    })
}

/// The web identity providers a trust policy may name by domain.
pub const WEB_IDENTITY_PROVIDERS: [&str; 4] = [
    "cognito-identity.amazonaws.com",
    "www.amazon.com",
    "graph.facebook.com",
    "accounts.google.com",
];

fn is_web_identity_provider(text: &str) -> bool {
    WEB_IDENTITY_PROVIDERS.contains(&text)
}

/// What kind of identity provider a `Federated` value names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProviderKind {
    /// `arn:aws:iam::A:saml-provider/N`: `sts:AssumeRoleWithSAML`.
    Saml,
    /// An OIDC provider ARN or a web identity domain: `sts:AssumeRoleWithWebIdentity`.
    WebIdentity,
}

/// The kind of a `Federated` value, `None` when it is neither a provider ARN nor a domain.
#[must_use]
pub fn provider_kind(text: &str) -> Option<ProviderKind> {
    if let Some(arn) = IamArn::parse(text) {
        return match arn.resource.split_once('/') {
            Some(("saml-provider", name)) if arn.service == "iam" && !name.is_empty() => {
                Some(ProviderKind::Saml)
            }
            Some(("oidc-provider", host)) if arn.service == "iam" && !host.is_empty() => {
                Some(ProviderKind::WebIdentity)
            }
            _ => None,
        };
    }
    let domain = !text.is_empty()
        && text.contains('.')
        && !text.contains("://")
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'/' | b'_'));
    domain.then_some(ProviderKind::WebIdentity)
}

/// An `AWS` principal value, read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AwsValue<'a> {
    /// `*`: every AWS principal.
    Any,
    /// A 12-digit account ID, written bare or as `arn:...:iam::ACCOUNT:root`.
    Account(&'a str),
    /// `arn:aws:iam::A:user/path/name`.
    User {
        /// The user's account ID.
        account: &'a str,
        /// `path/name`: everything after `user/`.
        name: &'a str,
    },
    /// `arn:aws:iam::A:role/path/name`: every session of the role.
    Role {
        /// The role's account ID.
        account: &'a str,
        /// The role name, its path removed.
        name: &'a str,
    },
    /// `arn:aws:sts::A:assumed-role/R/s`: one session of a role.
    Session {
        /// The role's account ID.
        account: &'a str,
        /// The role name.
        role: &'a str,
        /// The session name.
        session: &'a str,
    },
    /// `arn:aws:sts::A:federated-user/N`.
    FederatedUser {
        /// The account that issued the session.
        account: &'a str,
        /// The name given to `GetFederationToken`.
        name: &'a str,
    },
    /// An IAM unique ID (`AIDA...` user, `AROA...` role): accepted by AWS, better as an ARN.
    UniqueId {
        /// `true` for a user ID (`AIDA...`), `false` for a role ID (`AROA...`).
        user: bool,
    },
}

/// Why an `AWS` principal value is not valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AwsProblem {
    /// `*` or `?` anywhere but a lone `"*"`.
    Wildcard,
    /// A user group: never a principal.
    Group,
    /// Not an account ID, an IAM/STS ARN of a principal or a unique ID.
    Format,
}

/// Reads an `AWS` principal value.
pub fn parse_aws(text: &str) -> Result<AwsValue<'_>, AwsProblem> {
    if text == "*" {
        return Ok(AwsValue::Any);
    }
    if text.contains(['*', '?']) {
        return Err(AwsProblem::Wildcard);
    }
    if is_account_id(text) {
        return Ok(AwsValue::Account(text));
    }
    if let Some(arn) = IamArn::parse(text) {
        let account = arn.account;
        return match (arn.service, arn.resource.split_once('/')) {
            ("iam", None) if arn.resource == "root" => Ok(AwsValue::Account(account)),
            ("iam", Some(("user", name))) if !name.is_empty() => {
                Ok(AwsValue::User { account, name })
            }
            ("iam", Some(("role", path_name))) if !path_name.is_empty() => Ok(AwsValue::Role {
                account,
                name: last_segment(path_name),
            }),
            ("iam", Some(("group", _))) => Err(AwsProblem::Group),
            ("sts", Some(("assumed-role", rest))) => match rest.split_once('/') {
                Some((role, session))
                    if !role.is_empty() && !session.is_empty() && !session.contains('/') =>
                {
                    Ok(AwsValue::Session {
                        account,
                        role,
                        session,
                    })
                }
                _ => Err(AwsProblem::Format),
            },
            ("sts", Some(("federated-user", name))) if !name.is_empty() => {
                Ok(AwsValue::FederatedUser { account, name })
            }
            _ => Err(AwsProblem::Format),
        };
    }
    let unique = |prefix: &str| {
        text.len() >= 16
            && text.starts_with(prefix)
            && text
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    };
    if unique("AIDA") {
        return Ok(AwsValue::UniqueId { user: true });
    }
    if unique("AROA") {
        return Ok(AwsValue::UniqueId { user: false });
    }
    Err(AwsProblem::Format)
}

impl PrincipalPattern {
    /// The compiled entry of a valid `AWS` value; `Unresolved` for anything else.
    #[must_use]
    pub fn aws(text: &str) -> PrincipalPattern {
        let s = |t: &str| Str::Owned(t.to_owned());
        match parse_aws(text) {
            Ok(AwsValue::Any) => PrincipalPattern::AnyAws,
            Ok(AwsValue::Account(account)) => PrincipalPattern::Account(s(account)),
            Ok(AwsValue::User { account, name }) => PrincipalPattern::User {
                account: s(account),
                name: s(name),
            },
            Ok(AwsValue::Role { account, name }) => PrincipalPattern::Role {
                account: s(account),
                name: s(name),
            },
            Ok(AwsValue::Session {
                account,
                role,
                session,
            }) => PrincipalPattern::Session {
                account: s(account),
                role: s(role),
                session: s(session),
            },
            Ok(AwsValue::FederatedUser { account, name }) => PrincipalPattern::FederatedUser {
                account: s(account),
                name: s(name),
            },
            Ok(AwsValue::UniqueId { .. }) | Err(_) => PrincipalPattern::Unresolved(s(text)),
        }
    }

    /// The grant this entry gives the caller in an `Allow`, `None` when it does not name it.
    fn grant(&self, caller: &Caller<'_>, scoped: bool) -> Option<Grant> {
        let star = if scoped { Grant::Direct } else { Grant::Via };
        match (self, *caller) {
            (PrincipalPattern::Everyone, _) => Some(star),
            // Decision 9.5 #4: `{"AWS": "*"}` does not grant to a service principal.
            (PrincipalPattern::AnyAws, Caller::Service(_)) => None,
            (PrincipalPattern::AnyAws, _) => Some(star),
            (PrincipalPattern::Account(a), c) => (c.account() == Some(a)).then_some(Grant::Account),
            (
                PrincipalPattern::User { account, name },
                Caller::User {
                    account: a,
                    name: n,
                },
            ) => (account == a && name == n).then_some(Grant::Direct),
            (
                PrincipalPattern::Role { account, name },
                Caller::Session {
                    account: a, role, ..
                },
            ) => (account == a && name == role).then_some(Grant::Via),
            (
                PrincipalPattern::Session {
                    account,
                    role,
                    session,
                },
                Caller::Session {
                    account: a,
                    role: r,
                    session: Some(s),
                    ..
                },
            ) => (account == a && role == r && session == s).then_some(Grant::Direct),
            (
                PrincipalPattern::FederatedUser { account, name },
                Caller::FederatedUser {
                    account: a,
                    name: n,
                },
            ) => (account == a && name == n).then_some(Grant::Direct),
            (PrincipalPattern::Service(s), Caller::Service(c)) => {
                s.eq_ignore_ascii_case(c).then_some(Grant::Direct)
            }
            (PrincipalPattern::Federated(f), Caller::Federated(c)) => {
                (f == c).then_some(Grant::Direct)
            }
            (PrincipalPattern::CanonicalUser(id), Caller::CanonicalUser(c)) => {
                id.eq_ignore_ascii_case(c).then_some(Grant::Direct)
            }
            _ => None,
        }
    }

    /// True when a `Deny` naming this entry applies to the caller. What cannot be decided
    /// applies (fail closed): an unresolved entry, an unspecified caller, a canonical user ID
    /// against a caller known only by its ARN.
    fn denies(&self, caller: &Caller<'_>) -> bool {
        match (self, caller) {
            (PrincipalPattern::Everyone | PrincipalPattern::AnyAws, _) => true,
            (PrincipalPattern::Unresolved(_), _) | (_, Caller::Unspecified) => true,
            (PrincipalPattern::CanonicalUser(_), c) => {
                !matches!(c, Caller::CanonicalUser(_) | Caller::Service(_))
                    || self.grant(c, false).is_some()
            }
            _ => self.grant(caller, false).is_some(),
        }
    }

    fn is_account(&self, account: &str) -> bool {
        matches!(self, PrincipalPattern::Account(a) if a == account)
    }
}

impl Principals {
    /// The strongest grant of this `Principal` to the caller, for an `Allow`.
    #[must_use]
    pub fn grant(&self, caller: &Caller<'_>) -> Option<Grant> {
        if self.negated {
            return None;
        }
        self.entries
            .iter()
            .filter_map(|e| e.grant(caller, self.scoped_by_principal_arn))
            .max()
    }

    /// True when a `Deny` with this `Principal` or `NotPrincipal` applies to the caller.
    #[must_use]
    pub fn denies(&self, context: &PrincipalContext<'_>) -> bool {
        if !self.negated {
            return self.entries.iter().any(|e| e.denies(&context.caller));
        }
        !(self.exempts(context))
    }

    /// `NotPrincipal` exempts the caller only when every ARN AWS might check is listed
    /// (decision 9.5 #5), and never a caller with a permissions boundary.
    fn exempts(&self, context: &PrincipalContext<'_>) -> bool {
        if context.has_boundary {
            return false;
        }
        let caller = context.caller;
        let listed = |pattern: &dyn Fn(&PrincipalPattern) -> bool| self.entries.iter().any(pattern);
        if listed(&|e| matches!(e, PrincipalPattern::Everyone)) {
            return true;
        }
        let any_aws = listed(&|e| matches!(e, PrincipalPattern::AnyAws));
        let direct = listed(&|e| e.grant(&caller, false) == Some(Grant::Direct));
        match caller {
            Caller::Unspecified | Caller::Unknown(_) => false,
            Caller::Anonymous => any_aws,
            Caller::Service(_) | Caller::Federated(_) | Caller::CanonicalUser(_) => direct,
            Caller::Root { account } => any_aws || listed(&|e| e.is_account(account)),
            Caller::User { account, .. } | Caller::FederatedUser { account, .. } => {
                any_aws || (listed(&|e| e.is_account(account)) && direct)
            }
            Caller::Session { account, .. } => {
                any_aws
                    || (listed(&|e| e.is_account(account))
                        && listed(&|e| e.grant(&caller, false) == Some(Grant::Via))
                        && direct)
            }
        }
    }
}

/// Whether a statement's principal part lets it apply: always for statements without one; for an
/// `Allow`, a grant at least as strong as the context's floor; for a `Deny`, [`Principals::denies`].
#[inline]
#[must_use]
pub fn applies(
    principals: Option<&Principals>,
    effect: Effect,
    context: &PrincipalContext<'_>,
) -> bool {
    let Some(principals) = principals else {
        return true;
    };
    match effect {
        Effect::Allow => principals
            .grant(&context.caller)
            .is_some_and(|grant| grant >= context.floor),
        Effect::Deny => principals.denies(context),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn principals(values: &[&str]) -> Principals {
        Principals {
            negated: false,
            scoped_by_principal_arn: false,
            entries: values.iter().map(|v| PrincipalPattern::aws(v)).collect(),
        }
    }

    #[test]
    fn callers() {
        assert_eq!(
            Caller::parse("arn:aws:sts::111122223333:assumed-role/R/s"),
            Caller::Session {
                account: "111122223333",
                role: "R",
                session: Some("s"),
                service_linked: false
            }
        );
        assert_eq!(
            Caller::parse("arn:aws:iam::111122223333:role/aws-service-role/x/AWSServiceRoleForX"),
            Caller::Session {
                account: "111122223333",
                role: "AWSServiceRoleForX",
                session: None,
                service_linked: true
            }
        );
        assert_eq!(
            Caller::parse("s3.amazonaws.com"),
            Caller::Service("s3.amazonaws.com")
        );
        assert_eq!(Caller::parse("*"), Caller::Anonymous);
        assert!(matches!(
            Caller::parse("arn:aws:iam::1:user/x"),
            Caller::Unknown(_)
        ));
        assert_eq!(
            Caller::parse("arn:aws:iam::111122223333:root").account(),
            Some("111122223333")
        );
    }

    #[test]
    fn grants() {
        let session = Caller::parse("arn:aws:sts::111122223333:assumed-role/R/s");
        let p = principals(&["arn:aws:iam::111122223333:role/path/R"]);
        assert_eq!(p.grant(&session), Some(Grant::Via));
        let p = principals(&["111122223333", "arn:aws:sts::111122223333:assumed-role/R/s"]);
        assert_eq!(p.grant(&session), Some(Grant::Direct));
        let p = principals(&["arn:aws:iam::111122223333:root"]);
        assert_eq!(p.grant(&session), Some(Grant::Account));
        assert_eq!(
            p.grant(&Caller::parse("arn:aws:iam::444455556666:user/u")),
            None
        );
        let any = principals(&["*"]);
        assert_eq!(any.grant(&Caller::Service("s3.amazonaws.com")), None);
        assert!(any.denies(&PrincipalContext {
            caller: Caller::Service("s3.amazonaws.com"),
            ..PrincipalContext::UNSPECIFIED
        }));
    }

    #[test]
    fn not_principal_needs_every_arn() {
        let session = Caller::parse("arn:aws:sts::111122223333:assumed-role/R/s");
        let ctx = PrincipalContext {
            caller: session,
            ..PrincipalContext::UNSPECIFIED
        };
        let mut p = principals(&[
            "arn:aws:iam::111122223333:root",
            "arn:aws:iam::111122223333:role/R",
            "arn:aws:sts::111122223333:assumed-role/R/s",
        ]);
        p.negated = true;
        assert!(!p.denies(&ctx));
        assert!(p.denies(&PrincipalContext {
            has_boundary: true,
            ..ctx
        }));
        p.entries = Cow::Owned(p.entries[1..].to_vec());
        assert!(p.denies(&ctx));
    }

    #[test]
    fn aws_values() {
        assert_eq!(
            parse_aws("arn:aws:iam::111122223333:role/*"),
            Err(AwsProblem::Wildcard)
        );
        assert_eq!(
            parse_aws("arn:aws:iam::111122223333:group/g"),
            Err(AwsProblem::Group)
        );
        assert_eq!(parse_aws("alice"), Err(AwsProblem::Format));
        assert_eq!(
            provider_kind("arn:aws:iam::111122223333:saml-provider/Okta"),
            Some(ProviderKind::Saml)
        );
        assert_eq!(
            provider_kind("accounts.google.com"),
            Some(ProviderKind::WebIdentity)
        );
        assert_eq!(provider_kind("https://x"), None);
    }
}
