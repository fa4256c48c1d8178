//! The validator: reads a JSON tree into a [`Document`], collecting every finding (it never stops
//! at the first), then runs the checks that look across elements.
//!
//! One implementation for `policy!` (whose token reader builds the tree), `Policy::from_json` and
//! the command-line tool (whose text reader builds it).

pub(crate) mod action;
mod audience_claims;
mod by_type;
#[cfg(feature = "catalog")]
mod catalog_checks;
mod condition;
mod condition_lints;
mod condition_values;
pub mod document;
mod ip_checks;
mod key_lints;
mod list;
mod members;
mod policy;
pub mod policy_type;
mod principal;
mod principal_conditions;
pub(crate) mod redundant;
pub(crate) mod resource;
mod resource_service;
mod role_grants;
mod service_principal_keys;
mod statement;
pub mod template;
#[cfg(test)]
mod test_support;

pub use document::{Block, ConditionEntry, Document, Located, StatementModel, Text, Version};
pub use policy_type::{Family, PolicyType};

use std::collections::HashSet;

use crate::codes;
use crate::diagnostic::{Diagnostics, Finding};
use crate::json::Node;
pub use crate::location::JsonPath;
use crate::location::Loc;

/// The default of [`Options::max_bytes`]: 1 MiB, a hundred times AWS's largest policy quota, so
/// that no real policy is refused while a hostile text cannot make loading cost without bound.
pub const DEFAULT_MAX_BYTES: usize = 1 << 20;

/// What to validate against.
///
/// `#[non_exhaustive]`, so that options can be added without breaking callers: start from
/// [`Options::new`] (or `Default`) and change what differs with the `with_*` setters, or assign
/// the fields of a mutable value.
///
/// ```
/// use iam_policy_core::validate::{Options, PolicyType};
/// let options = Options::new().with_policy_type(PolicyType::S3Bucket).with_catalog(false);
/// assert_eq!(options.policy_type, PolicyType::S3Bucket);
/// assert!(!options.catalog);
/// ```
///
/// A struct literal does not compile outside this crate:
///
/// ```compile_fail,E0639
/// use iam_policy_core::validate::{Options, PolicyType};
/// let options = Options {
///     policy_type: PolicyType::Managed,
///     catalog: true,
///     max_bytes: 1024,
///     extras: Default::default(),
/// };
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Options {
    /// The kind of policy the document is (identity, resource-based, trust, SCP, ...): it decides
    /// which elements are required or refused.
    pub policy_type: PolicyType,
    /// Check names against the service catalog (needs the `catalog` feature; ignored without it).
    pub catalog: bool,
    /// The largest text read, in bytes: a longer one is refused with `POLICY_TOO_LARGE` before it
    /// is parsed. [`DEFAULT_MAX_BYTES`] unless set.
    pub max_bytes: usize,
    /// Actions and condition keys AWS released after the service catalog, accepted as if the
    /// catalog had them (added to the build's [`crate::extras::crate_wide`] ones). Empty unless set.
    pub extras: crate::extras::Extras,
}

impl Options {
    /// An identity policy (`PolicyType::Managed`), checked against the service catalog, read up
    /// to [`DEFAULT_MAX_BYTES`].
    #[must_use]
    pub const fn new() -> Self {
        Options {
            policy_type: PolicyType::Managed,
            catalog: true,
            max_bytes: DEFAULT_MAX_BYTES,
            extras: crate::extras::Extras::new(),
        }
    }

    /// The same options for a policy of type `policy_type` (its rules and size quota apply).
    #[must_use]
    pub const fn with_policy_type(mut self, policy_type: PolicyType) -> Self {
        self.policy_type = policy_type;
        self
    }

    /// The same options with the service-catalog checks on (`true`) or off.
    #[must_use]
    pub const fn with_catalog(mut self, catalog: bool) -> Self {
        self.catalog = catalog;
        self
    }

    /// The same options with a text of more than `max_bytes` bytes refused unread.
    #[must_use]
    pub const fn with_max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// The same options accepting `extras`: actions and condition keys AWS released after the
    /// service catalog (on top of the crate-wide ones).
    #[must_use]
    pub fn with_extras(mut self, extras: crate::extras::Extras) -> Self {
        self.extras = extras;
        self
    }
}

impl Default for Options {
    /// [`Options::new`].
    fn default() -> Self {
        Options::new()
    }
}

/// `POLICY_TOO_LARGE` when `text_len` bytes exceed the limit of `options`.
#[must_use]
pub fn check_size(text_len: usize, options: &Options) -> Option<crate::diagnostic::Diagnostic> {
    (text_len > options.max_bytes).then(|| {
        Finding::new(
            codes::POLICY_TOO_LARGE,
            format!(
                "the policy text is {text_len} bytes, over the limit of {} bytes",
                options.max_bytes
            ),
        )
        .with_help("AWS's largest policy quota is a few tens of kilobytes: check that this is a policy; raise `max_bytes` in the options to read it anyway")
        .at(JsonPath::root(), Loc::new(0, 0))
    })
}

/// The outcome of validation: the model (present unless the document's shape is unusable) and
/// every finding. The model may be lowered only when there is no error.
#[derive(Clone, Debug)]
pub struct Validated<'t> {
    /// The typed document, `None` when its shape is too broken to read.
    pub document: Option<Document<'t>>,
    /// Every finding, in the order of their place in the text.
    pub diagnostics: Diagnostics,
}

impl Validated<'_> {
    /// True when any finding is an error: the document must then not be lowered or used.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.diagnostics.has_errors()
    }
}

/// Validates a policy document.
#[must_use]
pub fn validate<'t>(root: &Node<'t>, options: &Options) -> Validated<'t> {
    let mut v = Validator::new(options);
    let tree_findings = policy::check_tree(&mut v, root);
    let document = policy::read_policy(&mut v, root, None);
    finish(v, document, tree_findings)
}

/// [`validate`] for a tree the caller gives up: each statement's part of it is freed as soon as
/// the statement is read, so that the tree and the document are never both held whole (the
/// document borrows only the text). The same findings, in the same order.
#[must_use]
pub fn validate_owned<'t>(mut root: Node<'t>, options: &Options) -> Validated<'t> {
    let mut v = Validator::new(options);
    let tree_findings = policy::check_tree(&mut v, &root);
    let statements = policy::take_statements(&mut root);
    let document = policy::read_policy(&mut v, &root, statements);
    drop(root);
    finish(v, document, tree_findings)
}

/// The checks across statements, then the findings sorted into document order.
fn finish<'t>(
    mut v: Validator,
    document: Option<Document<'t>>,
    tree_findings: Diagnostics,
) -> Validated<'t> {
    if let Some(document) = &document {
        policy::check_across(&mut v, document, tree_findings);
    }
    let mut diagnostics = v.diagnostics;
    diagnostics.sort();
    Validated {
        document,
        diagnostics,
    }
}

/// Collects findings as the reader walks the tree.
pub(crate) struct Validator {
    pub diagnostics: Diagnostics,
    pub options: Options,
    /// Unknown elements reported with a did-you-mean (`Resources` for `Resource`): the path of
    /// their object and the element suggested. That element is then not reported missing too.
    /// A set: one look-up per element asked about, whatever the number of statements.
    pub misspelt: HashSet<(JsonPath, &'static str)>,
    /// The distinct helps of the findings so far, each held once (a help repeated for every
    /// statement, such as the resource types of the statements' actions, costs one copy).
    pub helps: HashSet<std::sync::Arc<str>>,
}

impl Validator {
    fn new(options: &Options) -> Self {
        Validator {
            diagnostics: Diagnostics::new(),
            options: options.clone(),
            misspelt: HashSet::new(),
            helps: HashSet::new(),
        }
    }

    /// True when an unknown element of the object at `path` was reported as a misspelling of one
    /// of `names`.
    pub fn misspelt_any(&self, path: &JsonPath, names: &[&'static str]) -> bool {
        if self.misspelt.is_empty() {
            return false;
        }
        let mut key = (path.clone(), "");
        names.iter().any(|&name| {
            crate::work::add(crate::work::Counter::ElementLookups, 1);
            key.1 = name;
            self.misspelt.contains(&key)
        })
    }

    pub fn report(&mut self, finding: Finding, path: &JsonPath, loc: Loc) {
        let finding = finding.share_help(&mut self.helps);
        self.diagnostics.push(finding.at(path.clone(), loc));
    }

    /// `DATA_TYPE_MISMATCH` for a value of the wrong JSON type.
    pub fn type_mismatch(&mut self, node: &Node, expected: &str, path: &JsonPath, element: &str) {
        self.report(
            Finding::new(
                codes::DATA_TYPE_MISMATCH,
                // Backticks for an element name (input), not for a description (`a statement`).
                if element.starts_with(|c: char| c.is_ascii_lowercase()) {
                    format!(
                        "{element} must be {expected}, found {}",
                        article(node.value.type_name())
                    )
                } else {
                    format!(
                        "`{element}` must be {expected}, found {}",
                        article(node.value.type_name())
                    )
                },
            ),
            path,
            node.loc,
        );
    }
}

fn article(type_name: &str) -> String {
    match type_name {
        "array" | "object" => format!("an {type_name}"),
        "null" => "null".to_owned(),
        _ => format!("a {type_name}"),
    }
}
