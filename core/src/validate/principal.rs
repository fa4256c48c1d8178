//! Reading `Principal` and `NotPrincipal` (docs/semantics.md section 9.3): each value checked
//! against the forms AWS documents and kept as a [`PrincipalPattern`].

use std::borrow::Cow;

use super::document::{Block, Located};
use super::policy_type::Family;
use super::{Validator, list};
use crate::codes;
use crate::compiled::Effect;
use crate::diagnostic::Finding;
use crate::json::{Member, Value};
use crate::location::{JsonPath, Loc};
use crate::principal::{self, AwsProblem, AwsValue, PrincipalPattern};

const KEYS: [&str; 4] = ["AWS", "Service", "Federated", "CanonicalUser"];

/// Reads the `Principal` or `NotPrincipal` member of a statement of a type that takes one.
pub(crate) fn read<'t>(
    v: &mut Validator,
    member: &Member<'t>,
    negated: bool,
    path: &JsonPath,
) -> Block<'t, PrincipalPattern> {
    let element = member.key.as_ref();
    let path = path.key(element);
    let node = &member.value;
    let mut entries = Vec::new();
    match &node.value {
        Value::String(s) if s == "*" => entries.push(located(
            PrincipalPattern::Everyone,
            s.clone(),
            &path,
            node.loc,
        )),
        Value::String(s) => v.report(
            Finding::new(
                codes::INVALID_PRINCIPAL_FORMAT,
                format!("`{element}` must be `\"*\"` or an object such as `{{\"AWS\": ...}}`, found the string `{s}`"),
            )
            .with_help(format!(
                "name the principal by its key: `{{\"AWS\": \"{s}\"}}`, `{{\"Service\": ...}}`, `{{\"Federated\": ...}}`"
            )),
            &path,
            node.loc,
        ),
        Value::Object(members) if members.is_empty() => v.report(
            Finding::new(
                codes::EMPTY_OBJECT_PRINCIPAL,
                format!("`{element}` is empty: the statement names no principal and has no effect"),
            )
            .with_help("name the principals, for example `{\"AWS\": \"111122223333\"}`"),
            &path,
            node.loc,
        ),
        Value::Object(members) => {
            for m in members {
                read_key(v, m, &path, element, &mut entries);
            }
        }
        _ => v.report(
            Finding::new(
                codes::INVALID_PRINCIPAL_FORMAT,
                format!(
                    "`{element}` must be `\"*\"` or an object of principal keys, found {}",
                    node.value.type_name()
                ),
            )
            .with_help("write `{\"AWS\": \"111122223333\"}` or `\"*\"`"),
            &path,
            node.loc,
        ),
    }
    entries.shrink_to_fit();
    Block { negated, entries }
}

fn located<'t>(
    value: PrincipalPattern,
    text: impl Into<Cow<'t, str>>,
    path: &JsonPath,
    loc: Loc,
) -> Located<'t, PrincipalPattern> {
    Located {
        value,
        text: text.into(),
        path: path.clone(),
        loc,
    }
}

fn read_key<'t>(
    v: &mut Validator,
    member: &Member<'t>,
    path: &JsonPath,
    element: &str,
    entries: &mut Vec<Located<'t, PrincipalPattern>>,
) {
    let key = member.key.as_ref();
    let path = path.key(key);
    if !KEYS.contains(&key) {
        let help = match crate::suggest::closest(key, KEYS) {
            Some(name) => format!("did you mean `{name}`?"),
            None => "the principal keys are `AWS`, `Service`, `Federated` and `CanonicalUser`"
                .to_owned(),
        };
        v.report(
            Finding::new(
                codes::INVALID_PRINCIPAL_KEY,
                format!("`{key}` is not a principal key of `{element}`"),
            )
            .with_help(help),
            &path,
            member.key_loc,
        );
        return;
    }
    let Some(values) = list::string_list(v, &member.value, &path, key) else {
        return;
    };
    if values.is_empty() && matches!(&member.value.value, Value::Array(items) if items.is_empty()) {
        v.report(
            Finding::new(
                codes::EMPTY_ARRAY_PRINCIPAL,
                format!("`{key}` lists no principal: it names nobody"),
            )
            .with_help(format!("list the principals under `{key}`, or remove it")),
            &path,
            member.value.loc,
        );
    }
    for (text, path, loc) in values {
        if let Some(pattern) = read_value(v, key, &text, &path, loc) {
            entries.push(located(pattern, text, &path, loc));
        }
    }
}

fn wildcard(v: &mut Validator, key: &str, text: &str, path: &JsonPath, loc: Loc) {
    let help = match key {
        "AWS" => {
            "use `\"*\"` alone for every principal, or name the account, user or role; to match many roles, use `\"*\"` with an `ArnLike` condition on `aws:PrincipalArn`"
        }
        "Service" => "name the service principal, such as `ec2.amazonaws.com`",
        _ => "name the principal without `*` or `?`",
    };
    v.report(
        Finding::new(
            codes::UNSUPPORTED_WILDCARD_IN_PRINCIPAL,
            format!(
                "the `{key}` principal `{text}` has a wildcard: `*` and `?` are not supported there"
            ),
        )
        .with_help(help),
        path,
        loc,
    );
}

fn read_value(
    v: &mut Validator,
    key: &str,
    text: &str,
    path: &JsonPath,
    loc: Loc,
) -> Option<PrincipalPattern> {
    let owned = || Cow::Owned(text.to_owned());
    let family = v.options.policy_type.family();
    match key {
        "AWS" => {
            match principal::parse_aws(text) {
                Ok(value) => {
                    if let AwsValue::UniqueId { user } = value {
                        let (code, what) = if user {
                            (codes::INVALID_USER_REFERENCE, "user")
                        } else {
                            (codes::INVALID_ROLE_REFERENCE, "role")
                        };
                        v.report(
                        Finding::new(
                            code,
                            format!("`{text}` is the unique ID of an IAM {what}, not its ARN"),
                        )
                        .with_help(format!("name the {what} by its ARN: `arn:aws:iam::111122223333:{what}/NAME`")),
                        path,
                        loc,
                    );
                    }
                    Some(PrincipalPattern::aws(text))
                }
                Err(AwsProblem::Wildcard) => {
                    wildcard(v, key, text, path, loc);
                    None
                }
                Err(AwsProblem::Group) => {
                    v.report(
                        Finding::new(
                            codes::INVALID_PRINCIPAL_FORMAT,
                            format!("`{text}` is a user group, and a group cannot be a principal"),
                        )
                        .with_help(
                            "name the users, or the account with an `aws:PrincipalArn` condition",
                        ),
                        path,
                        loc,
                    );
                    None
                }
                Err(AwsProblem::Format) => {
                    v.report(
                    Finding::new(
                        codes::INVALID_PRINCIPAL_FORMAT,
                        format!("the `AWS` principal `{text}` is not an account ID or the ARN of a root user, user, role, role session or federated user"),
                    )
                    .with_help("use `111122223333`, `arn:aws:iam::111122223333:root`, `arn:aws:iam::111122223333:role/NAME` or `\"*\"`"),
                    path,
                    loc,
                );
                    None
                }
            }
        }
        "Service" => {
            if text.contains(['*', '?']) {
                wildcard(v, key, text, path, loc);
                return None;
            }
            if !principal::is_service_principal(text) {
                let guess = text
                    .split(['.', ':'])
                    .next()
                    .filter(|s| !s.is_empty())
                    .unwrap_or("SERVICE")
                    .to_ascii_lowercase();
                v.report(
                    Finding::new(
                        codes::INVALID_SERVICE_PRINCIPAL_FORMAT,
                        format!("`{text}` is not a service principal: the format is `SERVICE.amazonaws.com`"),
                    )
                    .with_help(format!("did you mean `{guess}.amazonaws.com`?")),
                    path,
                    loc,
                );
                return None;
            }
            Some(PrincipalPattern::Service(owned()))
        }
        "Federated" => {
            if family != Family::Trust {
                v.report(
                    Finding::new(
                        codes::FEDERATED_PRINCIPAL_NOT_SUPPORTED,
                        format!(
                            "{} cannot name the identity provider `{text}`: only role trust policies take a `Federated` principal",
                            v.options.policy_type.description()
                        ),
                    )
                    .with_help("trust the provider in the trust policy of a role, and name that role here"),
                    path,
                    loc,
                );
                return None;
            }
            if text.contains(['*', '?']) {
                wildcard(v, key, text, path, loc);
                return None;
            }
            if principal::provider_kind(text).is_none() {
                v.report(
                    Finding::new(
                        codes::INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY,
                        format!("the federated principal `{text}` is not a provider ARN or a domain name"),
                    )
                    .with_help("use `arn:aws:iam::111122223333:saml-provider/NAME`, `arn:aws:iam::111122223333:oidc-provider/HOST` or a domain such as `accounts.google.com` (no `https://`)"),
                    path,
                    loc,
                );
                return None;
            }
            Some(PrincipalPattern::Federated(owned()))
        }
        _ => {
            if text.contains(['*', '?']) {
                wildcard(v, key, text, path, loc);
                return None;
            }
            if !(text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit())) {
                v.report(
                    Finding::new(
                        codes::INVALID_PRINCIPAL_FORMAT,
                        format!("the canonical user ID `{text}` is not 64 hexadecimal digits"),
                    )
                    .with_help("copy the canonical user ID from the Amazon S3 console or `aws s3api list-buckets`"),
                    path,
                    loc,
                );
                return None;
            }
            Some(PrincipalPattern::CanonicalUser(owned()))
        }
    }
}

/// `Allow` with `NotPrincipal`: AWS does not support it, and it would grant to everyone not
/// listed. An error here (Access Analyzer: a security warning), and such a statement never applies.
pub(crate) fn check_effect(v: &mut Validator, effect: Effect, member: &Member, path: &JsonPath) {
    if effect == Effect::Allow {
        v.report(
            Finding::new(
                codes::ALLOW_WITH_NOT_PRINCIPAL,
                "`NotPrincipal` with `\"Effect\": \"Allow\"` would allow every principal not listed",
            )
            .with_help("use `Principal` to name who is allowed"),
            &path.key("NotPrincipal"),
            member.key_loc,
        );
    }
}
