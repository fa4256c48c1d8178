//! `CONFIRM_AUDIENCE_CLAIM_TYPE`: a set qualifier on the `aud` claim of an OIDC provider in a
//! role trust policy (decision D37 of `docs/semantics.md`). A JSON web token's `aud` is one value
//! or a list; a qualifier is right only for a list.

use super::Validator;
use super::document::{ConditionEntry, StatementModel};
use super::policy_type::Family;
use super::principal_conditions::key_prefix;
use crate::codes;
use crate::compiled::Effect;
use crate::diagnostic::Finding;
use crate::operator::{BaseOperator, Qualifier};
use crate::principal::{PrincipalPattern, ProviderKind, provider_kind};

/// The providers whose `aud` key AWS documents as one value ("IAM and AWS STS condition context
/// keys": "verify that the Google client ID or Amazon Cognito identity pool ID matches"), with
/// what the value is. `ForAllValues:` on them is `FORALLVALUES_WITH_SINGLE_VALUED_KEY` already.
const SINGLE_VALUED: [(&str, &str); 2] = [
    ("accounts.google.com", "client ID"),
    ("cognito-identity.amazonaws.com", "identity pool ID"),
];

pub(crate) fn check(v: &mut Validator, statements: &[StatementModel]) {
    if v.options.policy_type.family() != Family::Trust {
        return;
    }
    for s in statements.iter().filter(|s| s.effect == Effect::Allow) {
        let Some(principals) = &s.principals else {
            continue;
        };
        if principals.negated {
            continue;
        }
        let prefixes: Vec<&str> = principals
            .entries
            .iter()
            .filter_map(|entry| match &entry.value {
                PrincipalPattern::Federated(provider)
                    if provider_kind(provider) == Some(ProviderKind::WebIdentity) =>
                {
                    Some(key_prefix(provider))
                }
                _ => None,
            })
            .collect();
        for c in &s.conditions {
            if let Some(qualifier) = audience_qualifier(c, &prefixes) {
                report(v, c, qualifier);
            }
        }
    }
}

/// The qualifier of a condition on `PREFIX:aud` of one of the statement's providers.
fn audience_qualifier(c: &ConditionEntry, prefixes: &[&str]) -> Option<Qualifier> {
    let qualifier = c.operator.value.qualifier?;
    if c.operator.value.base == BaseOperator::Null {
        return None;
    }
    let (prefix, claim) = c.key.text.rsplit_once(':')?;
    let ours = claim.eq_ignore_ascii_case("aud")
        && prefixes.iter().any(|p| p.eq_ignore_ascii_case(prefix));
    ours.then_some(qualifier)
}

fn report(v: &mut Validator, c: &ConditionEntry, qualifier: Qualifier) {
    let key = &c.key.text;
    let prefix = key.rsplit_once(':').map_or("", |(p, _)| p);
    let single = SINGLE_VALUED
        .iter()
        .find(|(provider, _)| provider.eq_ignore_ascii_case(prefix));
    let finding = match (single, qualifier) {
        (Some(_), Qualifier::ForAllValues) => return,
        (Some((_, what)), Qualifier::ForAnyValue) => Finding::new(
            codes::CONFIRM_AUDIENCE_CLAIM_TYPE,
            format!(
                "the claim `{key}` is single-valued (the {what} the token is for), and `ForAnyValue:` is for claims that are lists"
            ),
        )
        .with_help("remove `ForAnyValue:` and compare the claim with the plain operator"),
        (None, _) => {
            let q = qualifier.prefix();
            Finding::new(
                codes::CONFIRM_AUDIENCE_CLAIM_TYPE,
                format!(
                    "the claim `{key}` can be one audience or a list of them, and `{q}` reads it as a list: confirm which one the provider's tokens carry"
                ),
            )
            .with_help(format!(
                "if each token names one audience, remove `{q}`; keep a qualifier only for a list, and prefer `ForAnyValue:`, since `ForAllValues:` also holds without the claim"
            ))
        }
    };
    v.report(finding, &c.key.path, c.key.loc);
}

#[cfg(test)]
mod tests {
    use crate::validate::PolicyType;
    use crate::validate::test_support::one_statement;

    const CODE: &str = "CONFIRM_AUDIENCE_CLAIM_TYPE";

    /// The messages of `CONFIRM_AUDIENCE_CLAIM_TYPE` that a one-statement policy gets.
    fn found(policy_type: PolicyType, statement: &str) -> Vec<String> {
        one_statement(policy_type, statement)
            .into_iter()
            .filter(|(code, _)| *code == CODE)
            .map(|(_, message)| message)
            .collect()
    }

    fn trust(effect: &str, provider: &str, condition: &str) -> Vec<String> {
        found(
            PolicyType::Trust,
            &format!(
                r#"{{"Effect":"{effect}","Principal":{{"Federated":"{provider}"}},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{condition}}}"#
            ),
        )
    }

    const GITLAB: &str = "arn:aws:iam::111122223333:oidc-provider/gitlab.example.com";
    const EKS: &str =
        "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC";

    #[test]
    fn a_qualifier_on_an_audience_of_unknown_type_asks_to_confirm_it() {
        assert_eq!(
            trust(
                "Allow",
                GITLAB,
                r#"{"ForAllValues:StringEquals":{"gitlab.example.com:aud":"https://gitlab.example.com"}}"#
            ),
            [
                "the claim `gitlab.example.com:aud` can be one audience or a list of them, and `ForAllValues:` reads it as a list: confirm which one the provider's tokens carry"
            ]
        );
        for condition in [
            r#"{"ForAnyValue:StringEquals":{"oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud":"sts.amazonaws.com"}}"#,
            r#"{"ForAnyValue:StringLike":{"OIDC.EKS.eu-west-1.amazonaws.com/id/ABC:AUD":"sts.*"}}"#,
        ] {
            assert_eq!(trust("Allow", EKS, condition).len(), 1, "{condition}");
        }
        let github = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
        assert_eq!(
            trust(
                "Allow",
                github,
                r#"{"ForAnyValue:StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:o/r:ref:refs/heads/main"}}"#
            )
            .len(),
            1
        );
    }

    #[test]
    fn single_valued_audiences_need_no_for_any_value() {
        assert_eq!(
            trust(
                "Allow",
                "cognito-identity.amazonaws.com",
                r#"{"ForAnyValue:StringEquals":{"cognito-identity.amazonaws.com:aud":"eu-west-1:pool"}}"#
            ),
            [
                "the claim `cognito-identity.amazonaws.com:aud` is single-valued (the identity pool ID the token is for), and `ForAnyValue:` is for claims that are lists"
            ]
        );
        assert_eq!(
            trust(
                "Allow",
                "accounts.google.com",
                r#"{"ForAnyValue:StringEquals":{"accounts.google.com:aud":"app.apps.googleusercontent.com"}}"#
            )
            .len(),
            1
        );
        // `ForAllValues:` on them is FORALLVALUES_WITH_SINGLE_VALUED_KEY, not reported twice.
        assert!(
            trust(
                "Allow",
                "accounts.google.com",
                r#"{"ForAllValues:StringEquals":{"accounts.google.com:aud":"app.apps.googleusercontent.com"}}"#
            )
            .is_empty()
        );
    }

    #[test]
    fn plain_operators_other_claims_and_other_principals_are_not_reported() {
        for condition in [
            r#"{"StringEquals":{"gitlab.example.com:aud":"https://gitlab.example.com"}}"#,
            r#"{"StringLike":{"gitlab.example.com:aud":"https://*"}}"#,
            r#"{"ForAnyValue:StringLike":{"gitlab.example.com:amr":"authenticated"}}"#,
            r#"{"ForAnyValue:StringEquals":{"other.example.com:aud":"x"}}"#,
            r#"{"ForAnyValue:Null":{"gitlab.example.com:aud":"false"}}"#,
        ] {
            assert!(trust("Allow", GITLAB, condition).is_empty(), "{condition}");
        }
        let qualified = r#"{"ForAnyValue:StringEquals":{"gitlab.example.com:aud":"x"}}"#;
        assert!(trust("Deny", GITLAB, qualified).is_empty());
        // SAML providers, and policies that are not trust policies.
        assert!(
            trust(
                "Allow",
                "arn:aws:iam::111122223333:saml-provider/gitlab.example.com",
                qualified
            )
            .is_empty()
        );
        let bucket = r#"{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"ForAnyValue:StringEquals":{"gitlab.example.com:aud":"x"}}}"#;
        assert!(found(PolicyType::S3Bucket, bucket).is_empty());
    }
}
