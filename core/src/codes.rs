//! The registry of diagnostic codes: each code is declared here once, with its severity and one-line
//! summary, and explained in `docs/codes/CODE.md` (included at build time, so a declared code without
//! its file does not compile). Every finding is made from one of these constants
//! ([`Finding::new`](crate::diagnostic::Finding::new)), and `iam-policy explain`, the CLI's SARIF
//! rules, the `policy!` error text and these docs all read the same entries.
//!
//! Codes follow IAM Access Analyzer's issue codes where one exists, so findings map onto AA's;
//! the others are named in the same style. Each constant's page below is its full explanation:
//! what it means, a policy that triggers it, and the fix.

use std::fmt;

use crate::diagnostic::Severity;

/// A diagnostic code: its name, the severity every finding with it has, a one-line summary and
/// the Markdown explanation (`docs/codes/NAME.md`).
/// Equal codes are the same declaration; codes order by name. One pointer: every finding holds
/// its code.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(&'static Entry);

/// What a code is declared with (the name first: codes order by it).
#[derive(PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Entry {
    name: &'static str,
    severity: Severity,
    summary: &'static str,
    explanation: &'static str,
}

impl Code {
    /// The code as users see it: `INVALID_ACTION`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        self.0.name
    }
    /// The severity of every finding with this code.
    #[must_use]
    pub const fn severity(self) -> Severity {
        self.0.severity
    }
    /// One line, lowercase, worded as a diagnostic message.
    #[must_use]
    pub const fn summary(self) -> &'static str {
        self.0.summary
    }
    /// The whole explanation, in Markdown: a title, then `## Meaning`, `## Example` and `## Fix`.
    #[must_use]
    pub const fn explanation(self) -> &'static str {
        self.0.explanation
    }
    /// The text of one `## ` section of the explanation (`"Meaning"`, `"Example"`, `"Fix"`),
    /// trimmed, or `None` when the explanation has no such section.
    #[must_use]
    pub fn section(self, title: &str) -> Option<&'static str> {
        let mut rest = self.0.explanation;
        while let Some(at) = rest.find("\n## ") {
            rest = &rest[at + 4..];
            let (heading, body) = rest.split_once('\n').unwrap_or((rest, ""));
            if heading.trim() == title {
                let end = body.find("\n## ").unwrap_or(body.len());
                return Some(body[..end].trim());
            }
        }
        None
    }
    /// The policy of the `## Example` section, without its code fence.
    #[must_use]
    pub fn example(self) -> Option<&'static str> {
        let section = self.section("Example")?;
        let start = section.find("```")?;
        let after_fence = &section[start + 3..];
        let body_start = after_fence.find('\n')? + 1;
        let body = &after_fence[body_start..];
        let end = body.find("```")?;
        Some(body[..end].trim_end())
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.0.name == other
    }
}
impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.0.name == *other
    }
}
impl PartialEq<Code> for &str {
    fn eq(&self, other: &Code) -> bool {
        *self == other.0.name
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name)
    }
}

/// Looks a code up by name, in any case, with `-` accepted for `_`.
#[must_use]
pub fn lookup(name: &str) -> Option<Code> {
    let wanted: String = name
        .trim()
        .chars()
        .map(|c| {
            if c == '-' {
                '_'
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect();
    ALL.binary_search_by(|code| code.0.name.cmp(wanted.as_str()))
        .ok()
        .map(|at| ALL[at])
}

/// Declares each code once: `NAME: Severity, "summary";`, in alphabetical order. The explanation is
/// `docs/codes/NAME.md` (reached through the link `core/codes`), both as the constant's docs and as
/// [`Code::explanation`].
macro_rules! declare_codes {
    ($($name:ident: $severity:ident, $summary:literal;)*) => {
        $(
            #[doc = concat!(
                "*", stringify!($severity), "*: ", $summary, ".\n\n",
                include_str!(concat!("../codes/", stringify!($name), ".md"))
            )]
            pub const $name: Code = Code(&Entry {
                name: stringify!($name),
                severity: Severity::$severity,
                summary: $summary,
                explanation: include_str!(concat!("../codes/", stringify!($name), ".md")),
            });
        )*

        /// Every code, sorted by name.
        pub const ALL: &[Code] = &[$($name),*];
    };
}

declare_codes! {
    ACTION_RESOURCE_MISMATCH: Warning, "none of the statement's resources is one that this action acts on";
    ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE: Suggestion, "an `Allow` with `NotAction` and a tag condition key allows only the actions that have the key";
    ALLOW_WITH_NOT_PRINCIPAL: Error, "`NotPrincipal` with `Allow` would grant to every principal not listed";
    ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE: Suggestion, "an `Allow` with a tag condition key names actions of services that never have it in their requests";
    ARN_ACCOUNT_NOT_ALLOWED: Error, "the resource ARN has an account ID, which resources of this type never have";
    ARN_OPERATOR_WITH_STRING_CONDITION_KEY: Suggestion, "an ARN operator is used with a condition key of type String";
    ARN_REGION_NOT_ALLOWED: Error, "the resource ARN has a region, which resources of this service never have";
    CONDITION_KEY_UNSUPPORTED_BY_SOME_ACTIONS: Warning, "a condition key that some of the statement's actions never have in their requests";
    CONFIRM_AUDIENCE_CLAIM_TYPE: Suggestion, "a set qualifier on the `aud` claim of an OIDC provider, which may be single-valued";
    CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE: Warning, "`NotAction` with `NotResource` allows `iam:CreateServiceLinkedRole` on every role not listed";
    CREATE_SLR_WITH_NOT_RESOURCE: Warning, "`iam:CreateServiceLinkedRole` is allowed with `NotResource`, which reaches every role it does not list";
    CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE: Warning, "an action wildcard with `NotResource` allows `iam:CreateServiceLinkedRole` on every role not listed";
    CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE: Warning, "an action wildcard allows `iam:CreateServiceLinkedRole` on a resource with a wildcard that matches many roles";
    CREATE_SLR_WITH_STAR_IN_RESOURCE: Warning, "`iam:CreateServiceLinkedRole` is allowed on a resource with a wildcard that matches many roles";
    CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION: Warning, "`NotAction` allows `iam:CreateServiceLinkedRole` on a resource with a wildcard that matches many roles";
    DATA_TYPE_MISMATCH: Error, "a policy element has the wrong JSON type";
    DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE: Warning, "a `Deny` with `NotAction` and a tag condition key denies only the actions that have the key";
    DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE: Warning, "a `Deny` with a tag condition key names actions of services that never have it in their requests";
    DEPRECATED_GLOBAL_CONDITION_KEY: Warning, "the global condition key is deprecated";
    DUPLICATE_ELEMENT: Error, "an element, condition operator or condition key appears twice in one object";
    DUPLICATE_KEYS_WITH_DIFFERENT_CASE: Error, "two condition keys under one operator differ only in case";
    EMPTY_ARRAY_ACTION: Error, "`Action` is an empty array: the statement matches no action";
    EMPTY_ARRAY_CONDITION: Warning, "a condition key has an empty array of values";
    EMPTY_ARRAY_CONDITION_FORALLVALUES: Warning, "a `ForAllValues:` condition key has an empty array of values";
    EMPTY_ARRAY_CONDITION_FORANYVALUE: Warning, "a `ForAnyValue:` condition key has an empty array of values";
    EMPTY_ARRAY_CONDITION_IFEXISTS: Warning, "an `...IfExists` condition key has an empty array of values";
    EMPTY_ARRAY_PRINCIPAL: Suggestion, "a principal key lists no principal";
    EMPTY_ARRAY_RESOURCE: Error, "`Resource` is an empty array: the statement matches no resource";
    EMPTY_OBJECT_CONDITION: Suggestion, "a `Condition` block or an operator has no condition keys";
    EMPTY_OBJECT_PRINCIPAL: Suggestion, "`Principal` is an empty object";
    EMPTY_SID_VALUE: Suggestion, "the `Sid` is an empty string";
    EMPTY_VARIABLE: Error, "a policy variable is empty: `${}`";
    EXTRA_NAME_IN_CATALOG: Warning, "an action or condition key declared as extra is in the service catalog";
    FEDERATED_PRINCIPAL_NOT_SUPPORTED: Error, "a `Federated` principal in a policy that is not a role trust policy";
    FORALLVALUES_WITH_SINGLE_VALUED_KEY: Warning, "`ForAllValues:` is used with a single-valued condition key";
    IFEXISTS_WITH_QUALIFIER: Warning, "`IfExists` is combined with `ForAllValues:` or `ForAnyValue:`";
    IMPROVE_IP_RANGE: Suggestion, "an IP block is written with bits set after its prefix, which are ignored";
    INVALID_ACTION: Error, "the action does not exist in its service";
    INVALID_ACTION_FORMAT: Error, "the action is not of the form `service:ActionName`";
    INVALID_ARN_ACCOUNT: Error, "the account field of the resource ARN is not a 12-digit account ID";
    INVALID_ARN_PREFIX: Error, "the resource is not an ARN (or is empty)";
    INVALID_ARN_REGION: Error, "the region field of the resource ARN is not a region";
    INVALID_ARN_RESOURCE: Error, "the resource part of the ARN is empty";
    INVALID_ARN_SERVICE: Error, "the service field of the ARN contains a character no service name has";
    INVALID_ARN_SERVICE_CASE: Error, "the service field of the ARN is not lowercase";
    INVALID_CONDITION_DATA_TYPE: Error, "the values of one condition key mix JSON types";
    INVALID_CONDITION_KEY_FORMAT: Error, "the condition key is not of the form `service:keyname`";
    INVALID_CONDITION_MULTIPLE_BOOLEAN: Error, "a `Bool` condition key has several values";
    INVALID_CONDITION_OPERATOR: Error, "the condition operator does not exist";
    INVALID_DATE_VALUE: Warning, "a date is written as epoch seconds, which might not be the instant meant";
    INVALID_EFFECT: Error, "the `Effect` is neither `Allow` nor `Deny`";
    INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY: Error, "a `Federated` principal is not a provider ARN or a domain name";
    INVALID_GLOBAL_CONDITION_KEY: Error, "the `aws:` condition key does not exist";
    INVALID_PARTITION: Error, "the partition field of the ARN is not an AWS partition";
    INVALID_POLICY_ELEMENT: Error, "the element is not a valid element of a policy or of a statement";
    INVALID_PRINCIPAL_FORMAT: Error, "the principal is not in a form AWS accepts";
    INVALID_PRINCIPAL_KEY: Error, "a key of `Principal` is not `AWS`, `Service`, `Federated` or `CanonicalUser`";
    INVALID_REGION: Error, "a value of `aws:RequestedRegion` is not a region";
    INVALID_ROLE_REFERENCE: Warning, "a principal is an IAM role's unique ID, not its ARN";
    INVALID_SERVICE: Error, "the service prefix of a condition key is no service";
    INVALID_SERVICE_CONDITION_KEY: Error, "the service condition key does not exist";
    INVALID_SERVICE_IN_ACTION: Error, "the service prefix of the action does not exist";
    INVALID_SERVICE_PRINCIPAL_FORMAT: Error, "a service principal is not of the form `SERVICE.amazonaws.com`";
    INVALID_USER_REFERENCE: Warning, "a principal is an IAM user's unique ID, not its ARN";
    INVALID_VARIABLE: Error, "the policy variable does not name a context key";
    INVALID_VARIABLE_FOR_OPERATOR: Error, "a policy variable is used with an operator that does not take variables";
    INVALID_VERSION: Error, "the `Version` is not `2012-10-17` or `2008-10-17`";
    INVALID_VPCE_FORMAT: Error, "an `aws:SourceVpce` value is not a VPC endpoint ID";
    INVALID_VPC_FORMAT: Error, "an `aws:SourceVpc` value is not a VPC ID";
    IRRELEVANT_CONDITION_KEY_IN_POLICY: Suggestion, "a condition key about the resource's owner, in the policy of that very resource";
    JSON_SYNTAX_ERROR: Error, "the document is not valid JSON (or not UTF-8)";
    MISMATCHED_ACTION_FOR_PRINCIPAL: Error, "an `sts:AssumeRole*` action does not go with the kind of principal";
    MISSING_ACTION: Error, "the statement has no `Action` or `NotAction`";
    MISSING_ACTION_FOR_CONDITION_KEY: Error, "a trust policy requires session tags or a source identity but does not allow setting them";
    MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY: Error, "a trust statement for IAM Roles Anywhere does not allow `sts:AssumeRole`, `sts:SetSourceIdentity` and `sts:TagSession`";
    MISSING_ARN_FIELD: Error, "the ARN has fewer than six fields";
    MISSING_ARN_REGION: Error, "the resource ARN has no region, which resources of this type need";
    MISSING_BRACE_IN_VARIABLE: Error, "a policy variable has no closing `}`";
    MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL: Warning, "a trust statement names an OIDC identity provider without a condition on its tokens";
    MISSING_EFFECT: Error, "the statement has no `Effect`";
    MISSING_GITHUB_REPO_CONDITION_KEY: Warning, "a trust statement names GitHub's OIDC provider without a condition on `token.actions.githubusercontent.com:sub`";
    MISSING_PAIRED_CONDITION_KEYS: Warning, "`aws:VpcSourceIp` is tested without the VPC it belongs to";
    MISSING_PRINCIPAL: Error, "a statement of a resource-based, trust, resource control or VPC endpoint policy names no principal";
    MISSING_QUALIFIER: Warning, "a multivalued condition key is used without `ForAllValues:` or `ForAnyValue:`";
    MISSING_QUOTE_IN_VARIABLE: Error, "the default value of a policy variable is not in single quotes";
    MISSING_RESOURCE: Error, "the statement has no `Resource` or `NotResource`";
    MISSING_STATEMENT: Error, "the policy has no `Statement`, or it is empty";
    MISSING_TAG_KEY_IN_CONDITION: Error, "a tag condition key has no tag key after its `/`";
    MISSING_VERSION: Warning, "the policy has no `Version`";
    MULTIVALUED_VARIABLE: Warning, "a policy variable names a multivalued key";
    NULL_WITH_IF_EXISTS: Error, "the `Null` operator has the `IfExists` suffix";
    NULL_WITH_QUALIFIER: Suggestion, "the `Null` operator has a `ForAllValues:` or `ForAnyValue:` qualifier";
    PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE: Warning, "`NotAction` with `NotResource` allows `iam:PassRole` on every role not listed";
    PASS_ROLE_WITH_NOT_RESOURCE: Warning, "`iam:PassRole` is allowed with `NotResource`, which reaches every role it does not list";
    PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE: Warning, "an action wildcard with `NotResource` allows `iam:PassRole` on every role not listed";
    PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE: Warning, "an action wildcard allows `iam:PassRole` on a resource with a wildcard that matches many roles";
    PASS_ROLE_WITH_STAR_IN_RESOURCE: Warning, "`iam:PassRole` is allowed on a resource with a wildcard that matches many roles";
    PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION: Warning, "`NotAction` allows `iam:PassRole` on a resource with a wildcard that matches many roles";
    POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA: Warning, "the policy is larger than IAM allows for its policy type";
    POLICY_SIZE_EXCEEDS_RCP_QUOTA: Error, "the resource control policy is larger than AWS Organizations allows";
    POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA: Warning, "the resource-based policy is larger than its service allows";
    POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA: Warning, "the role trust policy is larger than IAM allows";
    POLICY_SIZE_EXCEEDS_SCP_QUOTA: Error, "the service control policy is larger than AWS Organizations allows";
    POLICY_SIZE_EXCEEDS_SESSION_POLICY_QUOTA: Warning, "the session policy is larger than STS allows";
    POLICY_SIZE_EXCEEDS_VPC_ENDPOINT_POLICY_QUOTA: Error, "the VPC endpoint policy is larger than AWS allows";
    POLICY_TOO_LARGE: Error, "the policy text is over the size limit and was not read";
    PRIVATE_IP_ADDRESS: Error, "every value of `aws:SourceIp` under `IpAddress` is a private range: the condition never holds";
    PRIVATE_IP_ADDRESS_SUBSET: Suggestion, "some values of `aws:SourceIp` under `IpAddress` are private ranges, which never match";
    PRIVATE_NOT_IP_ADDRESS: Error, "every value of `aws:SourceIp` under `NotIpAddress` is a private range: the condition always holds";
    PRIVATE_NOT_IP_ADDRESS_SUBSET: Suggestion, "some values of `aws:SourceIp` under `NotIpAddress` are private ranges, which have no effect";
    RCP_SYNTAX_ERROR_ACTION: Error, "a resource control policy denies the action `*`";
    RCP_SYNTAX_ERROR_ALLOW: Error, "a resource control policy has an `Allow` other than `RCPFullAWSAccess`";
    RCP_SYNTAX_ERROR_NOTACTION: Error, "a resource control policy has `NotAction`";
    RCP_SYNTAX_ERROR_PRINCIPAL: Error, "the principal of a resource control policy is not `\"*\"`";
    RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL: Suggestion, "a condition key that does not restrict a service principal to the resources it acts for";
    REDUNDANT_ACTION: Suggestion, "an action is already matched by another action of the same list";
    REDUNDANT_CONDITION_VALUE_NUM: Suggestion, "several bounds of a Numeric operator where one says the same";
    REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY: Suggestion, "a role session is listed next to the role it belongs to";
    REDUNDANT_RESOURCE: Suggestion, "a resource is already matched by another resource of the same list";
    REDUNDANT_STATEMENT: Suggestion, "a statement is the same as an earlier one";
    RESOURCE_MISMATCH: Warning, "no action of the statement acts on this resource";
    RESOURCE_WILDCARD_REQUIRED: Warning, "the action takes only `\"Resource\": \"*\"`, which the statement does not have";
    RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL: Warning, "a resource-based policy grants to a service principal without a condition on the source";
    RETIRED_SERVICE_IN_ACTION: Warning, "the action belongs to a service AWS has retired";
    ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL: Error, "a role trust policy cannot have `NotPrincipal`";
    ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE: Error, "a role trust policy cannot have `Resource` or `NotResource`";
    ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL: Error, "`\"Principal\": \"*\"` in a role trust policy";
    SCP_SYNTAX_ERROR_PRINCIPAL: Error, "a service control policy cannot have `Principal` or `NotPrincipal`";
    SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED: Warning, "a `StringLike` value of `token.actions.githubusercontent.com:sub` has a wildcard";
    STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS: Suggestion, "a String operator is used with a condition key of type ARN";
    TYPE_MISMATCH: Warning, "the condition operator does not compare the key's type";
    TYPE_MISMATCH_ARN: Error, "a value of an ARN condition operator is not an ARN";
    TYPE_MISMATCH_BOOLEAN: Error, "a value of `Bool` or `Null` is not `true` or `false`";
    TYPE_MISMATCH_DATE: Error, "a value of a Date operator is not a date";
    TYPE_MISMATCH_IP_RANGE: Error, "a value of `IpAddress` or `NotIpAddress` is not an address or CIDR block";
    TYPE_MISMATCH_NUMBER: Error, "a value of a Numeric operator is not a number";
    TYPE_MISMATCH_STRING: Error, "a value of `BinaryEquals` is not base64";
    UNIQUE_SIDS_RECOMMENDED: Warning, "two statements have the same `Sid`, which this policy type accepts";
    UNIQUE_SIDS_REQUIRED: Error, "two statements have the same `Sid`";
    UNKNOWN_VARIABLE: Warning, "the policy variable is not a documented key of its service";
    UNSUPPORTED_ACTION_FOR_CONDITION_KEY: Error, "no action of the statement supports the condition key";
    UNSUPPORTED_ACTION_IN_POLICY: Error, "a resource's policy names an action of another service";
    UNSUPPORTED_CHARACTER: Error, "the policy contains a character IAM does not accept";
    UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL: Error, "a condition needs a key that the requests of service principals never carry";
    UNSUPPORTED_ELEMENT_COMBINATION: Error, "a statement has both an element and its negation";
    UNSUPPORTED_PRINCIPAL: Error, "an identity or session policy has a `Principal` or `NotPrincipal` element";
    UNSUPPORTED_RESOURCE_ARN_IN_POLICY: Error, "a resource's policy names a resource of another service";
    UNSUPPORTED_SID: Error, "the `Sid` contains characters other than letters and digits";
    UNSUPPORTED_SPACE_IN_VARIABLE: Error, "a policy variable contains a space";
    UNSUPPORTED_SYMBOL_IN_VARIABLE: Error, "a policy variable contains a character no key name has";
    UNSUPPORTED_WILDCARD_IN_PRINCIPAL: Error, "a principal has a `*` or `?` where AWS allows none";
    VARIABLE_UNSUPPORTED_IN_ELEMENT: Error, "a policy variable stands where IAM does not replace variables";
    VARIABLE_UNSUPPORTED_IN_VERSION: Error, "a policy variable is used in a policy whose version does not support variables";
    WILDCARD_IN_ARN_SERVICE: Error, "the service field of a resource ARN contains a wildcard";
    WILDCARD_IN_RESOURCE_TYPE: Warning, "the resource type in an ARN contains a wildcard";
    WILDCARD_IN_SERVICE_NAME: Error, "the service prefix of an action contains a wildcard";
    WILDCARD_MATCHES_NO_ACTION: Warning, "the action pattern matches no action of its service";
    WILDCARD_WITHOUT_LIKE_OPERATOR: Warning, "a condition value contains `*` or `?`, which this operator compares as text";
}

/// The codes of IAM Access Analyzer's policy validation that this project does not report, each
/// with the reason (`iam-policy explain --list` prints them). Sorted by name.
pub const LEFT_OUT: &[(&str, &str)] = &[
    (
        "SCP_SYNTAX_ERROR_ACTION_WILDCARD",
        "obsolete: AWS Organizations lifted this restriction of SCPs on 2025-09-19, and SCPs take the full policy language (docs/semantics.md 9.4)",
    ),
    (
        "SCP_SYNTAX_ERROR_ALLOW_CONDITION",
        "obsolete: AWS Organizations lifted this restriction of SCPs on 2025-09-19, and SCPs take the full policy language (docs/semantics.md 9.4)",
    ),
    (
        "SCP_SYNTAX_ERROR_ALLOW_NOTACTION",
        "obsolete: AWS Organizations lifted this restriction of SCPs on 2025-09-19, and SCPs take the full policy language (docs/semantics.md 9.4)",
    ),
    (
        "SCP_SYNTAX_ERROR_ALLOW_RESOURCE",
        "obsolete: AWS Organizations lifted this restriction of SCPs on 2025-09-19, and SCPs take the full policy language (docs/semantics.md 9.4)",
    ),
    (
        "SCP_SYNTAX_ERROR_NOTRESOURCE",
        "obsolete: AWS Organizations lifted this restriction of SCPs on 2025-09-19, and SCPs take the full policy language (docs/semantics.md 9.4)",
    ),
    (
        "UNSUPPORTED_GLOBAL_CONDITION_KEY",
        "reported as DEPRECATED_GLOBAL_CONDITION_KEY: `aws:ARN`, the one key Access Analyzer names with it, gets one finding, a warning (Access Analyzer reports that key under both codes)",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_and_unique() {
        for pair in ALL.windows(2) {
            assert!(
                pair[0].name() < pair[1].name(),
                "{} before {}",
                pair[0],
                pair[1]
            );
        }
    }

    #[test]
    fn lookup_ignores_case_and_dashes() {
        assert_eq!(lookup("invalid-arn-region"), Some(INVALID_ARN_REGION));
        assert_eq!(lookup(" Missing_Version "), Some(MISSING_VERSION));
        assert_eq!(lookup("NOPE"), None);
    }

    /// Every explanation has its three sections, a title naming its code, and a summary worded as
    /// a diagnostic (lowercase, one line, no final period).
    #[test]
    fn explanations_have_every_section() {
        for code in ALL {
            assert!(
                code.explanation()
                    .starts_with(&format!("# {}\n", code.name())),
                "{code}: the file must start with `# {code}`"
            );
            for title in ["Meaning", "Example", "Fix"] {
                let section = code.section(title);
                assert!(
                    section.is_some_and(|s| !s.is_empty()),
                    "{code}: no `## {title}` section"
                );
            }
            assert!(
                code.example().is_some(),
                "{code}: the example has no code block"
            );
            let first = code.summary().chars().next().unwrap();
            assert!(!first.is_uppercase(), "{code}: summary starts uppercase");
            assert!(
                !code.summary().ends_with('.'),
                "{code}: summary ends with a period"
            );
            assert!(
                !code.summary().contains('\n'),
                "{code}: summary spans lines"
            );
        }
    }

    /// The other half of "declared once": every explanation file is declared (a declared code without
    /// its file does not compile).
    #[test]
    fn every_explanation_file_is_declared() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("codes");
        let mut undeclared = Vec::new();
        for entry in std::fs::read_dir(&dir).expect("core/codes links to docs/codes") {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let Some(code) = name.strip_suffix(".md") else {
                continue;
            };
            if lookup(code).is_none_or(|c| c.name() != code) {
                undeclared.push(name);
            }
        }
        assert!(
            undeclared.is_empty(),
            "explanations of undeclared codes: {undeclared:?}"
        );
    }

    /// The left-out codes are not declared, are sorted, and their reasons read as diagnostics do.
    #[test]
    fn left_out_codes_are_not_declared() {
        for pair in LEFT_OUT.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        for (name, reason) in LEFT_OUT {
            assert!(lookup(name).is_none(), "{name} is declared and left out");
            assert!(!reason.is_empty() && !reason.contains('\n'), "{name}");
            assert!(
                !reason.ends_with('.'),
                "{name}: the reason ends with a period"
            );
        }
    }
}
