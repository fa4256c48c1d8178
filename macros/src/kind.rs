//! The optional `kind = TYPE,` before the document: `policy!(kind = S3Bucket, { .. })`.

use iam_policy_core::validate::PolicyType;
use proc_macro2::{Span, TokenStream, TokenTree};

/// The policy type named at the start of the input (default: an identity policy), and the rest of
/// the input. An unknown type is an error at its name, with a did-you-mean.
pub fn split(input: TokenStream) -> Result<(PolicyType, TokenStream), (String, Span)> {
    let tokens: Vec<TokenTree> = input.clone().into_iter().collect();
    let starts_with_kind = matches!(tokens.first(), Some(TokenTree::Ident(i)) if i == "kind")
        && matches!(tokens.get(1), Some(TokenTree::Punct(p)) if p.as_char() == '=');
    if !starts_with_kind {
        return Ok((PolicyType::default(), input));
    }
    // `kind = S3Bucket` or `kind = PolicyType::S3Bucket` (any path: its last name counts).
    let mut index = 2;
    let mut name = None;
    while let Some(token) = tokens.get(index) {
        match token {
            TokenTree::Ident(ident) => name = Some(ident.clone()),
            TokenTree::Punct(p) if p.as_char() == ':' => {}
            TokenTree::Punct(p) if p.as_char() == ',' => break,
            other if name.is_some() => {
                return Err((
                    "expected `,` and the policy document after the policy type: `policy!(kind = S3Bucket, { .. })`".to_owned(),
                    other.span(),
                ));
            }
            other => {
                return Err((
                    "expected a policy type after `kind =`, such as `kind = S3Bucket`".to_owned(),
                    other.span(),
                ));
            }
        }
        index += 1;
    }
    let Some(name) = name else {
        return Err((
            "expected a policy type after `kind =`, such as `kind = S3Bucket`".to_owned(),
            tokens[1].span(),
        ));
    };
    if !matches!(tokens.get(index), Some(TokenTree::Punct(p)) if p.as_char() == ',') {
        return Err((
            "expected `,` and the policy document after the policy type: `policy!(kind = S3Bucket, { .. })`".to_owned(),
            name.span(),
        ));
    }
    let text = name.to_string();
    let Some(policy_type) = PolicyType::from_rust_name(&text) else {
        let names = PolicyType::ALL.map(PolicyType::rust_name);
        let help = match iam_policy_core::suggest::closest(&text, names) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!(
                "the policy types are {}",
                names.map(|n| format!("`{n}`")).join(", ")
            ),
        };
        return Err((
            format!("`{text}` is not a policy type\nhelp: {help}"),
            name.span(),
        ));
    };
    Ok((policy_type, tokens[index + 1..].iter().cloned().collect()))
}
