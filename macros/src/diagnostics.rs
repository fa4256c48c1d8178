//! Findings as compiler output: errors as `compile_error!`, warnings and suggestions as uses of a
//! `#[deprecated]` constant (the one way a proc macro raises a real warning on stable Rust), each
//! at the span of the offending literal.

use iam_policy_core::diagnostic::{Diagnostic, Severity};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote_spanned};

/// `message [CODE]`, then `help: ...` and a note pointing at the code's explanation, each on its
/// own line.
pub fn text(diagnostic: &Diagnostic, prefix: &str) -> String {
    let code = diagnostic.code();
    let mut text = format!("{prefix}{} [{code}]", diagnostic.message());
    if let Some(help) = diagnostic.help() {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    text.push_str(&format!(
        "\nnote: run `iam-policy explain {code}`, or see `iam_policy::codes::{code}`"
    ));
    text
}

pub fn error(message: &str, span: Span) -> TokenStream {
    quote_spanned!(span=> ::core::compile_error! { #message };)
}

/// A warning: a statement that uses a deprecated constant named after the code.
pub fn warning(diagnostic: &Diagnostic, message: &str, span: Span) -> TokenStream {
    let name = format_ident!("{}", diagnostic.code(), span = span);
    let lint = if diagnostic.severity() == Severity::Suggestion {
        "suggestion: "
    } else {
        ""
    };
    let note = format!("{lint}{message}");
    quote_spanned! {span=>
        {
            #[deprecated(note = #note)]
            #[allow(non_upper_case_globals)]
            const #name: () = ();
            const _: () = #name;
        }
    }
}
