//! `check_variable`: does a policy variable name a value of the request?

use super::suggest_key;
use crate::catalog::catalog;
use crate::catalog::global_keys::{GLOBAL_KEYS, global_key, is_global_prefix};
use crate::codes;
use crate::diagnostic::Finding;

/// Variables that services document for their own policies but that are not condition keys, so
/// the catalog does not list them (AWS Transfer Family session policies).
const SERVICE_VARIABLES: &[&str] = &[
    "transfer:HomeBucket",
    "transfer:HomeDirectory",
    "transfer:HomeFolder",
    "transfer:UserName",
];

/// Checks the name of a policy variable, as written between `${` and `}` (a default value after a
/// comma, `${aws:userid, 'anonymous'}`, is ignored).
///
/// - `*`, `?`, `$` (the special variables) and known single-valued keys pass: `aws:` keys of the
///   global table, tag keys such as `aws:PrincipalTag/team`, cross-service keys such as
///   `ec2:SourceInstanceARN`, and service keys of the catalog such as `sagemaker:DomainId`;
/// - an unknown `aws:` name, or a name without a prefix: error `INVALID_VARIABLE`, with the
///   closest variable;
/// - a multivalued key (`aws:TagKeys`): warning `MULTIVALUED_VARIABLE`: it has no single value to
///   put in its place;
/// - an unknown service name: warning `UNKNOWN_VARIABLE`, since services document variables of
///   their own beyond their condition keys. Names of identity providers (`accounts.google.com:sub`)
///   pass.
///
/// An empty name is the syntax checks' (`EMPTY_VARIABLE`).
#[must_use]
pub fn check_variable(name: &str) -> Vec<Finding> {
    let name = name.split(',').next().unwrap_or_default().trim();
    if name.is_empty() || matches!(name, "*" | "?" | "$") {
        return Vec::new();
    }
    if let Some(key) = global_key(name) {
        if key.is_multivalued() {
            return vec![
                Finding::new(
                    codes::MULTIVALUED_VARIABLE,
                    format!("the policy variable `${{{name}}}` names a multivalued key, which has no single value to substitute"),
                )
                .with_help("test the key in a condition with `ForAnyValue:` or `ForAllValues:` instead"),
            ];
        }
        return Vec::new();
    }
    let Some((prefix, _)) = name.split_once(':') else {
        return vec![invalid(name)];
    };
    if is_global_prefix(name) {
        return vec![invalid(name)];
    }
    let catalog = catalog();
    if let Some(key) = catalog.condition_key(name) {
        if key.key_type().is_multivalued() {
            return vec![Finding::new(
                codes::MULTIVALUED_VARIABLE,
                format!(
                    "the policy variable `${{{name}}}` names a multivalued key, which has no single value to substitute"
                ),
            )];
        }
        return Vec::new();
    }
    if prefix.contains(['.', '/'])
        || SERVICE_VARIABLES
            .iter()
            .any(|v| v.eq_ignore_ascii_case(name))
    {
        return Vec::new();
    }
    let mut finding = Finding::new(
        codes::UNKNOWN_VARIABLE,
        format!(
            "the policy variable `${{{name}}}` is not a documented key of the service `{prefix}`"
        ),
    );
    let same_prefix: Vec<&str> = catalog
        .condition_keys()
        .map(|k| k.name())
        .filter(|k| {
            k.split_once(':')
                .is_some_and(|(p, _)| p.eq_ignore_ascii_case(prefix))
        })
        .collect();
    if let Some(best) = suggest_key(name, same_prefix) {
        finding = finding.with_help(format!("did you mean `${{{best}}}`?"));
    }
    vec![finding]
}

/// The error for an unknown variable, suggesting a documented variable first, then any key.
fn invalid(name: &str) -> Finding {
    let finding = Finding::new(
        codes::INVALID_VARIABLE,
        format!("the policy variable `${{{name}}}` does not exist"),
    );
    let documented = GLOBAL_KEYS
        .iter()
        .filter(|k| k.variable && !k.is_multivalued())
        .map(|k| k.name);
    let best = suggest_key(name, documented).or_else(|| {
        suggest_key(
            name,
            GLOBAL_KEYS
                .iter()
                .filter(|k| !k.is_multivalued())
                .map(|k| k.name),
        )
    });
    match best {
        Some(best) => finding.with_help(format!("did you mean `${{{best}}}`?")),
        None => finding,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn one(name: &str) -> Finding {
        let mut findings = check_variable(name);
        assert_eq!(findings.len(), 1, "{name}: {findings:?}");
        findings.remove(0)
    }

    #[test]
    fn known_variables_pass() {
        for name in [
            "aws:username",
            "AWS:UserName",
            "aws:userid",
            "aws:PrincipalTag/team",
            "aws:principaltag/cost-center",
            "aws:SourceAccount",
            "aws:PrincipalType",
            "aws:CurrentTime",
            "aws:userid, 'anonymous'",
            "ec2:SourceInstanceARN",
            "sagemaker:DomainId",
            "s3:prefix",
            "transfer:HomeDirectory",
            "cognito-identity.amazonaws.com:sub",
            "*",
            "?",
            "$",
            "",
        ] {
            assert_eq!(check_variable(name), [], "{name}");
        }
    }

    #[test]
    fn misspelt_aws_variable() {
        let f = one("aws:usrname");
        assert_eq!(f.code, "INVALID_VARIABLE");
        assert_eq!(f.severity(), Severity::Error);
        assert_eq!(
            f.message,
            "the policy variable `${aws:usrname}` does not exist"
        );
        assert_eq!(f.help.as_deref(), Some("did you mean `${aws:username}`?"));
        assert_eq!(
            one("aws:PrincipleTag/team").help.as_deref(),
            Some("did you mean `${aws:PrincipalTag/team}`?")
        );
        assert_eq!(one("username").code, "INVALID_VARIABLE");
    }

    #[test]
    fn unknown_service_variable_is_a_warning() {
        let f = one("ssm:NoSuchThing");
        assert_eq!(f.code, "UNKNOWN_VARIABLE");
        assert_eq!(f.severity(), Severity::Warning);
        assert_eq!(
            f.message,
            "the policy variable `${ssm:NoSuchThing}` is not a documented key of the service `ssm`"
        );
    }

    #[test]
    fn multivalued_variable_is_a_warning() {
        let f = one("aws:TagKeys");
        assert_eq!(f.code, "MULTIVALUED_VARIABLE");
        assert_eq!(f.severity(), Severity::Warning);
    }
}
