//! Elements that take a string or an array of strings (`Action`, `Resource` and their negations):
//! their entries with their places, and the finding for an empty list. A leaf below the element
//! readers that use it.

use std::borrow::Cow;

use super::Validator;
use crate::codes::Code;
use crate::diagnostic::Finding;
use crate::json::{Member, Node, Value};
use crate::location::{JsonPath, Loc};

/// The strings of an element that takes a string or an array of strings, with their places.
pub(crate) fn string_list<'t>(
    v: &mut Validator,
    node: &Node<'t>,
    path: &JsonPath,
    element: &str,
) -> Option<Vec<(Cow<'t, str>, JsonPath, Loc)>> {
    match &node.value {
        Value::String(s) => Some(vec![(s.clone(), path.clone(), node.loc)]),
        Value::Array(items) => {
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                match &item.value {
                    Value::String(s) => out.push((s.clone(), path.index(i), item.loc)),
                    _ => v.type_mismatch(item, "a string", &path.index(i), element),
                }
            }
            Some(out)
        }
        _ => {
            v.type_mismatch(node, "a string or an array of strings", path, element);
            None
        }
    }
}

/// What an empty list of an element means, for its finding.
pub(crate) struct EmptyList {
    pub code: Code,
    /// "action", "resource".
    pub what: &'static str,
    pub help: &'static str,
}

/// The entries of `Action`/`Resource` and their negations: [`string_list`], and an empty list
/// reported (unless its items were already reported as not strings).
pub(crate) fn list_entries<'t>(
    v: &mut Validator,
    member: &Member<'t>,
    path: &JsonPath,
    empty: EmptyList,
) -> Vec<(Cow<'t, str>, JsonPath, Loc)> {
    let element = member.key.as_ref();
    let path = path.key(element);
    let Some(entries) = string_list(v, &member.value, &path, element) else {
        return Vec::new();
    };
    let items_reported = matches!(&member.value.value, Value::Array(items) if !items.is_empty());
    if entries.is_empty() && !items_reported {
        v.report(
            Finding::new(
                empty.code,
                format!(
                    "`{element}` is empty: the statement matches no {}",
                    empty.what
                ),
            )
            .with_help(empty.help),
            &path,
            member.value.loc,
        );
    }
    entries
}
