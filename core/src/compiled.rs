//! The compiled (lowered) form of a policy: what evaluation reads.
//!
//! Every pattern is pre-split and pre-folded and every condition value pre-parsed, so evaluation
//! never parses. Built from `Cow`s so that one type serves both paths: `policy!` expands to these
//! values with borrowed `'static` data (usable in `static` and `const`), `Policy::from_json` builds
//! them with owned data.

use std::borrow::Cow;

use crate::operator::Operator;
pub use crate::principal::{PrincipalPattern, Principals};
use crate::values::{Decimal, IpNet, Timestamp};

pub type Str = Cow<'static, str>;
pub type List<T> = Cow<'static, [T]>;

#[derive(Clone, Debug, PartialEq)]
pub struct CompiledPolicy {
    pub statements: List<Statement>,
    /// The document as written, as compact JSON (its key order, string-or-array shapes and number
    /// text kept), for export: one string rather than a tree of values.
    pub source: Str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Effect {
    Allow,
    Deny,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    pub sid: Option<Str>,
    pub effect: Effect,
    /// `Principal` or `NotPrincipal`; `None` in identity policies, SCPs and session policies.
    pub principals: Option<Principals>,
    pub actions: Actions,
    pub resources: Resources,
    /// ANDed.
    pub conditions: List<Condition>,
}

/// `Action` (`negated: false`) or `NotAction` (`negated: true`); entries are ORed.
#[derive(Clone, Debug, PartialEq)]
pub struct Actions {
    pub negated: bool,
    /// Sorted into the order of [`crate::action_index`] (which searches them), not as written.
    pub patterns: List<ActionPattern>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ActionPattern {
    /// `*`.
    Any,
    /// `service:name`, both lowercased; the name may hold `*` and `?`.
    Named { service: Str, name: Glob },
}

/// `Resource` or `NotResource`; entries are ORed.
#[derive(Clone, Debug, PartialEq)]
pub struct Resources {
    pub negated: bool,
    pub patterns: List<ResourcePattern>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ResourcePattern {
    /// `*` (or any all-`*` text): matches every resource, including the request resource `*`.
    Any,
    Arn(ArnPattern),
    /// Matches nothing (an entry that is not an ARN, kept only so that lowering is total).
    Never,
}

/// An ARN pattern split on its first five colons. The first five parts are matched each on its
/// own; the resource part as a whole (`*` crosses `/` and `:`).
#[derive(Clone, Debug, PartialEq)]
pub struct ArnPattern {
    pub partition: Glob,
    pub service: Glob,
    pub region: Glob,
    pub account: Glob,
    pub resource: Glob,
}

/// A text pattern: literal runs, wildcards and policy variables, matched case-sensitively unless the
/// caller folds.
#[derive(Clone, Debug, PartialEq)]
pub struct Glob {
    pub segments: List<Segment>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Segment {
    Literal(Str),
    /// `*`: any run of characters, possibly empty.
    AnyRun,
    /// `?`: exactly one character.
    AnyOne,
    /// `${key}` or `${key, 'default'}`: the request's value, compared literally.
    Variable(VariableRef),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Variable {
    pub key: Str,
    pub default: Option<Str>,
}

/// A [`Variable`] behind a pointer, so that a [`Segment`] takes 32 bytes rather than 48 (a
/// document holds one segment per pattern piece). A one-element list, not a `Box`: `policy!`
/// data must be `const`. Reads as the variable ([`Deref`](std::ops::Deref)).
#[derive(Clone, Debug, PartialEq)]
pub struct VariableRef(pub List<Variable>);

impl VariableRef {
    pub fn new(variable: Variable) -> Self {
        VariableRef(Cow::Owned(vec![variable]))
    }
}

impl std::ops::Deref for VariableRef {
    type Target = Variable;
    fn deref(&self) -> &Variable {
        &self.0[0]
    }
}

/// One key under one operator.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    pub operator: Operator,
    pub key: Str,
    pub values: ConditionValues,
}

/// The policy values of a condition, parsed for the operator's family. ORed (NOR when negated).
#[derive(Clone, Debug, PartialEq)]
pub enum ConditionValues {
    /// String operators; for the `Equals` forms the segments hold no wildcards.
    Strings(List<Glob>),
    Numbers(List<Decimal>),
    Dates(List<Timestamp>),
    Bools(List<BoolValue>),
    Binary(List<Cow<'static, [u8]>>),
    Ips(List<IpNet>),
    Arns(List<ArnPattern>),
    /// `true` means "the key must be absent".
    Null(List<bool>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum BoolValue {
    Literal(bool),
    /// A policy variable, resolved and read as a boolean at evaluation.
    Variable(Glob),
}

/// The document as written: key order, shapes and number text kept, for export.
#[derive(Clone, Debug, PartialEq)]
pub enum JsonValue {
    Null,
    Bool(bool),
    Number(Str),
    String(Str),
    Array(List<JsonValue>),
    Object(List<JsonMember>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct JsonMember {
    pub key: Str,
    pub value: JsonValue,
}

impl Glob {
    pub fn literal(text: impl Into<Str>) -> Glob {
        Glob {
            segments: Cow::Owned(vec![Segment::Literal(text.into())]),
        }
    }
    pub fn any() -> Glob {
        Glob {
            segments: Cow::Owned(vec![Segment::AnyRun]),
        }
    }
    pub fn has_variables(&self) -> bool {
        self.segments
            .iter()
            .any(|s| matches!(s, Segment::Variable(_)))
    }
    /// True when the pattern matches any text (`*`, `**`, ...).
    pub fn is_any(&self) -> bool {
        !self.segments.is_empty() && self.segments.iter().all(|s| matches!(s, Segment::AnyRun))
    }
}
