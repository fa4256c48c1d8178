//! `Allow` statements of identity policies that let a principal pass any role (`iam:PassRole`) or
//! create any service-linked role (`iam:CreateServiceLinkedRole`): Access Analyzer's `PASS_ROLE_*`
//! and `CREATE_SLR_*` findings (docs/semantics.md, decision D31).
//!
//! A statement is reported when its actions cover the action (named, through a wildcard, or by a
//! `NotAction` that does not list it) and its resources cover many roles (a `*` that can match a
//! role, or a `NotResource`). The code names the two ways, as Access Analyzer's do.

use super::Validator;
use super::document::{Block, Located, StatementModel};
use super::policy_type::Family;
use crate::codes::{self, Code};
use crate::compiled::{ActionPattern, ConditionValues, Effect, Glob, ResourcePattern, Segment};
use crate::diagnostic::Finding;
use crate::operator::{BaseOperator, Family as OperatorFamily};
use crate::pattern::{self, Case, NoVariables};

/// One of the two actions, with its codes.
struct Grant {
    /// As users write it.
    action: &'static str,
    /// The name after `iam:`, lowercased (the form of the compiled patterns).
    name: &'static str,
    /// The condition key that names what the role may be used for; a statement that restricts it
    /// grants no more than that, whatever its resources.
    scoping_key: &'static str,
    /// What the principal can then do, for the messages.
    risk: &'static str,
    /// The codes, by the statement's shape.
    not_resource: Code,
    star_action_not_resource: Code,
    not_action_not_resource: Code,
    star_resource: Code,
    star_action_resource: Code,
    star_resource_not_action: Code,
}

const PASS_ROLE: Grant = Grant {
    action: "iam:PassRole",
    name: "passrole",
    scoping_key: "iam:PassedToService",
    risk: "the principal can pass a role more privileged than itself to a service",
    not_resource: codes::PASS_ROLE_WITH_NOT_RESOURCE,
    star_action_not_resource: codes::PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE,
    not_action_not_resource: codes::PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE,
    star_resource: codes::PASS_ROLE_WITH_STAR_IN_RESOURCE,
    star_action_resource: codes::PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE,
    star_resource_not_action: codes::PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION,
};

const CREATE_SLR: Grant = Grant {
    action: "iam:CreateServiceLinkedRole",
    name: "createservicelinkedrole",
    scoping_key: "iam:AWSServiceName",
    risk: "the principal can create the service-linked role of any service",
    not_resource: codes::CREATE_SLR_WITH_NOT_RESOURCE,
    star_action_not_resource: codes::CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE,
    not_action_not_resource: codes::CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE,
    star_resource: codes::CREATE_SLR_WITH_STAR_IN_RESOURCE,
    star_action_resource: codes::CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE,
    star_resource_not_action: codes::CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION,
};

/// How a statement's `Action` or `NotAction` covers the action.
enum ActionCover<'a> {
    Named,
    Wildcard(&'a Located<'a, ActionPattern>),
    NotAction,
}

/// How a statement's `Resource` or `NotResource` covers many roles.
enum ResourceCover<'a> {
    /// An entry with a `*` that matches many roles.
    Star(&'a Located<'a, ResourcePattern>),
    /// A `NotResource` that leaves roles in (reported at its first entry).
    NotResource(&'a Located<'a, ResourcePattern>),
}

/// Checks each `Allow` statement of an identity policy for both actions.
pub(crate) fn check(v: &mut Validator, statements: &[StatementModel]) {
    if v.options.policy_type.family() != Family::Identity {
        return;
    }
    for statement in statements.iter().filter(|s| s.effect == Effect::Allow) {
        for grant in [&PASS_ROLE, &CREATE_SLR] {
            check_statement(v, statement, grant);
        }
    }
}

fn check_statement(v: &mut Validator, statement: &StatementModel, grant: &Grant) {
    let Some(action) = action_cover(&statement.actions, grant) else {
        return;
    };
    let Some(resource) = resource_cover(&statement.resources, grant) else {
        return;
    };
    let code = match (&action, &resource) {
        (ActionCover::Named, ResourceCover::NotResource(_)) => grant.not_resource,
        (ActionCover::Wildcard(_), ResourceCover::NotResource(_)) => grant.star_action_not_resource,
        (ActionCover::NotAction, ResourceCover::NotResource(_)) => grant.not_action_not_resource,
        (ActionCover::Named, ResourceCover::Star(_)) => grant.star_resource,
        (ActionCover::Wildcard(_), ResourceCover::Star(_)) => grant.star_action_resource,
        (ActionCover::NotAction, ResourceCover::Star(_)) => grant.star_resource_not_action,
    };
    let who = match &action {
        ActionCover::Named => "the statement allows".to_owned(),
        ActionCover::Wildcard(a) => format!("the action pattern `{}` allows", a.text),
        ActionCover::NotAction => "`NotAction` allows".to_owned(),
    };
    let (place, which) = match &resource {
        ResourceCover::Star(r) => (*r, format!("every role that `{}` matches", r.text)),
        ResourceCover::NotResource(r) => {
            (*r, "every role that `NotResource` does not list".to_owned())
        }
    };
    let star = matches!(resource, ResourceCover::Star(_));
    // The scoping key bounds what a wildcard resource grants; Access Analyzer recommends it as the
    // fix of the three star-in-resource codes. A `NotResource` still reaches unnamed roles.
    if star && restricts(statement, grant.scoping_key) {
        return;
    }
    let help = if star {
        format!(
            "name the role ARNs in `Resource`, or add a condition on `{}`",
            grant.scoping_key
        )
    } else {
        "list the role ARNs in `Resource` instead of `NotResource`".to_owned()
    };
    v.report(
        Finding::new(
            code,
            format!("{who} `{}` on {which}: {}", grant.action, grant.risk),
        )
        .with_help(help),
        &place.path,
        place.loc,
    );
}

fn action_cover<'a>(block: &'a Block<ActionPattern>, grant: &Grant) -> Option<ActionCover<'a>> {
    let covers = |entry: &Located<ActionPattern>| match &entry.value {
        ActionPattern::Any => true,
        ActionPattern::Named { service, name } => {
            service == "iam" && pattern::matches(name, grant.name, Case::Sensitive, &NoVariables)
        }
    };
    if block.negated {
        return (!block.entries.iter().any(covers)).then_some(ActionCover::NotAction);
    }
    let named = block.entries.iter().find(|e| {
        matches!(&e.value, ActionPattern::Named { service, name }
            if service == "iam" && is_literal(name, grant.name))
    });
    match named {
        Some(_) => Some(ActionCover::Named),
        None => block
            .entries
            .iter()
            .find(|e| covers(e))
            .map(ActionCover::Wildcard),
    }
}

fn is_literal(glob: &Glob, text: &str) -> bool {
    matches!(&glob.segments[..], [Segment::Literal(l)] if l == text)
}

fn resource_cover<'a>(
    block: &'a Block<ResourcePattern>,
    grant: &Grant,
) -> Option<ResourceCover<'a>> {
    if block.negated {
        let first = block.entries.first()?;
        let excludes_all = block
            .entries
            .iter()
            .any(|e| e.value == ResourcePattern::Any);
        return (!excludes_all).then_some(ResourceCover::NotResource(first));
    }
    block
        .entries
        .iter()
        .find(|e| many_roles(&e.value, grant))
        .map(ResourceCover::Star)
}

/// True when a `Resource` entry has a `*` that lets it match many roles the action acts on: for
/// `iam:PassRole`, a wildcard in the role's path or name; for `iam:CreateServiceLinkedRole`, one
/// that reaches the roles of more than one service (`role/aws-service-role/SERVICE/...` with the
/// service written out names one service's roles, the form AWS documents).
fn many_roles(pattern: &ResourcePattern, grant: &Grant) -> bool {
    let arn = match pattern {
        ResourcePattern::Any => return true,
        ResourcePattern::Arn(arn) => arn,
        ResourcePattern::Never => return false,
    };
    let service_is_iam = arn.service.has_variables()
        || pattern::matches(&arn.service, "iam", Case::Sensitive, &NoVariables);
    let has_star = arn
        .resource
        .segments
        .iter()
        .any(|s| matches!(s, Segment::AnyRun));
    if !service_is_iam || !has_star {
        return false;
    }
    let literal = literal_prefix(&arn.resource);
    if grant.name == PASS_ROLE.name {
        return can_start_with(&arn.resource, "role/");
    }
    const SLR_PATH: &str = "role/aws-service-role/";
    if !can_start_with(&arn.resource, SLR_PATH) {
        return false;
    }
    // One service when the literal text names it and the `/` after it.
    let one_service = literal
        .strip_prefix(SLR_PATH)
        .and_then(|rest| rest.find('/'))
        .is_some_and(|end| end > 0);
    !one_service
}

/// The literal text before the glob's first wildcard or variable.
fn literal_prefix(glob: &Glob) -> String {
    let mut out = String::new();
    for segment in glob.segments.iter() {
        match segment {
            Segment::Literal(l) => out.push_str(l),
            _ => break,
        }
    }
    out
}

/// True when some text the glob matches starts with `prefix` (case-sensitively, as ARNs compare).
fn can_start_with(glob: &Glob, prefix: &str) -> bool {
    let mut rest = prefix;
    for segment in glob.segments.iter() {
        if rest.is_empty() {
            return true;
        }
        match segment {
            Segment::AnyRun | Segment::Variable(_) => return true,
            Segment::AnyOne => {
                let mut chars = rest.chars();
                chars.next();
                rest = chars.as_str();
            }
            Segment::Literal(l) => {
                if l.len() >= rest.len() {
                    return l.starts_with(rest);
                }
                match rest.strip_prefix(l.as_ref()) {
                    Some(after) => rest = after,
                    None => return false,
                }
            }
        }
    }
    rest.is_empty()
}

/// True when the statement has a condition that limits `key` to some values: a positive String or
/// ARN operator (with or without `IfExists` or a qualifier) whose values are not all `*`.
pub(crate) fn restricts(statement: &StatementModel, key: &str) -> bool {
    statement.conditions.iter().any(|c| {
        let operator = c.operator.value;
        c.key.text.eq_ignore_ascii_case(key)
            && !operator.is_negated()
            && operator.base != BaseOperator::Null
            && matches!(
                operator.base.family(),
                OperatorFamily::String | OperatorFamily::Arn
            )
            && match &c.values {
                ConditionValues::Strings(globs) => globs.iter().any(|g| !g.is_any()),
                ConditionValues::Arns(arns) => !arns.is_empty(),
                _ => false,
            }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{Options, PolicyType, validate};

    /// The codes of this module that a one-statement policy of `policy_type` gets.
    fn found(policy_type: PolicyType, statement: &str) -> Vec<&'static str> {
        let text = format!(r#"{{"Version":"2012-10-17","Statement":[{statement}]}}"#);
        let root = crate::json::parse(&text).expect("valid JSON");
        let options = Options {
            policy_type,
            catalog: false,
            ..Options::default()
        };
        let mut names: Vec<&'static str> = validate(&root, &options)
            .diagnostics
            .iter()
            .map(|d| d.code())
            .filter(|c| c.starts_with("PASS_ROLE") || c.starts_with("CREATE_SLR"))
            .collect();
        names.sort();
        names
    }

    fn identity(statement: &str) -> Vec<&'static str> {
        found(PolicyType::Managed, statement)
    }

    #[test]
    fn each_shape_has_its_code() {
        let cases = [
            (
                r#""Action":"iam:PassRole","Resource":"*""#,
                vec!["PASS_ROLE_WITH_STAR_IN_RESOURCE"],
            ),
            (
                r#""Action":"IAM:passrole","Resource":"arn:aws:iam::111122223333:role/app-*""#,
                vec!["PASS_ROLE_WITH_STAR_IN_RESOURCE"],
            ),
            (
                r#""Action":"iam:PassRole","NotResource":"arn:aws:iam::111122223333:role/admin""#,
                vec!["PASS_ROLE_WITH_NOT_RESOURCE"],
            ),
            (
                r#""Action":"iam:Pass*","NotResource":"arn:aws:iam::111122223333:role/admin""#,
                vec!["PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE"],
            ),
            (
                r#""NotAction":"iam:PassRole","NotResource":"arn:aws:s3:::b/*""#,
                vec!["CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE"],
            ),
            (
                r#""Action":"*","Resource":"*""#,
                vec![
                    "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE",
                    "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
                ],
            ),
            (
                r#""NotAction":"s3:*","Resource":"*""#,
                vec![
                    "CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION",
                    "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION",
                ],
            ),
            (
                r#""NotAction":"s3:*","NotResource":"arn:aws:s3:::b/*""#,
                vec![
                    "CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE",
                    "PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE",
                ],
            ),
            (
                r#""Action":"iam:CreateServiceLinkedRole","Resource":"*""#,
                vec!["CREATE_SLR_WITH_STAR_IN_RESOURCE"],
            ),
            (
                r#""Action":"iam:CreateServiceLinkedRole","NotResource":"arn:aws:s3:::b""#,
                vec!["CREATE_SLR_WITH_NOT_RESOURCE"],
            ),
            (
                r#""Action":"iam:Create*","NotResource":"arn:aws:s3:::b""#,
                vec!["CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE"],
            ),
        ];
        for (statement, expected) in cases {
            let statement = format!(r#"{{"Effect":"Allow",{statement}}}"#);
            assert_eq!(identity(&statement), expected, "{statement}");
        }
    }

    /// What grants one role, one service's roles, or nothing through these actions is not reported.
    #[test]
    fn narrow_grants_are_not_reported() {
        for statement in [
            r#""Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/deploy""#,
            r#""Action":"iam:PassRole","Resource":"arn:aws:iam::*:role/deploy""#,
            r#""Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}"#,
            r#""Action":"iam:PassRole","Resource":"*","Condition":{"StringLikeIfExists":{"IAM:PassedToService":["ec2.amazonaws.com","lambda.*"]}}"#,
            r#""Action":"iam:CreateServiceLinkedRole","Resource":"*","Condition":{"StringLike":{"iam:AWSServiceName":"ecs.amazonaws.com"}}"#,
            r#""Action":"iam:CreateServiceLinkedRole","Resource":"arn:aws:iam::*:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS*""#,
            r#""Action":"iam:*","Resource":"arn:aws:iam::111122223333:user/*""#,
            r#""Action":"s3:*","Resource":"*""#,
            r#""Action":"*","Resource":"arn:aws:s3:::logs/*""#,
            r#""NotAction":["iam:PassRole","iam:CreateServiceLinkedRole"],"Resource":"*""#,
            r#""NotAction":"iam:*","NotResource":"arn:aws:s3:::b""#,
            r#""Action":"iam:PassRole","NotResource":"*""#,
        ] {
            let statement = format!(r#"{{"Effect":"Allow",{statement}}}"#);
            assert_eq!(identity(&statement), Vec::<&str>::new(), "{statement}");
        }
    }

    /// A condition that does not name the services still leaves every role reachable.
    #[test]
    fn conditions_that_do_not_scope_are_still_reported() {
        for condition in [
            r#"{"StringNotEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}"#,
            r#"{"StringLike":{"iam:PassedToService":"*"}}"#,
            r#"{"Null":{"iam:PassedToService":"false"}}"#,
            r#"{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}"#,
        ] {
            let statement = format!(
                r#"{{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{condition}}}"#
            );
            assert_eq!(
                identity(&statement),
                vec!["PASS_ROLE_WITH_STAR_IN_RESOURCE"],
                "{condition}"
            );
        }
        // `NotResource` is reported whatever the condition.
        let statement = r#"{"Effect":"Allow","Action":"iam:PassRole","NotResource":"arn:aws:iam::111122223333:role/a","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}"#;
        assert_eq!(identity(statement), vec!["PASS_ROLE_WITH_NOT_RESOURCE"]);
    }

    /// Only grants are reported: `Deny` statements, and policies that only limit (SCPs), are not.
    #[test]
    fn denies_and_guardrails_are_not_reported() {
        let deny = r#"{"Effect":"Deny","Action":"*","Resource":"*"}"#;
        assert!(identity(deny).is_empty());
        let allow = r#"{"Effect":"Allow","Action":"*","Resource":"*"}"#;
        assert!(found(PolicyType::Scp, allow).is_empty());
        assert_eq!(found(PolicyType::Role, allow).len(), 2);
        assert_eq!(found(PolicyType::Session, allow).len(), 2);
    }

    fn glob(text: &str) -> Glob {
        use crate::validate::template::{Variables, Wildcards, read};
        read(text, Wildcards::Glob, Variables::Allowed).0
    }

    #[test]
    fn prefixes() {
        assert!(can_start_with(&glob("*"), "role/"));
        assert!(can_start_with(&glob("role/*"), "role/"));
        assert!(can_start_with(&glob("ro*"), "role/"));
        assert!(can_start_with(&glob("r?le/x"), "role/"));
        assert!(!can_start_with(&glob("user/*"), "role/"));
        assert!(!can_start_with(&glob("rol"), "role/"));
        assert!(can_start_with(
            &glob("role/aws-service-role/*"),
            "role/aws-service-role/"
        ));
    }
}
