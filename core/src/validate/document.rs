//! The typed model the validator builds: each element already in its compiled form, with the text
//! and place it came from, so that later checks (the service catalog, the lints) can report at the
//! right literal and lowering is a copy.

use std::borrow::Cow;

use crate::compiled::{ActionPattern, ConditionValues, Effect, ResourcePattern};
use crate::location::{JsonPath, Loc};
use crate::operator::Operator;
use crate::principal::PrincipalPattern;

/// `Version`: it decides whether `${...}` is a variable or literal text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    V2012_10_17,
    V2008_10_17,
    /// No `Version`: IAM reads the policy as 2008-10-17.
    Missing,
}

impl Version {
    pub fn supports_variables(self) -> bool {
        self == Version::V2012_10_17
    }
}

/// A value with the text it was written as (borrowed from the policy text `'t` unless it held an
/// escape) and where it stands: the document does not borrow the JSON tree, which can be freed
/// statement by statement as it is read ([`super::validate_owned`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Located<'t, T> {
    pub value: T,
    pub text: Cow<'t, str>,
    pub path: JsonPath,
    pub loc: Loc,
}

/// A value kept only as written: a `Sid`, a condition key, a condition value's text.
pub type Text<'t> = Located<'t, ()>;

/// `Action`/`NotAction` or `Resource`/`NotResource`.
#[derive(Clone, Debug, PartialEq)]
pub struct Block<'t, T> {
    pub negated: bool,
    pub entries: Vec<Located<'t, T>>,
}

impl<T> Default for Block<'_, T> {
    fn default() -> Self {
        Block {
            negated: false,
            entries: Vec::new(),
        }
    }
}

/// One key under one operator.
#[derive(Clone, Debug, PartialEq)]
pub struct ConditionEntry<'t> {
    pub operator: Located<'t, Operator>,
    pub key: Text<'t>,
    pub values: ConditionValues,
    /// Each policy value as written.
    pub value_texts: Vec<Text<'t>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StatementModel<'t> {
    pub index: usize,
    pub path: JsonPath,
    pub loc: Loc,
    pub sid: Option<Text<'t>>,
    pub effect: Effect,
    /// `Principal`/`NotPrincipal`, read (policy types that take one).
    pub principals: Option<Block<'t, PrincipalPattern>>,
    /// The statement's `Resource` or `NotResource` was absent (allowed in trust and some
    /// resource-based policies: it then means the resource the policy is attached to).
    pub resource_omitted: bool,
    pub actions: Block<'t, ActionPattern>,
    pub resources: Block<'t, ResourcePattern>,
    pub conditions: Vec<ConditionEntry<'t>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Document<'t> {
    pub version: Version,
    pub statements: Vec<StatementModel<'t>>,
}
