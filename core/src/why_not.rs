//! Why a request is not allowed: for an implicit deny, the `Allow` statements nearest to applying
//! and what failed in each (the action, a part of the resource, a condition with its operator and
//! key, a missing key, `IfExists`). Reads the compiled form with the semantics of [`crate::eval`];
//! for explanations only (it allocates), never for deciding.

use std::fmt::{self, Write as _};

use crate::compiled::{
    ActionPattern, ArnPattern, CompiledPolicy, Condition, ConditionValues, Effect, Glob,
    ResourcePattern, Segment, Statement,
};
use crate::eval::{RequestView, split_arn};
use crate::interpret;
use crate::pattern::{self, Case};

/// An `Allow` statement that does not apply to the request, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NearMiss {
    /// The statement's position in the policy.
    pub statement: usize,
    /// What failed, each a short lowercase sentence with the policy's and the request's text in
    /// backticks.
    pub reasons: Vec<String>,
}

impl fmt::Display for NearMiss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`Statement[{}]`: {}",
            self.statement,
            self.reasons.join("; ")
        )
    }
}

/// The `Allow` statements of `policy` that do not apply to `request`, nearest first (fewest
/// failed parts; the action counting most), at most `limit` of them. Empty when an `Allow`
/// applies.
pub fn near_misses<R: RequestView + ?Sized>(
    policy: &CompiledPolicy,
    request: &R,
    limit: usize,
) -> Vec<NearMiss> {
    let mut misses: Vec<(usize, NearMiss)> = Vec::new();
    for (index, statement) in policy.statements.iter().enumerate() {
        if statement.effect != Effect::Allow {
            continue;
        }
        let (weight, reasons) = failures(statement, request);
        if reasons.is_empty() {
            return Vec::new();
        }
        misses.push((
            weight,
            NearMiss {
                statement: index,
                reasons,
            },
        ));
    }
    misses.sort_by_key(|(weight, miss)| (*weight, miss.statement));
    misses.into_iter().take(limit).map(|(_, m)| m).collect()
}

/// What fails in one statement, with a weight: an action that does not match weighs more than
/// everything else, so that statements about the request's action come first.
fn failures<R: RequestView + ?Sized>(statement: &Statement, request: &R) -> (usize, Vec<String>) {
    let mut reasons = Vec::new();
    let mut weight = 0;
    let action = request.action();
    let actions = &statement.actions;
    let listed = actions
        .patterns
        .iter()
        .any(|p| interpret::action_matches(p, action));
    if listed == actions.negated {
        // A near miss of the name (a typo) weighs less than another action altogether.
        let lowercase = action.to_ascii_lowercase();
        let close = actions.patterns.iter().any(|p| {
            matches!(p, ActionPattern::Named { .. })
                && strsim::damerau_levenshtein(&action_text(p), &lowercase) <= 2
        });
        weight += if close && !actions.negated { 6 } else { 10 };
        let written = actions.patterns.iter().map(action_text).collect::<Vec<_>>();
        reasons.push(if actions.negated {
            format!("`NotAction` excludes `{action}`")
        } else {
            format!("the action `{action}` is not among {}", quoted(&written))
        });
    }
    if !crate::principal::applies(
        statement.principals.as_ref(),
        statement.effect,
        &request.principal(),
    ) {
        weight += 5;
        reasons.push("the principal does not match `Principal`".to_owned());
    }
    if let Some((matched_parts, reason)) = resource_failure(statement, request) {
        // The more parts of the resource match, the nearer.
        weight += 2 + (5 - matched_parts.min(5));
        reasons.push(reason);
    }
    for condition in statement.conditions.iter() {
        if !interpret::condition_holds(statement.effect, condition, request) {
            weight += 1;
            reasons.push(condition_failure(condition, request));
        }
    }
    (weight, reasons)
}

/// What fails in the statement's resources, with how many ARN parts of the nearest entry match.
fn resource_failure<R: RequestView + ?Sized>(
    statement: &Statement,
    request: &R,
) -> Option<(usize, String)> {
    let resources = &statement.resources;
    let resource = request.resource();
    let applies = interpret::statement_applies(
        &Statement {
            conditions: Default::default(),
            principals: None,
            actions: crate::compiled::Actions {
                negated: false,
                patterns: vec![ActionPattern::Any].into(),
                index: crate::compiled::ActionIndex::EMPTY,
            },
            ..statement.clone()
        },
        request,
    );
    if applies {
        return None;
    }
    if resources.negated {
        return Some((0, format!("`NotResource` excludes `{resource}`")));
    }
    // The entry nearest to the resource: the one whose first failing part comes last.
    let mut best: Option<(usize, String)> = None;
    for entry in resources.patterns.iter() {
        let ResourcePattern::Arn(arn) = entry else {
            continue;
        };
        let (matched, reason) = arn_failure(arn, resource, request);
        if best.as_ref().is_none_or(|(m, _)| matched > *m) {
            best = Some((matched, reason));
        }
    }
    Some(best.unwrap_or_else(|| (0, format!("no `Resource` entry matches `{resource}`"))))
}

/// How many parts of `arn` match before the first that does not, and that part named.
fn arn_failure<R: RequestView + ?Sized>(
    pattern: &ArnPattern,
    resource: &str,
    request: &R,
) -> (usize, String) {
    let Some(parts) = split_arn(resource) else {
        return (0, format!("the resource `{resource}` is not an ARN"));
    };
    let named = [
        ("partition", &pattern.partition),
        ("service", &pattern.service),
        ("region", &pattern.region),
        ("account", &pattern.account),
        ("resource part", &pattern.resource),
    ];
    for (index, (name, glob)) in named.iter().enumerate() {
        let actual = parts[index + 1];
        if !pattern::resolvable(glob, request) {
            // Name the key to give, not just the pattern (`aws:username` for `${aws:username}`).
            let missing = glob.segments.iter().find_map(|segment| match segment {
                crate::compiled::Segment::Variable(variable)
                    if pattern::resolve(variable, request).is_none() =>
                {
                    Some(variable.key.to_string())
                }
                _ => None,
            });
            let missing = missing.unwrap_or_default();
            return (
                index,
                format!(
                    "the {name} `{}` of `Resource` names the variable `${{{missing}}}`, and the request has no `{missing}` (give it in the context)",
                    glob_text(glob)
                ),
            );
        }
        if !pattern::matches(glob, actual, Case::Sensitive, request) {
            return (
                index,
                format!(
                    "the {name} `{actual}` of the resource does not match `{}`",
                    glob_text(glob)
                ),
            );
        }
    }
    (5, format!("the resource `{resource}` does not match"))
}

fn condition_failure<R: RequestView + ?Sized>(condition: &Condition, request: &R) -> String {
    let operator = condition.operator;
    let key = &condition.key;
    match request.values(key) {
        None => {
            if matches!(condition.values, ConditionValues::Null(_)) {
                format!("`{operator}` requires `{key}` to be present, and the request lacks it")
            } else {
                format!(
                    "the request has no `{key}`, so `{operator}` is false (only `...IfExists` or a negated operator is true without it)"
                )
            }
        }
        Some(values) => {
            let actual: Vec<String> = values.iter().map(str::to_owned).collect();
            let mut text = format!(
                "`{operator}` on `{key}` is false for the request's {} {}",
                if actual.len() == 1 { "value" } else { "values" },
                quoted(&actual)
            );
            let _ = write!(
                text,
                " (the policy has {})",
                policy_values(&condition.values)
            );
            text
        }
    }
}

fn policy_values(values: &ConditionValues) -> String {
    let texts: Vec<String> = match values {
        ConditionValues::Strings(globs) => globs.iter().map(glob_text).collect(),
        ConditionValues::Numbers(numbers) => numbers.iter().map(|n| n.to_string()).collect(),
        ConditionValues::Dates(dates) => dates.iter().map(|d| d.to_string()).collect(),
        ConditionValues::Bools(bools) => bools
            .iter()
            .map(|b| match b {
                crate::compiled::BoolValue::Literal(b) => b.to_string(),
                crate::compiled::BoolValue::Variable(glob) => glob_text(glob),
            })
            .collect(),
        ConditionValues::Binary(_) => return "base64 values".to_owned(),
        ConditionValues::Ips(ips) => ips.iter().map(|ip| ip.to_string()).collect(),
        ConditionValues::Arns(arns) => arns.iter().map(arn_text).collect(),
        ConditionValues::Null(nulls) => nulls.iter().map(|b| b.to_string()).collect(),
    };
    quoted(&texts)
}

fn quoted(texts: &[String]) -> String {
    let shown: Vec<String> = texts.iter().take(4).map(|t| format!("`{t}`")).collect();
    let more = texts.len().saturating_sub(4);
    if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

fn action_text(pattern: &ActionPattern) -> String {
    match pattern {
        ActionPattern::Any => "*".to_owned(),
        ActionPattern::Named { service, name } => format!("{service}:{}", glob_text(name)),
    }
}

fn arn_text(arn: &ArnPattern) -> String {
    format!(
        "arn:{}:{}:{}:{}:{}",
        glob_text(&arn.partition),
        glob_text(&arn.service),
        glob_text(&arn.region),
        glob_text(&arn.account),
        glob_text(&arn.resource)
    )
}

/// A pattern as written (`session/${aws:username}-*`).
#[must_use]
pub fn glob_text(glob: &Glob) -> String {
    let mut text = String::new();
    for segment in glob.segments.iter() {
        match segment {
            Segment::Literal(literal) => text.push_str(literal),
            Segment::AnyRun => text.push('*'),
            Segment::AnyOne => text.push('?'),
            Segment::Variable(variable) => match &variable.default {
                Some(default) => {
                    let _ = write!(text, "${{{}, '{default}'}}", variable.key);
                }
                None => {
                    let _ = write!(text, "${{{}}}", variable.key);
                }
            },
        }
    }
    text
}
