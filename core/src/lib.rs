//! Shared core of `iam-policy`.
//!
//! Used by `iam-policy-macros` at compile time and by `iam-policy` at run time, so that `policy!`,
//! `Policy::from_json` and the command-line tool read, validate, lower and evaluate policies with one
//! implementation. Nothing here depends on the proc-macro machinery.
//!
//! Data flow: a reader builds a [`json::Node`] tree (the text reader here, the token reader in the
//! macro crate); [`validate::validate`] turns it into a [`validate::Document`] and findings;
//! [`lower::lower`] turns an error-free document into a [`compiled::CompiledPolicy`], which
//! [`interpret`] evaluates (run-time policies) and the macro expands into specialized code.
//! The whole map, module by module, is the repository's
//! [`docs/architecture.md`](https://github.com/iam-policy/iam-policy/blob/main/docs/architecture.md);
//! the rules [`eval`] and [`interpret`] follow are
//! [`docs/semantics.md`](https://github.com/iam-policy/iam-policy/blob/main/docs/semantics.md).

#![warn(missing_docs)]
#![forbid(unsafe_code)]

pub mod access;
pub mod access_analyzer;
pub mod action_index;
#[cfg(feature = "catalog")]
pub mod catalog;
pub mod codes;
pub mod compiled;
#[cfg(test)]
mod complexity_tests;
pub mod diagnostic;
pub mod eval;
pub mod export;
pub mod extras;
pub mod fold;
pub mod interpret;
pub mod json;
pub mod lines;
pub mod location;
pub mod lower;
pub mod operator;
pub mod pattern;
pub mod principal;
pub mod request_check;
pub mod suggest;
pub mod validate;
pub mod values;
pub mod why_not;
pub mod words;
pub mod work;

use diagnostic::{Diagnostics, Finding};
use location::{JsonPath, Loc};

/// Reads, validates and lowers a JSON text (refusing one over `options.max_bytes` unread). `Err` carries every finding when any is an error;
/// `Ok` carries the compiled policy and the findings below error (warnings, suggestions).
pub fn compile_text(
    text: &str,
    options: &validate::Options,
) -> Result<(compiled::CompiledPolicy, Diagnostics), Diagnostics> {
    if let Some(too_large) = validate::check_size(text.len(), options) {
        let mut diagnostics = Diagnostics::new();
        diagnostics.push(too_large);
        return Err(diagnostics);
    }
    let root = match json::parse(text) {
        Ok(root) => root,
        Err(error) => {
            let mut diagnostics = Diagnostics::new();
            let offset = error.offset as u32;
            diagnostics.push(syntax_finding(&error).at(JsonPath::root(), Loc::new(offset, offset)));
            return Err(diagnostics);
        }
    };
    // The tree is given up: it is freed statement by statement as the document is read, the
    // statements are then moved out of the document, and the export is written from the text.
    // Peak memory is about the document's, not the tree's and the document's and the result's.
    let validated = validate::validate_owned(root, options);
    match validated.document {
        Some(document) if !validated.diagnostics.has_errors() => {
            let mut compiled = lower::lower_statements(document, std::borrow::Cow::Borrowed(""));
            compiled.source = std::borrow::Cow::Owned(export::compact_text(text));
            compiled.no_resource_actions = no_resource_actions(options);
            Ok((compiled, validated.diagnostics))
        }
        _ => Err(validated.diagnostics),
    }
}

/// Validates and lowers a JSON tree.
pub fn compile_tree(
    root: &json::Node,
    options: &validate::Options,
) -> Result<(compiled::CompiledPolicy, Diagnostics), Diagnostics> {
    let validated = validate::validate(root, options);
    match validated.document {
        Some(document) if !validated.diagnostics.has_errors() => {
            let mut compiled = lower::lower(document, root);
            compiled.no_resource_actions = no_resource_actions(options);
            Ok((compiled, validated.diagnostics))
        }
        _ => Err(validated.diagnostics),
    }
}

/// The options' extra actions declared `no-resource`, which travel with the compiled policy
/// (decision D38); the build's are known to the request check without it.
fn no_resource_actions(options: &validate::Options) -> compiled::List<compiled::Str> {
    let actions: Vec<compiled::Str> = options
        .extras
        .no_resource_actions()
        .filter(|name| extras::may_act_on_no_resource(name))
        .map(|name| std::borrow::Cow::Owned(name.to_owned()))
        .collect();
    if actions.is_empty() {
        std::borrow::Cow::Borrowed(&[])
    } else {
        std::borrow::Cow::Owned(actions)
    }
}

/// The finding of a syntax error. Its position is the diagnostic's location, which every
/// rendering prints: the message does not repeat it.
fn syntax_finding(error: &json::SyntaxError) -> Finding {
    Finding::new(codes::JSON_SYNTAX_ERROR, error.message.clone()).with_help(
        "fix the JSON syntax: IAM accepts strict JSON only (no comments, no trailing commas)",
    )
}
