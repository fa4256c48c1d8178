//! The rules that depend on the policy type (docs/semantics.md section 9.4): which statements
//! need or refuse a principal, the resource rules of trust policies, the SCP and RCP syntax, the
//! actions that go with each kind of principal in a trust policy.

use std::collections::HashMap;

use super::document::{Block, Document, StatementModel};
use super::policy_type::{Family, PolicyType};
use super::{Validator, principal};
use crate::codes;
use crate::compiled::{ActionPattern, Effect, Segment};
use crate::diagnostic::Finding;
use crate::json::{Member, Node};
use crate::location::JsonPath;
use crate::principal::{PrincipalPattern, ProviderKind};

/// Reads the statement's `Principal`/`NotPrincipal` where the type takes one, and reports it
/// where the type refuses it or it is missing.
pub(crate) fn principals<'t>(
    v: &mut Validator,
    m: &HashMap<&str, &Member<'t>>,
    effect: Effect,
    node: &Node,
    path: &JsonPath,
) -> Option<Block<'t, PrincipalPattern>> {
    let policy_type = v.options.policy_type;
    let family = policy_type.family();
    let principal = m.get("Principal").copied();
    let not_principal = m.get("NotPrincipal").copied();
    if !policy_type.has_principals() {
        for (name, member) in [("Principal", principal), ("NotPrincipal", not_principal)] {
            let Some(member) = member else { continue };
            let finding = if family == Family::Scp {
                Finding::new(
                    codes::SCP_SYNTAX_ERROR_PRINCIPAL,
                    format!("a service control policy cannot have a `{name}` element"),
                )
                .with_help(format!(
                    "remove `{name}`: an SCP applies to every principal of the accounts it is attached to; to exempt some, use a condition on `aws:PrincipalArn`"
                ))
            } else {
                Finding::new(
                    codes::UNSUPPORTED_PRINCIPAL,
                    format!("{} cannot have a `{name}` element", policy_type.description()),
                )
                .with_help(format!(
                    "remove `{name}`: the policy applies to the identity it is attached to; for a resource-based policy, give its type (`kind = S3Bucket` in `policy!`, `Policy::from_json_as(text, PolicyType::S3Bucket)`, `--policy-type s3-bucket` in the CLI)"
                ))
            };
            v.report(finding, &path.key(name), member.key_loc);
        }
        return None;
    }
    if let (Some(_), Some(n)) = (principal, not_principal) {
        v.report(
            Finding::new(
                codes::UNSUPPORTED_ELEMENT_COMBINATION,
                "`Principal` and `NotPrincipal` cannot be used in the same statement",
            )
            .with_help("remove `NotPrincipal` or `Principal`"),
            &path.key("NotPrincipal"),
            n.key_loc,
        );
    }
    if let Some(member) = principal {
        let block = principal::read(v, member, false, path);
        check_principal_for_type(v, policy_type, &block, member, path);
        return Some(block);
    }
    if let Some(member) = not_principal {
        match family {
            Family::Trust => v.report(
                Finding::new(
                    codes::ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL,
                    "a role trust policy cannot have a `NotPrincipal` element",
                )
                .with_help("name who may assume the role in `Principal`"),
                &path.key("NotPrincipal"),
                member.key_loc,
            ),
            Family::Rcp => v.report(
                Finding::new(
                    codes::RCP_SYNTAX_ERROR_PRINCIPAL,
                    "a resource control policy cannot have a `NotPrincipal` element",
                )
                .with_help("use `\"Principal\": \"*\"` with a condition on `aws:PrincipalArn` or `aws:PrincipalAccount`"),
                &path.key("NotPrincipal"),
                member.key_loc,
            ),
            _ => principal::check_effect(v, effect, member, path),
        }
        return Some(principal::read(v, member, true, path));
    }
    if !v.misspelt_any(path, &["Principal", "NotPrincipal"]) {
        v.report(
            Finding::new(
                codes::MISSING_PRINCIPAL,
                format!("the statement has no `Principal`: {} must name who it applies to", policy_type.description()),
            )
            .with_help(match family {
                Family::Trust => "add the principal that may assume the role, for example `\"Principal\": {\"Service\": \"ec2.amazonaws.com\"}`",
                Family::Rcp => "add `\"Principal\": \"*\"`",
                _ => "add a `Principal`, for example `\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}`",
            }),
            path,
            node.loc,
        );
    }
    // Nobody named: the statement applies to no caller (a `Deny` to every one would be a guess).
    Some(Block {
        negated: false,
        entries: Vec::new(),
    })
}

fn check_principal_for_type(
    v: &mut Validator,
    policy_type: PolicyType,
    block: &Block<PrincipalPattern>,
    member: &Member,
    path: &JsonPath,
) {
    let everyone = block
        .entries
        .iter()
        .find(|e| e.value == PrincipalPattern::Everyone);
    match (policy_type.family(), everyone) {
        (Family::Trust, Some(e)) => {
            v.report(
                    Finding::new(
                        codes::ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL,
                        "`\"Principal\": \"*\"` is not allowed in a role trust policy",
                    )
                    .with_help("name the accounts, roles, services or identity providers that may assume the role"),
                    &e.path,
                    e.loc,
                );
        }
        (Family::Rcp, None) => {
            v.report(
                    Finding::new(
                        codes::RCP_SYNTAX_ERROR_PRINCIPAL,
                        "the `Principal` of a resource control policy must be `\"*\"`",
                    )
                    .with_help("use `\"Principal\": \"*\"` with a condition on `aws:PrincipalArn` or `aws:PrincipalAccount` to exempt principals"),
                    &path.key("Principal"),
                    member.key_loc,
                );
        }
        _ => {}
    }
}

/// A `Resource` or `NotResource` in a statement of a type that refuses one.
pub(crate) fn check_resource_allowed(v: &mut Validator, member: &Member, path: &JsonPath) {
    if v.options.policy_type.family() == Family::Trust {
        v.report(
            Finding::new(
                codes::ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE,
                format!("a role trust policy cannot have a `{}` element: it applies to the role it is attached to", member.key),
            )
            .with_help(format!("remove `{}`", member.key)),
            &path.key(&member.key),
            member.key_loc,
        );
    }
}

/// The rules on a whole statement: the RCP syntax.
pub(crate) fn check_statement(v: &mut Validator, s: &StatementModel, m: &HashMap<&str, &Member>) {
    if v.options.policy_type.family() != Family::Rcp {
        return;
    }
    if let Some(member) = m.get("NotAction") {
        v.report(
            Finding::new(
                codes::RCP_SYNTAX_ERROR_NOTACTION,
                "a resource control policy cannot have a `NotAction` element",
            )
            .with_help("list the denied actions in `Action`"),
            &s.path.key("NotAction"),
            member.key_loc,
        );
    }
    if s.effect == Effect::Allow && !is_full_access(s) {
        let at = m.get("Effect").map(|e| e.value.loc).unwrap_or(s.loc);
        v.report(
            Finding::new(
                codes::RCP_SYNTAX_ERROR_ALLOW,
                "a resource control policy can only deny: `Allow` is reserved for `RCPFullAWSAccess`",
            )
            .with_help("use `\"Effect\": \"Deny\"` with a condition that says when to deny"),
            &s.path.key("Effect"),
            at,
        );
    }
    if s.effect == Effect::Deny && !s.actions.negated {
        for entry in &s.actions.entries {
            if entry.value == ActionPattern::Any {
                v.report(
                    Finding::new(
                        codes::RCP_SYNTAX_ERROR_ACTION,
                        "a resource control policy cannot deny the action `*`: name the service, as in `s3:*`",
                    )
                    .with_help("use `SERVICE:*` for each service the policy protects"),
                    &entry.path,
                    entry.loc,
                );
            }
        }
    }
}

/// `RCPFullAWSAccess`: allow `*` on `*` to `"*"`, without conditions.
fn is_full_access(s: &StatementModel) -> bool {
    let all_actions = !s.actions.negated
        && s.actions
            .entries
            .iter()
            .any(|e| e.value == ActionPattern::Any);
    let all_resources = !s.resources.negated
        && s.resources
            .entries
            .iter()
            .any(|e| e.value == crate::compiled::ResourcePattern::Any);
    all_actions && all_resources && s.conditions.is_empty()
}

/// The checks across a trust policy's statement: each `sts:AssumeRole*` action with the kind
/// of principal it works with, and role sessions listed next to their role.
pub(crate) fn check_across(v: &mut Validator, document: &Document) {
    check_vpc_ids(v, document);
    if v.options.policy_type.family() != Family::Trust {
        return;
    }
    for s in &document.statements {
        let Some(principals) = &s.principals else {
            continue;
        };
        check_actions_for_principals(v, s, principals);
        check_redundant_sessions(v, principals);
    }
}

/// The kind of caller that each `AssumeRole` action takes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Assume {
    Plain,
    Saml,
    WebIdentity,
}

fn assume_action(pattern: &ActionPattern) -> Option<Assume> {
    let ActionPattern::Named { service, name } = pattern else {
        return None;
    };
    if service != "sts" {
        return None;
    }
    let [Segment::Literal(name)] = &name.segments[..] else {
        return None;
    };
    match name.to_ascii_lowercase().as_str() {
        "assumerole" => Some(Assume::Plain),
        "assumerolewithsaml" => Some(Assume::Saml),
        "assumerolewithwebidentity" => Some(Assume::WebIdentity),
        _ => None,
    }
}

fn principal_assume(pattern: &PrincipalPattern) -> Assume {
    match pattern {
        PrincipalPattern::Federated(f) => match crate::principal::provider_kind(f) {
            Some(ProviderKind::Saml) => Assume::Saml,
            _ => Assume::WebIdentity,
        },
        _ => Assume::Plain,
    }
}

fn check_actions_for_principals(
    v: &mut Validator,
    s: &StatementModel,
    principals: &Block<PrincipalPattern>,
) {
    if s.actions.negated {
        return;
    }
    for action in &s.actions.entries {
        let Some(wanted) = assume_action(&action.value) else {
            continue;
        };
        let wrong: Vec<&str> = principals
            .entries
            .iter()
            .filter(|p| principal_assume(&p.value) != wanted)
            .map(|p| p.text.as_ref())
            .collect();
        if wrong.is_empty() {
            continue;
        }
        let names = wrong
            .iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(", ");
        v.report(
            Finding::new(
                codes::MISMATCHED_ACTION_FOR_PRINCIPAL,
                format!("the action `{}` does not work with the principal {names}", action.text),
            )
            .with_help("use `sts:AssumeRoleWithSAML` with a SAML provider, `sts:AssumeRoleWithWebIdentity` with an OIDC provider or web identity domain, and `sts:AssumeRole` with AWS and service principals"),
            &action.path,
            action.loc,
        );
    }
}

fn check_redundant_sessions(v: &mut Validator, principals: &Block<PrincipalPattern>) {
    for entry in &principals.entries {
        let PrincipalPattern::Session { account, role, .. } = &entry.value else {
            continue;
        };
        let parent = principals.entries.iter().find(|p| {
            matches!(&p.value, PrincipalPattern::Role { account: a, name } if a == account && name == role)
        });
        if let Some(parent) = parent {
            v.report(
                Finding::new(
                    codes::REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY,
                    format!(
                        "the role session `{}` is already trusted through its role `{}`",
                        entry.text, parent.text
                    ),
                )
                .with_help("remove the role session"),
                &entry.path,
                entry.loc,
            );
        }
    }
}

/// `aws:SourceVpce` and `aws:SourceVpc` values under a String operator: `vpce-`/`vpc-` and 8 or
/// 17 lowercase hexadecimal digits (values with a wildcard or a variable are patterns, not IDs).
fn check_vpc_ids(v: &mut Validator, document: &Document) {
    for s in &document.statements {
        for c in &s.conditions {
            if c.operator.value.base.family() != crate::operator::Family::String {
                continue;
            }
            let key = c.key.text.as_ref();
            let (code, prefix, what) = if key.eq_ignore_ascii_case("aws:SourceVpce") {
                (codes::INVALID_VPCE_FORMAT, "vpce-", "VPC endpoint")
            } else if key.eq_ignore_ascii_case("aws:SourceVpc") {
                (codes::INVALID_VPC_FORMAT, "vpc-", "VPC")
            } else {
                continue;
            };
            for value in &c.value_texts {
                let text = value.text.as_ref();
                if text.contains(['*', '?']) || text.contains("${") || is_vpc_id(text, prefix) {
                    continue;
                }
                v.report(
                    Finding::new(
                        code,
                        format!("`{text}` is not a {what} ID: `{key}` takes `{prefix}` and 8 or 17 hexadecimal digits"),
                    )
                    .with_help(format!("copy the ID from the VPC console, such as `{prefix}1a2b3c4d`")),
                    &value.path,
                    value.loc,
                );
            }
        }
    }
}

fn is_vpc_id(text: &str, prefix: &str) -> bool {
    text.strip_prefix(prefix).is_some_and(|id| {
        matches!(id.len(), 8 | 17)
            && id
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}
