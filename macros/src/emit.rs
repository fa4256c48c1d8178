//! The compiled policy as constant Rust data: `'static` borrowed `Cow`s, usable in `static` and
//! `const` items. Paths go through `::iam_policy::__private` (`p`).
//!
//! What rustc costs per emitted value (docs/performance.md, "Compiling `policy!`"): a large
//! policy is thousands of these expressions in one constant. So the commonest ones are written
//! the way rustc checks fastest, `Cow::Borrowed` with its type arguments spelt out (no inference
//! variables, no `ToOwned` obligation per value: 43% less type-checking), and the action
//! patterns, thousands in a large policy, as calls of two local macros ([`aliases`]), which
//! keeps the token stream the macro builds and hands back to rustc small.

use iam_policy_core::compiled::{
    ActionIndex, ActionPattern, ArnPattern, BoolValue, CompiledPolicy, Condition, ConditionValues,
    Effect, Glob, PrincipalPattern, Principals, ResourcePattern, Segment, Statement, Variable,
};
use iam_policy_core::operator::{Operator, Qualifier};
use iam_policy_core::values::{Decimal, IpNet, Timestamp};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// The short names the data uses, imported once at the top of the expansion's block (items of
/// that block, so the evaluator's constants see them too), and two local macros for the
/// commonest action patterns, `service:Name` and `service:Prefix*`: written out, a pattern is
/// about 50 tokens that the macro builds one by one and hands to rustc; as a call, 7.
pub fn aliases() -> TokenStream {
    quote! {
        #[allow(unused_imports)]
        use p::{ActionPattern::Named as __N, Cow::Borrowed as __B, Glob as __G};
        #[allow(unused_imports)]
        use p::Segment::{AnyRun as __R, Literal as __L};
        #[allow(unused_macros)]
        macro_rules! __iam_exact {
            ($service:literal, $name:literal) => {
                __N {
                    service: __B::<'static, str>($service),
                    name: __G { segments: __B::<'static, [p::Segment]>(&[__L(__B::<'static, str>($name))]) },
                }
            };
        }
        #[allow(unused_macros)]
        macro_rules! __iam_prefix {
            ($service:literal, $prefix:literal) => {
                __N {
                    service: __B::<'static, str>($service),
                    name: __G { segments: __B::<'static, [p::Segment]>(&[__L(__B::<'static, str>($prefix)), __R]) },
                }
            };
        }
    }
}

/// `p::Cow::Borrowed(&[items...])`.
fn list<T>(items: &[T], each: impl Fn(&T) -> TokenStream) -> TokenStream {
    let slice = slice(items, each);
    quote!(__B(#slice))
}

/// `&[items...]`.
pub fn slice<T>(items: &[T], each: impl Fn(&T) -> TokenStream) -> TokenStream {
    let items = items.iter().map(each);
    quote!(&[#(#items),*])
}

fn text(s: &str) -> TokenStream {
    quote!(__B::<'static, str>(#s))
}

/// The compiled policy; statement `i`'s action patterns are the constant `action_tables[i]`.
pub fn compiled(policy: &CompiledPolicy, action_tables: &[Ident]) -> TokenStream {
    let statements = policy
        .statements
        .iter()
        .zip(action_tables)
        .map(|(s, table)| statement(s, table));
    let source = text(&policy.source);
    let no_resource = list(&policy.no_resource_actions, |name| text(name));
    quote!(p::CompiledPolicy {
        statements: p::Cow::Borrowed(&[#(#statements),*]),
        source: #source,
        no_resource_actions: #no_resource,
    })
}

/// Two constant items per statement: its (sorted) action patterns, and their index
/// ([`index_name`]). The data refers to them, and so does the evaluator when it searches a large
/// block through the action index.
pub fn action_tables(policy: &CompiledPolicy, names: &[Ident]) -> TokenStream {
    let items = policy.statements.iter().zip(names).map(|(s, name)| {
        let patterns = slice(&s.actions.patterns, action);
        let index_name = index_name(name);
        let index = action_index(&s.actions.index);
        quote! {
            const #name: &[p::ActionPattern] = #patterns;
            const #index_name: p::ActionIndex = #index;
        }
    });
    quote!(#(#items)*)
}

/// The name of the constant holding the index of the action table `table`.
pub fn index_name(table: &Ident) -> Ident {
    quote::format_ident!("{table}_INDEX")
}

/// The hashes as integer literals: computed once, by the macro, with the core's own function.
fn action_index(index: &ActionIndex) -> TokenStream {
    if index.exact.is_empty() && index.globs.is_empty() {
        return quote!(p::ActionIndex::EMPTY);
    }
    let exact = index.exact.iter().map(|(h, at)| quote!((#h, #at)));
    let globs = index
        .globs
        .iter()
        .map(|(h, start, end)| quote!((#h, #start, #end)));
    quote!(p::ActionIndex {
        exact: p::Cow::Borrowed(&[#(#exact),*]),
        globs: p::Cow::Borrowed(&[#(#globs),*]),
    })
}

fn statement(s: &Statement, action_table: &Ident) -> TokenStream {
    let sid = match &s.sid {
        Some(sid) => {
            let sid = text(sid);
            quote!(::core::option::Option::Some(#sid))
        }
        None => quote!(::core::option::Option::None),
    };
    let effect = match s.effect {
        Effect::Allow => quote!(p::Effect::Allow),
        Effect::Deny => quote!(p::Effect::Deny),
    };
    let actions_negated = s.actions.negated;
    let actions = quote!(p::Cow::Borrowed(#action_table));
    let index = index_name(action_table);
    let resources_negated = s.resources.negated;
    let resources = list(&s.resources.patterns, resource);
    let conditions = list(&s.conditions, condition);
    let principals = match &s.principals {
        Some(pr) => {
            let pr = principals(pr);
            quote!(::core::option::Option::Some(#pr))
        }
        None => quote!(::core::option::Option::None),
    };
    quote!(p::Statement {
        sid: #sid,
        effect: #effect,
        principals: #principals,
        actions: p::Actions { negated: #actions_negated, patterns: #actions, index: #index },
        resources: p::Resources { negated: #resources_negated, patterns: #resources },
        conditions: #conditions,
    })
}

pub fn effect(e: Effect) -> TokenStream {
    match e {
        Effect::Allow => quote!(p::Effect::Allow),
        Effect::Deny => quote!(p::Effect::Deny),
    }
}

pub fn principals(pr: &Principals) -> TokenStream {
    let negated = pr.negated;
    let scoped = pr.scoped_by_principal_arn;
    let entries = list(&pr.entries, principal);
    quote!(p::Principals { negated: #negated, scoped_by_principal_arn: #scoped, entries: #entries })
}

fn principal(e: &PrincipalPattern) -> TokenStream {
    match e {
        PrincipalPattern::Everyone => quote!(p::PrincipalPattern::Everyone),
        PrincipalPattern::AnyAws => quote!(p::PrincipalPattern::AnyAws),
        PrincipalPattern::Account(a) => {
            let a = text(a);
            quote!(p::PrincipalPattern::Account(#a))
        }
        PrincipalPattern::User { account, name } => {
            let (account, name) = (text(account), text(name));
            quote!(p::PrincipalPattern::User { account: #account, name: #name })
        }
        PrincipalPattern::Role { account, name } => {
            let (account, name) = (text(account), text(name));
            quote!(p::PrincipalPattern::Role { account: #account, name: #name })
        }
        PrincipalPattern::Session {
            account,
            role,
            session,
        } => {
            let (account, role, session) = (text(account), text(role), text(session));
            quote!(p::PrincipalPattern::Session { account: #account, role: #role, session: #session })
        }
        PrincipalPattern::FederatedUser { account, name } => {
            let (account, name) = (text(account), text(name));
            quote!(p::PrincipalPattern::FederatedUser { account: #account, name: #name })
        }
        PrincipalPattern::Service(x) => {
            let x = text(x);
            quote!(p::PrincipalPattern::Service(#x))
        }
        PrincipalPattern::Federated(x) => {
            let x = text(x);
            quote!(p::PrincipalPattern::Federated(#x))
        }
        PrincipalPattern::CanonicalUser(x) => {
            let x = text(x);
            quote!(p::PrincipalPattern::CanonicalUser(#x))
        }
        PrincipalPattern::Unresolved(x) => {
            let x = text(x);
            quote!(p::PrincipalPattern::Unresolved(#x))
        }
    }
}

fn action(a: &ActionPattern) -> TokenStream {
    match a {
        ActionPattern::Any => quote!(p::ActionPattern::Any),
        ActionPattern::Named { service, name } => {
            let service = service.as_ref();
            match &name.segments[..] {
                [Segment::Literal(exact)] => {
                    let exact = exact.as_ref();
                    quote!(__iam_exact!(#service, #exact))
                }
                [Segment::Literal(prefix), Segment::AnyRun] => {
                    let prefix = prefix.as_ref();
                    quote!(__iam_prefix!(#service, #prefix))
                }
                _ => {
                    let service = text(service);
                    let name = glob(name);
                    quote!(__N { service: #service, name: #name })
                }
            }
        }
    }
}

fn resource(r: &ResourcePattern) -> TokenStream {
    match r {
        ResourcePattern::Any => quote!(p::ResourcePattern::Any),
        ResourcePattern::Never => quote!(p::ResourcePattern::Never),
        ResourcePattern::Arn(arn) => {
            let arn = arn_pattern(arn);
            quote!(p::ResourcePattern::Arn(#arn))
        }
    }
}

pub fn arn_pattern(a: &ArnPattern) -> TokenStream {
    let (partition, service, region, account, resource) = (
        glob(&a.partition),
        glob(&a.service),
        glob(&a.region),
        glob(&a.account),
        glob(&a.resource),
    );
    quote!(p::ArnPattern { partition: #partition, service: #service, region: #region, account: #account, resource: #resource })
}

pub fn glob(g: &Glob) -> TokenStream {
    let segments = slice(&g.segments, segment);
    quote!(__G { segments: __B::<'static, [p::Segment]>(#segments) })
}

pub fn segment(s: &Segment) -> TokenStream {
    match s {
        Segment::Literal(l) => {
            let l = text(l);
            quote!(__L(#l))
        }
        Segment::AnyRun => quote!(__R),
        Segment::AnyOne => quote!(p::Segment::AnyOne),
        Segment::Variable(v) => {
            let v = variable(v);
            quote!(p::Segment::Variable(#v))
        }
    }
}

fn variable(v: &Variable) -> TokenStream {
    let key = text(&v.key);
    let default = match &v.default {
        Some(d) => {
            let d = text(d);
            quote!(::core::option::Option::Some(#d))
        }
        None => quote!(::core::option::Option::None),
    };
    quote!(p::VariableRef(p::Cow::Borrowed(&[p::Variable { key: #key, default: #default }])))
}

fn condition(c: &Condition) -> TokenStream {
    let operator = operator(&c.operator);
    let key = text(&c.key);
    let values = condition_values(&c.values);
    quote!(p::Condition { operator: #operator, key: #key, values: #values })
}

pub fn operator(o: &Operator) -> TokenStream {
    let qualifier = match o.qualifier {
        None => quote!(::core::option::Option::None),
        Some(Qualifier::ForAnyValue) => {
            quote!(::core::option::Option::Some(p::Qualifier::ForAnyValue))
        }
        Some(Qualifier::ForAllValues) => {
            quote!(::core::option::Option::Some(p::Qualifier::ForAllValues))
        }
    };
    let base = Ident::new(&format!("{:?}", o.base), Span::call_site());
    let if_exists = o.if_exists;
    quote!(p::Operator { qualifier: #qualifier, base: p::BaseOperator::#base, if_exists: #if_exists })
}

pub fn condition_values(v: &ConditionValues) -> TokenStream {
    match v {
        ConditionValues::Strings(globs) => {
            let l = list(globs, glob);
            quote!(p::ConditionValues::Strings(#l))
        }
        ConditionValues::Numbers(n) => {
            let l = list(n, decimal);
            quote!(p::ConditionValues::Numbers(#l))
        }
        ConditionValues::Dates(d) => {
            let l = list(d, timestamp);
            quote!(p::ConditionValues::Dates(#l))
        }
        ConditionValues::Bools(b) => {
            let l = list(b, bool_value);
            quote!(p::ConditionValues::Bools(#l))
        }
        ConditionValues::Binary(b) => {
            let l = list(b, |bytes| bytes_value(bytes));
            quote!(p::ConditionValues::Binary(#l))
        }
        ConditionValues::Ips(i) => {
            let l = list(i, ip_net);
            quote!(p::ConditionValues::Ips(#l))
        }
        ConditionValues::Arns(a) => {
            let l = list(a, arn_pattern);
            quote!(p::ConditionValues::Arns(#l))
        }
        ConditionValues::Null(n) => {
            let l = list(n, |b| quote!(#b));
            quote!(p::ConditionValues::Null(#l))
        }
    }
}

pub fn decimal(d: &Decimal) -> TokenStream {
    let negative = d.negative;
    let (int, frac) = (text(&d.int), text(&d.frac));
    quote!(p::Decimal { negative: #negative, int: #int, frac: #frac })
}

pub fn timestamp(t: &Timestamp) -> TokenStream {
    let (seconds, nanos) = (t.seconds, t.nanos);
    quote!(p::Timestamp { seconds: #seconds, nanos: #nanos })
}

pub fn ip_net(n: &IpNet) -> TokenStream {
    let (v6, addr, prefix) = (n.v6, n.addr, n.prefix);
    quote!(p::IpNet { v6: #v6, addr: #addr, prefix: #prefix })
}

pub fn bytes_value(bytes: &[u8]) -> TokenStream {
    quote!(p::Cow::Borrowed(&[#(#bytes),*]))
}

pub fn bool_value(b: &BoolValue) -> TokenStream {
    match b {
        BoolValue::Literal(b) => quote!(p::BoolValue::Literal(#b)),
        BoolValue::Variable(g) => {
            let g = glob(g);
            quote!(p::BoolValue::Variable(#g))
        }
    }
}
