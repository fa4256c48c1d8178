//! A naive evaluator over `serde_json::Value`: what a first attempt without compilation looks like.
//! It walks the parsed document on every request, lowercases and substitutes into new strings, and
//! matches globs recursively. Enough of IAM for the benchmark policies (Action, Resource, the
//! String operators, `${...}` variables); not a complete or hardened implementation.

use iam_policy::Decision;
use serde_json::Value;

type Ctx<'a> = &'a [(&'a str, &'a str)];

/// Parses the policy once; [`Naive::decide`] walks it.
#[derive(Debug)]
pub struct Naive {
    doc: Value,
}

fn as_list(v: &Value) -> Vec<&str> {
    match v {
        Value::String(s) => vec![s.as_str()],
        Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    }
}

fn glob(p: &[char], t: &[char]) -> bool {
    match (p.first(), t.first()) {
        (None, None) => true,
        (Some('*'), _) => glob(&p[1..], t) || (!t.is_empty() && glob(p, &t[1..])),
        (Some('?'), Some(_)) => glob(&p[1..], &t[1..]),
        (Some(a), Some(b)) if a == b => glob(&p[1..], &t[1..]),
        _ => false,
    }
}

fn glob_str(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    glob(&p, &t)
}

fn lookup<'a>(ctx: Ctx<'a>, key: &str) -> Option<&'a str> {
    let key = key.to_lowercase();
    ctx.iter()
        .find(|(k, _)| k.to_lowercase() == key)
        .map(|(_, v)| *v)
}

/// Replaces `${key}` by the context's value; `None` when a key has no value.
fn substitute(pattern: &str, ctx: Ctx<'_>) -> Option<String> {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}')? + start;
        out.push_str(lookup(ctx, &rest[start + 2..end])?);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

fn action_matches(pattern: &str, action: &str) -> bool {
    glob_str(&pattern.to_lowercase(), &action.to_lowercase())
}

fn resource_matches(pattern: &str, resource: &str, ctx: Ctx<'_>) -> bool {
    if pattern == "*" {
        return true;
    }
    let Some(pattern) = substitute(pattern, ctx) else {
        return false;
    };
    let p: Vec<&str> = pattern.splitn(6, ':').collect();
    let r: Vec<&str> = resource.splitn(6, ':').collect();
    p.len() == 6 && r.len() == 6 && p.iter().zip(&r).all(|(p, r)| glob_str(p, r))
}

fn condition_holds(operator: &str, key: &str, values: &Value, ctx: Ctx<'_>) -> bool {
    let Some(value) = lookup(ctx, key) else {
        return false;
    };
    as_list(values).iter().any(|p| match operator {
        "StringEquals" => substitute(p, ctx).is_some_and(|p| p == value),
        "StringLike" => substitute(p, ctx).is_some_and(|p| glob_str(&p, value)),
        _ => false,
    })
}

impl Naive {
    pub fn new(json: &str) -> Naive {
        Naive {
            doc: serde_json::from_str(json).expect("valid JSON"),
        }
    }

    pub fn decide(&self, action: &str, resource: &str, ctx: Ctx<'_>) -> Decision {
        let statements = match &self.doc["Statement"] {
            Value::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        let mut allowed = false;
        for s in statements {
            let applies = as_list(&s["Action"])
                .iter()
                .any(|p| action_matches(p, action))
                && as_list(&s["Resource"])
                    .iter()
                    .any(|p| resource_matches(p, resource, ctx))
                && s["Condition"].as_object().is_none_or(|ops| {
                    ops.iter().all(|(op, keys)| {
                        keys.as_object().is_some_and(|keys| {
                            keys.iter().all(|(k, v)| condition_holds(op, k, v, ctx))
                        })
                    })
                });
            if applies {
                if s["Effect"] == "Deny" {
                    return Decision::ExplicitlyDenied;
                }
                allowed = true;
            }
        }
        if allowed {
            Decision::Allowed
        } else {
            Decision::ImplicitlyDenied
        }
    }
}
