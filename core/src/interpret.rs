//! The interpreter: evaluates a [`CompiledPolicy`] that was loaded at run time, borrowing it, with
//! no allocation. `policy!` expands to specialized code instead; both follow [`crate::eval`].

use crate::action_index::{self, ActionKey};
use crate::compiled::{
    ActionPattern, Actions, CompiledPolicy, Condition, ConditionValues, Effect, ResourcePattern,
    Resources, Statement,
};
use crate::eval::{self, Decision, EntryMatch, Outcome, RequestView, Truth};
use crate::operator::Comparison;

/// Decides a request against one policy (`docs/semantics.md` section 1).
pub fn evaluate<R: RequestView + ?Sized>(policy: &CompiledPolicy, request: &R) -> Outcome {
    evaluate_statements(&policy.statements, request)
}

/// [`evaluate`] over a list of statements.
pub fn evaluate_statements<R: RequestView + ?Sized>(
    statements: &[Statement],
    request: &R,
) -> Outcome {
    // Deny statements first: one that applies decides at once, and without any the first Allow
    // that applies decides, with no need to look at the rest.
    let statements = statements.iter().enumerate();
    let key = ActionKey::new(request.action());
    for (index, statement) in statements.clone() {
        if statement.effect == Effect::Deny && applies(statement, request, &key) {
            return Outcome {
                decision: Decision::ExplicitlyDenied,
                statement: Some(index),
            };
        }
    }
    for (index, statement) in statements {
        if statement.effect == Effect::Allow && applies(statement, request, &key) {
            return Outcome {
                decision: Decision::Allowed,
                statement: Some(index),
            };
        }
    }
    Outcome::IMPLICIT_DENY
}

/// True when the statement applies to the request: its action, principal, resource and every
/// condition match (whatever its effect).
pub fn statement_applies<R: RequestView + ?Sized>(statement: &Statement, request: &R) -> bool {
    applies(statement, request, &ActionKey::new(request.action()))
}

/// `key` is the request's action, keyed once for every statement of the decision.
fn applies<R: RequestView + ?Sized>(statement: &Statement, request: &R, key: &ActionKey) -> bool {
    actions_apply(&statement.actions, key)
        && crate::principal::applies(
            statement.principals.as_ref(),
            statement.effect,
            &request.principal(),
        )
        && resources_apply(statement.effect, &statement.resources, request)
        && statement
            .conditions
            .iter()
            .all(|c| condition_holds(statement.effect, c, request))
}

/// By the action index: the patterns are sorted when the policy is lowered.
fn actions_apply(actions: &Actions, key: &ActionKey) -> bool {
    action_index::matches_key(&actions.patterns, &actions.index, key) != actions.negated
}

/// Service and name both case-insensitive; the name a glob.
#[must_use]
pub fn action_matches(pattern: &ActionPattern, action: &str) -> bool {
    action_index::pattern_matches(pattern, action)
}

fn resources_apply<R: RequestView + ?Sized>(
    effect: Effect,
    resources: &Resources,
    request: &R,
) -> bool {
    let resource = request.resource();
    if !resources.negated {
        // The common case, without the bookkeeping of unresolved entries.
        // An entry whose variable has no value fails to match, as `arn_matches` finds.
        return resources.patterns.iter().any(|p| match p {
            ResourcePattern::Any => true,
            ResourcePattern::Never => false,
            ResourcePattern::Arn(arn) => eval::arn_matches(arn, resource, request),
        });
    }
    eval::block_applies(
        effect,
        resources.negated,
        resources
            .patterns
            .iter()
            .map(|p| resource_entry(p, resource, request)),
    )
}

/// One Resource entry against the request resource (`docs/semantics.md` section 3).
pub fn resource_entry<R: RequestView + ?Sized>(
    pattern: &ResourcePattern,
    resource: &str,
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
            // literally: only `*` entries match it (and it does not start with `arn:`).
            if eval::arn_matches(arn, resource, request) {
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
