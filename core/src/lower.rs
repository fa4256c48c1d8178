//! Lowering: a validated [`Document`] (with no error) and its JSON tree into a [`CompiledPolicy`].

use std::borrow::Cow;

use crate::action_index;
use crate::compiled::{
    ActionPattern, Actions, CompiledPolicy, Condition, JsonMember, JsonValue, List, Principals,
    ResourcePattern, Resources, Statement, Str,
};
use crate::export;
use crate::json::{Node, Value};
use crate::operator::Family;
use crate::validate::ConditionEntry;
use crate::validate::Document;

/// Turns a validated, error-free document into its compiled form; `source` is the tree it
/// was read from, kept as written for export (as compact JSON text).
#[must_use]
pub fn lower(document: Document, source: &Node) -> CompiledPolicy {
    // The statements first: they are moved out of the document, which they replace, so the
    // source text is written once the document's own texts and paths are freed.
    let mut compiled = lower_statements(document, Cow::Borrowed(""));
    compiled.source = Cow::Owned(export::to_compact(source));
    compiled
}

/// The statements of a document, moved out of it (not copied), with the document's compact text.
#[must_use]
pub fn lower_statements(document: Document, source: Str) -> CompiledPolicy {
    let statements: Vec<Statement> = document
        .statements
        .into_iter()
        .map(|s| Statement {
            principals: s.principals.map(|block| Principals {
                negated: block.negated,
                scoped_by_principal_arn: scoped_by_principal_arn(&s.conditions),
                entries: exact(block.entries.into_iter().map(|e| e.value)),
            }),
            sid: s.sid.map(|sid| Cow::Owned(sid.text.into_owned())),
            effect: s.effect,
            actions: {
                let patterns = sorted_actions(s.actions.entries.into_iter().map(|e| e.value));
                Actions {
                    negated: s.actions.negated,
                    index: action_index::build(&patterns),
                    patterns,
                }
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
                    patterns: exact(s.resources.entries.into_iter().map(|e| e.value)),
                }
            },
            conditions: exact(s.conditions.into_iter().map(|c| Condition {
                operator: c.operator.value,
                key: Cow::Owned(c.key.text.into_owned()),
                values: c.values,
            })),
        })
        .collect();
    CompiledPolicy {
        statements: Cow::Owned(statements),
        source,
        no_resource_actions: Cow::Borrowed(&[]),
    }
}

/// A block's action patterns in the order of the action index ([`action_index::sort`]).
fn sorted_actions(patterns: impl Iterator<Item = ActionPattern>) -> List<ActionPattern> {
    let mut patterns = exact(patterns).into_owned();
    action_index::sort(&mut patterns);
    Cow::Owned(patterns)
}

/// A list without spare capacity. Collecting in place would keep the allocation of the
/// document's larger entries (pattern, text, path) for the smaller compiled ones.
fn exact<T: Clone>(items: impl Iterator<Item = T>) -> List<T> {
    let mut items: Vec<T> = items.collect();
    items.shrink_to_fit();
    Cow::Owned(items)
}

/// True when a condition requires `aws:PrincipalArn` to match a value: a positive String or ARN
/// operator without `IfExists` (a `"*"` principal so scoped names the caller itself, section 9.2).
/// Negated operators, `Null` and `IfExists` do not count: they can hold for other callers.
fn scoped_by_principal_arn(conditions: &[ConditionEntry]) -> bool {
    conditions.iter().any(|c| {
        let operator = c.operator.value;
        c.key.text.eq_ignore_ascii_case("aws:PrincipalArn")
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
        Value::Number(n) => JsonValue::Number(Cow::Owned(n.to_string())),
        Value::String(s) => JsonValue::String(Cow::Owned(s.to_string())),
        Value::Array(items) => JsonValue::Array(items.iter().map(json_value).collect()),
        Value::Object(members) => JsonValue::Object(
            members
                .iter()
                .map(|m| JsonMember {
                    key: Cow::Owned(m.key.to_string()),
                    value: json_value(&m.value),
                })
                .collect(),
        ),
    }
}
