//! The policy of one resource type (an S3 bucket, a KMS key, an SQS queue, ...) can only name its
//! own service's actions and resources: `UNSUPPORTED_ACTION_IN_POLICY` and
//! `UNSUPPORTED_RESOURCE_ARN_IN_POLICY`. The service refuses such a policy ("Policy statement
//! action out of service scope", "Policy has invalid action").

use super::Validator;
use super::document::Document;
use crate::codes;
use crate::compiled::{ActionPattern, ResourcePattern, Segment};
use crate::diagnostic::Finding;

pub(crate) fn check(v: &mut Validator, document: &Document) {
    let policy_type = v.options.policy_type;
    let Some(service) = policy_type.service() else {
        return;
    };
    let what = policy_type.description();
    for s in &document.statements {
        // `NotAction` lists what the statement does not apply to: another service there is moot.
        if !s.actions.negated {
            for a in &s.actions.entries {
                let ActionPattern::Named {
                    service: prefix, ..
                } = &a.value
                else {
                    continue;
                };
                if prefix.eq_ignore_ascii_case(service) {
                    continue;
                }
                v.report(
                    Finding::new(
                        codes::UNSUPPORTED_ACTION_IN_POLICY,
                        format!(
                            "the action `{}` is not an action of `{service}`, and {what} can only name actions of `{service}`",
                            a.text
                        ),
                    )
                    .with_help(format!(
                        "grant `{}` in an identity policy, or in the policy of a resource of its own service",
                        a.text
                    )),
                    &a.path,
                    a.loc,
                );
            }
        }
        for r in &s.resources.entries {
            let ResourcePattern::Arn(arn) = &r.value else {
                continue;
            };
            let [Segment::Literal(prefix)] = &arn.service.segments[..] else {
                continue;
            };
            if prefix.as_ref() == service {
                continue;
            }
            v.report(
                Finding::new(
                    codes::UNSUPPORTED_RESOURCE_ARN_IN_POLICY,
                    format!(
                        "the resource `{}` is not a resource of `{service}`, and {what} can only name its own resources",
                        r.text
                    ),
                )
                .with_help(format!(
                    "name the `{service}` resource the policy is attached to (`arn:aws:{service}:...`), or `*`"
                )),
                &r.path,
                r.loc,
            );
        }
    }
}
