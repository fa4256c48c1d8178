//! The members of a JSON object by name, with unknown and duplicate elements reported: used by the
//! policy and statement readers alike, so it sits below both.

use std::collections::HashMap;

use super::Validator;
use crate::codes;
use crate::diagnostic::Finding;
use crate::json::Member;
use crate::location::JsonPath;

/// The members of an object by name, reporting unknown (`INVALID_POLICY_ELEMENT`) and duplicate
/// (`DUPLICATE_ELEMENT`) ones; a duplicate keeps its first occurrence.
pub(crate) fn unique_members<'a, 't>(
    v: &mut Validator,
    members: &'a [Member<'t>],
    path: &JsonPath,
    known: &[&'static str],
    owner: &str,
) -> HashMap<&'a str, &'a Member<'t>> {
    let mut seen: HashMap<&str, &Member<'_>> = HashMap::new();
    for member in members {
        let key = member.key.as_ref();
        if !known.contains(&key) {
            let close = crate::suggest::closest(key, known.iter().copied());
            let mut finding = Finding::new(
                codes::INVALID_POLICY_ELEMENT,
                format!("`{key}` is not a valid element of {owner}"),
            );
            finding = match close {
                Some(name) => finding.with_help(format!("did you mean `{name}`?")),
                None => finding.with_help(format!("the elements of {owner} are {}", list(known))),
            };
            v.report(finding, &path.key(key), member.key_loc);
            if let Some(name) = close {
                v.misspelt.insert((path.clone(), name));
            }
            continue;
        }
        if seen.contains_key(key) {
            v.report(
                Finding::new(
                    codes::DUPLICATE_ELEMENT,
                    format!("`{key}` appears more than once in {owner}"),
                )
                .with_help(format!("keep one `{key}`: IAM would not read both")),
                &path.key(key),
                member.key_loc,
            );
            continue;
        }
        seen.insert(key, member);
    }
    seen
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
