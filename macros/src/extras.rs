//! The optional `extra_actions = ["newsvc:DoThing"],` and `extra_keys = ["newsvc:Color"],` before
//! the document: actions and condition keys AWS released after the service catalog, accepted for
//! this one policy (everything else is still checked). Each name is syntax-checked at its literal.

use iam_policy_core::extras::Extras;
use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};

/// Whether the input starts with `extra_actions =` or `extra_keys =`.
pub fn starts(tokens: &[TokenTree]) -> bool {
    matches!(tokens.first(), Some(TokenTree::Ident(i)) if i == "extra_actions" || i == "extra_keys")
        && matches!(tokens.get(1), Some(TokenTree::Punct(p)) if p.as_char() == '=')
}

/// Reads one leading `extra_actions = [...]` or `extra_keys = [...]` into `extras`, and returns
/// the rest of the input. Call when [`starts`] holds.
pub fn split(tokens: &[TokenTree], extras: &mut Extras) -> Result<TokenStream, (String, Span)> {
    let option = tokens[0].to_string();
    let example = if option == "extra_actions" {
        "`extra_actions = [\"newsvc:DoThing\"]`"
    } else {
        "`extra_keys = [\"newsvc:Color\"]`"
    };
    let Some(TokenTree::Group(list)) = tokens
        .get(2)
        .filter(|t| matches!(t, TokenTree::Group(g) if g.delimiter() == Delimiter::Bracket))
    else {
        return Err((
            format!("expected a list of names in brackets after `{option} =`: {example}"),
            tokens.get(2).unwrap_or(&tokens[1]).span(),
        ));
    };
    let mut expect_name = true;
    let mut count = 0;
    for token in list.stream() {
        match token {
            TokenTree::Literal(literal) if expect_name => {
                let span = literal.span();
                let name: syn::LitStr = syn::parse2(TokenTree::Literal(literal).into())
                    .map_err(|_| (format!("expected a string: {example}"), span))?;
                let added = if option == "extra_actions" {
                    extras.add_action(&name.value())
                } else {
                    extras.add_key(&name.value())
                };
                added
                    .map_err(|error| (format!("{}\nhelp: {}", error.message, error.help), span))?;
                count += 1;
                expect_name = false;
            }
            TokenTree::Punct(p) if p.as_char() == ',' && !expect_name => expect_name = true,
            other => {
                return Err((
                    format!("expected names in quotes, separated by commas: {example}"),
                    other.span(),
                ));
            }
        }
    }
    if count == 0 {
        return Err((
            format!("expected at least one name: {example}"),
            list.span(),
        ));
    }
    if !matches!(tokens.get(3), Some(TokenTree::Punct(p)) if p.as_char() == ',') {
        return Err((
            format!("expected `,` and the policy document after `{option} = [...]`"),
            list.span_close(),
        ));
    }
    Ok(tokens[4..].iter().cloned().collect())
}
