//! Lowering: a validated [`Document`] (with no error) and its JSON tree into a [`CompiledPolicy`].

use std::borrow::Cow;

use crate::action_index;
use crate::compiled::{
    ActionPattern, Actions, CompiledPolicy, Condition, JsonMember, JsonValue, List, Principals,
    ResourcePattern, Resources, Statement,
};
use crate::json::{Node, Value};
use crate::operator::Family;
use crate::validate::ConditionEntry;
use crate::validate::Document;

/// Turns a validated, error-free document into its compiled form; `source` is the tree it
/// was read from, kept as written for export.
pub fn lower(document: &Document, source: &Node) -> CompiledPolicy {
    let statements = document
        .statements
        .iter()
        .map(|s| Statement {
            sid: s.sid.as_ref().map(|sid| Cow::Owned(sid.value.clone())),
            effect: s.effect,
            principals: s.principals.as_ref().map(|block| Principals {
                negated: block.negated,
                scoped_by_principal_arn: scoped_by_principal_arn(&s.conditions),
                entries: block.entries.iter().map(|e| e.value.clone()).collect(),
            }),
            actions: Actions {
                negated: s.actions.negated,
                patterns: sorted_actions(s.actions.entries.iter().map(|e| e.value.clone())),
            },
            resources: if s.resource_omitted {
                // No `Resource` in a trust or resource-based policy: the resource it is attached to.
                Resources {
                    negated: false,
                    patterns: Cow::Owned(vec![ResourcePattern::Any]),
                }
            } else {
                Resources {
                    negated: s.resources.negated,
                    patterns: s
                        .resources
                        .entries
                        .iter()
                        .map(|e| e.value.clone())
                        .collect(),
                }
            },
            conditions: s
                .conditions
                .iter()
                .map(|c| Condition {
                    operator: c.operator.value,
                    key: Cow::Owned(c.key.value.clone()),
                    values: c.values.clone(),
                })
                .collect(),
        })
        .collect();
    CompiledPolicy {
        statements,
        source: json_value(source),
    }
}

/// A block's action patterns in the order of the action index ([`action_index::sort`]).
fn sorted_actions(patterns: impl Iterator<Item = ActionPattern>) -> List<ActionPattern> {
    let mut patterns: Vec<ActionPattern> = patterns.collect();
    action_index::sort(&mut patterns);
    Cow::Owned(patterns)
}

/// True when a condition requires `aws:PrincipalArn` to match a value: a positive String or ARN
/// operator without `IfExists` (a `"*"` principal so scoped names the caller itself, section 9.2).
/// Negated operators, `Null` and `IfExists` do not count: they can hold for other callers.
fn scoped_by_principal_arn(conditions: &[ConditionEntry]) -> bool {
    conditions.iter().any(|c| {
        let operator = c.operator.value;
        c.key.value.eq_ignore_ascii_case("aws:PrincipalArn")
            && !operator.if_exists
            && !operator.is_negated()
            && operator.qualifier != Some(crate::operator::Qualifier::ForAllValues)
            && matches!(operator.base.family(), Family::String | Family::Arn)
    })
}

/// The JSON tree in its exportable form.
pub fn json_value(node: &Node) -> JsonValue {
    match &node.value {
        Value::Null => JsonValue::Null,
        Value::Bool(b) => JsonValue::Bool(*b),
        Value::Number(n) => JsonValue::Number(Cow::Owned(n.clone())),
        Value::String(s) => JsonValue::String(Cow::Owned(s.clone())),
        Value::Array(items) => JsonValue::Array(items.iter().map(json_value).collect()),
        Value::Object(members) => JsonValue::Object(
            members
                .iter()
                .map(|m| JsonMember {
                    key: Cow::Owned(m.key.clone()),
                    value: json_value(&m.value),
                })
                .collect(),
        ),
    }
}
