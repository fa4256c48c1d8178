//! Access questions about compiled policies, answered exactly, with a request as proof.
//!
//! * [`not_granted`]: can the policy allow any of these actions (optionally on these resources)?
//! * [`no_new_access`]: does the policy allow any request that a reference policy does not?
//! * [`no_public_access`]: can a resource-based policy allow a principal outside the trusted
//!   accounts and organization, or an anonymous one?
//!
//! Each answer is [`Answer::Holds`], [`Answer::Fails`] with a [`Witness`] (a request the policy
//! allows, confirmed by [`crate::interpret::evaluate`] before it is returned), or
//! [`Answer::Unknown`] with the reason, which callers must treat as a failure: the search never
//! says "holds" when some request is allowed.
//!
//! How: action names and ARNs are regular languages, searched as automata ([`automaton`]); each
//! condition key is searched over a value domain that covers every class of values its operators
//! can tell apart ([`domain`]); a DPLL over the statements' tests ties the dimensions together
//! ([`search`]). What is not exact: a policy variable whose key the question does not fix, and a
//! key tested by operators of two families (String and Numeric, say). Those are widened, so
//! "holds" stays proven; a request found through them is kept only if evaluation confirms it,
//! otherwise the answer is [`Answer::Unknown`].

pub mod automaton;
mod bind;
pub mod chars;
pub mod domain;
pub mod language;
pub mod public;
pub mod search;
pub mod witness;

use std::borrow::Cow;

use crate::compiled::{
    ActionPattern, Actions, CompiledPolicy, Effect, ResourcePattern, Resources, Statement,
};
use crate::diagnostic::Finding;
use crate::validate::{Version, action::read_action, resource::read_resource};

pub use public::{Trust, no_public_access};
pub use witness::{Context, KeyValue, Witness};

/// The answer to an access question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// No request is allowed that the question forbids.
    Holds,
    /// This request is allowed; evaluation confirmed it.
    Fails(Witness),
    /// The search could not decide (see the module docs for which constructs cause it). Treat
    /// it as a failure.
    Unknown(String),
}

impl Answer {
    /// True when the property holds: no request breaks it.
    #[must_use]
    pub fn holds(&self) -> bool {
        matches!(self, Answer::Holds)
    }
    /// The request that breaks the property, if one was found.
    #[must_use]
    pub fn witness(&self) -> Option<&Witness> {
        match self {
            Answer::Fails(witness) => Some(witness),
            _ => None,
        }
    }
}

/// Why a question cannot be asked: an action or resource that is not a valid pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError {
    /// Lowercase, one line, the value in backticks.
    pub message: String,
    /// The fix.
    pub help: Option<String>,
}

impl From<Finding> for QueryError {
    fn from(finding: Finding) -> QueryError {
        QueryError {
            message: finding.message,
            help: finding.help.map(|help| help.to_string()),
        }
    }
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\nhelp: {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for QueryError {}

/// The question of [`not_granted`]: actions (wildcards allowed), optionally resources, and the
/// context values the question fixes (a key not listed may take any value, or be absent).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// The actions asked about (wildcards allowed).
    pub actions: Vec<ActionPattern>,
    /// `None`: every resource.
    pub resources: Option<Vec<ResourcePattern>>,
    /// The context keys the question fixes; any other key may take any value or be absent.
    pub context: Context,
}

impl Query {
    /// Reads action patterns (`iam:*`, `s3:Get*`, `*`) and resource patterns (ARNs with
    /// wildcards, or `*`) as a policy's `Action` and `Resource` entries are read.
    /// With resources but no actions, the question is about every action on those resources.
    pub fn parse(actions: &[&str], resources: &[&str]) -> Result<Query, QueryError> {
        if actions.is_empty() && resources.is_empty() {
            return Err(QueryError {
                message: "the question names no action and no resource".to_owned(),
                help: Some(
                    "name actions such as `iam:*` or `s3:GetObject`, resources, or both".to_owned(),
                ),
            });
        }
        let mut actions = actions
            .iter()
            .map(|a| read_action(a, "Action"))
            .collect::<Result<Vec<_>, _>>()?;
        if actions.is_empty() {
            actions.push(ActionPattern::Any);
        }
        let resources = if resources.is_empty() {
            None
        } else {
            let mut out = Vec::new();
            for text in resources {
                if text.contains("${") {
                    return Err(QueryError {
                        message: format!(
                            "the resource `{text}` of the question names a policy variable"
                        ),
                        help: Some("write the resource as requests name it, and give the variable's value as a context value of the question".to_owned()),
                    });
                }
                let (pattern, findings) = read_resource(text, Version::V2012_10_17);
                if let Some(error) = findings
                    .into_iter()
                    .find(|f| f.severity() == crate::diagnostic::Severity::Error)
                {
                    return Err(error.into());
                }
                out.push(pattern);
            }
            Some(out)
        };
        Ok(Query {
            actions,
            resources,
            context: Context::new(),
        })
    }

    /// Fixes the value of a context key for the question.
    pub fn with_context(mut self, key: impl Into<String>, value: KeyValue) -> Query {
        self.context.set(key, value);
        self
    }

    fn statement(&self) -> Statement {
        Statement {
            sid: None,
            effect: Effect::Allow,
            principals: None,
            actions: {
                // In the order evaluation's action index expects, and indexed.
                let mut patterns = self.actions.clone();
                crate::action_index::sort(&mut patterns);
                Actions {
                    negated: false,
                    index: crate::action_index::build(&patterns),
                    patterns: Cow::Owned(patterns),
                }
            },
            resources: Resources {
                negated: false,
                patterns: Cow::Owned(
                    self.resources
                        .clone()
                        .unwrap_or_else(|| vec![ResourcePattern::Any]),
                ),
            },
            conditions: Cow::Owned(Vec::new()),
        }
    }
}

/// Does `policy` allow none of the question's actions (on its resources, in its context)?
#[must_use]
pub fn not_granted(policy: &CompiledPolicy, query: &Query) -> Answer {
    let statement = query.statement();
    decide(&policy.statements, None, &statement, &query.context, None)
}

/// Does `policy` allow nothing that `reference` does not?
#[must_use]
pub fn no_new_access(policy: &CompiledPolicy, reference: &CompiledPolicy) -> Answer {
    no_new_access_in(policy, reference, &Context::new())
}

/// [`no_new_access`] for requests that carry the given context values.
#[must_use]
pub fn no_new_access_in(
    policy: &CompiledPolicy,
    reference: &CompiledPolicy,
    context: &Context,
) -> Answer {
    let everything = Query {
        actions: vec![ActionPattern::Any],
        resources: None,
        context: Context::new(),
    }
    .statement();
    decide(
        &policy.statements,
        Some(&reference.statements),
        &everything,
        context,
        None,
    )
}

/// Runs the search; when it cannot decide because of policy variables of keys the question
/// leaves free, tries again with those keys fixed to a few values (a request found that way is
/// still confirmed, so the answer stays sound; "holds" is never concluded from the retries).
/// `caller`: the principal of every request searched, when the question is about principals.
fn decide(
    target: &[Statement],
    reference: Option<&[Statement]>,
    query: &Statement,
    context: &Context,
    caller: Option<&str>,
) -> Answer {
    let run = |fixed: &Context| {
        search::run(&search::Problem {
            target,
            reference,
            query: Some(query.clone()),
            fixed,
            caller,
        })
    };
    let reason = match run(context) {
        search::Outcome::Found(witness) => return Answer::Fails(witness),
        search::Outcome::None => return Answer::Holds,
        search::Outcome::Unknown(reason) => reason,
    };
    let statements = target.iter().chain(reference.into_iter().flatten());
    let keys = variable_keys(statements, context);
    for value in ["alice", "x"] {
        let mut fixed = context.clone();
        for key in &keys {
            fixed.set(key.clone(), KeyValue::One(value.to_owned()));
        }
        if let search::Outcome::Found(witness) = run(&fixed) {
            return Answer::Fails(witness);
        }
    }
    Answer::Unknown(reason)
}

/// The keys of the policy variables the statements name and `context` does not fix.
fn variable_keys<'s>(
    statements: impl Iterator<Item = &'s Statement>,
    context: &Context,
) -> Vec<String> {
    use crate::compiled::{ConditionValues, Glob, Segment};
    let mut keys: Vec<String> = Vec::new();
    let mut add = |glob: &Glob| {
        for segment in glob.segments.iter() {
            if let Segment::Variable(v) = segment
                && context.lookup(&v.key).is_none()
                && !keys.iter().any(|k| witness::key_eq(k, &v.key))
            {
                keys.push(v.key.to_string());
            }
        }
    };
    for statement in statements {
        for pattern in statement.resources.patterns.iter() {
            if let ResourcePattern::Arn(arn) = pattern {
                for glob in [
                    &arn.partition,
                    &arn.service,
                    &arn.region,
                    &arn.account,
                    &arn.resource,
                ] {
                    add(glob);
                }
            }
        }
        for condition in statement.conditions.iter() {
            match &condition.values {
                ConditionValues::Strings(globs) => globs.iter().for_each(&mut add),
                ConditionValues::Arns(arns) => {
                    for arn in arns.iter() {
                        for glob in [
                            &arn.partition,
                            &arn.service,
                            &arn.region,
                            &arn.account,
                            &arn.resource,
                        ] {
                            add(glob);
                        }
                    }
                }
                ConditionValues::Bools(values) => {
                    for value in values.iter() {
                        if let crate::compiled::BoolValue::Variable(glob) = value {
                            add(glob);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests;
