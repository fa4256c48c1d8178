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
    /// `"2012-10-17"`, the current language: policy variables are substituted.
    V2012_10_17,
    /// `"2008-10-17"`, the original language: `${...}` is literal text.
    V2008_10_17,
    /// No `Version`: IAM reads the policy as 2008-10-17.
    Missing,
}

impl Version {
    /// True when `${...}` is a policy variable in this version (only in 2012-10-17).
    #[must_use]
    pub fn supports_variables(self) -> bool {
        self == Version::V2012_10_17
    }
}

/// A value with the text it was written as (borrowed from the policy text `'t` unless it held an
/// escape) and where it stands: the document does not borrow the JSON tree, which can be freed
/// statement by statement as it is read ([`super::validate_owned`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Located<'t, T> {
    /// The value, read.
    pub value: T,
    /// The JSON string as written (unescaped), for messages that quote the input.
    pub text: Cow<'t, str>,
    /// Where the value stands in the document (`Statement[0].Action[1]`).
    pub path: JsonPath,
    /// The value's byte range in the source text.
    pub loc: Loc,
}

/// A value kept only as written: a `Sid`, a condition key, a condition value's text.
pub type Text<'t> = Located<'t, ()>;

/// `Action`/`NotAction` or `Resource`/`NotResource`.
#[derive(Clone, Debug, PartialEq)]
pub struct Block<'t, T> {
    /// `true` for `NotAction` / `NotResource` / `NotPrincipal`.
    pub negated: bool,
    /// The entries in document order (a single string is one entry).
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
    /// The operator, as written under `Condition`.
    pub operator: Located<'t, Operator>,
    /// The context key, as written under the operator.
    pub key: Text<'t>,
    /// The policy values, parsed for the operator's family.
    pub values: ConditionValues,
    /// Each policy value as written.
    pub value_texts: Vec<Text<'t>>,
}

/// One statement as the validator read it: every element typed and located, before lowering.
#[derive(Clone, Debug, PartialEq)]
pub struct StatementModel<'t> {
    /// The statement's position in `Statement` (0 for a lone statement object).
    pub index: usize,
    /// Where the statement stands in the document.
    pub path: JsonPath,
    /// The statement object's byte range in the source text.
    pub loc: Loc,
    /// The `Sid`, if any.
    pub sid: Option<Text<'t>>,
    /// `Allow` or `Deny`.
    pub effect: Effect,
    /// `Principal`/`NotPrincipal`, read (policy types that take one).
    pub principals: Option<Block<'t, PrincipalPattern>>,
    /// The statement's `Resource` or `NotResource` was absent (allowed in trust and some
    /// resource-based policies: it then means the resource the policy is attached to).
    pub resource_omitted: bool,
    /// `Action` or `NotAction`.
    pub actions: Block<'t, ActionPattern>,
    /// `Resource` or `NotResource` (empty when omitted, see `resource_omitted`).
    pub resources: Block<'t, ResourcePattern>,
    /// Every key under every operator of the `Condition` block, in document order.
    pub conditions: Vec<ConditionEntry<'t>>,
}

/// A policy document as the validator read it: what [`crate::lower::lower`] turns into a
/// compiled policy once it has no error.
#[derive(Clone, Debug, PartialEq)]
pub struct Document<'t> {
    /// The `Version` element.
    pub version: Version,
    /// The statements in document order.
    pub statements: Vec<StatementModel<'t>>,
}
