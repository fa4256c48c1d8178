//! The conditions that principals of resource-based and trust policies need: Access Analyzer's
//! checks of OIDC providers (GitHub's in particular), of service principals, and of IAM Roles
//! Anywhere (docs/semantics.md, decision D34).

use super::Validator;
use super::document::{Located, StatementModel};
use super::policy_type::Family;
use super::role_grants::restricts;
use crate::codes;
use crate::compiled::{ActionPattern, ConditionValues, Effect, Segment};
use crate::diagnostic::Finding;
use crate::operator::{BaseOperator, Family as OperatorFamily};
use crate::pattern::{self, Case, NoVariables};
use crate::principal::{PrincipalPattern, ProviderKind, provider_kind};

/// GitHub Actions' OIDC provider, and the claim that names the repository and branch.
const GITHUB: &str = "token.actions.githubusercontent.com";
const GITHUB_SUB: &str = "token.actions.githubusercontent.com:sub";

/// The keys that name the resource or account a service principal acts for (the confused-deputy
/// keys of the global condition keys page).
const SOURCE_KEYS: [&str; 4] = [
    "aws:SourceArn",
    "aws:SourceAccount",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
];

/// The service principal of IAM Roles Anywhere and the actions its trust statements must allow.
const ROLES_ANYWHERE: &str = "rolesanywhere.amazonaws.com";
const ROLES_ANYWHERE_ACTIONS: [&str; 3] =
    ["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"];

pub(crate) fn check(v: &mut Validator, statements: &[StatementModel]) {
    let family = v.options.policy_type.family();
    for s in statements.iter().filter(|s| s.effect == Effect::Allow) {
        let Some(principals) = &s.principals else {
            continue;
        };
        if principals.negated {
            continue;
        }
        for entry in &principals.entries {
            match (&entry.value, family) {
                (PrincipalPattern::Federated(provider), Family::Trust) => {
                    check_provider(v, s, entry, provider);
                }
                (PrincipalPattern::Service(service), Family::Resource) => {
                    check_service(v, s, entry, service);
                }
                (PrincipalPattern::Service(service), Family::Trust)
                    if service.eq_ignore_ascii_case(ROLES_ANYWHERE) =>
                {
                    check_roles_anywhere(v, s, entry);
                }
                _ => {}
            }
        }
    }
}

/// The prefix of the condition keys an OIDC provider's tokens give: the host and path of its ARN
/// (`oidc-provider/HOST/PATH`), or the web identity domain itself.
pub(super) fn key_prefix(provider: &str) -> &str {
    match provider.split_once(":oidc-provider/") {
        Some((_, host)) => host,
        None => provider,
    }
}

/// The statement's conditions on keys of the provider `prefix` (`PREFIX:claim`), other than `Null`.
fn has_provider_key(s: &StatementModel, prefix: &str) -> bool {
    s.conditions.iter().any(|c| {
        c.operator.value.base != BaseOperator::Null
            && c.key
                .text
                .rsplit_once(':')
                .is_some_and(|(p, claim)| p.eq_ignore_ascii_case(prefix) && !claim.is_empty())
    })
}

fn check_provider(
    v: &mut Validator,
    s: &StatementModel,
    entry: &Located<PrincipalPattern>,
    provider: &str,
) {
    if provider_kind(provider) != Some(ProviderKind::WebIdentity) {
        return;
    }
    let prefix = key_prefix(provider);
    if prefix.eq_ignore_ascii_case(GITHUB) {
        check_github(v, s, entry);
        return;
    }
    if !has_provider_key(s, prefix) {
        v.report(
            Finding::new(
                codes::MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL,
                format!("the statement trusts the identity provider `{provider}` without a condition on its tokens: any identity it signs in can assume the role"),
            )
            .with_help(format!("add a condition on the provider's claims, such as `{prefix}:aud` (the application) and `{prefix}:sub` (the user or workload)")),
            &entry.path,
            entry.loc,
        );
    }
}

fn check_github(v: &mut Validator, s: &StatementModel, entry: &Located<PrincipalPattern>) {
    let subs: Vec<_> = s
        .conditions
        .iter()
        .filter(|c| {
            c.key.text.eq_ignore_ascii_case(GITHUB_SUB)
                && !c.operator.value.is_negated()
                && c.operator.value.base.family() == OperatorFamily::String
                && c.operator.value.base != BaseOperator::Null
        })
        .collect();
    if subs.is_empty() {
        v.report(
            Finding::new(
                codes::MISSING_GITHUB_REPO_CONDITION_KEY,
                format!("the statement trusts GitHub Actions without a condition on `{GITHUB_SUB}`: a workflow of any GitHub repository can assume the role"),
            )
            .with_help(format!("add `\"StringEquals\": {{\"{GITHUB_SUB}\": \"repo:OWNER/REPO:ref:refs/heads/BRANCH\"}}`")),
            &entry.path,
            entry.loc,
        );
        return;
    }
    for c in subs {
        let ConditionValues::Strings(globs) = &c.values else {
            continue;
        };
        let like = matches!(c.operator.value.base, BaseOperator::StringLike);
        for (glob, text) in globs.iter().zip(&c.value_texts) {
            let wildcard = glob
                .segments
                .iter()
                .any(|seg| matches!(seg, Segment::AnyRun | Segment::AnyOne));
            if like && wildcard {
                v.report(
                    Finding::new(
                        codes::SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED,
                        format!("the value `{}` of `{GITHUB_SUB}` has a wildcard: workflows of more repositories or branches than one can assume the role", text.text),
                    )
                    .with_help("name the repository and the branch or environment, as in `repo:OWNER/REPO:ref:refs/heads/main` or `repo:OWNER/REPO:environment:prod`"),
                    &text.path,
                    text.loc,
                );
            }
        }
    }
}

fn check_service(
    v: &mut Validator,
    s: &StatementModel,
    entry: &Located<PrincipalPattern>,
    service: &str,
) {
    if SOURCE_KEYS.iter().any(|key| restricts(s, key)) {
        return;
    }
    v.report(
        Finding::new(
            codes::RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL,
            format!("the statement grants to the service principal `{service}` without naming a source: the service can use it on behalf of any account's resources"),
        )
        .with_help("add a condition on `aws:SourceArn` (the resource the service acts for) or `aws:SourceAccount` (its account)"),
        &entry.path,
        entry.loc,
    );
}

fn check_roles_anywhere(v: &mut Validator, s: &StatementModel, entry: &Located<PrincipalPattern>) {
    let covered = |action: &str| {
        let (_, name) = action.split_once(':').expect("service:name");
        let name = name.to_ascii_lowercase();
        let matched = s.actions.entries.iter().any(|a| match &a.value {
            ActionPattern::Any => true,
            ActionPattern::Named {
                service,
                name: glob,
            } => service == "sts" && pattern::matches(glob, &name, Case::Sensitive, &NoVariables),
        });
        matched != s.actions.negated
    };
    let missing: Vec<String> = ROLES_ANYWHERE_ACTIONS
        .iter()
        .filter(|a| !covered(a))
        .map(|a| format!("`{a}`"))
        .collect();
    if missing.is_empty() {
        return;
    }
    v.report(
        Finding::new(
            codes::MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY,
            format!(
                "IAM Roles Anywhere needs `sts:AssumeRole`, `sts:SetSourceIdentity` and `sts:TagSession` to assume the role, and the statement does not allow {}",
                missing.join(", ")
            ),
        )
        .with_help("allow the three actions: `\"Action\": [\"sts:AssumeRole\", \"sts:SetSourceIdentity\", \"sts:TagSession\"]`"),
        &entry.path,
        entry.loc,
    );
}

#[cfg(test)]
mod tests {
    use crate::validate::PolicyType;
    use crate::validate::test_support::one_statement;

    const CODES: [&str; 5] = [
        "MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL",
        "MISSING_GITHUB_REPO_CONDITION_KEY",
        "SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED",
        "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL",
        "MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY",
    ];

    /// The codes of this module that a one-statement policy of `policy_type` gets.
    fn found(policy_type: PolicyType, statement: &str) -> Vec<&'static str> {
        one_statement(policy_type, statement)
            .into_iter()
            .map(|(code, _)| code)
            .filter(|c| CODES.contains(c))
            .collect()
    }

    fn trust(principal: &str, action: &str, condition: &str) -> Vec<&'static str> {
        let condition = if condition.is_empty() {
            String::new()
        } else {
            format!(r#","Condition":{condition}"#)
        };
        found(
            PolicyType::Trust,
            &format!(
                r#"{{"Effect":"Allow","Principal":{principal},"Action":{action}{condition}}}"#
            ),
        )
    }

    const EKS: &str = r#"{"Federated":"arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"}"#;
    const GITHUB: &str = r#"{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}"#;
    const WEB: &str = r#""sts:AssumeRoleWithWebIdentity""#;

    #[test]
    fn oidc_providers_need_a_condition_on_their_claims() {
        assert_eq!(
            trust(EKS, WEB, ""),
            ["MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL"]
        );
        let other_key = r#"{"StringEquals":{"aws:SourceIp":"192.0.2.1"}}"#;
        assert_eq!(
            trust(EKS, WEB, other_key),
            ["MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL"]
        );
        let null = r#"{"Null":{"oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub":"false"}}"#;
        assert_eq!(
            trust(EKS, WEB, null),
            ["MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL"]
        );
        let sub = r#"{"StringEquals":{"oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub":"system:serviceaccount:ns:app"}}"#;
        assert!(trust(EKS, WEB, sub).is_empty());
        let google = r#"{"Federated":"accounts.google.com"}"#;
        assert_eq!(
            trust(google, WEB, ""),
            ["MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL"]
        );
        assert!(
            trust(
                google,
                WEB,
                r#"{"StringEquals":{"accounts.google.com:aud":"app.apps.googleusercontent.com"}}"#
            )
            .is_empty()
        );
        // SAML providers, AWS and service principals are not OIDC providers.
        let saml = r#"{"Federated":"arn:aws:iam::111122223333:saml-provider/Okta"}"#;
        assert!(trust(saml, r#""sts:AssumeRoleWithSAML""#, "").is_empty());
        assert!(trust(r#"{"AWS":"111122223333"}"#, r#""sts:AssumeRole""#, "").is_empty());
        assert!(
            trust(
                r#"{"Service":"ec2.amazonaws.com"}"#,
                r#""sts:AssumeRole""#,
                ""
            )
            .is_empty()
        );
    }

    #[test]
    fn github_needs_a_specific_subject() {
        let aud =
            r#"{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}"#;
        assert_eq!(
            trust(GITHUB, WEB, ""),
            ["MISSING_GITHUB_REPO_CONDITION_KEY"]
        );
        assert_eq!(
            trust(GITHUB, WEB, aud),
            ["MISSING_GITHUB_REPO_CONDITION_KEY"]
        );
        let negated =
            r#"{"StringNotLike":{"token.actions.githubusercontent.com:sub":"repo:evil/*"}}"#;
        assert_eq!(
            trust(GITHUB, WEB, negated),
            ["MISSING_GITHUB_REPO_CONDITION_KEY"]
        );
        let exact = r#"{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:octo/app:ref:refs/heads/main"}}"#;
        assert!(trust(GITHUB, WEB, exact).is_empty());
        let like_exact = r#"{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo/app:environment:prod"}}"#;
        assert!(trust(GITHUB, WEB, like_exact).is_empty());
        for value in [
            "repo:octo/*",
            "repo:octo/app:*",
            "*",
            "repo:octo/app:ref:refs/heads/?ain",
        ] {
            let like = format!(
                r#"{{"StringLike":{{"token.actions.githubusercontent.com:sub":"{value}"}}}}"#
            );
            assert_eq!(
                trust(GITHUB, WEB, &like),
                ["SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED"],
                "{value}"
            );
        }
    }

    #[test]
    fn service_principals_of_resource_policies_need_a_source() {
        let statement = |condition: &str| {
            format!(
                r#"{{"Effect":"Allow","Principal":{{"Service":"s3.amazonaws.com"}},"Action":"sns:Publish","Resource":"arn:aws:sns:eu-west-1:111122223333:t"{condition}}}"#
            )
        };
        assert_eq!(
            found(PolicyType::SnsTopic, &statement("")),
            ["RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL"]
        );
        for condition in [
            r#","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::uploads"}}"#,
            r#","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}}"#,
            r#","Condition":{"StringEquals":{"aws:SourceOrgID":"o-a1b2c3d4e5"}}"#,
        ] {
            assert!(
                found(PolicyType::SnsTopic, &statement(condition)).is_empty(),
                "{condition}"
            );
        }
        for condition in [
            r#","Condition":{"StringNotEquals":{"aws:SourceAccount":"111122223333"}}"#,
            r#","Condition":{"StringLike":{"aws:SourceArn":"*"}}"#,
            r#","Condition":{"StringEquals":{"aws:PrincipalAccount":"111122223333"}}"#,
        ] {
            assert_eq!(
                found(PolicyType::SnsTopic, &statement(condition)),
                ["RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL"],
                "{condition}"
            );
        }
        // Trust policies and `Deny` statements are not reported.
        assert!(
            trust(
                r#"{"Service":"ec2.amazonaws.com"}"#,
                r#""sts:AssumeRole""#,
                ""
            )
            .is_empty()
        );
        let deny = statement("").replace("Allow", "Deny");
        assert!(found(PolicyType::SnsTopic, &deny).is_empty());
    }

    #[test]
    fn roles_anywhere_needs_three_actions() {
        let ra = r#"{"Service":"rolesanywhere.amazonaws.com"}"#;
        assert_eq!(
            trust(ra, r#""sts:AssumeRole""#, ""),
            ["MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY"]
        );
        assert_eq!(
            trust(ra, r#"["sts:AssumeRole","sts:TagSession"]"#, ""),
            ["MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY"]
        );
        assert!(
            trust(
                ra,
                r#"["sts:AssumeRole","sts:SetSourceIdentity","sts:TagSession"]"#,
                ""
            )
            .is_empty()
        );
        assert!(trust(ra, r#"["sts:AssumeRole","sts:Set*","sts:tagsession"]"#, "").is_empty());
        assert!(trust(ra, r#""sts:*""#, "").is_empty());
    }
}
