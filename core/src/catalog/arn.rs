//! Splitting ARNs into their fields and matching a policy ARN against a catalog ARN template.

use super::pattern::{Token, intersects, policy_tokens, template_tokens};

/// The six fields of an ARN: `arn:partition:service:region:account:resource`. The resource keeps
/// its own colons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Arn<'a> {
    pub partition: &'a str,
    pub service: &'a str,
    pub region: &'a str,
    pub account: &'a str,
    pub resource: &'a str,
}

impl<'a> Arn<'a> {
    /// Splits an ARN, or `None` when it does not start with `arn:` or has fewer than six fields
    /// (the syntax checks report those).
    pub fn parse(text: &'a str) -> Option<Arn<'a>> {
        let mut fields = text.splitn(6, ':');
        if fields.next()? != "arn" {
            return None;
        }
        Some(Arn {
            partition: fields.next()?,
            service: fields.next()?,
            region: fields.next()?,
            account: fields.next()?,
            resource: fields.next()?,
        })
    }
}

/// How a policy ARN relates to one ARN template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fit {
    /// Some resource of the template matches the ARN.
    Matches,
    /// Service and resource fit, but the ARN gives a region where the template has none.
    RegionNotAllowed,
    /// Service and resource fit, but the ARN gives an account where the template has none.
    AccountNotAllowed,
    /// Service and resource fit, but the ARN leaves out the region the template needs.
    RegionMissing,
    /// Another kind of resource.
    Other,
}

use std::collections::HashMap;
use std::sync::OnceLock;

/// An ARN's fields as tokens, made once so that comparing one ARN with many templates (or one
/// template with many ARNs) does not tokenize them again each time.
pub(crate) struct TokenizedArn<'a> {
    pub arn: Arn<'a>,
    service: Vec<Token>,
    region: Vec<Token>,
    account: Vec<Token>,
    resource: Vec<Token>,
}

impl<'a> TokenizedArn<'a> {
    /// A policy ARN: wildcards and policy variables.
    pub fn policy(arn: Arn<'a>) -> TokenizedArn<'a> {
        TokenizedArn {
            arn,
            service: policy_tokens(arn.service),
            region: policy_tokens(arn.region),
            account: policy_tokens(arn.account),
            resource: policy_tokens(arn.resource),
        }
    }

    /// A catalog ARN template: `${...}` placeholders.
    pub fn template(arn: Arn<'a>) -> TokenizedArn<'a> {
        TokenizedArn {
            arn,
            service: template_tokens(arn.service, false),
            region: template_tokens(arn.region, false),
            account: template_tokens(arn.account, false),
            resource: template_tokens(arn.resource, false),
        }
    }
}

/// The tokenized form of a catalog ARN template, made once per process for all the catalog's
/// templates (tokenizing them per statement was a fifth of `iam-policy check` over AWS's managed
/// policies). Templates are slices of the embedded catalog, so address and length identify them; a
/// template from elsewhere gets `None`, and the caller tokenizes it itself.
pub(crate) fn catalog_template(template: &'static str) -> Option<&'static TokenizedArn<'static>> {
    static TEMPLATES: OnceLock<HashMap<(usize, usize), TokenizedArn<'static>>> = OnceLock::new();
    TEMPLATES
        .get_or_init(|| {
            let mut all = HashMap::new();
            for service in super::catalog().services() {
                for resource_type in service.resource_types() {
                    for text in resource_type.arn_templates() {
                        if let Some(arn) = Arn::parse(text) {
                            all.entry((text.as_ptr() as usize, text.len()))
                                .or_insert_with(|| TokenizedArn::template(arn));
                        }
                    }
                }
            }
            all
        })
        .get(&(template.as_ptr() as usize, template.len()))
}

/// Compares a policy ARN with an ARN template, case-insensitively: service names because the
/// syntax checks report upper case, resource parts because the reference does not always spell
/// their fixed words as services do (`vpcConnection/` in the reference, `vpcconnection/` in AWS
/// managed policies). IAM itself matches resources case-sensitively, so a wrongly cased ARN
/// passes here; the check is for ARNs of the wrong kind.
#[cfg(test)]
pub(crate) fn fit(arn: &Arn<'_>, template: &str) -> Fit {
    match Arn::parse(template) {
        Some(t) => fit_tokens(&TokenizedArn::policy(*arn), &TokenizedArn::template(t)),
        None => Fit::Other,
    }
}

/// [`fit`] on fields tokenized once.
pub(crate) fn fit_tokens(policy: &TokenizedArn<'_>, template: &TokenizedArn<'_>) -> Fit {
    let (arn, t) = (&policy.arn, &template.arn);
    // Fast path: most templates name another service.
    if is_literal(arn.service)
        && is_literal(t.service)
        && !arn.service.eq_ignore_ascii_case(t.service)
    {
        return Fit::Other;
    }
    let field = |policy: &[Token], template: &[Token]| intersects(policy, template, true);
    if !field(&policy.service, &template.service) || !field(&policy.resource, &template.resource) {
        return Fit::Other;
    }
    if !field(&policy.region, &template.region) {
        return if t.region.is_empty() {
            Fit::RegionNotAllowed
        } else {
            Fit::RegionMissing
        };
    }
    // AWS-owned resources have no account even where the template has one
    // (`arn:aws:ssm:*::document/AWS-RunShellScript`), so an empty account fits any template.
    if !arn.account.is_empty() && !field(&policy.account, &template.account) {
        return Fit::AccountNotAllowed;
    }
    Fit::Matches
}

/// A region field that is literal text (no wildcard, no variable).
pub(crate) fn is_literal(field: &str) -> bool {
    !field.contains(['*', '?', '$'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_arns() {
        let arn = Arn::parse("arn:aws:ssm:*:*:session/a:b").unwrap();
        assert_eq!(arn.service, "ssm");
        assert_eq!(arn.resource, "session/a:b");
        assert!(Arn::parse("arn:aws:ssm").is_none());
        assert!(Arn::parse("session/abc").is_none());
        assert!(Arn::parse("").is_none());
    }

    #[test]
    fn fits() {
        let instance = "arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}";
        let arn = |s| Arn::parse(s).unwrap();
        assert_eq!(
            fit(
                &arn("arn:aws:ec2:us-east-2:123456789012:instance/i-1"),
                instance
            ),
            Fit::Matches
        );
        assert_eq!(
            fit(&arn("arn:aws:ec2:*:*:instance/*"), instance),
            Fit::Matches
        );
        assert_eq!(
            fit(&arn("arn:aws:ec2::123456789012:instance/i-1"), instance),
            Fit::RegionMissing
        );
        assert_eq!(
            fit(&arn("arn:aws:ec2:us-east-1::instance/i-1"), instance),
            Fit::Matches
        );
        assert_eq!(fit(&arn("arn:aws:ec2:*:*:volume/*"), instance), Fit::Other);
        let role = "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}";
        assert_eq!(
            fit(&arn("arn:aws:iam::123456789012:role/a/b"), role),
            Fit::Matches
        );
        assert_eq!(
            fit(&arn("arn:aws:iam:us-east-1:123456789012:role/x"), role),
            Fit::RegionNotAllowed
        );
        let bucket = "arn:${Partition}:s3:::${BucketName}";
        assert_eq!(fit(&arn("arn:aws:s3:::my-bucket"), bucket), Fit::Matches);
        assert_eq!(
            fit(&arn("arn:aws:s3::123456789012:my-bucket"), bucket),
            Fit::AccountNotAllowed
        );
        assert_eq!(fit(&arn("arn:aws:s3:*:*:my-bucket"), bucket), Fit::Matches);
    }
}
