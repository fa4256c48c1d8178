//! `assert_access_not_granted!`, `assert_no_new_access!` and `assert_no_public_access!`: access
//! questions answered when the crate compiles, failing the build with the request that proves
//! the failure.
//!
//! Input: a policy (a JSON file path relative to the crate's `Cargo.toml`, or the JSON itself in
//! braces; `assert_no_public_access!` takes `kind = S3Bucket,` first, as `policy!` does), then
//! `name = value` arguments: `actions = ["iam:*"]`, `resources = ["arn:..."]`,
//! `context = ["aws:username=alice"]`, `reference = "old.json"` (or `{...}`),
//! `accounts = ["111122223333"]`, `org = "o-..."`.

use std::path::PathBuf;

use iam_policy_core::access::{self, Answer, KeyValue, Query, Trust};
use iam_policy_core::compiled::CompiledPolicy;
use iam_policy_core::validate::{Options, PolicyType};
use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use quote::quote;

use crate::diagnostics;

/// A policy argument: its description for messages, and its compiled form.
struct Source {
    name: String,
    policy: CompiledPolicy,
    track: TokenStream,
}

struct Arguments {
    policy: Source,
    named: Vec<(String, Span, Vec<TokenTree>)>,
    span: Span,
}

type Failure = (String, Span);

pub fn not_granted(input: TokenStream) -> TokenStream {
    expand(input, PolicyType::default(), |args| {
        let actions = strings(args, "actions")?.unwrap_or_default();
        let resources = strings(args, "resources")?.unwrap_or_default();
        let context = strings(args, "context")?.unwrap_or_default();
        let actions_ref: Vec<&str> = actions.iter().map(String::as_str).collect();
        if actions_ref.is_empty() {
            return Err((
                "name the actions: `actions = [\"iam:*\"]`".to_owned(),
                args.span,
            ));
        }
        let resources_ref: Vec<&str> = resources.iter().map(String::as_str).collect();
        let mut query = Query::parse(&actions_ref, &resources_ref).map_err(|f| {
            let mut message = f.message;
            if let Some(help) = f.help {
                message.push_str("\nhelp: ");
                message.push_str(&help);
            }
            (message, args.span)
        })?;
        for pair in &context {
            let Some((key, value)) = pair.split_once('=') else {
                return Err((
                    format!("`{pair}` is not `KEY=VALUE`, such as `aws:username=alice`"),
                    args.span,
                ));
            };
            let value = match query.context.lookup(key) {
                Some(KeyValue::One(first)) => KeyValue::Set(vec![first.clone(), value.to_owned()]),
                Some(KeyValue::Set(values)) => {
                    let mut values = values.clone();
                    values.push(value.to_owned());
                    KeyValue::Set(values)
                }
                None => KeyValue::One(value.to_owned()),
            };
            query.context.set(key.trim(), value);
        }
        let asked = actions
            .iter()
            .map(|a| format!("`{a}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let name = &args.policy.name;
        Ok(match access::not_granted(&args.policy.policy, &query) {
            Answer::Holds => None,
            Answer::Fails(w) => Some(format!(
                "{name} allows {asked}: it allows the request {w}\nhelp: remove or narrow the \
                 statement that allows it, or add a `Deny`"
            )),
            Answer::Unknown(reason) => Some(format!(
                "cannot prove that {name} allows none of {asked}: {reason}\nhelp: fix the \
                 variable's key with `context = [\"KEY=VALUE\"]`, or simplify the condition"
            )),
        }
        .map_or((None, TokenStream::new()), |m| {
            (Some(m), TokenStream::new())
        }))
    })
}

pub fn no_new_access(input: TokenStream) -> TokenStream {
    expand(input, PolicyType::default(), |args| {
        let Some((_, span, tokens)) = args.named.iter().find(|(n, _, _)| n == "reference") else {
            return Err((
                "name the reference policy: `reference = \"policies/old.json\"`".to_owned(),
                args.span,
            ));
        };
        let mut reference = source(tokens, *span, PolicyType::default())?;
        if reference.name == "the policy" {
            reference.name = "the reference policy".to_owned();
        }
        let (name, reference_name) = (&args.policy.name, &reference.name);
        let answer = access::no_new_access(&args.policy.policy, &reference.policy);
        Ok(match answer {
            Answer::Holds => None,
            Answer::Fails(w) => Some(format!(
                "{name} allows more than {reference_name}: it allows the request {w}, which \
                 {reference_name} does not\nhelp: narrow the policy, or update the reference if \
                 the new access is intended"
            )),
            Answer::Unknown(reason) => Some(format!(
                "cannot prove that {name} allows nothing that {reference_name} does not: {reason}"
            )),
        })
        .map(|message| (message, reference.track))
    })
}

pub fn no_public_access(input: TokenStream) -> TokenStream {
    let (policy_type, input) = match crate::kind::split(input) {
        Ok(split) => split,
        Err((message, span)) => return error(&message, span),
    };
    if !policy_type.has_principals() {
        return error(
            "name the kind of the resource-based policy first: `assert_no_public_access!(kind = S3Bucket, \"policies/bucket.json\")`",
            Span::call_site(),
        );
    }
    expand(input, policy_type, |args| {
        let accounts = strings(args, "accounts")?.unwrap_or_default();
        let org = match strings(args, "org")? {
            None => None,
            Some(values) => match values.as_slice() {
                [one] => Some(one.clone()),
                _ => {
                    return Err((
                        "`org` takes one organization: `org = \"o-a1b2c3d4e5\"`".to_owned(),
                        args.span,
                    ));
                }
            },
        };
        let accounts_ref: Vec<&str> = accounts.iter().map(String::as_str).collect();
        let trust = Trust::parse(&accounts_ref, org.as_deref()).map_err(|f| {
            // At the argument in error.
            let argument = if f.message.contains("organization") {
                "org"
            } else {
                "accounts"
            };
            let span = args
                .named
                .iter()
                .find(|(n, _, _)| n == argument)
                .and_then(|(_, _, tokens)| tokens.first().map(TokenTree::span))
                .unwrap_or(args.span);
            let mut message = f.message;
            if let Some(help) = f.help {
                message.push_str("\nhelp: ");
                message.push_str(&help);
            }
            (message, span)
        })?;
        let listed = |items: &[String]| {
            items
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let outside = match (accounts.is_empty(), &org) {
            (true, None) => "anyone it does not name".to_owned(),
            (false, None) => format!("a principal outside {}", listed(&accounts)),
            (true, Some(org)) => format!("a principal outside `{org}`"),
            (false, Some(org)) => format!("a principal outside {} and `{org}`", listed(&accounts)),
        };
        let name = &args.policy.name;
        Ok(
            match access::no_public_access(&args.policy.policy, &trust) {
                Answer::Holds => None,
                Answer::Fails(w) => Some(format!(
                    "{name} allows access to {outside}: it allows the request {w}\nhelp: name the \
                 principals, or restrict `*` with a condition on `aws:PrincipalOrgID`, \
                 `aws:PrincipalAccount` or (for a service principal) `aws:SourceAccount`"
                )),
                Answer::Unknown(reason) => Some(format!(
                    "cannot prove that {name} allows no access to {outside}: {reason}"
                )),
            }
            .map_or((None, TokenStream::new()), |m| {
                (Some(m), TokenStream::new())
            }),
        )
    })
}

fn expand(
    input: TokenStream,
    policy_type: PolicyType,
    check: impl FnOnce(&Arguments) -> Result<(Option<String>, TokenStream), Failure>,
) -> TokenStream {
    let args = match arguments(input, policy_type) {
        Ok(args) => args,
        Err((message, span)) => return error(&message, span),
    };
    let track = &args.policy.track;
    match check(&args) {
        Ok((None, more)) => quote!(#track #more const _: () = ();),
        Ok((Some(message), more)) => {
            let error = error(&message, args.span);
            quote!(#track #more #error)
        }
        Err((message, span)) => {
            let error = error(&message, span);
            quote!(#track #error)
        }
    }
}

/// `compile_error!{..}` without a trailing `;`, valid as an item and as a statement.
fn error(message: &str, span: Span) -> TokenStream {
    quote::quote_spanned!(span=> ::core::compile_error! { #message })
}

fn arguments(input: TokenStream, policy_type: PolicyType) -> Result<Arguments, Failure> {
    let mut chunks: Vec<Vec<TokenTree>> = vec![Vec::new()];
    for tree in input {
        match &tree {
            TokenTree::Punct(p) if p.as_char() == ',' => chunks.push(Vec::new()),
            _ => chunks.last_mut().expect("one chunk").push(tree),
        }
    }
    if chunks.last().is_some_and(Vec::is_empty) {
        chunks.pop();
    }
    let mut chunks = chunks.into_iter();
    let first = chunks.next().unwrap_or_default();
    let span = first
        .first()
        .map(TokenTree::span)
        .unwrap_or_else(Span::call_site);
    let policy = source(&first, span, policy_type)?;
    let mut named = Vec::new();
    for chunk in chunks {
        match chunk.as_slice() {
            [TokenTree::Ident(name), TokenTree::Punct(eq), rest @ ..] if eq.as_char() == '=' => {
                let name_text = name.to_string();
                const KNOWN: [&str; 6] = [
                    "actions",
                    "resources",
                    "context",
                    "reference",
                    "accounts",
                    "org",
                ];
                if !KNOWN.contains(&name_text.as_str()) {
                    return Err((
                        format!(
                            "unknown argument `{name_text}`: expected `actions`, `resources`, `context`, `reference`, `accounts` or `org`"
                        ),
                        name.span(),
                    ));
                }
                named.push((name_text, name.span(), rest.to_vec()));
            }
            other => {
                let span = other
                    .first()
                    .map(TokenTree::span)
                    .unwrap_or_else(Span::call_site);
                return Err((
                    "expected `name = value`, such as `actions = [\"iam:*\"]`".to_owned(),
                    span,
                ));
            }
        }
    }
    Ok(Arguments {
        policy,
        named,
        span,
    })
}

/// A policy: a string literal (a file path) or a braced JSON document.
fn source(tokens: &[TokenTree], span: Span, policy_type: PolicyType) -> Result<Source, Failure> {
    let options = Options::new().with_policy_type(policy_type);
    match tokens {
        [TokenTree::Group(group)] if group.delimiter() == Delimiter::Brace => {
            let mut spans = crate::tokens::Spans::default();
            let stream: TokenStream = TokenTree::Group(group.clone()).into();
            let root = crate::tokens::read(stream, &mut spans)
                .map_err(|e| (format!("{} [JSON_SYNTAX_ERROR]", e.message), e.span))?;
            let policy =
                compile_tree(&root, "the policy", &options).map_err(|m| (m, group.span()))?;
            Ok(Source {
                name: "the policy".to_owned(),
                policy,
                track: TokenStream::new(),
            })
        }
        [TokenTree::Literal(_)] => {
            let literal: syn::LitStr = syn::parse2(tokens[0].clone().into())
                .map_err(|_| ("expected a file path or a `{...}` policy".to_owned(), span))?;
            let relative = literal.value();
            let base = std::env::var_os("CARGO_MANIFEST_DIR")
                .map(PathBuf::from)
                .unwrap_or_default();
            let path = base.join(&relative);
            let text = std::fs::read_to_string(&path).map_err(|error| {
                (
                    format!(
                        "cannot read the policy file `{relative}`: {error}\nhelp: the path is relative to the directory of the crate's Cargo.toml"
                    ),
                    literal.span(),
                )
            })?;
            let name = format!("`{relative}`");
            let policy = match iam_policy_core::compile_text(&text, &options) {
                Ok((policy, _)) => policy,
                Err(diagnostics) => return Err((invalid(&name, &diagnostics), literal.span())),
            };
            let path_text = path.to_string_lossy().into_owned();
            Ok(Source {
                name,
                policy,
                track: quote!(const _: &[u8] = ::core::include_bytes!(#path_text);),
            })
        }
        _ => Err((
            "expected a policy: a JSON file path such as `\"policies/dev.json\"`, or the document in braces".to_owned(),
            span,
        )),
    }
}

fn compile_tree(
    root: &iam_policy_core::json::Node,
    name: &str,
    options: &Options,
) -> Result<CompiledPolicy, String> {
    iam_policy_core::compile_tree(root, options)
        .map(|(policy, _)| policy)
        .map_err(|diagnostics| invalid(name, &diagnostics))
}

fn invalid(name: &str, diagnostics: &iam_policy_core::diagnostic::Diagnostics) -> String {
    let first = diagnostics
        .iter()
        .find(|d| d.is_error())
        .map(|d| diagnostics::text(d, ""))
        .unwrap_or_default();
    format!("{name} is not a valid policy: {first}")
}

/// A `name = ["a", "b"]` (or `name = "a"`) argument.
fn strings(args: &Arguments, name: &str) -> Result<Option<Vec<String>>, Failure> {
    let Some((_, span, tokens)) = args.named.iter().find(|(n, _, _)| n == name) else {
        return Ok(None);
    };
    let literal = |tree: &TokenTree| -> Result<String, Failure> {
        syn::parse2::<syn::LitStr>(tree.clone().into())
            .map(|l| l.value())
            .map_err(|_| (format!("`{name}` takes string literals"), tree.span()))
    };
    match tokens.as_slice() {
        [TokenTree::Group(group)] if group.delimiter() == Delimiter::Bracket => group
            .stream()
            .into_iter()
            .filter(|t| !matches!(t, TokenTree::Punct(p) if p.as_char() == ','))
            .map(|t| literal(&t))
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        [one] => literal(one).map(|s| Some(vec![s])),
        _ => Err((
            format!("`{name}` takes a list of strings: `{name} = [\"...\"]`"),
            *span,
        )),
    }
}
