//! The `policy!` and `policy_file!` macros of `iam-policy`. Use them through the `iam-policy`
//! crate, which re-exports them: the expansion names `::iam_policy`.
//!
//! Thin by design: tokens (or a file) are read into the core's JSON tree, the core validates and
//! lowers it, and this crate turns the result into constant data, a specialized evaluator, and
//! compiler errors and warnings.
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod access;
mod allow;
mod codegen;
mod diagnostics;
mod emit;
#[cfg(test)]
mod expansion_size;
mod extras;
mod kind;
mod tokens;

use std::path::PathBuf;

use iam_policy_core::codes::Code;
use iam_policy_core::diagnostic::Diagnostic;
use iam_policy_core::extras::Extras;
use iam_policy_core::json::Node;
use iam_policy_core::location::{Loc, line_col};
use iam_policy_core::validate::{Options, PolicyType, validate};
use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as TokenStream2};
use quote::{format_ident, quote};

/// A policy document, written as JSON, checked at compile time: `policy!({ "Version": ... })`.
///
/// Expands to a `Policy` usable in `static` and `const` items. Anything IAM would reject, or that
/// cannot work, is a compile error at the offending literal; risky constructs are warnings.
///
/// An identity policy by default; another type is named first: `policy!(kind = S3Bucket, { .. })`
/// (any variant of `PolicyType`). Other options before the document, in any order: `allow(CODE)`
/// silences a warning for this policy; `extra_actions = ["newsvc:DoThing"]` and
/// `extra_keys = ["newsvc:Color"]` accept names AWS released after the service catalog.
#[proc_macro]
pub fn policy(input: TokenStream) -> TokenStream {
    let (leading, input) = match leading_options(input.into()) {
        Ok(split) => split,
        Err((message, span)) => return placeholder(diagnostics::error(&message, span)).into(),
    };
    let mut spans = tokens::Spans::default();
    match tokens::read(input, &mut spans) {
        Ok(root) => expand(
            &root,
            &leading,
            &|loc| spans.get(loc),
            &|_| String::new(),
            TokenStream2::new(),
        ),
        Err(error) => {
            let mut message = format!("{} [JSON_SYNTAX_ERROR]", error.message);
            if let Some(help) = &error.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            placeholder(diagnostics::error(&message, error.span))
        }
    }
    .into()
}

/// Fails the build when a policy can allow any of the given actions (on the given resources),
/// printing the request that proves it:
///
/// ```ignore
/// iam_policy::assert_access_not_granted!("policies/dev.json", actions = ["iam:*", "s3:Delete*"]);
/// iam_policy::assert_access_not_granted!(
///     "policies/sessions.json",
///     actions = ["ssm:TerminateSession"],
///     resources = ["arn:aws:ssm:*:*:session/bob-*"],
///     context = ["aws:username=alice"],
/// );
/// ```
///
/// The policy is a JSON file path relative to the crate's `Cargo.toml`, or the document in
/// braces. Usable where an item or a statement may stand. See `iam_policy::access`.
#[proc_macro]
pub fn assert_access_not_granted(input: TokenStream) -> TokenStream {
    access::not_granted(input.into()).into()
}

/// Fails the build when a policy allows any request that a reference policy does not, printing
/// one: `assert_no_new_access!("policies/new.json", reference = "policies/old.json")`.
#[proc_macro]
pub fn assert_no_new_access(input: TokenStream) -> TokenStream {
    access::no_new_access(input.into()).into()
}

/// Fails the build when a resource-based policy can allow a principal outside the trusted accounts
/// and organization, or an anonymous one, printing the request that proves it:
///
/// ```ignore
/// iam_policy::assert_no_public_access!(kind = S3Bucket, "policies/bucket.json");
/// iam_policy::assert_no_public_access!(
///     kind = S3Bucket,
///     "policies/bucket.json",
///     accounts = ["111122223333"],
///     org = "o-a1b2c3d4e5",
/// );
/// ```
///
/// `kind` comes first and names a type with a `Principal`. Without `accounts` and `org`, what the
/// policy names is trusted (IAM Access Analyzer's `CheckNoPublicAccess`). See
/// `iam_policy::access::no_public_access`.
#[proc_macro]
pub fn assert_no_public_access(input: TokenStream) -> TokenStream {
    access::no_public_access(input.into()).into()
}

/// A policy document read from a JSON file at compile time: `policy_file!("policies/x.json")`
/// or `policy_file!(kind = Trust, "policies/trust.json")` (the options of `policy!` all apply),
/// relative to the calling crate's `Cargo.toml`. The crate rebuilds when the file changes.
/// Findings point at the path, and name the line and column in the file.
#[proc_macro]
pub fn policy_file(input: TokenStream) -> TokenStream {
    policy_file_impl(input.into()).into()
}

/// What the options before the document say.
struct Leading {
    policy_type: PolicyType,
    allowed: Vec<Code>,
    extras: Extras,
}

/// The options before the document, in any order: `kind = TYPE,`, `allow(CODE, ...),`,
/// `extra_actions = [...],` and `extra_keys = [...],`.
fn leading_options(mut input: TokenStream2) -> Result<(Leading, TokenStream2), (String, Span)> {
    let mut leading = Leading {
        policy_type: PolicyType::default(),
        allowed: Vec::new(),
        extras: Extras::new(),
    };
    let mut kind_seen = false;
    loop {
        let tokens: Vec<proc_macro2::TokenTree> = input.clone().into_iter().collect();
        if extras::starts(&tokens) {
            input = extras::split(&tokens, &mut leading.extras)?;
            continue;
        }
        let (allowed, rest) = allow::split(input)?;
        if !allowed.is_empty() {
            leading.allowed.extend(allowed);
            input = rest;
            continue;
        }
        input = rest;
        let is_kind =
            matches!(tokens.first(), Some(proc_macro2::TokenTree::Ident(i)) if i == "kind");
        if is_kind && !kind_seen {
            let (policy_type, rest) = kind::split(input)?;
            leading.policy_type = policy_type;
            kind_seen = true;
            input = rest;
            continue;
        }
        return Ok((leading, input));
    }
}

fn policy_file_impl(input: TokenStream2) -> TokenStream2 {
    let (leading, input) = match leading_options(input) {
        Ok(split) => split,
        Err((message, span)) => return placeholder(diagnostics::error(&message, span)),
    };
    let literal: syn::LitStr = match syn::parse2(input) {
        Ok(literal) => literal,
        Err(error) => {
            return placeholder(diagnostics::error(
                "expected the path of a JSON policy file: `policy_file!(\"policies/x.json\")`",
                error.span(),
            ));
        }
    };
    let span = literal.span();
    let relative = literal.value();
    let base = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    let path = base.join(&relative);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            // The crate's name rather than the absolute path: the message stays the same wherever
            // the project is checked out or built.
            let krate = std::env::var("CARGO_PKG_NAME").unwrap_or_default();
            let message = format!(
                "cannot read the policy file `{relative}`: {error}\nhelp: the path is relative to \
                 the directory of the `Cargo.toml` of the crate `{krate}`, not to the source file"
            );
            return placeholder(diagnostics::error(&message, span));
        }
    };
    let path_text = path.to_string_lossy().into_owned();
    let track = quote!(
        const _: &[u8] = ::core::include_bytes!(#path_text);
    );
    let root = match iam_policy_core::json::parse(&text) {
        Ok(root) => root,
        Err(error) => {
            let (line, column) = line_col(&text, error.offset);
            let message = format!(
                "{relative}:{line}:{column}: {} [JSON_SYNTAX_ERROR]",
                error.message
            );
            let error = diagnostics::error(&message, span);
            return placeholder(quote!(#track #error));
        }
    };
    let position = |loc: Loc| {
        let (line, column) = line_col(&text, loc.start as usize);
        format!("{relative}:{line}:{column}: ")
    };
    expand(&root, &leading, &|_| span, &position, track)
}

/// Validates and expands a document; `span_of` places findings, `prefix_of` names their position
/// when the span cannot (a file).
fn expand(
    root: &Node,
    leading: &Leading,
    span_of: &dyn Fn(Loc) -> Span,
    prefix_of: &dyn Fn(Loc) -> String,
    extra: TokenStream2,
) -> TokenStream2 {
    let policy_type = leading.policy_type;
    let allowed = &leading.allowed;
    let options = Options::new()
        .with_policy_type(policy_type)
        .with_extras(leading.extras.clone());
    let validated = validate(root, &options);
    let report = |d: &Diagnostic| {
        let text = diagnostics::text(d, &prefix_of(d.loc));
        let span = span_of(d.loc);
        if d.is_error() {
            diagnostics::error(&text, span)
        } else {
            diagnostics::warning(d, &text, span)
        }
    };
    // `allow(CODE)` silences that warning or suggestion for this policy (errors cannot be named).
    let findings: Vec<TokenStream2> = validated
        .diagnostics
        .iter()
        .filter(|d| !allowed.iter().any(|code| code.name() == d.code()))
        .map(report)
        .collect();
    let document = match validated.document {
        Some(document) if !validated.diagnostics.has_errors() => document,
        _ => return placeholder(quote!(#extra #(#findings)*)),
    };
    let mut compiled = iam_policy_core::lower::lower(document, root);
    // The declared `no-resource` actions travel with the policy to the request check (D38).
    compiled.no_resource_actions = leading
        .extras
        .no_resource_actions()
        .filter(|name| iam_policy_core::extras::may_act_on_no_resource(name))
        .map(|name| std::borrow::Cow::Owned(name.to_owned()))
        .collect::<Vec<_>>()
        .into();
    let tables: Vec<syn::Ident> = (0..compiled.statements.len())
        .map(|i| format_ident!("__IAM_POLICY_ACTIONS_{i}"))
        .collect();
    let action_tables = emit::action_tables(&compiled, &tables);
    let data = emit::compiled(&compiled, &tables);
    let name = format_ident!("__iam_policy_evaluate");
    let kind = format_ident!("{}", policy_type.rust_name());
    let evaluator = codegen::evaluator(&compiled, &name, &tables);
    let aliases = emit::aliases();
    quote! {{
        use ::iam_policy::__private as p;
        #aliases
        #extra
        #(#findings)*
        #action_tables
        #evaluator
        ::iam_policy::Policy::__from_expansion(#data, #name, ::iam_policy::PolicyType::#kind)
    }}
}

/// After errors: the errors, and a well-typed `Policy` so that nothing else fails.
fn placeholder(errors: TokenStream2) -> TokenStream2 {
    quote! {{
        #errors
        ::iam_policy::Policy::__placeholder()
    }}
}
