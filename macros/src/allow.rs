//! The optional `allow(CODE, ...),` before the document: `policy!(allow(MISSING_VERSION), { .. })`
//! silences those warnings and suggestions for this one policy, leaving every other finding (and
//! every other policy of the crate) as it is. Errors cannot be allowed: IAM rejects the policy.

use iam_policy_core::codes::{self, Code};
use iam_policy_core::diagnostic::Severity;
use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};

/// The codes named by a leading `allow(...)`, and the rest of the input. An unknown code (with a
/// did-you-mean) or an error code is an error at its name.
pub fn split(input: TokenStream) -> Result<(Vec<Code>, TokenStream), (String, Span)> {
    let tokens: Vec<TokenTree> = input.clone().into_iter().collect();
    let (Some(TokenTree::Ident(word)), Some(TokenTree::Group(group))) =
        (tokens.first(), tokens.get(1))
    else {
        return Ok((Vec::new(), input));
    };
    if word != "allow" || group.delimiter() != Delimiter::Parenthesis {
        return Ok((Vec::new(), input));
    }
    let mut allowed = Vec::new();
    let mut expect_name = true;
    for token in group.stream() {
        match token {
            TokenTree::Ident(name) if expect_name => {
                allowed.push(code(&name.to_string(), name.span())?);
                expect_name = false;
            }
            TokenTree::Punct(p) if p.as_char() == ',' && !expect_name => expect_name = true,
            other => {
                return Err((
                    "expected the codes to allow, separated by commas: `allow(MISSING_VERSION, RESOURCE_MISMATCH)`".to_owned(),
                    other.span(),
                ));
            }
        }
    }
    if allowed.is_empty() {
        return Err((
            "expected at least one code to allow: `allow(MISSING_VERSION)`".to_owned(),
            group.span(),
        ));
    }
    if !matches!(tokens.get(2), Some(TokenTree::Punct(p)) if p.as_char() == ',') {
        return Err((
            "expected `,` and the policy document after `allow(...)`: `policy!(allow(MISSING_VERSION), { .. })`".to_owned(),
            group.span_close(),
        ));
    }
    Ok((allowed, tokens[3..].iter().cloned().collect()))
}

/// The registry's code of that name, if it can be allowed.
fn code(name: &str, span: Span) -> Result<Code, (String, Span)> {
    let Some(code) = codes::lookup(name).filter(|c| c.name() == name) else {
        let names = codes::ALL.iter().map(|c| c.name());
        let help = match iam_policy_core::suggest::closest(name, names) {
            Some(close) => format!("did you mean `{close}`?"),
            None => "`iam-policy explain --list` lists the codes".to_owned(),
        };
        return Err((
            format!("`{name}` is not a diagnostic code\nhelp: {help}"),
            span,
        ));
    };
    if code.severity() == Severity::Error {
        return Err((
            format!(
                "`{name}` is an error, which cannot be allowed: IAM would reject the policy\nhelp: fix the policy; only warnings and suggestions can be allowed"
            ),
            span,
        ));
    }
    Ok(code)
}
