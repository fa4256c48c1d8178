//! The checks that need the service catalog, as pure functions over the strings of one
//! statement. Each returns [`Finding`](crate::diagnostic::Finding)s without a location; the validator attaches the location of
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
mod tag_keys;
mod variable;

pub use action::{RETIRED_SERVICES, check_action};
pub use condition::{
    ExpandedActions, check_condition_key, check_condition_key_expanded, check_key_for_each_action,
};
pub use operator::{check_operator_for_key, check_operator_for_key_type};
pub use resource::{StatementResources, check_action_for_resources, check_resource_for_actions};
pub use tag_keys::{
    TagActions, check_missing_tag_key, check_tag_key_for_services, is_service_tag_key,
};
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
        return Expansion::Actions(
            service
                .actions()
                .filter(|a| glob_matches(name, a.name()))
                .collect(),
        );
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
    list_of(items, items.len(), limit)
}

/// [`list`] of the first of `total` items (the caller keeps only those it shows).
pub(crate) fn list_of<S: AsRef<str>>(items: &[S], total: usize, limit: usize) -> String {
    let mut text = items
        .iter()
        .take(limit)
        .map(|s| format!("`{}`", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ");
    if total > limit {
        text.push_str(&format!(" and {} more", total - limit));
    }
    text
}

/// The closest name to a misspelt key among `names`, where templates (`aws:PrincipalTag/${TagKey}`)
/// are filled with the misspelt key's tag part, so `aws:PrincipalTags/team` can suggest
/// `aws:PrincipalTag/team`.
pub(crate) fn suggest_key<'a>(
    key: &str,
    names: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let tail = key.split_once('/').map(|(_, tail)| tail);
    let candidates: Vec<String> = names
        .into_iter()
        .map(
            |name| match (name.find("${").or_else(|| name.find('<')), tail) {
                (Some(at), Some(tail)) => format!("{}{}", &name[..at], tail),
                _ => name.to_owned(),
            },
        )
        .collect();
    crate::suggest::closest(key, candidates.iter().map(String::as_str)).map(str::to_owned)
}

#[cfg(test)]
mod seed_tests {
    //! The seed policies of `shared/policies/seed`, transcribed statement by statement.

    use super::*;
    use crate::diagnostic::{Finding, Severity};
    use crate::operator::Operator;

    struct Statement<'a> {
        actions: &'a [&'a str],
        resources: &'a [&'a str],
        conditions: &'a [(&'a str, &'a str)],
        variables: &'a [&'a str],
    }

    /// Every catalog finding of a policy, in the order the validator would ask.
    fn findings(statements: &[Statement<'_>]) -> Vec<Finding> {
        let mut out = Vec::new();
        for s in statements {
            for action in s.actions {
                out.extend(check_action(action));
                out.extend(check_action_for_resources(action, s.resources));
            }
            for resource in s.resources {
                out.extend(check_resource_for_actions(s.actions, resource));
            }
            for (operator, key) in s.conditions {
                out.extend(check_condition_key(s.actions, key));
                out.extend(check_operator_for_key(
                    &Operator::parse(operator).unwrap(),
                    key,
                ));
            }
            for variable in s.variables {
                out.extend(check_variable(variable));
            }
        }
        out
    }

    fn errors(statements: &[Statement<'_>]) -> Vec<Finding> {
        findings(statements)
            .into_iter()
            .filter(|f| f.severity() == Severity::Error)
            .collect()
    }

    const SESSION: &str = "arn:aws:ssm:*:*:session/${aws:username}-*";

    #[test]
    fn ex1_specific_instances() {
        let policy = [
            Statement {
                actions: &["ssm:StartSession"],
                resources: &[
                    "arn:aws:ec2:us-east-2:123456789012:instance/i-1234567890EXAMPLE",
                    "arn:aws:ec2:us-east-2:123456789012:instance/i-abcdefghijEXAMPLE",
                    "arn:aws:ec2:us-east-2:123456789012:instance/i-0e9d8c7b6aEXAMPLE",
                ],
                conditions: &[],
                variables: &[],
            },
            Statement {
                actions: &["ssm:TerminateSession"],
                resources: &[SESSION],
                conditions: &[],
                variables: &["aws:username"],
            },
        ];
        assert_eq!(findings(&policy), []);
    }

    #[test]
    fn ex2_instance_tags() {
        let policy = [
            Statement {
                actions: &["ssm:StartSession"],
                resources: &["arn:aws:ec2:*:*:instance/*"],
                conditions: &[("StringLike", "ssm:resourceTag/Finance")],
                variables: &[],
            },
            Statement {
                actions: &["ssm:TerminateSession"],
                resources: &[SESSION],
                conditions: &[],
                variables: &["aws:username"],
            },
        ];
        assert_eq!(findings(&policy), []);
    }

    #[test]
    fn ex2b_region_placeholder_is_left_to_the_syntax_checks() {
        let policy = [
            Statement {
                actions: &["ssm:StartSession"],
                resources: &["arn:aws:ec2:region:987654321098:instance/*"],
                conditions: &[("StringLike", "ssm:resourceTag/Finance")],
                variables: &[],
            },
            Statement {
                actions: &["ssm:TerminateSession", "ssm:ResumeSession"],
                resources: &[SESSION],
                conditions: &[],
                variables: &["aws:username"],
            },
        ];
        // `region` is the syntax checks' INVALID_ARN_REGION (tests/seed.rs); nothing else is wrong.
        assert_eq!(findings(&policy), []);
    }

    #[test]
    fn ex2c_two_tags() {
        let policy = [Statement {
            actions: &["ssm:StartSession"],
            resources: &["*"],
            conditions: &[
                ("StringLike", "ssm:resourceTag/tag-key1"),
                ("StringLike", "ssm:resourceTag/tag-key2"),
            ],
            variables: &[],
        }];
        assert_eq!(findings(&policy), []);
    }

    #[test]
    fn ex3m1_username() {
        let policy = [
            Statement {
                actions: &["ssm:DescribeSessions"],
                resources: &["*"],
                conditions: &[],
                variables: &[],
            },
            Statement {
                actions: &["ssm:TerminateSession"],
                resources: &[SESSION],
                conditions: &[],
                variables: &["aws:username"],
            },
        ];
        assert_eq!(findings(&policy), []);
    }

    #[test]
    fn ex3m2_session_and_target_tags() {
        // ex3m2a-c have `"Resource": ""`, which the syntax checks report; the keys are fine.
        for key in [
            "ssm:resourceTag/aws:ssmmessages:target-id",
            "ssm:resourceTag/aws:ssmmessages:session-id",
        ] {
            let policy = [Statement {
                actions: &["ssm:TerminateSession"],
                resources: &[""],
                conditions: &[("StringLike", key)],
                variables: &["aws:userid"],
            }];
            assert_eq!(findings(&policy), [], "{key}");
        }
        let ex3m2d = [Statement {
            actions: &["ssm:TerminateSession"],
            resources: &["*"],
            conditions: &[
                ("StringLike", "ssm:resourceTag/aws:ssmmessages:target-id"),
                ("StringLike", "ssm:resourceTag/aws:ssmmessages:session-id"),
            ],
            variables: &["aws:username"],
        }];
        assert_eq!(findings(&ex3m2d), []);
    }

    #[test]
    fn ex4_admin() {
        let policy = [Statement {
            actions: &[
                "ssm:StartSession",
                "ssm:TerminateSession",
                "ssm:ResumeSession",
                "ssm:DescribeSessions",
                "ssm:GetConnectionStatus",
            ],
            resources: &["*"],
            conditions: &[],
            variables: &[],
        }];
        assert_eq!(findings(&policy), []);
    }

    #[test]
    fn ex0_is_flagged() {
        let policy = [Statement {
            actions: &["ssm:GetDocument", "ssm:ListDocuments"],
            resources: &["arn:aws:ssm:region:account-id:document/SessionDocument-*"],
            conditions: &[],
            variables: &[],
        }];
        let codes: Vec<_> = findings(&policy)
            .iter()
            .map(|f| (f.code.name(), f.severity()))
            .collect();
        assert_eq!(codes, [("RESOURCE_WILDCARD_REQUIRED", Severity::Warning)]);
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let long = format!("arn:aws:s3:::{}", "*a?".repeat(3000));
        let odd = [
            "",
            ":",
            "::",
            "*",
            "?",
            "${",
            "${}",
            "${*",
            "}",
            "arn:",
            "arn:::::",
            "arn:aws:::::${",
            "arn:aws:ssm:é:ü:session/ß",
            "ssm:é*",
            "aws:",
            "aws:PrincipalTag/",
            "<",
            "tag-key",
            "ssm:resourceTag/<",
            "ééé:ééé",
            "\n",
            long.as_str(),
        ];
        // Only that none panics: the findings themselves are the other tests'.
        for a in odd {
            for b in odd {
                let _ = check_action(a);
                let _ = check_action_for_resources(a, &[b]);
                let _ = check_resource_for_actions(&[a], b);
                let _ = check_condition_key(&[a], b);
                let _ =
                    check_operator_for_key(&Operator::parse("ForAllValues:StringLike").unwrap(), b);
            }
            let _ = check_variable(a);
        }
    }

    #[test]
    fn resource_tag_on_terminate_session_is_an_error() {
        let policy = [Statement {
            actions: &["ssm:TerminateSession"],
            resources: &[SESSION],
            conditions: &[("StringLike", "ssm:resourceTag/Finance")],
            variables: &[],
        }];
        let codes: Vec<_> = errors(&policy).iter().map(|f| f.code).collect();
        assert_eq!(codes, ["UNSUPPORTED_ACTION_FOR_CONDITION_KEY"]);
    }
}
