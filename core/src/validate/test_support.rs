//! What the validator's unit tests share: a policy of one statement, validated without the
//! service catalog.

use super::{Options, PolicyType, validate};

/// The code and message of every finding of a one-statement policy of `policy_type`.
pub(crate) fn one_statement(
    policy_type: PolicyType,
    statement: &str,
) -> Vec<(&'static str, String)> {
    let text = format!(r#"{{"Version":"2012-10-17","Statement":[{statement}]}}"#);
    let root = crate::json::parse(&text).expect("valid JSON");
    let options = Options {
        policy_type,
        catalog: false,
        ..Options::default()
    };
    validate(&root, &options)
        .diagnostics
        .iter()
        .map(|d| (d.code(), d.message().to_owned()))
        .collect()
}
