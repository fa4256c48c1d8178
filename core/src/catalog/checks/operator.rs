//! `check_operator_for_key`: does a condition operator suit the type of its key?

use crate::catalog::key_type;
use crate::catalog::types::ConditionKeyType;
use crate::codes;
use crate::diagnostic::Finding;
use crate::operator::{BaseOperator, Family, Operator, Qualifier};

/// Checks a condition operator against the type of its key, taken from the global-key table or
/// the catalog. Unknown keys and `Null` (which tests only presence) give nothing.
///
/// - the operator's family does not compare the key's type (`StringEquals` on the Bool key
///   `aws:SecureTransport`): warning `TYPE_MISMATCH`, as Access Analyzer;
/// - a String operator on an ARN key: suggestion `STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS`:
///   it works (ARN operators compare ARNs as strings with wildcards too), but ARN operators say
///   what is meant;
/// - an ARN operator on a String key: suggestion `ARN_OPERATOR_WITH_STRING_CONDITION_KEY`: it
///   works when the values are ARNs (AWS does so with `kms:EncryptionContext:aws:s3:arn`);
/// - a multivalued key without `ForAnyValue:`/`ForAllValues:`: warning `MISSING_QUALIFIER`
///   (`docs/semantics.md` D8);
/// - `ForAllValues:` on a single-valued key: warning `FORALLVALUES_WITH_SINGLE_VALUED_KEY`, since
///   it is also true when the key is missing.
#[must_use]
pub fn check_operator_for_key(operator: &Operator, key: &str) -> Vec<Finding> {
    match key_type(key) {
        Some(key_type) => check_operator_for_key_type(operator, key, key_type),
        None => Vec::new(),
    }
}

/// [`check_operator_for_key`] for a key of a known type: a catalog key's, or the type an extras
/// declaration gives a key newer than the catalog (`key newsvc:Color String`, decision D38).
#[must_use]
pub fn check_operator_for_key_type(
    operator: &Operator,
    key: &str,
    key_type: ConditionKeyType,
) -> Vec<Finding> {
    let base = operator.base;
    if base == BaseOperator::Null {
        return Vec::new();
    }
    let mut findings = Vec::new();
    if let Some(expected) = key_type.family() {
        findings.extend(type_finding(operator, key, key_type, expected));
    }
    // A warning, not an error (`docs/semantics.md` D8): the condition is false whenever the
    // request carries a set, but it can still hold for a request that carries a single value.
    if key_type.is_multivalued() && operator.qualifier.is_none() {
        findings.push(
            Finding::new(
                codes::MISSING_QUALIFIER,
                format!(
                    "the condition key `{key}` can have multiple values, and a plain `{operator}` is false whenever it has a set"
                ),
            )
            .with_help(format!(
                "use `ForAnyValue:{operator}` (some value matches) or `ForAllValues:{operator}` (every value matches)"
            )),
        );
    }
    if !key_type.is_multivalued()
        && key_type != ConditionKeyType::Unknown
        && operator.qualifier == Some(Qualifier::ForAllValues)
    {
        findings.push(
            Finding::new(
                codes::FORALLVALUES_WITH_SINGLE_VALUED_KEY,
                format!(
                    "`ForAllValues:` with the single-valued condition key `{key}` can be overly permissive: it is also true when the key is missing"
                ),
            )
            .with_help("remove `ForAllValues:`"),
        );
    }
    findings
}

fn type_finding(
    operator: &Operator,
    key: &str,
    key_type: ConditionKeyType,
    expected: Family,
) -> Option<Finding> {
    let family = operator.base.family();
    if family == expected || accepts_numeric_too(key, family) {
        return None;
    }
    let allowed = expected.type_name();
    if expected == Family::Arn && family == Family::String {
        return Some(
            Finding::new(
                codes::STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS,
                format!(
                    "use the operator type ARN instead of `{operator}` for the condition key `{key}`"
                ),
            )
            .with_help(format!("use `{}`", arn_counterpart(operator))),
        );
    }
    if expected == Family::String && family == Family::Arn {
        return Some(
            Finding::new(
                codes::ARN_OPERATOR_WITH_STRING_CONDITION_KEY,
                format!(
                    "the condition key `{key}` is of type String; `{operator}` matches only values that are ARNs"
                ),
            )
            .with_help("use a String operator such as `StringLike` unless the key's values are ARNs"),
        );
    }
    Some(
        Finding::new(
            codes::TYPE_MISMATCH,
            format!(
                "use the operator type {allowed} instead of `{operator}` for the condition key `{key}` of type {key_type}"
            ),
        )
        .with_help(format!("use an operator such as `{}`", example(expected))),
    )
}

/// `aws:EpochTime` is a Date key that the AWS page says also works with numeric operators.
fn accepts_numeric_too(key: &str, family: Family) -> bool {
    family == Family::Numeric && key.eq_ignore_ascii_case("aws:EpochTime")
}

/// The ARN operator that does what a String operator on an ARN key means.
fn arn_counterpart(operator: &Operator) -> Operator {
    let base = match operator.base {
        BaseOperator::StringEquals | BaseOperator::StringEqualsIgnoreCase => {
            BaseOperator::ArnEquals
        }
        BaseOperator::StringNotEquals | BaseOperator::StringNotEqualsIgnoreCase => {
            BaseOperator::ArnNotEquals
        }
        BaseOperator::StringNotLike => BaseOperator::ArnNotLike,
        _ => BaseOperator::ArnLike,
    };
    Operator { base, ..*operator }
}

fn example(family: Family) -> &'static str {
    match family {
        Family::String => "StringEquals",
        Family::Numeric => "NumericEquals",
        Family::Date => "DateGreaterThan",
        Family::Bool => "Bool",
        Family::Binary => "BinaryEquals",
        Family::Ip => "IpAddress",
        Family::Arn => "ArnLike",
        Family::Null => "Null",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn check(operator: &str, key: &str) -> Vec<Finding> {
        check_operator_for_key(&Operator::parse(operator).unwrap(), key)
    }

    fn codes(findings: &[Finding]) -> Vec<&'static str> {
        findings.iter().map(|f| f.code.name()).collect()
    }

    #[test]
    fn matching_types_pass() {
        for (operator, key) in [
            ("StringLike", "ssm:resourceTag/Finance"),
            ("StringEquals", "aws:username"),
            ("Bool", "aws:SecureTransport"),
            ("BoolIfExists", "aws:MultiFactorAuthPresent"),
            ("NumericLessThan", "aws:MultiFactorAuthAge"),
            ("DateGreaterThan", "aws:CurrentTime"),
            ("NumericGreaterThan", "aws:EpochTime"),
            ("IpAddress", "aws:SourceIp"),
            ("ArnLike", "aws:SourceArn"),
            ("ForAnyValue:StringEquals", "aws:TagKeys"),
            ("ForAllValues:StringLike", "aws:CalledVia"),
            ("Null", "aws:TagKeys"),
            ("Null", "aws:SecureTransport"),
            ("StringEquals", "unknown:Key"),
        ] {
            assert_eq!(check(operator, key), [], "{operator} {key}");
        }
    }

    #[test]
    fn string_operator_on_bool_key() {
        let f = check("StringEquals", "aws:SecureTransport");
        assert_eq!(codes(&f), ["TYPE_MISMATCH"]);
        assert_eq!(f[0].severity(), Severity::Warning);
        assert_eq!(
            f[0].message,
            "use the operator type Boolean instead of `StringEquals` for the condition key `aws:SecureTransport` of type Bool"
        );
        assert_eq!(f[0].help.as_deref(), Some("use an operator such as `Bool`"));
        assert_eq!(
            codes(&check("NumericEquals", "aws:username")),
            ["TYPE_MISMATCH"]
        );
        let f = check("ArnLike", "kms:EncryptionContext:aws:s3:arn");
        assert_eq!(codes(&f), ["ARN_OPERATOR_WITH_STRING_CONDITION_KEY"]);
        assert_eq!(f[0].severity(), Severity::Suggestion);
        assert_eq!(
            f[0].message,
            "the condition key `kms:EncryptionContext:aws:s3:arn` is of type String; `ArnLike` matches only values that are ARNs"
        );
    }

    #[test]
    fn string_operator_on_arn_key_is_a_suggestion() {
        let f = check("StringEquals", "aws:SourceArn");
        assert_eq!(codes(&f), ["STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS"]);
        assert_eq!(f[0].severity(), Severity::Suggestion);
        assert_eq!(
            f[0].message,
            "use the operator type ARN instead of `StringEquals` for the condition key `aws:SourceArn`"
        );
        assert_eq!(f[0].help.as_deref(), Some("use `ArnEquals`"));
        let f = check("StringNotLikeIfExists", "iam:PolicyARN");
        assert_eq!(f[0].help.as_deref(), Some("use `ArnNotLikeIfExists`"));
    }

    #[test]
    fn multivalued_key_needs_a_qualifier() {
        let f = check("StringEquals", "aws:TagKeys");
        assert_eq!(codes(&f), ["MISSING_QUALIFIER"]);
        assert_eq!(f[0].severity(), Severity::Warning);
        assert_eq!(
            f[0].message,
            "the condition key `aws:TagKeys` can have multiple values, and a plain `StringEquals` is false whenever it has a set"
        );
        assert_eq!(
            f[0].help.as_deref(),
            Some(
                "use `ForAnyValue:StringEquals` (some value matches) or `ForAllValues:StringEquals` (every value matches)"
            )
        );
    }

    #[test]
    fn for_all_values_on_single_valued_key() {
        let f = check("ForAllValues:StringEquals", "aws:username");
        assert_eq!(codes(&f), ["FORALLVALUES_WITH_SINGLE_VALUED_KEY"]);
        assert_eq!(f[0].severity(), Severity::Warning);
        assert_eq!(check("ForAnyValue:StringEquals", "aws:username"), []);
    }
}
