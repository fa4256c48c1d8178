//! One statement: `Sid`, `Effect`, `Principal`, `Action`, `Resource`, `Condition`.

use super::document::{Block, Located, StatementModel, Text, Version};
use super::members::unique_members;
use super::policy_type::{Family, PolicyType};
use super::{Validator, action, by_type, condition, resource};
use crate::codes;
use crate::compiled::Effect;
use crate::diagnostic::Finding;
use crate::json::{Member, Node, Value};
use crate::location::JsonPath;

const ELEMENTS: [&str; 9] = [
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];

pub(crate) fn read_statement<'t>(
    v: &mut Validator,
    node: &Node<'t>,
    index: usize,
    path: JsonPath,
    version: Version,
) -> Option<StatementModel<'t>> {
    // Keyed many times (`Action`, `Resource`, ...): its index is made one shared step.
    let path = path.shared();
    let Value::Object(members) = &node.value else {
        v.type_mismatch(node, "an object", &path, "a statement");
        return None;
    };
    let m = unique_members(v, members, &path, &ELEMENTS, "a statement");
    let sid = m.get("Sid").and_then(|member| read_sid(v, member, &path));
    let effect = read_effect(v, m.get("Effect").copied(), node, &path);
    let principals = by_type::principals(v, &m, effect, node, &path);
    let mut resource_omitted = false;

    let actions = match pick(v, &m, "Action", "NotAction", node, &path) {
        Some((member, negated)) => Block {
            negated,
            entries: action::read_actions(v, member, &path),
        },
        None if v.misspelt_any(&path, &["Action", "NotAction"]) => Block::default(),
        None => {
            v.report(
                Finding::new(
                    codes::MISSING_ACTION,
                    "the statement has no `Action` or `NotAction`",
                )
                .with_help("add an `Action` element naming what the statement allows or denies"),
                &path,
                node.loc,
            );
            Block::default()
        }
    };
    let resources = match pick(v, &m, "Resource", "NotResource", node, &path) {
        Some((member, negated)) => {
            by_type::check_resource_allowed(v, member, &path);
            Block {
                negated,
                entries: resource::read_resources(v, member, &path, version),
            }
        }
        None if v.misspelt_any(&path, &["Resource", "NotResource"]) => Block::default(),
        None if !v.options.policy_type.requires_resource() => {
            resource_omitted = true;
            Block::default()
        }
        None => {
            v.report(
                Finding::new(
                    codes::MISSING_RESOURCE,
                    "the statement has no `Resource` or `NotResource`",
                )
                .with_help("add `\"Resource\": \"*\"` or the ARNs the statement applies to"),
                &path,
                node.loc,
            );
            Block::default()
        }
    };
    let conditions = match m.get("Condition") {
        Some(member) => {
            condition::read_conditions(v, &member.value, &path.key("Condition"), version)
        }
        None => Vec::new(),
    };
    let model = StatementModel {
        index,
        path,
        loc: node.loc,
        sid,
        effect,
        principals,
        resource_omitted,
        actions,
        resources,
        conditions,
    };
    by_type::check_statement(v, &model, &m);
    Some(model)
}

/// One of a pair of exclusive elements (`Action`/`NotAction`), reporting both present.
fn pick<'a, 't>(
    v: &mut Validator,
    m: &std::collections::HashMap<&str, &'a Member<'t>>,
    plain: &str,
    negated: &str,
    _node: &Node,
    path: &JsonPath,
) -> Option<(&'a Member<'t>, bool)> {
    match (m.get(plain), m.get(negated)) {
        (Some(p), Some(n)) => {
            v.report(
                Finding::new(
                    codes::UNSUPPORTED_ELEMENT_COMBINATION,
                    format!("`{plain}` and `{negated}` cannot be used in the same statement"),
                )
                .with_help(format!("remove `{negated}` or `{plain}`")),
                &path.key(negated),
                n.key_loc,
            );
            Some((p, false))
        }
        (Some(p), None) => Some((p, false)),
        (None, Some(n)) => Some((n, true)),
        (None, None) => None,
    }
}

fn read_sid<'t>(v: &mut Validator, member: &Member<'t>, path: &JsonPath) -> Option<Text<'t>> {
    let path = path.key("Sid");
    let Value::String(sid) = &member.value.value else {
        v.type_mismatch(&member.value, "a string", &path, "Sid");
        return None;
    };
    if sid.is_empty() {
        v.report(
            Finding::new(codes::EMPTY_SID_VALUE, "the Sid is empty")
                .with_help("name the statement, or remove the `Sid`"),
            &path,
            member.value.loc,
        );
    } else if let Some(bad) = sid
        .chars()
        .find(|c| !c.is_ascii_alphanumeric())
        .filter(|_| sid_charset_applies(v.options.policy_type))
    {
        let cleaned: String = sid.chars().filter(char::is_ascii_alphanumeric).collect();
        let mut finding = Finding::new(
            codes::UNSUPPORTED_SID,
            format!(
                "the Sid `{sid}` contains `{}`: a Sid may contain only `A-Z`, `a-z` and `0-9`",
                bad.escape_debug()
            ),
        );
        if !cleaned.is_empty() {
            finding = finding.with_help(format!("use `{cleaned}`"));
        }
        v.report(finding, &path, member.value.loc);
    }
    Some(Located {
        value: (),
        text: sid.clone(),
        path,
        loc: member.value.loc,
    })
}

/// Whether the policy type restricts a `Sid` to `A-Z`, `a-z` and `0-9` (D42): the policies IAM and
/// AWS Organizations store do; the resource-based policies of other services take the Sids those
/// services write themselves (`__default_statement_ID` in every new SNS topic's policy,
/// `grant-1234-publish` from SNS `AddPermission`, `Enable IAM User Permissions` in KMS's default
/// key policy).
fn sid_charset_applies(policy_type: PolicyType) -> bool {
    policy_type.family() != Family::Resource
}

fn read_effect(v: &mut Validator, member: Option<&Member>, node: &Node, path: &JsonPath) -> Effect {
    let Some(member) = member else {
        if v.misspelt_any(path, &["Effect"]) {
            return Effect::Deny;
        }
        v.report(
            Finding::new(codes::MISSING_EFFECT, "the statement has no `Effect`")
                .with_help("add `\"Effect\": \"Allow\"` or `\"Effect\": \"Deny\"`"),
            path,
            node.loc,
        );
        return Effect::Deny;
    };
    let path = path.key("Effect");
    match &member.value.value {
        Value::String(s) if s == "Allow" => Effect::Allow,
        Value::String(s) if s == "Deny" => Effect::Deny,
        Value::String(s) => {
            let mut finding = Finding::new(
                codes::INVALID_EFFECT,
                format!("the effect `{s}` is not valid: use `Allow` or `Deny`"),
            );
            if s.eq_ignore_ascii_case("allow") {
                finding = finding.with_help("use `Allow`");
            } else if s.eq_ignore_ascii_case("deny") {
                finding = finding.with_help("use `Deny`");
            } else {
                finding = finding.with_help("use `Allow` or `Deny`");
            }
            v.report(finding, &path, member.value.loc);
            Effect::Deny
        }
        _ => {
            v.type_mismatch(&member.value, "a string", &path, "Effect");
            Effect::Deny
        }
    }
}
