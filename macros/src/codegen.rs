//! The specialized evaluator: straight-line Rust for each pattern of one policy
//! (`docs/architecture.md`, step 4a).
//!
//! Literal runs become constant compares, a `*` becomes a search for the next literal, variables
//! are read from the request and compared in place. What is not about a pattern's shape (the
//! condition rules of missing keys, sets and negation; parsing request numbers, dates, addresses)
//! is the core's [`iam_policy_core::eval`], shared with the interpreter so that both paths follow
//! one definition of the semantics.

use std::cell::Cell;

use iam_policy_core::compiled::{
    ActionPattern, ArnPattern, CompiledPolicy, Condition, ConditionValues, Effect, Glob,
    ResourcePattern, Segment, Statement,
};
use iam_policy_core::operator::Comparison;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

use crate::emit;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Sensitive,
    Insensitive,
}

impl Case {
    fn tokens(self) -> TokenStream {
        match self {
            Case::Sensitive => quote!(p::pattern::Case::Sensitive),
            Case::Insensitive => quote!(p::pattern::Case::Insensitive),
        }
    }
}

/// Hands out unique names for labels and constants within one expansion.
#[derive(Default)]
struct Names(Cell<usize>);

impl Names {
    fn next(&self) -> usize {
        let n = self.0.get();
        self.0.set(n + 1);
        n
    }
    fn label(&self) -> syn::Lifetime {
        syn::Lifetime::new(&format!("'g{}", self.next()), Span::call_site())
    }
    fn constant(&self) -> syn::Ident {
        format_ident!("PIECE_{}", self.next())
    }
}

/// Blocks of more action patterns than this are matched through the action index (a hash and a
/// binary search over integers, [`iam_policy_core::action_index`]) rather than unrolled into
/// compares. The same bound as the index's own: a smaller block has no index and is scanned.
const UNROLLED_ACTIONS: usize = iam_policy_core::action_index::SCANNED;

/// `fn(&Request) -> Outcome` for the policy, as an item named `name`. `action_tables[i]` names
/// the constant holding statement `i`'s sorted action patterns (see [`emit::action_tables`]).
pub fn evaluator(
    policy: &CompiledPolicy,
    name: &syn::Ident,
    action_tables: &[syn::Ident],
) -> TokenStream {
    let names = Names::default();
    let indexed: Vec<(usize, &Statement)> = policy.statements.iter().enumerate().collect();
    // Deny first: a Deny that applies decides at once; then the first Allow that applies.
    let denies = indexed.iter().filter(|(_, s)| s.effect == Effect::Deny).map(|(i, s)| {
        let applies = statement(s, &action_tables[*i], &names);
        quote!(if #applies { return p::Outcome { decision: p::Decision::ExplicitlyDenied, statement: ::core::option::Option::Some(#i) }; })
    });
    let allows = indexed.iter().filter(|(_, s)| s.effect == Effect::Allow).map(|(i, s)| {
        let applies = statement(s, &action_tables[*i], &names);
        quote!(if #applies { return p::Outcome { decision: p::Decision::Allowed, statement: ::core::option::Option::Some(#i) }; })
    });
    quote! {
        #[allow(unused_mut, unused_variables, unused_labels, unreachable_code, clippy::all, clippy::pedantic)]
        fn #name(req: &::iam_policy::Request<'_>) -> p::Outcome {
            let action: &str = req.action();
            let action_bytes: &[u8] = action.as_bytes();
            // Unrolled compares fold ASCII case only; a non-ASCII action goes to the index, which
            // folds Unicode case as the interpreter does.
            let ascii: bool = action.is_ascii();
            // Split and hashed at the first search of a large block, once per decision.
            let action_key = p::action_index::ActionKey::new(action);
            let resource: &str = req.resource();
            #(#denies)*
            #(#allows)*
            p::Outcome::IMPLICIT_DENY
        }
    }
}

fn statement(s: &Statement, action_table: &syn::Ident, names: &Names) -> TokenStream {
    let actions = actions(&s.actions.patterns, s.actions.negated, action_table);
    let effect = match s.effect {
        Effect::Allow => quote!(p::Effect::Allow),
        Effect::Deny => quote!(p::Effect::Deny),
    };
    let resources = resources(&s.resources.patterns, s.resources.negated, &effect, names);
    let conditions = s.conditions.iter().map(|c| condition(c, &effect, names));
    let principals = s.principals.iter().map(|pr| principals(pr, s.effect));
    quote!((#actions) #(&& #principals)* && (#resources) #(&& (#conditions))*)
}

/// `Principal`/`NotPrincipal`: the core's matcher over constant data (section 9.3).
fn principals(pr: &iam_policy_core::compiled::Principals, effect: Effect) -> TokenStream {
    let data = emit::principals(pr);
    let effect = emit::effect(effect);
    quote!(({
        const PRINCIPALS: p::Principals = #data;
        p::principal::applies(::core::option::Option::Some(&PRINCIPALS), #effect, &p::eval::RequestView::principal(req))
    }))
}

/// `(load | mask) == expected` for each word of `literal` at the start of `bytes` (the caller
/// checks the length).
fn literal_loads(bytes: &TokenStream, literal: &[u8], fold: bool) -> TokenStream {
    let checks = iam_policy_core::words::loads(literal, fold)
        .into_iter()
        .map(|(at, len, mask, expected)| {
            let load = if len == 8 {
                quote!(p::words::word(#bytes, #at))
            } else {
                quote!(p::words::short_word(#bytes, #at, #len))
            };
            if mask == 0 {
                quote!(#load == #expected)
            } else {
                quote!((#load | #mask) == #expected)
            }
        });
    quote!(true #(&& #checks)*)
}

fn actions(patterns: &[ActionPattern], negated: bool, table: &syn::Ident) -> TokenStream {
    let matched = if patterns.iter().any(|p| matches!(p, ActionPattern::Any)) {
        quote!(true)
    } else if patterns.len() > UNROLLED_ACTIONS {
        let index = emit::index_name(table);
        quote!(p::action_index::matches_key(#table, &#index, &action_key))
    } else {
        let bytes = quote!(action_bytes);
        let each = patterns.iter().enumerate().map(|(index, pattern)| {
            let ActionPattern::Named { service, name } = pattern else {
                return quote!(true);
            };
            match &name.segments[..] {
                [Segment::Literal(l)] => {
                    let whole = format!("{service}:{l}");
                    let len = whole.len();
                    let loads = literal_loads(&bytes, whole.as_bytes(), true);
                    quote!((#bytes.len() == #len && #loads))
                }
                [Segment::Literal(l), Segment::AnyRun] => {
                    let head = format!("{service}:{l}");
                    let len = head.len();
                    let loads = literal_loads(&bytes, head.as_bytes(), true);
                    quote!((#bytes.len() >= #len && #loads))
                }
                _ => quote!(p::action_index::pattern_matches(&#table[#index], action)),
            }
        });
        let index = emit::index_name(table);
        quote!((#(#each)||*) || (!ascii && p::action_index::matches_key(#table, &#index, &action_key)))
    };
    if negated {
        quote!(!(#matched))
    } else {
        matched
    }
}

fn resources(
    patterns: &[ResourcePattern],
    negated: bool,
    effect: &TokenStream,
    names: &Names,
) -> TokenStream {
    if !negated {
        // Fully literal ARNs are compared whole, all in one `match`.
        let literal: Vec<String> = patterns
            .iter()
            .filter_map(|p| match p {
                ResourcePattern::Arn(arn) => literal_arn(arn),
                _ => None,
            })
            .collect();
        let others = patterns
            .iter()
            .filter(|p| !matches!(p, ResourcePattern::Arn(arn) if literal_arn(arn).is_some()))
            .map(|p| resource_matches(p, names));
        let literal = (!literal.is_empty()).then(|| quote!(|| matches!(resource, #(#literal)|*)));
        return quote!(false #literal #(|| #others)*);
    }
    // NotResource: an entry whose variable has no value fails closed by effect (D9).
    let entries = patterns.iter().map(|p| {
        let matched = resource_matches(p, names);
        let resolvable = match p {
            ResourcePattern::Arn(arn) => resolvable(arn),
            _ => quote!(true),
        };
        quote! {
            if !(#resolvable) { p::eval::EntryMatch::Unresolved }
            else if #matched { p::eval::EntryMatch::Yes }
            else { p::eval::EntryMatch::No }
        }
    });
    quote!(p::eval::block_applies(#effect, true, [#(#entries),*]))
}

/// The ARN as one text when no part has a wildcard or variable.
fn literal_arn(arn: &ArnPattern) -> Option<String> {
    let mut text = String::from("arn");
    for glob in arn_fields(arn) {
        text.push(':');
        match &glob.segments[..] {
            [] => {}
            [Segment::Literal(l)] => text.push_str(l),
            _ => return None,
        }
    }
    Some(text)
}

fn arn_fields(arn: &ArnPattern) -> [&Glob; 5] {
    [
        &arn.partition,
        &arn.service,
        &arn.region,
        &arn.account,
        &arn.resource,
    ]
}

/// True when every variable of the pattern without a default has a value.
fn resolvable(arn: &ArnPattern) -> TokenStream {
    let keys = arn_fields(arn)
        .into_iter()
        .flat_map(|g| g.segments.iter())
        .filter_map(|s| match s {
            Segment::Variable(v) if v.default.is_none() => Some(v.key.as_ref()),
            _ => None,
        });
    quote!(true #(&& req.variable(#keys).is_some())*)
}

fn resource_matches(pattern: &ResourcePattern, names: &Names) -> TokenStream {
    match pattern {
        ResourcePattern::Any => quote!(true),
        ResourcePattern::Never => quote!(false),
        ResourcePattern::Arn(arn) => arn_whole(arn, quote!(resource), names),
    }
}

/// An ARN pattern against a whole ARN text, without splitting it (as `eval::arn_matches`): the
/// literal parts in front are one prefix compare, a `*` part skips to the next `:`, another part
/// is matched up to the next `:`, and the resource part takes the rest. The request resource `*`
/// fails the `arn:` prefix, so only `*` entries match it.
fn arn_whole(arn: &ArnPattern, input: TokenStream, names: &Names) -> TokenStream {
    if let Some(text) = literal_arn(arn) {
        return quote!(#input == #text);
    }
    let label = names.label();
    let mut steps = Vec::new();
    let mut prefix = String::from("arn:");
    let flush = |prefix: &mut String, steps: &mut Vec<TokenStream>| {
        if !prefix.is_empty() {
            let len = prefix.len();
            let text = std::mem::take(prefix);
            steps.push(quote!(if !s.starts_with(#text) { break #label false } s = &s[#len..];));
        }
    };
    let fields = arn_fields(arn);
    for glob in &fields[..4] {
        match &glob.segments[..] {
            [] => prefix.push(':'),
            [Segment::Literal(l)] => {
                prefix.push_str(l);
                prefix.push(':');
            }
            segments => {
                flush(&mut prefix, &mut steps);
                let field_matches = if glob.is_any() {
                    quote!(true)
                } else {
                    glob_tokens(segments, quote!((&s[..at])), Case::Sensitive, names)
                };
                steps.push(quote! {
                    let ::core::option::Option::Some(at) = s.as_bytes().iter().position(|&b| b == b':') else { break #label false };
                    if !(#field_matches) { break #label false }
                    s = &s[at + 1..];
                });
            }
        }
    }
    flush(&mut prefix, &mut steps);
    let rest = glob_tokens(&fields[4].segments, quote!(s), Case::Sensitive, names);
    quote!(#label: { let mut s: &str = #input; #(#steps)* #rest })
}

fn arn_parts(arn: &ArnPattern, parts: TokenStream, names: &Names) -> TokenStream {
    let checks = arn_fields(arn).into_iter().enumerate().map(|(i, g)| {
        let index = i + 1;
        glob_tokens(&g.segments, quote!(#parts[#index]), Case::Sensitive, names)
    });
    quote!(true #(&& #checks)*)
}

fn condition(c: &Condition, effect: &TokenStream, names: &Names) -> TokenStream {
    let operator = emit::operator(&c.operator);
    let key = c.key.as_ref();
    let comparison = c.operator.base.comparison();
    let comparison_tokens = comparison_tokens(comparison);
    let test = match &c.values {
        ConditionValues::Null(values) => {
            return quote!(p::eval::null_holds(&[#(#values),*], req.values(#key).is_some()));
        }
        ConditionValues::Strings(globs) => {
            let case = if comparison == Comparison::EqualsIgnoreCase {
                Case::Insensitive
            } else {
                Case::Sensitive
            };
            let each = globs
                .iter()
                .map(|g| glob_tokens(&g.segments, quote!(value), case, names));
            quote!(::core::option::Option::Some(false #(|| #each)*))
        }
        ConditionValues::Numbers(numbers) => {
            let numbers = numbers.iter().map(emit::decimal);
            quote!(p::eval::numeric_matches_any(#comparison_tokens, { const N: &[p::Decimal] = &[#(#numbers),*]; N }, value))
        }
        ConditionValues::Dates(dates) => {
            let dates = dates.iter().map(emit::timestamp);
            quote!(p::eval::date_matches_any(#comparison_tokens, { const D: &[p::Timestamp] = &[#(#dates),*]; D }, value))
        }
        ConditionValues::Ips(nets) => {
            let nets = nets.iter().map(emit::ip_net);
            quote!(p::eval::ip_matches_any({ const I: &[p::IpNet] = &[#(#nets),*]; I }, value))
        }
        ConditionValues::Binary(values) => {
            let values = values.iter().map(|b| emit::bytes_value(b));
            quote!(p::eval::binary_matches_any({ const B: &[p::Cow<'static, [u8]>] = &[#(#values),*]; B }, value))
        }
        ConditionValues::Bools(values) => {
            let values = emit::slice(values, emit::bool_value);
            quote!(p::eval::bool_matches_any({ const V: &[p::BoolValue] = #values; V }, value, req))
        }
        ConditionValues::Arns(arns) => {
            let each = arns.iter().map(|a| arn_parts(a, quote!(arn), names));
            quote!(match p::eval::split_arn(value) {
                ::core::option::Option::Some(arn) => ::core::option::Option::Some(false #(|| #each)*),
                ::core::option::Option::None => ::core::option::Option::None,
            })
        }
    };
    quote!(p::eval::condition_holds(#effect, #operator, req.values(#key), |value: &str| #test))
}

fn comparison_tokens(c: Comparison) -> TokenStream {
    let ident = format_ident!("{}", format!("{c:?}"));
    quote!(p::Comparison::#ident)
}

/// A bool expression: does `input` match the glob?
fn glob_tokens(segments: &[Segment], input: TokenStream, case: Case, names: &Names) -> TokenStream {
    let is_star = |s: &Segment| matches!(s, Segment::AnyRun);
    if !segments.is_empty() && segments.iter().all(is_star) {
        return quote!(true);
    }
    // Fast paths for the commonest shapes.
    match (segments, case) {
        ([], _) => return quote!(#input.is_empty()),
        ([Segment::Literal(l)], Case::Sensitive) => return quote!(#input == #l),
        ([Segment::Literal(l)], Case::Insensitive) => {
            let l = l.as_ref();
            return quote!(p::pattern::text_eq(#input, #l, p::pattern::Case::Insensitive));
        }
        ([Segment::Literal(l), Segment::AnyRun], Case::Sensitive) => {
            return quote!(#input.starts_with(#l));
        }
        ([Segment::AnyRun, Segment::Literal(l)], Case::Sensitive) => {
            return quote!(#input.ends_with(#l));
        }
        _ => {}
    }
    let label = names.label();
    let case_tokens = case.tokens();
    let pieces: Vec<&[Segment]> = segments.split(is_star).collect();
    let head = pieces[0]
        .iter()
        .map(|s| head_step(s, &label, case, &case_tokens));
    if pieces.len() == 1 {
        return quote!(#label: { let mut s: &str = #input; #(#head)* s.is_empty() });
    }
    let tail_piece = pieces[pieces.len() - 1];
    let tail = if tail_piece.iter().any(|s| matches!(s, Segment::AnyOne)) {
        let constant = names.constant();
        let segs = emit::slice(tail_piece, emit::segment);
        quote! {
            const #constant: &[p::Segment] = #segs;
            let ::core::option::Option::Some(end) = p::pattern::piece_at_end(#constant, s, #case_tokens, req) else { break #label false };
            s = &s[..end];
        }
    } else {
        let steps = tail_piece
            .iter()
            .rev()
            .map(|s| tail_step(s, &label, case, &case_tokens));
        quote!(#(#steps)*)
    };
    let middles = pieces[1..pieces.len() - 1].iter().filter(|p| !p.is_empty()).map(|piece| match piece {
        [Segment::Literal(l)] => quote! {
            let ::core::option::Option::Some((at, len)) = p::pattern::find_literal(s, #l, #case_tokens) else { break #label false };
            s = &s[at + len..];
        },
        _ => {
            let constant = names.constant();
            let segs = emit::slice(piece, emit::segment);
            quote! {
                const #constant: &[p::Segment] = #segs;
                let ::core::option::Option::Some((at, len)) = p::pattern::find_piece(#constant, s, #case_tokens, req) else { break #label false };
                s = &s[at + len..];
            }
        }
    });
    quote!(#label: { let mut s: &str = #input; #(#head)* #tail #(#middles)* true })
}

/// The value of a variable, or `break` with no match.
fn variable_value(v: &iam_policy_core::compiled::Variable, label: &syn::Lifetime) -> TokenStream {
    let key = v.key.as_ref();
    match &v.default {
        Some(default) => {
            let default = default.as_ref();
            quote!(let value: &str = req.variable(#key).unwrap_or(#default);)
        }
        None => {
            quote!(let ::core::option::Option::Some(value) = req.variable(#key) else { break #label false };)
        }
    }
}

fn head_step(
    segment: &Segment,
    label: &syn::Lifetime,
    case: Case,
    case_tokens: &TokenStream,
) -> TokenStream {
    match segment {
        Segment::Literal(l) if case == Case::Sensitive => {
            let len = l.len();
            quote!(if !s.starts_with(#l) { break #label false } s = &s[#len..];)
        }
        Segment::Literal(l) => {
            let l = l.as_ref();
            quote!(let ::core::option::Option::Some(n) = p::pattern::prefix_len(s, #l, #case_tokens) else { break #label false }; s = &s[n..];)
        }
        Segment::Variable(v) => {
            let value = variable_value(v, label);
            quote!({ #value let ::core::option::Option::Some(n) = p::pattern::prefix_len(s, value, #case_tokens) else { break #label false }; s = &s[n..]; })
        }
        Segment::AnyOne => {
            quote!(let ::core::option::Option::Some(c) = s.chars().next() else { break #label false }; s = &s[c.len_utf8()..];)
        }
        Segment::AnyRun => quote!(),
    }
}

fn tail_step(
    segment: &Segment,
    label: &syn::Lifetime,
    case: Case,
    case_tokens: &TokenStream,
) -> TokenStream {
    match segment {
        Segment::Literal(l) if case == Case::Sensitive => {
            let len = l.len();
            quote!(if !s.ends_with(#l) { break #label false } s = &s[..s.len() - #len];)
        }
        Segment::Literal(l) => {
            let l = l.as_ref();
            quote!(let ::core::option::Option::Some(n) = p::pattern::suffix_len(s, #l, #case_tokens) else { break #label false }; s = &s[..s.len() - n];)
        }
        Segment::Variable(v) => {
            let value = variable_value(v, label);
            quote!({ #value let ::core::option::Option::Some(n) = p::pattern::suffix_len(s, value, #case_tokens) else { break #label false }; s = &s[..s.len() - n]; })
        }
        Segment::AnyOne | Segment::AnyRun => quote!(),
    }
}
