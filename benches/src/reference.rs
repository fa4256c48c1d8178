//! The hand-written reference: what a person would write in Rust for these policies, with the same
//! semantics (action and context keys case-insensitive, values and ARNs case-sensitive, a policy
//! variable without a value matching nothing, `*` in an ARN field not crossing `:`), reading the
//! application's own context (a slice of pairs). The limit the generated code is measured against.

use std::collections::HashMap;

use iam_policy::Decision::{self, Allowed, ImplicitlyDenied};

use crate::{Case, Subject};

type Ctx<'a> = &'a [(&'a str, &'a str)];

/// A context key's value (keys are case-insensitive).
#[inline]
fn ctx_get<'a>(ctx: Ctx<'a>, key: &str) -> Option<&'a str> {
    ctx.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| *v)
}

/// Skips one ARN field (`*` in a region or account field: anything up to the next `:`).
#[inline]
fn skip_field(s: &str) -> Option<&str> {
    let at = s.find(':')?;
    Some(&s[at + 1..])
}

/// `arn:aws:ssm:*:*:session/${aws:username}-*`.
#[inline]
fn own_session(resource: &str, ctx: Ctx<'_>) -> bool {
    let Some(user) = ctx_get(ctx, "aws:username") else {
        return false;
    };
    let Some(rest) = resource.strip_prefix("arn:aws:ssm:") else {
        return false;
    };
    let Some(rest) = skip_field(rest).and_then(skip_field) else {
        return false;
    };
    rest.strip_prefix("session/")
        .and_then(|r| r.strip_prefix(user))
        .is_some_and(|r| r.starts_with('-'))
}

/// Example 1: StartSession on three listed instances, TerminateSession on one's own sessions.
pub fn p1(action: &str, resource: &str, ctx: Ctx<'_>) -> Decision {
    if action.eq_ignore_ascii_case("ssm:StartSession") {
        if matches!(
            resource,
            "arn:aws:ec2:us-east-2:123456789012:instance/i-1234567890EXAMPLE"
                | "arn:aws:ec2:us-east-2:123456789012:instance/i-abcdefghijEXAMPLE"
                | "arn:aws:ec2:us-east-2:123456789012:instance/i-0e9d8c7b6aEXAMPLE"
        ) {
            return Allowed;
        }
    } else if action.eq_ignore_ascii_case("ssm:TerminateSession") && own_session(resource, ctx) {
        return Allowed;
    }
    ImplicitlyDenied
}

/// Example 2: StartSession on instances tagged `Finance=WebServers`, TerminateSession on one's own.
pub fn p2(action: &str, resource: &str, ctx: Ctx<'_>) -> Decision {
    if action.eq_ignore_ascii_case("ssm:StartSession") {
        // arn:aws:ec2:*:*:instance/*
        let instance = resource
            .strip_prefix("arn:aws:ec2:")
            .and_then(skip_field)
            .and_then(skip_field)
            .is_some_and(|r| r.starts_with("instance/"));
        if instance && ctx_get(ctx, "ssm:resourceTag/Finance") == Some("WebServers") {
            return Allowed;
        }
    } else if action.eq_ignore_ascii_case("ssm:TerminateSession") && own_session(resource, ctx) {
        return Allowed;
    }
    ImplicitlyDenied
}

/// Example 2 with two tags: StartSession anywhere, both tags required.
pub fn p3(action: &str, _resource: &str, ctx: Ctx<'_>) -> Decision {
    if action.eq_ignore_ascii_case("ssm:StartSession")
        && ctx_get(ctx, "ssm:resourceTag/tag-key1") == Some("tag-value1")
        && ctx_get(ctx, "ssm:resourceTag/tag-key2") == Some("tag-value2")
    {
        return Allowed;
    }
    ImplicitlyDenied
}

/// Example 4: five session actions on every resource.
pub fn p4(action: &str, _resource: &str, _ctx: Ctx<'_>) -> Decision {
    let Some(name) = action
        .split_once(':')
        .filter(|(s, _)| s.eq_ignore_ascii_case("ssm"))
        .map(|(_, n)| n)
    else {
        return ImplicitlyDenied;
    };
    const NAMES: [&str; 5] = [
        "StartSession",
        "TerminateSession",
        "ResumeSession",
        "DescribeSessions",
        "GetConnectionStatus",
    ];
    if NAMES.iter().any(|n| n.eq_ignore_ascii_case(name)) {
        Allowed
    } else {
        ImplicitlyDenied
    }
}

/// `ReadOnlyAccess`: too large to write out, so a person would load its action list into a map
/// from service to name patterns (all of them `Prefix*` or exact names), once.
#[derive(Debug)]
pub struct ReadOnly {
    services: HashMap<String, Vec<(String, bool)>>,
}

impl ReadOnly {
    pub fn new(json: &str) -> ReadOnly {
        let doc: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
        let mut services: HashMap<String, Vec<(String, bool)>> = HashMap::new();
        for statement in doc["Statement"].as_array().expect("statements") {
            // The condition-bearing statement is written out below.
            if statement.get("Condition").is_some() {
                continue;
            }
            let actions = match &statement["Action"] {
                serde_json::Value::Array(a) => a.iter().filter_map(|v| v.as_str()).collect(),
                serde_json::Value::String(s) => vec![s.as_str()],
                _ => vec![],
            };
            for action in actions {
                let (service, name) = action.split_once(':').expect("service:name");
                let name = name.to_ascii_lowercase();
                let entry = match name.strip_suffix('*') {
                    Some(prefix) => (prefix.to_owned(), true),
                    None => (name, false),
                };
                services
                    .entry(service.to_ascii_lowercase())
                    .or_default()
                    .push(entry);
            }
        }
        ReadOnly { services }
    }

    pub fn decide(&self, action: &str, _resource: &str, ctx: Ctx<'_>) -> Decision {
        let Some((service, name)) = action.split_once(':') else {
            return ImplicitlyDenied;
        };
        let mut buffer = [0u8; 64];
        let Some(lower) = buffer.get_mut(..service.len()) else {
            return ImplicitlyDenied;
        };
        lower.copy_from_slice(service.as_bytes());
        lower.make_ascii_lowercase();
        let service = std::str::from_utf8(lower).unwrap_or("");
        if let Some(patterns) = self.services.get(service) {
            let hit = patterns.iter().any(|(text, prefix)| {
                if *prefix {
                    name.len() >= text.len()
                        && name.as_bytes()[..text.len()].eq_ignore_ascii_case(text.as_bytes())
                } else {
                    name.eq_ignore_ascii_case(text)
                }
            });
            if hit {
                return Allowed;
            }
        }
        if service == "s3express"
            && name.eq_ignore_ascii_case("CreateSession")
            && ctx_get(ctx, "s3express:SessionMode") == Some("ReadOnly")
        {
            return Allowed;
        }
        ImplicitlyDenied
    }
}

/// Every reference, ready to decide any case.
#[derive(Debug)]
pub struct Reference {
    pub read_only: ReadOnly,
}

impl Reference {
    pub fn new() -> Reference {
        Reference {
            read_only: ReadOnly::new(crate::large::READ_ONLY_JSON),
        }
    }
    #[inline]
    pub fn decide(&self, case: &Case) -> Decision {
        let (a, r, c) = (case.action, case.resource, case.context);
        match case.subject {
            Subject::P1Instances => p1(a, r, c),
            Subject::P2Tags => p2(a, r, c),
            Subject::P3TwoTags => p3(a, r, c),
            Subject::P4Admin => p4(a, r, c),
            Subject::ReadOnly => self.read_only.decide(a, r, c),
        }
    }
}

impl Default for Reference {
    fn default() -> Self {
        Reference::new()
    }
}
