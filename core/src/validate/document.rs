//! The typed model the validator builds: each element already in its compiled form, with the text
//! and place it came from, so that later checks (the service catalog, the lints) can report at the
//! right literal and lowering is a copy.

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

/// A value with the text it was written as and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub text: String,
    pub path: JsonPath,
    pub loc: Loc,
}

/// `Action`/`NotAction` or `Resource`/`NotResource`.
#[derive(Clone, Debug, PartialEq)]
pub struct Block<T> {
    pub negated: bool,
    pub entries: Vec<Located<T>>,
}

impl<T> Default for Block<T> {
    fn default() -> Self {
        Block {
            negated: false,
            entries: Vec::new(),
        }
    }
}

/// One key under one operator.
#[derive(Clone, Debug, PartialEq)]
pub struct ConditionEntry {
    pub operator: Located<Operator>,
    pub key: Located<String>,
    pub values: ConditionValues,
    /// Each policy value as written.
    pub value_texts: Vec<Located<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StatementModel {
    pub index: usize,
    pub path: JsonPath,
    pub loc: Loc,
    pub sid: Option<Located<String>>,
    pub effect: Effect,
    /// `Principal`/`NotPrincipal`, read (policy types that take one).
    pub principals: Option<Block<PrincipalPattern>>,
    /// The statement's `Resource` or `NotResource` was absent (allowed in trust and some
    /// resource-based policies: it then means the resource the policy is attached to).
    pub resource_omitted: bool,
    pub actions: Block<ActionPattern>,
    pub resources: Block<ResourcePattern>,
    pub conditions: Vec<ConditionEntry>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub version: Version,
    pub statements: Vec<StatementModel>,
}
