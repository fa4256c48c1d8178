//! The specialized evaluator: straight-line Rust for each pattern of one policy
//! (`docs/architecture.md`, step 4a).
//!
//! Literal runs become constant compares, a `*` becomes a search for the next literal, variables
//! are read from the request and compared in place. What is not about a pattern's shape (the
//! condition rules of missing keys, sets and negation; parsing request numbers, dates, addresses)
//! is the core's [`iam_policy_core::eval`], shared with the interpreter so that both paths follow
//! one definition of the semantics.

use std::cell::Cell;
use std::collections::BTreeMap;

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

/// `fn(&Request) -> Outcome` for the policy, as an item named `name`.
pub fn evaluator(policy: &CompiledPolicy, name: &syn::Ident) -> TokenStream {
    let names = Names::default();
    let indexed: Vec<(usize, &Statement)> = policy.statements.iter().enumerate().collect();
    // Deny first: a Deny that applies decides at once; then the first Allow that applies.
    let denies = indexed.iter().filter(|(_, s)| s.effect == Effect::Deny).map(|(i, s)| {
        let applies = statement(s, &names);
        quote!(if #applies { return p::Outcome { decision: p::Decision::ExplicitlyDenied, statement: ::core::option::Option::Some(#i) }; })
    });
    let allows = indexed.iter().filter(|(_, s)| s.effect == Effect::Allow).map(|(i, s)| {
        let applies = statement(s, &names);
        quote!(if #applies { return p::Outcome { decision: p::Decision::Allowed, statement: ::core::option::Option::Some(#i) }; })
    });
    quote! {
        #[allow(unused_mut, unused_variables, unused_labels, unreachable_code, clippy::all, clippy::pedantic)]
        fn #name(req: &::iam_policy::Request<'_>) -> p::Outcome {
            let (service, name) = match req.action().split_once(':') {
                ::core::option::Option::Some(parts) => parts,
                ::core::option::Option::None => ("", ""),
            };
            let resource: &str = req.resource();
            // Split only when a statement's actions match: most statements stop at the action.
            let parts: ::core::cell::OnceCell<::core::option::Option<[&str; 6]>> = ::core::cell::OnceCell::new();
            #(#denies)*
            #(#allows)*
            p::Outcome::IMPLICIT_DENY
        }
    }
}

fn statement(s: &Statement, names: &Names) -> TokenStream {
    let actions = actions(&s.actions.patterns, s.actions.negated, names);
    let effect = match s.effect {
        Effect::Allow => quote!(p::Effect::Allow),
        Effect::Deny => quote!(p::Effect::Deny),
    };
    let resources = resources(&s.resources.patterns, s.resources.negated, &effect, names);
    let conditions = s.conditions.iter().map(|c| condition(c, &effect, names));
    quote!((#actions) && (#resources) #(&& (#conditions))*)
}

fn actions(patterns: &[ActionPattern], negated: bool, names: &Names) -> TokenStream {
    let mut any = false;
    let mut by_service: BTreeMap<&str, Vec<&Glob>> = BTreeMap::new();
    for pattern in patterns {
        match pattern {
            ActionPattern::Any => any = true,
            ActionPattern::Named { service, name } => {
                by_service.entry(service).or_default().push(name)
            }
        }
    }
    let matched = if any {
        quote!(true)
    } else if by_service.is_empty() {
        quote!(false)
    } else {
        let arms = by_service.iter().map(|(service, globs)| {
            let names_match = globs
                .iter()
                .map(|g| glob(&g.segments, quote!(name), Case::Insensitive, names));
            quote!((service.eq_ignore_ascii_case(#service) && (#(#names_match)||*)))
        });
        quote!(#(#arms)||*)
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
        let entries = patterns.iter().map(|p| resource_matches(p, names));
        return quote!(false #(|| #entries)*);
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

/// True when every variable of the pattern without a default has a value.
fn resolvable(arn: &ArnPattern) -> TokenStream {
    let keys = [
        &arn.partition,
        &arn.service,
        &arn.region,
        &arn.account,
        &arn.resource,
    ]
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
        ResourcePattern::Arn(arn) => {
            let parts_match = arn_parts(arn, quote!(parts), names);
            // The request resource `*` is matched literally: only `*` entries match it.
            quote!(match parts.get_or_init(|| p::eval::split_arn(resource)) {
                ::core::option::Option::Some(parts) if resource != "*" => #parts_match,
                _ => false,
            })
        }
    }
}

fn arn_parts(arn: &ArnPattern, parts: TokenStream, names: &Names) -> TokenStream {
    let fields = [
        &arn.partition,
        &arn.service,
        &arn.region,
        &arn.account,
        &arn.resource,
    ];
    let checks = fields.iter().enumerate().map(|(i, g)| {
        let index = i + 1;
        glob(&g.segments, quote!(#parts[#index]), Case::Sensitive, names)
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
                .map(|g| glob(&g.segments, quote!(value), case, names));
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
fn glob(segments: &[Segment], input: TokenStream, case: Case, names: &Names) -> TokenStream {
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
