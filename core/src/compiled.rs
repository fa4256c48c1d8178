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

/// Text of a compiled policy: borrowed `'static` in `policy!` expansions, owned at run time.
pub type Str = Cow<'static, str>;
/// A list of a compiled policy: a `'static` slice in `policy!` expansions, a `Vec` at run time.
pub type List<T> = Cow<'static, [T]>;

/// A validated policy in the form evaluation reads: statements lowered for matching, and the
/// document as written for export.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CompiledPolicy {
    /// The statements in document order; a statement's index here is the one findings and
    /// outcomes report.
    pub statements: List<Statement>,
    /// The document as written, as compact JSON (its key order, string-or-array shapes and number
    /// text kept), for export: one string rather than a tree of values.
    pub source: Str,
    /// The extra actions this policy was compiled with that act on no resource (declared
    /// `no-resource`: `policy!`'s `extra_actions`, [`Options::extras`](crate::validate::Options::extras)),
    /// as written. They travel with the policy to evaluation, where a request for one of them
    /// on the resource `*` is well-formed (decision D38 of `docs/semantics.md`). Usually empty.
    pub no_resource_actions: List<Str>,
}

impl CompiledPolicy {
    /// Whether this policy declares `action` `no-resource` (case-insensitive).
    #[must_use]
    pub fn declares_no_resource(&self, action: &str) -> bool {
        self.no_resource_actions
            .iter()
            .any(|declared| declared.eq_ignore_ascii_case(action))
    }
}

/// Whether a matching statement grants (`Allow`) or refuses (`Deny`) the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Effect {
    /// The statement grants the request, unless another statement denies it.
    Allow,
    /// The statement refuses the request, whatever any other statement allows.
    Deny,
}

/// One statement, lowered: each block matched against the request, all of them required.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Statement {
    /// The statement's `Sid`, if it has one.
    pub sid: Option<Str>,
    /// `Allow` or `Deny`.
    pub effect: Effect,
    /// `Principal` or `NotPrincipal`; `None` in identity policies, SCPs and session policies.
    pub principals: Option<Principals>,
    /// The `Action` or `NotAction` block.
    pub actions: Actions,
    /// The `Resource` or `NotResource` block.
    pub resources: Resources,
    /// ANDed.
    pub conditions: List<Condition>,
}

/// `Action` (`negated: false`) or `NotAction` (`negated: true`); entries are ORed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Actions {
    /// `true` for `NotAction`: the statement applies to every action the patterns do not match.
    pub negated: bool,
    /// Sorted into the order of [`crate::action_index`] (which searches them), not as written.
    pub patterns: List<ActionPattern>,
    /// The lookup over `patterns`, built with them by [`crate::action_index::build`]; empty for a
    /// block small enough to scan.
    pub index: ActionIndex,
}

/// The hash lookup of a large `Action` block ([`crate::action_index`]): a request's action is
/// found by one hash of its lowercase text and a binary search over integers, not by comparing
/// strings along a search. Derived from the patterns, so it takes no part in what the block means.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ActionIndex {
    /// `(hash of "service:name", position in the patterns)` of every pattern without a wildcard,
    /// sorted by hash.
    pub exact: List<(u32, u32)>,
    /// `(hash of "service", first, end)`: the positions of one service's wildcard names, sorted by
    /// hash.
    pub globs: List<(u32, u32, u32)>,
}

impl ActionIndex {
    /// No index: the block is scanned.
    pub const EMPTY: ActionIndex = ActionIndex {
        exact: Cow::Borrowed(&[]),
        globs: Cow::Borrowed(&[]),
    };
}

/// One entry of an `Action` block.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ActionPattern {
    /// `*`.
    Any,
    /// `service:name`, both lowercased; the name may hold `*` and `?`.
    Named {
        /// The service prefix (`s3`), lowercased and without wildcards.
        service: Str,
        /// The action name after the colon, lowercased, with its wildcards.
        name: Glob,
    },
}

/// `Resource` or `NotResource`; entries are ORed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Resources {
    /// `true` for `NotResource`: the statement applies to every resource the patterns do not match.
    pub negated: bool,
    /// The entries as written, in document order.
    pub patterns: List<ResourcePattern>,
}

/// One entry of a `Resource` block.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ResourcePattern {
    /// `*` (or any all-`*` text): matches every resource, including the request resource `*`.
    Any,
    /// An ARN pattern, matched part by part.
    Arn(ArnPattern),
    /// Matches nothing (an entry that is not an ARN, kept only so that lowering is total).
    Never,
}

/// An ARN pattern split on its first five colons. The first five parts are matched each on its
/// own; the resource part as a whole (`*` crosses `/` and `:`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ArnPattern {
    /// The partition (`aws`, `aws-cn`, ...).
    pub partition: Glob,
    /// The service prefix (`s3`, `ssm`, ...).
    pub service: Glob,
    /// The region; empty for global services.
    pub region: Glob,
    /// The account ID; empty where the service omits it (`s3` buckets).
    pub account: Glob,
    /// Everything after the fifth colon: the resource type and ID.
    pub resource: Glob,
}

/// A text pattern: literal runs, wildcards and policy variables, matched case-sensitively unless the
/// caller folds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Glob {
    /// The pieces, in order; the whole text must match them all.
    pub segments: List<Segment>,
}

/// One piece of a [`Glob`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    /// Text that must appear as is.
    Literal(Str),
    /// `*`: any run of characters, possibly empty.
    AnyRun,
    /// `?`: exactly one character.
    AnyOne,
    /// `${key}` or `${key, 'default'}`: the request's value, compared literally.
    Variable(VariableRef),
}

/// A policy variable inside a pattern, replaced by the request's value of its key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Variable {
    /// The context key named between `${` and `}` (`aws:username`).
    pub key: Str,
    /// The text used when the request has no value for the key; without one, the segment
    /// matches nothing when the key is missing.
    pub default: Option<Str>,
}

/// A [`Variable`] behind a pointer, so that a [`Segment`] takes 32 bytes rather than 48 (a
/// document holds one segment per pattern piece). A one-element list, not a `Box`: `policy!`
/// data must be `const`. Reads as the variable ([`Deref`](std::ops::Deref)).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct VariableRef(pub List<Variable>);

impl VariableRef {
    /// An owned variable (the run-time path; `policy!` emits a borrowed one).
    #[must_use]
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
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Condition {
    /// The operator, with its qualifier and `IfExists`.
    pub operator: Operator,
    /// The context key the condition reads (`aws:SourceIp`), as written.
    pub key: Str,
    /// The policy values, parsed for the operator's family.
    pub values: ConditionValues,
}

/// The policy values of a condition, parsed for the operator's family. ORed (NOR when negated).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ConditionValues {
    /// String operators; for the `Equals` forms the segments hold no wildcards.
    Strings(List<Glob>),
    /// Numeric operators: exact decimals.
    Numbers(List<Decimal>),
    /// Date operators: instants.
    Dates(List<Timestamp>),
    /// `Bool`: booleans or policy variables.
    Bools(List<BoolValue>),
    /// `BinaryEquals`: the decoded bytes.
    Binary(List<Cow<'static, [u8]>>),
    /// `IpAddress` / `NotIpAddress`: addresses and CIDR ranges.
    Ips(List<IpNet>),
    /// ARN operators: ARN patterns.
    Arns(List<ArnPattern>),
    /// `true` means "the key must be absent".
    Null(List<bool>),
}

/// One value of a `Bool` condition.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum BoolValue {
    /// `true` or `false`, as written in the policy.
    Literal(bool),
    /// A policy variable, resolved and read as a boolean at evaluation.
    Variable(Glob),
}

/// The document as written: key order, shapes and number text kept, for export.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum JsonValue {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, with its text as written (so that export does not reformat it).
    Number(Str),
    /// A string, unescaped.
    String(Str),
    /// An array, in order.
    Array(List<JsonValue>),
    /// An object, its members in the order written.
    Object(List<JsonMember>),
}

/// One `"key": value` member of a [`JsonValue::Object`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct JsonMember {
    /// The member's name, unescaped.
    pub key: Str,
    /// The member's value.
    pub value: JsonValue,
}

impl Glob {
    /// A pattern matching exactly `text` (no wildcards, no variables).
    pub fn literal(text: impl Into<Str>) -> Glob {
        Glob {
            segments: Cow::Owned(vec![Segment::Literal(text.into())]),
        }
    }
    /// The pattern `*`: matches any text.
    #[must_use]
    pub fn any() -> Glob {
        Glob {
            segments: Cow::Owned(vec![Segment::AnyRun]),
        }
    }
    /// True when the pattern holds a policy variable, so matching needs the request's context.
    #[must_use]
    pub fn has_variables(&self) -> bool {
        self.segments
            .iter()
            .any(|s| matches!(s, Segment::Variable(_)))
    }
    /// True when the pattern matches any text (`*`, `**`, ...).
    #[must_use]
    pub fn is_any(&self) -> bool {
        !self.segments.is_empty() && self.segments.iter().all(|s| matches!(s, Segment::AnyRun))
    }
}
