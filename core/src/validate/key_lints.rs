//! Condition keys that cannot do what they seem to, given the policy type or the rest of the
//! statement: `IRRELEVANT_CONDITION_KEY_IN_POLICY` (a key about the resource, in the policy of that
//! very resource), `MISSING_PAIRED_CONDITION_KEYS` (`aws:VpcSourceIp` without the VPC it is in),
//! `MISSING_ACTION_FOR_CONDITION_KEY` (session tags or a source identity required by a trust
//! policy that does not allow setting them) and `INVALID_REGION` (a value of
//! `aws:RequestedRegion` that is no region).

use super::Validator;
use super::document::{ConditionEntry, Document, StatementModel};
use super::policy_type::Family;
use crate::codes;
use crate::compiled::{ActionPattern, Effect};
use crate::diagnostic::Finding;
use crate::eval::{Truth, condition_truth};
use crate::operator::{BaseOperator, Comparison, Family as OperatorFamily};
use crate::pattern::{Case, NoVariables, matches};

pub(crate) fn check(v: &mut Validator, document: &Document) {
    for s in &document.statements {
        irrelevant_keys(v, s);
        paired_keys(v, s);
        actions_for_keys(v, s);
        for c in &s.conditions {
            regions(v, c);
        }
    }
}

/// Keys that describe the resource's owner: in the policy attached to that resource they always
/// hold the owner's values, so testing them restricts nothing a reader would expect.
const RESOURCE_OWNER_KEYS: [&str; 3] = [
    "aws:ResourceAccount",
    "aws:ResourceOrgID",
    "aws:ResourceOrgPaths",
];

fn irrelevant_keys(v: &mut Validator, s: &StatementModel) {
    let policy_type = v.options.policy_type;
    if !matches!(policy_type.family(), Family::Resource | Family::Trust) {
        return;
    }
    for c in &s.conditions {
        let Some(key) = RESOURCE_OWNER_KEYS
            .iter()
            .find(|k| k.eq_ignore_ascii_case(&c.key.text))
        else {
            continue;
        };
        v.report(
            Finding::new(
                codes::IRRELEVANT_CONDITION_KEY_IN_POLICY,
                format!(
                    "`{}` is always the owner of the resource {} is attached to: it tells nothing here",
                    c.key.text,
                    policy_type.description()
                ),
            )
            .with_help(format!(
                "to restrict who may call, test the caller (`aws:PrincipalAccount`, `aws:PrincipalOrgID`); use `{key}` in identity policies, SCPs or VPC endpoint policies"
            )),
            &c.key.path,
            c.key.loc,
        );
    }
}

/// `aws:VpcSourceIp` is a private address, and the same private ranges exist in every VPC: alone,
/// it admits a caller with that address in anyone's VPC.
fn paired_keys(v: &mut Validator, s: &StatementModel) {
    let has = |name: &str| {
        s.conditions
            .iter()
            .any(|c| c.key.text.eq_ignore_ascii_case(name))
    };
    if has("aws:SourceVpc") || has("aws:SourceVpce") {
        return;
    }
    for c in &s.conditions {
        if !c.key.text.eq_ignore_ascii_case("aws:VpcSourceIp") {
            continue;
        }
        v.report(
            Finding::new(
                codes::MISSING_PAIRED_CONDITION_KEYS,
                format!(
                    "`{}` without `aws:SourceVpc` or `aws:SourceVpce` matches the address in any VPC, another account's included",
                    c.key.text
                ),
            )
            .with_help("add `aws:SourceVpc` (or `aws:SourceVpce`) to the same condition block, naming your VPC (or endpoint)"),
            &c.key.path,
            c.key.loc,
        );
    }
}

/// In a role trust policy, an `Allow` whose conditions require session tags or a source identity
/// needs the action that sets them (`sts:TagSession`, `sts:SetSourceIdentity`), else no call can
/// both meet the condition and be allowed.
fn actions_for_keys(v: &mut Validator, s: &StatementModel) {
    if v.options.policy_type.family() != Family::Trust
        || s.effect != Effect::Allow
        || s.actions.negated
    {
        return;
    }
    for c in &s.conditions {
        let key = c.key.text.to_ascii_lowercase();
        let needed = if key.starts_with("aws:requesttag/")
            || key == "aws:tagkeys"
            || key == "sts:transitivetagkeys"
        {
            "tagsession"
        } else if key == "sts:sourceidentity" {
            "setsourceidentity"
        } else {
            continue;
        };
        // A condition met without the key (`Null`, `...IfExists`, a negated operator) does not
        // require it.
        if c.operator.value.base == BaseOperator::Null
            || condition_truth(c.operator.value, None, |_| None) != Truth::False
        {
            continue;
        }
        let allowed = s.actions.entries.iter().any(|a| match &a.value {
            ActionPattern::Any => true,
            ActionPattern::Named { service, name } => {
                service.as_ref() == "sts" && matches(name, needed, Case::Insensitive, &NoVariables)
            }
        });
        if allowed {
            continue;
        }
        let action = if needed == "tagsession" {
            "sts:TagSession"
        } else {
            "sts:SetSourceIdentity"
        };
        v.report(
            Finding::new(
                codes::MISSING_ACTION_FOR_CONDITION_KEY,
                format!(
                    "the condition on `{}` needs `{action}` in the statement's actions: without it no session can carry the value",
                    c.key.text
                ),
            )
            .with_help(format!("add `{action}` to `Action`")),
            &c.key.path,
            c.key.loc,
        );
    }
}

/// `aws:RequestedRegion` compared as text with a value that is not shaped like a region
/// (`us-east-1`): the condition can never match it. Patterns and variables are not judged.
fn regions(v: &mut Validator, c: &ConditionEntry) {
    if !c.key.text.eq_ignore_ascii_case("aws:RequestedRegion")
        || c.operator.value.base.family() != OperatorFamily::String
    {
        return;
    }
    let fold = c.operator.value.base.comparison() == Comparison::EqualsIgnoreCase;
    for t in &c.value_texts {
        let text = if fold {
            t.text.to_ascii_lowercase()
        } else {
            t.text.to_string()
        };
        if text.contains(['*', '?'])
            || text.contains("${")
            || super::resource::is_region_shaped(&text)
        {
            continue;
        }
        v.report(
            Finding::new(
                codes::INVALID_REGION,
                format!(
                    "`{}` is not a region: `aws:RequestedRegion` never has this value",
                    t.text
                ),
            )
            .with_help("use a region code such as `us-east-1` or `eu-west-3`"),
            &t.path,
            t.loc,
        );
    }
}
