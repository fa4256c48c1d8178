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
    /// `"2012-10-17"`, the current language: policy variables are substituted.
    V2012_10_17,
    /// `"2008-10-17"`, the original language: `${...}` is literal text.
    V2008_10_17,
    /// No `Version`: IAM reads the policy as 2008-10-17.
    Missing,
}

impl Version {
    /// True when `${...}` is a policy variable in this version (only in 2012-10-17).
    pub fn supports_variables(self) -> bool {
        self == Version::V2012_10_17
    }
}

/// A value with the text it was written as and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Located<T> {
    /// The value, read.
    pub value: T,
    /// The JSON string as written (unescaped), for messages that quote the input.
    pub text: String,
    /// Where the value stands in the document (`Statement[0].Action[1]`).
    pub path: JsonPath,
    /// The value's byte range in the source text.
    pub loc: Loc,
}

/// `Action`/`NotAction` or `Resource`/`NotResource`.
#[derive(Clone, Debug, PartialEq)]
pub struct Block<T> {
    /// `true` for `NotAction` / `NotResource` / `NotPrincipal`.
    pub negated: bool,
    /// The entries in document order (a single string is one entry).
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
    /// The operator, as written under `Condition`.
    pub operator: Located<Operator>,
    /// The context key, as written under the operator.
    pub key: Located<String>,
    /// The policy values, parsed for the operator's family.
    pub values: ConditionValues,
    /// Each policy value as written.
    pub value_texts: Vec<Located<String>>,
}

/// One statement as the validator read it: every element typed and located, before lowering.
#[derive(Clone, Debug, PartialEq)]
pub struct StatementModel {
    /// The statement's position in `Statement` (0 for a lone statement object).
    pub index: usize,
    /// Where the statement stands in the document.
    pub path: JsonPath,
    /// The statement object's byte range in the source text.
    pub loc: Loc,
    /// The `Sid`, if any.
    pub sid: Option<Located<String>>,
    /// `Allow` or `Deny`.
    pub effect: Effect,
    /// `Principal`/`NotPrincipal`, read (policy types that take one).
    pub principals: Option<Block<PrincipalPattern>>,
    /// The statement's `Resource` or `NotResource` was absent (allowed in trust and some
    /// resource-based policies: it then means the resource the policy is attached to).
    pub resource_omitted: bool,
    /// `Action` or `NotAction`.
    pub actions: Block<ActionPattern>,
    /// `Resource` or `NotResource` (empty when omitted, see `resource_omitted`).
    pub resources: Block<ResourcePattern>,
    /// Every key under every operator of the `Condition` block, in document order.
    pub conditions: Vec<ConditionEntry>,
}

/// A policy document as the validator read it: what [`crate::lower::lower`] turns into a
/// compiled policy once it has no error.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The `Version` element.
    pub version: Version,
    /// The statements in document order.
    pub statements: Vec<StatementModel>,
}
