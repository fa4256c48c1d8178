//! The patterns of the compiled form (action names, ARNs, String and ARN condition values) as
//! automata, with the policy variables of keys the question fixes replaced by their values.

use crate::compiled::{ArnPattern, Glob, Segment};
use crate::pattern::Case;

use super::automaton::{Pattern, Step};
use super::chars::CharTest;
use super::witness::Context;

/// What to do with a variable whose key the question leaves free.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FreeVariables {
    /// Give up on the pattern (`Err`): the caller approximates the whole test.
    Refuse,
    /// Read the variable as `*`: the union over every value the key may take.
    Widen,
}

/// A pattern that names a variable of a free key, under [`FreeVariables::Refuse`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FreeVariable(pub String);

/// Where a glob stands, which sets what its wildcards may cross.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    Anything,
    /// One of the first five parts of an ARN: wildcards never cross a `:`.
    ArnPart,
}

/// Turns compiled patterns into automata, substituting the variables of keys the question
/// fixes.
#[derive(Debug)]
pub struct Translator<'a> {
    /// The context values the question fixes, read for policy variables.
    pub fixed: &'a Context,
    /// What to do with a variable of a key the question leaves free.
    pub free: FreeVariables,
}

impl Translator<'_> {
    /// A glob read whole (an action name, a String condition value).
    pub fn glob(&self, glob: &Glob, case: Case) -> Result<Pattern, FreeVariable> {
        let mut steps = Vec::new();
        if !self.append(glob, case, Scope::Anything, &mut steps)? {
            return Ok(Pattern::never());
        }
        Ok(Pattern::new(steps))
    }

    /// An ARN pattern as a pattern of the whole ARN text `arn:p:s:r:a:resource`.
    pub fn arn(&self, arn: &ArnPattern) -> Result<Pattern, FreeVariable> {
        let mut steps = literal_steps("arn:");
        let parts = [&arn.partition, &arn.service, &arn.region, &arn.account];
        for part in parts {
            if !self.append(part, Case::Sensitive, Scope::ArnPart, &mut steps)? {
                return Ok(Pattern::never());
            }
            steps.push(Step::One(CharTest::Exact(':')));
        }
        if !self.append(&arn.resource, Case::Sensitive, Scope::Anything, &mut steps)? {
            return Ok(Pattern::never());
        }
        Ok(Pattern::new(steps))
    }

    /// Appends the steps of a glob; `false` when it can match nothing.
    fn append(
        &self,
        glob: &Glob,
        case: Case,
        scope: Scope,
        steps: &mut Vec<Step>,
    ) -> Result<bool, FreeVariable> {
        let wildcard = match scope {
            Scope::Anything => CharTest::Any,
            Scope::ArnPart => CharTest::NotColon,
        };
        for segment in glob.segments.iter() {
            match segment {
                Segment::Literal(text) => {
                    if !push_literal(text, case, scope, steps) {
                        return Ok(false);
                    }
                }
                Segment::AnyRun => steps.push(Step::Run(wildcard)),
                Segment::AnyOne => steps.push(Step::One(wildcard)),
                Segment::Variable(variable) => match self.fixed.lookup(&variable.key) {
                    Some(value) => {
                        // A multivalued key cannot be a variable: the default, else nothing.
                        let text = value.single().or(variable.default.as_deref());
                        match text {
                            Some(text) if push_literal(text, case, scope, steps) => {}
                            _ => return Ok(false),
                        }
                    }
                    None => match self.free {
                        FreeVariables::Refuse => {
                            return Err(FreeVariable(variable.key.to_string()));
                        }
                        FreeVariables::Widen => steps.push(Step::Run(wildcard)),
                    },
                },
            }
        }
        Ok(true)
    }
}

/// A literal as `pattern` compares it: exactly, or under the fold.
fn push_literal(text: &str, case: Case, scope: Scope, steps: &mut Vec<Step>) -> bool {
    if scope == Scope::ArnPart && text.contains(':') {
        return false;
    }
    steps.extend(text.chars().map(|c| {
        Step::One(match case {
            Case::Sensitive => CharTest::Exact(c),
            Case::Insensitive => CharTest::Fold(c),
        })
    }));
    true
}

fn literal_steps(text: &str) -> Vec<Step> {
    text.chars()
        .map(|c| Step::One(CharTest::Exact(c)))
        .collect()
}

/// Every text `split_arn` reads as an ARN.
#[must_use]
pub fn arn_shape() -> Pattern {
    let mut steps = literal_steps("arn:");
    for _ in 0..4 {
        steps.push(Step::Run(CharTest::NotColon));
        steps.push(Step::One(CharTest::Exact(':')));
    }
    steps.push(Step::Run(CharTest::Any));
    Pattern::new(steps)
}

/// Every text of at least one character.
#[must_use]
pub fn non_empty() -> Pattern {
    Pattern::new(vec![Step::One(CharTest::Any), Step::Run(CharTest::Any)])
}

/// True when a glob names a variable.
#[must_use]
pub fn has_variables(glob: &Glob) -> bool {
    glob.has_variables()
}

/// True when an ARN pattern names a variable.
pub fn arn_has_variables(arn: &ArnPattern) -> bool {
    [
        &arn.partition,
        &arn.service,
        &arn.region,
        &arn.account,
        &arn.resource,
    ]
    .into_iter()
    .any(Glob::has_variables)
}
