//! The interpreter: evaluates a [`CompiledPolicy`] that was loaded at run time, borrowing it, with
//! no allocation. `policy!` expands to specialized code instead; both follow [`crate::eval`].

use std::cell::OnceCell;

use crate::compiled::{
    ActionPattern, Actions, CompiledPolicy, Condition, ConditionValues, Effect, ResourcePattern,
    Resources, Statement,
};
use crate::eval::{self, Decision, EntryMatch, Outcome, RequestView, Truth};
use crate::operator::Comparison;
use crate::pattern::{self, Case};

/// Decides a request against one policy (`docs/semantics.md` section 1).
pub fn evaluate<R: RequestView + ?Sized>(policy: &CompiledPolicy, request: &R) -> Outcome {
    let mut allowed_by = None;
    // The request ARN is split at most once, and only if some statement's actions match.
    let arn = OnceCell::new();
    for (index, statement) in policy.statements.iter().enumerate() {
        if applies(statement, request, &arn) {
            match statement.effect {
                Effect::Deny => {
                    return Outcome {
                        decision: Decision::ExplicitlyDenied,
                        statement: Some(index),
                    };
                }
                Effect::Allow => {
                    allowed_by.get_or_insert(index);
                }
            }
        }
    }
    match allowed_by {
        Some(index) => Outcome {
            decision: Decision::Allowed,
            statement: Some(index),
        },
        None => Outcome::IMPLICIT_DENY,
    }
}

pub fn statement_applies<R: RequestView + ?Sized>(statement: &Statement, request: &R) -> bool {
    applies(statement, request, &OnceCell::new())
}

type SplitArn<'r> = OnceCell<Option<[&'r str; 6]>>;

fn applies<'r, R: RequestView + ?Sized>(
    statement: &Statement,
    request: &'r R,
    arn: &SplitArn<'r>,
) -> bool {
    actions_apply(&statement.actions, request.action())
        && resources_apply(statement.effect, &statement.resources, request, arn)
        && statement
            .conditions
            .iter()
            .all(|c| condition_holds(statement.effect, c, request))
}

fn actions_apply(actions: &Actions, action: &str) -> bool {
    let any = actions.patterns.iter().any(|p| action_matches(p, action));
    any != actions.negated
}

/// Service and name both case-insensitive; the name a glob.
pub fn action_matches(pattern: &ActionPattern, action: &str) -> bool {
    match pattern {
        ActionPattern::Any => true,
        ActionPattern::Named { service, name } => match action.split_once(':') {
            Some((s, n)) => {
                s.eq_ignore_ascii_case(service)
                    && pattern::matches(name, n, Case::Insensitive, &pattern::NoVariables)
            }
            None => false,
        },
    }
}

fn resources_apply<'r, R: RequestView + ?Sized>(
    effect: Effect,
    resources: &Resources,
    request: &'r R,
    arn: &SplitArn<'r>,
) -> bool {
    let resource = request.resource();
    let parts = arn.get_or_init(|| eval::split_arn(resource));
    eval::block_applies(
        effect,
        resources.negated,
        resources
            .patterns
            .iter()
            .map(|p| resource_entry(p, resource, parts.as_ref(), request)),
    )
}

/// One Resource entry against the request resource (`docs/semantics.md` section 3).
pub fn resource_entry<R: RequestView + ?Sized>(
    pattern: &ResourcePattern,
    resource: &str,
    parts: Option<&[&str; 6]>,
    request: &R,
) -> EntryMatch {
    match pattern {
        ResourcePattern::Any => EntryMatch::Yes,
        ResourcePattern::Never => EntryMatch::No,
        ResourcePattern::Arn(arn) => {
            if !eval::arn_resolvable(arn, request) {
                return EntryMatch::Unresolved;
            }
            // The request resource `*` (an action without resource-level permissions) is matched
            // literally: only `*` entries match it.
            let matched = resource != "*"
                && parts.is_some_and(|parts| eval::arn_parts_match(arn, parts, request));
            if matched {
                EntryMatch::Yes
            } else {
                EntryMatch::No
            }
        }
    }
}

/// Whether a condition of a statement of `effect` is met (an undecidable one fails closed by effect).
pub fn condition_holds<R: RequestView + ?Sized>(
    effect: Effect,
    condition: &Condition,
    request: &R,
) -> bool {
    condition_truth(condition, request).holds_for(effect)
}

/// The truth of one condition.
pub fn condition_truth<R: RequestView + ?Sized>(condition: &Condition, request: &R) -> Truth {
    let present = request.values(&condition.key);
    let operator = condition.operator;
    let comparison: Comparison = operator.base.comparison();
    match &condition.values {
        ConditionValues::Null(policy) => {
            Truth::from_bool(eval::null_holds(policy, present.is_some()))
        }
        ConditionValues::Strings(policy) => eval::condition_truth(operator, present, |v| {
            Some(
                policy
                    .iter()
                    .any(|p| eval::string_matches(comparison, p, v, request)),
            )
        }),
        ConditionValues::Numbers(policy) => eval::condition_truth(operator, present, |v| {
            eval::numeric_matches_any(comparison, policy, v)
        }),
        ConditionValues::Dates(policy) => eval::condition_truth(operator, present, |v| {
            eval::date_matches_any(comparison, policy, v)
        }),
        ConditionValues::Bools(policy) => eval::condition_truth(operator, present, |v| {
            eval::bool_matches_any(policy, v, request)
        }),
        ConditionValues::Binary(policy) => {
            eval::condition_truth(operator, present, |v| eval::binary_matches_any(policy, v))
        }
        ConditionValues::Ips(policy) => {
            eval::condition_truth(operator, present, |v| eval::ip_matches_any(policy, v))
        }
        ConditionValues::Arns(policy) => eval::condition_truth(operator, present, |v| {
            eval::arn_matches_any(policy, v, request)
        }),
    }
}
