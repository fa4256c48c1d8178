//! The top level of a policy (`Version`, `Id`, `Statement`) and the checks across statements.

use std::collections::HashMap;

use super::document::{Document, Version};
use super::members::unique_members;
use super::policy_type::Family;
use super::{Validator, statement};
use crate::codes;
use crate::diagnostic::{Diagnostics, Finding};
use crate::json::{Member, Node, Value};
use crate::location::{JsonPath, Loc};

const TOP_LEVEL: [&str; 3] = ["Version", "Id", "Statement"];

/// Reads the policy. `taken`: the statements, when the caller took them out of the tree
/// ([`take_statements`]) to free each once read.
pub(crate) fn read_policy<'t>(
    v: &mut Validator,
    root: &Node<'t>,
    taken: Option<Vec<Node<'t>>>,
) -> Option<Document<'t>> {
    let path = JsonPath::root();
    let Value::Object(members) = &root.value else {
        v.type_mismatch(root, "an object", &path, "the policy document");
        return None;
    };
    let members = unique_members(v, members, &path, &TOP_LEVEL, "the policy");
    let version = read_version(v, members.get("Version").copied(), root.loc);
    if let Some(id) = members.get("Id")
        && !matches!(id.value.value, Value::String(_))
    {
        v.type_mismatch(&id.value, "a string", &path.key("Id"), "Id");
    }
    let mut statements = Vec::new();
    match members.get("Statement") {
        None if v.misspelt_any(&path, &["Statement"]) => {}
        None => v.report(
            Finding::new(codes::MISSING_STATEMENT, "the policy has no `Statement`")
                .with_help("add a `Statement` with at least one statement"),
            &path,
            root.loc,
        ),
        Some(member) => {
            let path = path.key("Statement");
            match &member.value.value {
                Value::Array(items) if items.is_empty() && taken.is_none() => v.report(
                    Finding::new(codes::MISSING_STATEMENT, "`Statement` is empty")
                        .with_help("add at least one statement"),
                    &path,
                    member.value.loc,
                ),
                Value::Array(items) => {
                    let mut read = |v: &mut Validator, index: usize, item: &Node<'t>| {
                        let path = path.index(index);
                        if let Some(s) = statement::read_statement(v, item, index, path, version) {
                            statements.push(s);
                        }
                    };
                    match taken {
                        // Each statement's part of the tree is dropped once read.
                        Some(taken) => {
                            for (index, item) in taken.into_iter().enumerate() {
                                read(v, index, &item);
                            }
                        }
                        None => {
                            for (index, item) in items.iter().enumerate() {
                                read(v, index, item);
                            }
                        }
                    }
                    statements.shrink_to_fit();
                }
                Value::Object(_) => {
                    if let Some(s) = statement::read_statement(v, &member.value, 0, path, version) {
                        statements.push(s);
                    }
                }
                _ => v.type_mismatch(&member.value, "an array or an object", &path, "Statement"),
            }
        }
    }
    Some(Document {
        version,
        statements,
    })
}

fn read_version(v: &mut Validator, member: Option<&Member>, root: Loc) -> Version {
    let path = JsonPath::root().key("Version");
    let Some(member) = member else {
        if v.options.policy_type.requires_version() {
            v.report(
                Finding::new(
                    codes::INVALID_VERSION,
                    format!(
                        "{} must have `\"Version\": \"2012-10-17\"`",
                        v.options.policy_type.description()
                    ),
                )
                .with_help("add `\"Version\": \"2012-10-17\"`"),
                &JsonPath::root(),
                root,
            );
            return Version::V2012_10_17;
        }
        v.report(
            Finding::new(
                codes::MISSING_VERSION,
                "the policy has no `Version`: IAM reads it as version 2008-10-17, without policy variables",
            )
            .with_help("add `\"Version\": \"2012-10-17\"`"),
            &JsonPath::root(),
            root,
        );
        return Version::Missing;
    };
    match &member.value.value {
        Value::String(s) if s == "2012-10-17" => Version::V2012_10_17,
        Value::String(s) if s == "2008-10-17" && v.options.policy_type.requires_version() => {
            v.report(
                Finding::new(
                    codes::INVALID_VERSION,
                    format!(
                        "{} must use version `2012-10-17`, not `2008-10-17`",
                        v.options.policy_type.description()
                    ),
                )
                .with_help("use `\"Version\": \"2012-10-17\"`"),
                &path,
                member.value.loc,
            );
            Version::V2012_10_17
        }
        Value::String(s) if s == "2008-10-17" => Version::V2008_10_17,
        Value::String(s) => {
            v.report(
                Finding::new(
                    codes::INVALID_VERSION,
                    format!("the version `{s}` is not valid: use `2012-10-17` or `2008-10-17`"),
                )
                .with_help("use `\"Version\": \"2012-10-17\"`"),
                &path,
                member.value.loc,
            );
            Version::V2012_10_17
        }
        _ => {
            v.type_mismatch(&member.value, "a string", &path, "Version");
            Version::V2012_10_17
        }
    }
}

/// The statements of a policy whose `Statement` is a non-empty array, taken out of the tree (the
/// member [`read_policy`] reads: the first `Statement`).
pub(crate) fn take_statements<'t>(root: &mut Node<'t>) -> Option<Vec<Node<'t>>> {
    let Value::Object(members) = &mut root.value else {
        return None;
    };
    let member = members.iter_mut().find(|m| m.key == "Statement")?;
    match &mut member.value.value {
        Value::Array(items) if !items.is_empty() => Some(std::mem::take(items)),
        _ => None,
    }
}

/// The checks of the whole tree (size, characters), run before the statements are read (and
/// perhaps freed). Their findings are returned, for [`check_across`] to add in their place.
pub(crate) fn check_tree(v: &mut Validator, root: &Node) -> Diagnostics {
    let before = std::mem::take(&mut v.diagnostics);
    check_size(v, root);
    // The walk that reports builds a JSON path per node: only walk when there is something to say.
    if has_unsupported_character(root) {
        check_characters(v, root, &JsonPath::root());
    }
    std::mem::replace(&mut v.diagnostics, before)
}

/// Checks that need the whole document: Sids, the findings of [`check_tree`] (size, characters)
/// in their place, and the service catalog.
pub(crate) fn check_across(v: &mut Validator, document: &Document, tree_findings: Diagnostics) {
    check_sids(v, document);
    super::by_type::check_across(v, document);
    super::role_grants::check(v, &document.statements);
    super::principal_conditions::check(v, &document.statements);
    super::service_principal_keys::check(v, &document.statements);
    super::audience_claims::check(v, &document.statements);
    super::redundant::check(v, document);
    super::condition_lints::check(v, document);
    super::ip_checks::check(v, document);
    super::key_lints::check(v, document);
    super::resource_service::check(v, document);
    for finding in tree_findings {
        v.diagnostics.push(finding);
    }
    #[cfg(feature = "catalog")]
    if v.options.catalog {
        super::catalog_checks::check(v, document);
    }
}

fn check_sids(v: &mut Validator, document: &Document) {
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    for statement in &document.statements {
        let Some(sid) = &statement.sid else { continue };
        if sid.text.is_empty() {
            continue;
        }
        if let Some(first) = first_of.get(sid.text.as_ref()) {
            // IAM refuses a policy with two equal Sids; other services accept it (docs/semantics.md 9.4).
            let code = match v.options.policy_type.family() {
                Family::Identity | Family::Trust => codes::UNIQUE_SIDS_REQUIRED,
                _ => codes::UNIQUE_SIDS_RECOMMENDED,
            };
            v.report(
                Finding::new(
                    code,
                    format!(
                        "the Sid `{}` is already used by statement {first}",
                        sid.text
                    ),
                )
                .with_help("give each statement its own Sid"),
                &sid.path,
                sid.loc,
            );
        } else {
            first_of.insert(&sid.text, statement.index);
        }
    }
}

/// IAM counts the characters of the document without white space.
pub fn size_without_whitespace(root: &Node) -> usize {
    fn string_size(s: &str) -> usize {
        // Quotes count; escapes that JSON needs count as written by a compact serializer.
        let cost = |c: char| match c {
            '"' | '\\' => 2,
            c if c.is_whitespace() => 0,
            _ => 1,
        };
        // Most policies are ASCII: reading bytes skips decoding UTF-8.
        2 + if s.is_ascii() {
            s.bytes().map(|b| cost(char::from(b))).sum::<usize>()
        } else {
            s.chars().map(cost).sum::<usize>()
        }
    }
    match &root.value {
        Value::Null => 4,
        Value::Bool(true) => 4,
        Value::Bool(false) => 5,
        Value::Number(n) => n.len(),
        Value::String(s) => string_size(s),
        Value::Array(items) => {
            2 + items.len().saturating_sub(1)
                + items.iter().map(size_without_whitespace).sum::<usize>()
        }
        Value::Object(members) => {
            2 + members.len().saturating_sub(1)
                + members
                    .iter()
                    .map(|m| string_size(&m.key) + 1 + size_without_whitespace(&m.value))
                    .sum::<usize>()
        }
    }
}

fn check_size(v: &mut Validator, root: &Node) {
    let policy_type = v.options.policy_type;
    let Some(quota) = policy_type.size_quota() else {
        return;
    };
    let size = size_without_whitespace(root);
    if size > quota {
        let code = policy_type.size_code();
        let message = format!(
            "the policy has {size} characters without white space, more than the {quota} allowed for {}",
            policy_type.description()
        );
        let help = "split the statements across several policies, or shorten them with wildcards";
        v.report(
            Finding::new(code, message).with_help(help),
            &JsonPath::root(),
            root.loc,
        );
    }
}

/// IAM accepts only tab, line feed, carriage return and U+0020 to U+00FF in a policy.
/// The first character of `s` that IAM does not allow in a policy.
fn unsupported_character(s: &str) -> Option<char> {
    s.chars()
        .find(|&c| !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{ff}'))
}

/// True when some key or string of the tree holds a character IAM does not allow.
fn has_unsupported_character(node: &Node) -> bool {
    match &node.value {
        Value::String(s) => unsupported_character(s).is_some(),
        Value::Array(items) => items.iter().any(has_unsupported_character),
        Value::Object(members) => members.iter().any(|m| {
            unsupported_character(&m.key).is_some() || has_unsupported_character(&m.value)
        }),
        _ => false,
    }
}

fn check_characters(v: &mut Validator, node: &Node, path: &JsonPath) {
    let bad = unsupported_character;
    match &node.value {
        Value::String(s) => {
            if let Some(c) = bad(s) {
                v.report(
                    Finding::new(
                        codes::UNSUPPORTED_CHARACTER,
                        format!("the character `{}` (U+{:04X}) is not allowed in an IAM policy", c.escape_debug(), c as u32),
                    )
                    .with_help("IAM policies may contain only tab, line feed, carriage return and U+0020 to U+00FF"),
                    path,
                    node.loc,
                );
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_characters(v, item, &path.index(i));
            }
        }
        Value::Object(members) => {
            for m in members {
                if let Some(c) = bad(&m.key) {
                    v.report(
                        Finding::new(
                            codes::UNSUPPORTED_CHARACTER,
                            format!(
                                "the character `{}` (U+{:04X}) is not allowed in an IAM policy",
                                c.escape_debug(),
                                c as u32
                            ),
                        ),
                        &path.key(&m.key),
                        m.key_loc,
                    );
                }
                check_characters(v, &m.value, &path.key(&m.key));
            }
        }
        _ => {}
    }
}
