//! The checks that need the service catalog, as pure functions over the strings of one
//! statement. Each returns [`Finding`]s without a location; the validator attaches the location of
//! the value it passed in.
//!
//! Codes and wording follow IAM Access Analyzer where it has the check; the other codes are new
//! in the same style. Severities: an error where the policy cannot do what it says or AWS
//! rejects it (an action, service, key or variable that does not exist; an ARN field no resource
//! can have; a multivalued key without a qualifier), a warning where the policy is legal but part
//! of it is dead or suspicious (a wildcard that matches nothing, a resource no action of the
//! statement acts on, an operator of the wrong type), a suggestion where it works as written but
//! a better form exists.
//!
//! Values the syntax checks own (an action without `service:`, a resource that is not an ARN, a
//! key without a prefix, an empty variable) produce no finding here, so that nothing is reported
//! twice. The checks are for `Action` and `Resource`; a validator should not apply them to
//! `NotAction`/`NotResource`.

mod action;
mod condition;
mod operator;
mod resource;
mod variable;

pub use action::check_action;
pub use condition::check_condition_key;
pub use operator::check_operator_for_key;
pub use resource::{check_action_for_resources, check_resource_for_actions};
pub use variable::check_variable;

use super::model::{Action, Catalog};
use super::pattern::glob_matches;

/// What an `Action` entry of a policy stands for.
pub(crate) enum Expansion<'c> {
    /// `*`, or a wildcard in the service name: any action, so nothing can be judged.
    Anything,
    /// The known actions it names; empty for an unknown service or action.
    Actions(Vec<Action<'c>>),
}

/// Expands an action entry (`ssm:Start*`) into the catalog's actions.
pub(crate) fn expand<'c>(catalog: &'c Catalog, entry: &str) -> Expansion<'c> {
    if entry == "*" {
        return Expansion::Anything;
    }
    let Some((prefix, name)) = entry.split_once(':') else {
        return Expansion::Actions(Vec::new());
    };
    if has_wildcard(prefix) {
        return Expansion::Anything;
    }
    let Some(service) = catalog.service(prefix) else {
        return Expansion::Actions(Vec::new());
    };
    if has_wildcard(name) {
        return Expansion::Actions(service.actions().filter(|a| glob_matches(name, a.name())).collect());
    }
    Expansion::Actions(service.action(name).into_iter().collect())
}

/// Expands every entry; `None` if one of them stands for any action.
pub(crate) fn expand_all<'c>(catalog: &'c Catalog, entries: &[&str]) -> Option<Vec<Action<'c>>> {
    let mut all = Vec::new();
    for entry in entries {
        match expand(catalog, entry) {
            Expansion::Anything => return None,
            Expansion::Actions(actions) => all.extend(actions),
        }
    }
    Some(all)
}

pub(crate) fn has_wildcard(text: &str) -> bool {
    text.contains(['*', '?'])
}

/// `service:Name` of a catalog action.
pub(crate) fn full_name(action: &Action<'_>) -> String {
    format!("{}:{}", action.service().prefix(), action.name())
}

/// Backticked, comma-separated, at most `limit` items then "and N more".
pub(crate) fn list<S: AsRef<str>>(items: &[S], limit: usize) -> String {
    let mut text = items
        .iter()
        .take(limit)
        .map(|s| format!("`{}`", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > limit {
        text.push_str(&format!(" and {} more", items.len() - limit));
    }
    text
}

/// The closest name to a misspelt key among `names`, where templates (`aws:PrincipalTag/${TagKey}`)
/// are filled with the misspelt key's tag part, so `aws:PrincipalTags/team` can suggest
/// `aws:PrincipalTag/team`.
pub(crate) fn suggest_key<'a>(key: &str, names: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let tail = key.split_once('/').map(|(_, tail)| tail);
    let candidates: Vec<String> = names
        .into_iter()
        .map(|name| match (name.find("${").or_else(|| name.find('<')), tail) {
            (Some(at), Some(tail)) => format!("{}{}", &name[..at], tail),
            _ => name.to_owned(),
        })
        .collect();
    crate::suggest::closest(key, candidates.iter().map(String::as_str)).map(str::to_owned)
}
