//! `Resource` / `NotResource` entries and ARN patterns (also used by the ARN condition operators).

use super::Validator;
use super::document::{Located, Version};
use super::list::{EmptyList, list_entries};
use super::template::{self, Variables, Wildcards};
use crate::codes;
use crate::compiled::{ArnPattern, ResourcePattern};
use crate::diagnostic::Finding;
use crate::json::Member;
use crate::location::JsonPath;

/// The partitions AWS has.
pub const PARTITIONS: [&str; 8] = [
    "aws",
    "aws-cn",
    "aws-us-gov",
    "aws-eusc",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
];

pub(crate) fn read_resources<'t>(
    v: &mut Validator,
    member: &Member<'t>,
    path: &JsonPath,
    version: Version,
) -> Vec<Located<'t, ResourcePattern>> {
    let empty = EmptyList {
        code: codes::EMPTY_ARRAY_RESOURCE,
        what: "resource",
        help: "use `\"*\"` or name at least one ARN",
    };
    let entries = list_entries(v, member, path, empty);
    let mut out = Vec::new();
    for (text, path, loc) in entries {
        let (pattern, findings) = read_resource(&text, version);
        let ok = findings
            .iter()
            .all(|f| !matches!(f.severity(), crate::diagnostic::Severity::Error));
        for finding in findings {
            v.report(finding, &path, loc);
        }
        if ok {
            out.push(Located {
                value: pattern,
                text,
                path,
                loc,
            });
        }
    }
    out.shrink_to_fit();
    out
}

/// Reads one `Resource` entry: `*` or an ARN pattern.
pub fn read_resource(text: &str, version: Version) -> (ResourcePattern, Vec<Finding>) {
    if !text.is_empty() && text.chars().all(|c| c == '*') {
        return (ResourcePattern::Any, Vec::new());
    }
    if text.is_empty() {
        let finding = Finding::new(
            codes::INVALID_ARN_PREFIX,
            "the resource is an empty string: a resource must be an ARN or `\"*\"`",
        )
        .with_help("use `\"*\"` to apply the statement to every resource, or give an ARN");
        return (ResourcePattern::Never, vec![finding]);
    }
    match read_arn(text, version, ArnUse::Resource) {
        Ok((arn, findings)) => (ResourcePattern::Arn(arn), findings),
        Err(findings) => (ResourcePattern::Never, findings),
    }
}

/// Where an ARN pattern stands, which changes a few rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArnUse {
    Resource,
    /// A value of an ARN condition operator: six parts are not required (IAM compares what is there).
    Condition,
}

/// Reads an ARN pattern. `Err` when it cannot be read at all; `Ok` may carry warnings or errors
/// about single parts.
pub fn read_arn(
    text: &str,
    version: Version,
    usage: ArnUse,
) -> Result<(ArnPattern, Vec<Finding>), Vec<Finding>> {
    let mut findings = Vec::new();
    let Some(rest) = text.strip_prefix("arn:") else {
        return Err(vec![
            Finding::new(
                codes::INVALID_ARN_PREFIX,
                format!(
                    "the resource `{text}` is not an ARN: a resource must be an ARN or `\"*\"`"
                ),
            )
            .with_help(
                "write an ARN as `arn:partition:service:region:account:resource`, or use `\"*\"`",
            ),
        ]);
    };
    let parts = split_fields(rest);
    if parts.len() < 5 {
        let finding = Finding::new(
            codes::MISSING_ARN_FIELD,
            format!("the ARN `{text}` has {} of its 6 fields", parts.len() + 1),
        )
        .with_help("write an ARN as `arn:partition:service:region:account:resource`");
        // Never padded with `*` (as iam-simulate reads a short ARN): padding widens an `Allow`
        // (`ArnLike "arn:aws:sns"` would match every SNS ARN). An error in a condition too (D10).
        return Err(vec![finding]);
    }
    let (partition, service, region, account, resource) =
        (parts[0], parts[1], parts[2], parts[3], parts[4]);
    let variables = if version.supports_variables() {
        Variables::Allowed
    } else {
        Variables::UnsupportedInVersion
    };
    // In a Resource entry variables may stand only in the resource part; an ARN condition value
    // is a String-like value, where they may stand anywhere.
    let fixed_part = |part: &str, name: &'static str, findings: &mut Vec<Finding>| {
        let rule = if usage == ArnUse::Condition {
            variables
        } else {
            Variables::UnsupportedInElement(name)
        };
        let (glob, mut f) = template::read(part, Wildcards::Glob, rule);
        findings.append(&mut f);
        glob
    };
    let partition_glob = fixed_part(partition, "the partition of an ARN", &mut findings);
    let service_glob = fixed_part(service, "the service of an ARN", &mut findings);
    let region_glob = fixed_part(region, "the region of an ARN", &mut findings);
    let account_glob = fixed_part(account, "the account of an ARN", &mut findings);
    let (resource_glob, mut f) = template::read(resource, Wildcards::Glob, variables);
    findings.append(&mut f);

    check_partition(partition, text, &mut findings);
    check_service(service, text, usage, &mut findings);
    check_region(region, text, &mut findings);
    check_account(account, text, &mut findings);
    if usage == ArnUse::Resource {
        check_resource_part(service, resource, text, &mut findings);
        findings.extend(iam_resource_problems(service, region, resource, text));
    }
    let arn = ArnPattern {
        partition: partition_glob,
        service: service_glob,
        region: region_glob,
        account: account_glob,
        resource: resource_glob,
    };
    Ok((arn, findings))
}

/// A wildcard character in a part: such a part is a pattern and is not checked as a name.
fn wild(part: &str) -> bool {
    part.contains(['*', '?'])
}

/// The partition is `aws`, `aws-cn`, ... (or a pattern or variable).
fn check_partition(partition: &str, text: &str, findings: &mut Vec<Finding>) {
    if !wild(partition) && !partition.contains("${") && !PARTITIONS.contains(&partition) {
        let mut finding = Finding::new(
            codes::INVALID_PARTITION,
            format!("`{partition}` in `{text}` is not an AWS partition"),
        );
        // Every partition but `aws` starts with `aws-`: only a one-edit slip is a plausible typo.
        let lowercase = partition.to_ascii_lowercase();
        let near = PARTITIONS
            .iter()
            .find(|p| strsim::damerau_levenshtein(&lowercase, p) <= 1);
        if let Some(close) = near {
            finding = finding.with_help(format!("did you mean `{close}`?"));
        } else {
            finding = finding.with_help("use `aws`, `aws-cn` or `aws-us-gov`");
        }
        findings.push(finding);
    }
}

/// The service is present, is a lowercase service prefix, and in a `Resource` entry has no
/// wildcard. An ARN condition value may hold one in any part (`ArnLike "arn:aws:*:*:111122223333:*"`,
/// docs/semantics.md D12): it is a pattern there, matched as such.
fn check_service(service: &str, text: &str, usage: ArnUse, findings: &mut Vec<Finding>) {
    if service.is_empty() {
        findings.push(Finding::new(
            codes::MISSING_ARN_FIELD,
            format!("the ARN `{text}` has no service"),
        ));
    } else if wild(service) {
        if usage == ArnUse::Condition {
            return;
        }
        findings.push(
            Finding::new(
                codes::WILDCARD_IN_ARN_SERVICE,
                format!(
                    "the service of the ARN `{text}` contains a wildcard, which IAM does not allow"
                ),
            )
            .with_help("name the service, or use `\"*\"` for every resource"),
        );
    } else if service.chars().any(|c| c.is_ascii_uppercase()) {
        findings.push(
            Finding::new(
                codes::INVALID_ARN_SERVICE_CASE,
                format!("the service `{service}` in the ARN `{text}` must be lowercase"),
            )
            .with_help(format!("use `{}`", service.to_ascii_lowercase())),
        );
    } else if let Some(bad) = service
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.'))
    {
        findings.push(Finding::new(
            codes::INVALID_ARN_SERVICE,
            format!(
                "the service `{service}` in the ARN `{text}` contains `{}`",
                bad.escape_debug()
            ),
        )
        .with_help("a service prefix has lowercase letters, digits and `-`, such as `ssm` or `aws-marketplace`"));
    }
}

/// The region is empty, a pattern, a variable or shaped like a region.
fn check_region(region: &str, text: &str, findings: &mut Vec<Finding>) {
    if !region.is_empty() && !wild(region) && !region.contains("${") && !is_region_shaped(region) {
        findings.push(
            Finding::new(
                codes::INVALID_ARN_REGION,
                format!("the region `{region}` in the ARN `{text}` is not a region"),
            )
            .with_help("use a region such as `us-east-1`, `*` for every region, or leave it empty"),
        );
    }
}

/// The account is empty, a pattern, a variable or a 12-digit account ID.
fn check_account(account: &str, text: &str, findings: &mut Vec<Finding>) {
    if !account.is_empty()
        && !wild(account)
        && !account.contains("${")
        && !is_account_shaped(account)
    {
        findings.push(
            Finding::new(
                codes::INVALID_ARN_ACCOUNT,
                format!("the account `{account}` in the ARN `{text}` is not a 12-digit account ID"),
            )
            .with_help("use a 12-digit account ID such as `123456789012`, `*` for every account, or leave it empty"),
        );
    }
}

/// The resource part of a `Resource` entry is not empty, and its resource type has no wildcard.
fn check_resource_part(service: &str, resource: &str, text: &str, findings: &mut Vec<Finding>) {
    if resource.is_empty() {
        findings.push(
            Finding::new(
                codes::INVALID_ARN_RESOURCE,
                format!("the ARN `{text}` has an empty resource part"),
            )
            .with_help("name the resource, or end the ARN with `*`"),
        );
    } else if let Some(end) = resource.find(['/', ':']) {
        let resource_type = &resource[..end];
        // A warning, not an error (`docs/semantics.md` D6): AWS's ARN reference says a
        // resource type takes no wildcard, yet 39 AWS managed policies rely on one
        // (`arn:aws:wafv2:*:*:*/webacl/*/*`), so IAM accepts it; it is matched as a glob.
        if wild(resource_type) && service != "s3" {
            findings.push(
                Finding::new(
                    codes::WILDCARD_IN_RESOURCE_TYPE,
                    format!("the resource type `{resource_type}` in the ARN `{text}` contains a wildcard, which AWS's ARN reference does not allow"),
                )
                .with_help("name the resource type, such as `instance/*`, or use a wildcard for the whole resource part"),
            );
        }
    }
}

/// The resource types of IAM, as the resource part of an IAM ARN starts: IAM's own list (its
/// `MalformedPolicyDocument` message) and the types of the service catalog.
const IAM_RESOURCE_TYPES: &[&str] = &[
    "access-report/",
    "assumed-role/",
    "contextProvider/",
    "delegation-request/",
    "federated-user/",
    "group/",
    "instance-profile/",
    "mfa/",
    "oidc-provider/",
    "policy/",
    "report/",
    "role/",
    "role-template/",
    "root",
    "saml-provider/",
    "server-certificate/",
    "sms-mfa/",
    "user/",
];

/// What IAM rejects in an IAM resource ARN whatever the actions (`MalformedPolicyDocument`): a
/// region (`IAM resource ... cannot contain region information`), and a resource part that is not
/// `*` and does not start with one of IAM's resource types. A pattern or variable passes when it
/// could start with one (`r*`, `${aws:username}`).
pub(crate) fn iam_resource_problems(
    service: &str,
    region: &str,
    resource: &str,
    text: &str,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    if service != "iam" {
        return findings;
    }
    if !region.is_empty() {
        findings.push(
            Finding::new(
                codes::ARN_REGION_NOT_ALLOWED,
                format!("the IAM resource ARN `{text}` has the region `{region}`: IAM resources are global"),
            )
            .with_help(format!("remove the region: `{}`", text.replacen(&format!(":iam:{region}:"), ":iam::", 1))),
        );
    }
    // The literal text before the first wildcard or variable.
    let literal_end = resource.find(['*', '?', '$']).unwrap_or(resource.len());
    let literal = &resource[..literal_end];
    let pattern = literal_end < resource.len();
    let fits = IAM_RESOURCE_TYPES
        .iter()
        .any(|t| resource == *t || resource.starts_with(t) || (pattern && t.starts_with(literal)));
    if !resource.is_empty() && !fits {
        findings.push(
            Finding::new(
                codes::INVALID_ARN_RESOURCE,
                format!("`{resource}` in the ARN `{text}` is not an IAM resource: IAM rejects it"),
            )
            .with_help("start the resource part with an IAM resource type, such as `user/`, `role/`, `group/` or `policy/`, or use `*`; a bucket or another service's resource takes that service's ARN"),
        );
    }
    findings
}

/// Splits the text after `arn:` on its first four colons, not counting colons inside `${...}`
/// (a variable such as `${aws:username}` holds one).
fn split_fields(text: &str) -> Vec<&str> {
    let mut fields = Vec::new();
    let mut start = 0;
    let mut in_variable = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && fields.len() < 4 {
        match bytes[i] {
            b'$' if bytes.get(i + 1) == Some(&b'{') => in_variable = true,
            b'}' => in_variable = false,
            b':' if !in_variable => {
                fields.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    fields.push(&text[start..]);
    fields
}

/// `us-east-1`, `us-gov-west-1`, `cn-north-1`, `eusc-de-east-1`.
fn is_region_shaped(region: &str) -> bool {
    let parts: Vec<&str> = region.split('-').collect();
    parts.len() >= 3
        && (2..=4).contains(&parts[0].len())
        && parts[..parts.len() - 1]
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()))
        && parts[parts.len() - 1].len() <= 2
        && parts[parts.len() - 1].chars().all(|c| c.is_ascii_digit())
        && !parts[parts.len() - 1].is_empty()
}

/// Twelve digits, or `aws` (AWS-owned resources such as managed policies).
fn is_account_shaped(account: &str) -> bool {
    account == "aws" || (account.len() == 12 && account.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        read_resource(text, Version::V2012_10_17)
            .1
            .iter()
            .map(|f| f.code.name())
            .collect()
    }

    #[test]
    fn valid_resources() {
        for ok in [
            "*",
            "arn:aws:ssm:*:*:session/${aws:username}-*",
            "arn:aws:ec2:us-east-2:123456789012:instance/i-1234567890EXAMPLE",
            "arn:aws:s3:::bucket/*",
            "arn:aws:iam::aws:policy/ReadOnlyAccess",
            "arn:aws-us-gov:ec2:us-gov-west-1:123456789012:instance/*",
            "arn:aws:logs:*:*:*",
            "arn:aws:s3:::*/key",
            "arn:*:ec2:*:*:instance/*",
        ] {
            assert_eq!(codes(ok), Vec::<&str>::new(), "{ok}");
        }
    }

    #[test]
    fn invalid_resources() {
        assert_eq!(codes(""), ["INVALID_ARN_PREFIX"]);
        assert_eq!(codes("session/abc"), ["INVALID_ARN_PREFIX"]);
        assert_eq!(codes("arn:aws:ssm"), ["MISSING_ARN_FIELD"]);
        assert_eq!(
            codes("arn:aws-foo:ssm:us-east-1:123456789012:session/x"),
            ["INVALID_PARTITION"]
        );
        assert_eq!(
            codes("arn:aws:ssm:region:123456789012:session/x"),
            ["INVALID_ARN_REGION"]
        );
        assert_eq!(
            codes("arn:aws:ssm:us-east-1:account-id:session/x"),
            ["INVALID_ARN_ACCOUNT"]
        );
        assert_eq!(
            codes("arn:aws:SSM:us-east-1:123456789012:session/x"),
            ["INVALID_ARN_SERVICE_CASE"]
        );
        assert_eq!(
            codes("arn:aws:ec2:*:*:*/12345"),
            ["WILDCARD_IN_RESOURCE_TYPE"]
        );
        assert_eq!(
            codes("arn:aws:ec2:*:${aws:username}:instance/x"),
            ["VARIABLE_UNSUPPORTED_IN_ELEMENT"]
        );
        assert_eq!(
            codes("arn:aws:ss*:*:*:session/x"),
            ["WILDCARD_IN_ARN_SERVICE"]
        );
        assert_eq!(
            read_resource(
                "arn:aws:ssm:*:*:session/${aws:username}",
                Version::V2008_10_17
            )
            .1[0]
                .code,
            "VARIABLE_UNSUPPORTED_IN_VERSION"
        );
    }

    #[test]
    fn region_and_account_shapes() {
        for good in [
            "us-east-1",
            "us-gov-west-1",
            "cn-north-1",
            "eusc-de-east-1",
            "ap-southeast-5",
        ] {
            assert!(is_region_shaped(good), "{good}");
        }
        for bad in [
            "region",
            "us-east-x",
            "us-east",
            "US-EAST-1",
            "useast1",
            "us-east-1-",
            "-east-1",
        ] {
            assert!(!is_region_shaped(bad), "{bad}");
        }
        for good in ["123456789012", "aws"] {
            assert!(is_account_shaped(good), "{good}");
        }
        for bad in ["account-id", "12345678901", "1234567890123", "AWS"] {
            assert!(!is_account_shaped(bad), "{bad}");
        }
        // Empty and wildcard fields are not shape-checked.
        for ok in ["*", "us-*", ""] {
            let arn = format!("arn:aws:ec2:{ok}:123456789012:instance/*");
            assert!(codes(&arn).is_empty(), "{arn}: {:?}", codes(&arn));
        }
    }
}
