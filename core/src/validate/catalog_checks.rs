//! The service-catalog checks, run over the model once the syntax is read: each statement's
//! actions, its resources against its actions, its condition keys and operators, and the names of
//! its policy variables. The checks themselves are in [`crate::catalog::checks`]; this places
//! their findings at the literals they are about.

use super::document::{Located, StatementModel};
use super::{Document, Validator};
use crate::catalog::checks;
use crate::codes;
use crate::compiled::{ActionPattern, ConditionValues, Glob, ResourcePattern, Segment};
use crate::diagnostic::Finding;

pub(crate) fn check(v: &mut Validator, document: &Document) {
    for statement in &document.statements {
        check_statement(v, statement);
    }
}

fn check_statement(v: &mut Validator, statement: &StatementModel) {
    let place = |v: &mut Validator, findings: Vec<Finding>, at_path: &super::JsonPath, at| {
        for finding in findings {
            v.report(finding, at_path, at);
        }
    };
    for action in &statement.actions.entries {
        if matches!(action.value, ActionPattern::Named { .. }) {
            place(
                v,
                checks::check_action(&action.text),
                &action.path,
                action.loc,
            );
        }
    }
    // Which actions the statement's resources and keys must fit: those of `Action`. A `NotAction`
    // statement applies to actions it does not list, so nothing can be said about them.
    let actions: Vec<&str> = if statement.actions.negated {
        Vec::new()
    } else {
        statement
            .actions
            .entries
            .iter()
            .map(|a| a.text.as_str())
            .collect()
    };
    let arn_entries: Vec<&Located<ResourcePattern>> = statement
        .resources
        .entries
        .iter()
        .filter(|r| matches!(r.value, ResourcePattern::Arn(_)))
        .collect();
    if !statement.resources.negated && !actions.is_empty() {
        // One pass judges both ways: each ARN entry against the actions, and each action against
        // every entry (`*` and the other entries that are not ARNs are the syntax checks').
        let resources: Vec<&str> = statement
            .resources
            .entries
            .iter()
            .map(|r| r.text.as_str())
            .collect();
        let fitted = checks::StatementResources::new(&actions, &resources);
        let mut every_entry_flagged = !arn_entries.is_empty();
        for (resource, findings) in statement.resources.entries.iter().zip(fitted.by_resource) {
            if matches!(resource.value, ResourcePattern::Arn(_)) {
                every_entry_flagged &= !findings.is_empty();
                place(v, findings, &resource.path, resource.loc);
            }
        }
        for (action, mut findings) in statement.actions.entries.iter().zip(fitted.by_action) {
            // When no action fits any entry, each entry says so already: not again per action.
            if every_entry_flagged {
                findings.retain(|f| f.code != codes::ACTION_RESOURCE_MISMATCH);
            }
            place(v, findings, &action.path, action.loc);
        }
    }
    for resource in &arn_entries {
        if let ResourcePattern::Arn(arn) = &resource.value {
            for glob in [
                &arn.partition,
                &arn.service,
                &arn.region,
                &arn.account,
                &arn.resource,
            ] {
                check_variables(v, glob, resource);
            }
        }
    }
    // Most statements have no condition, and expanding `s3:Get*` is not free.
    if !statement.conditions.is_empty() {
        check_conditions(v, statement, &actions);
    }
}

/// Each condition's key, operator and variables. `actions` are the statement's `Action` entries
/// (none for `NotAction`), expanded here once for all its keys.
fn check_conditions(v: &mut Validator, statement: &StatementModel, actions: &[&str]) {
    let place = |v: &mut Validator, findings: Vec<Finding>, at_path: &super::JsonPath, at| {
        for finding in findings {
            v.report(finding, at_path, at);
        }
    };
    let expanded = checks::ExpandedActions::new(actions);
    for condition in &statement.conditions {
        let key = &condition.key;
        place(
            v,
            checks::check_condition_key_expanded(actions, &expanded, &key.value),
            &key.path,
            key.loc,
        );
        let operator = condition.operator.value;
        let missing_key_holds = operator.base != crate::operator::BaseOperator::Null
            && crate::eval::condition_truth(operator, None, |_| None) == crate::eval::Truth::True;
        if operator.base != crate::operator::BaseOperator::Null {
            place(
                v,
                checks::check_key_for_each_action(
                    actions,
                    &expanded,
                    &key.value,
                    missing_key_holds,
                    statement.effect == crate::compiled::Effect::Allow,
                ),
                &key.path,
                key.loc,
            );
        }
        place(
            v,
            checks::check_operator_for_key(&condition.operator.value, &key.value),
            &key.path,
            key.loc,
        );
        // Each value's variables, placed at the value they stand in.
        let texts = condition.value_texts.iter();
        match &condition.values {
            ConditionValues::Strings(globs) => {
                for (glob, text) in globs.iter().zip(texts) {
                    check_variables(v, glob, text);
                }
            }
            ConditionValues::Arns(arns) => {
                for (arn, text) in arns.iter().zip(texts) {
                    for glob in [
                        &arn.partition,
                        &arn.service,
                        &arn.region,
                        &arn.account,
                        &arn.resource,
                    ] {
                        check_variables(v, glob, text);
                    }
                }
            }
            _ => {}
        }
    }
}

fn check_variables<T>(v: &mut Validator, glob: &Glob, at: &Located<T>) {
    for segment in glob.segments.iter() {
        if let Segment::Variable(variable) = segment {
            for finding in checks::check_variable(&variable.key) {
                v.report(finding, &at.path, at.loc);
            }
        }
    }
}
