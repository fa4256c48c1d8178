//! The `Condition` block: operators, keys, and values parsed for each operator's family.

use std::borrow::Cow;
use std::collections::HashMap;

use super::Validator;
use super::condition_values::ValueReader;
use super::document::{ConditionEntry, Located, Text, Version};
use crate::codes;
use crate::compiled::ConditionValues;
use crate::diagnostic::Finding;
use crate::json::{Node, Value};
use crate::location::JsonPath;
use crate::operator::{Family, Operator, OperatorError, Qualifier};
use crate::values;

pub(crate) fn read_conditions<'t>(
    v: &mut Validator,
    node: &Node<'t>,
    path: &JsonPath,
    version: Version,
) -> Vec<ConditionEntry<'t>> {
    let Value::Object(operators) = &node.value else {
        v.type_mismatch(node, "an object", path, "Condition");
        return Vec::new();
    };
    if operators.is_empty() {
        v.report(
            Finding::new(
                codes::EMPTY_OBJECT_CONDITION,
                "the `Condition` block is empty and has no effect",
            )
            .with_help("add conditions, or remove the `Condition` element"),
            path,
            node.loc,
        );
    }
    let mut out = Vec::new();
    let mut seen_operators: HashMap<&str, ()> = HashMap::new();
    for member in operators {
        let op_path = path.key(&member.key);
        if seen_operators.insert(member.key.as_ref(), ()).is_some() {
            v.report(
                Finding::new(
                    codes::DUPLICATE_ELEMENT,
                    format!("the operator `{}` appears more than once", member.key),
                )
                .with_help("merge the keys of both into one operator block"),
                &op_path,
                member.key_loc,
            );
            continue;
        }
        let operator = match Operator::parse(&member.key) {
            Ok(operator) => operator,
            Err(error) => {
                v.report(
                    operator_finding(&member.key, error),
                    &op_path,
                    member.key_loc,
                );
                continue;
            }
        };
        let operator_located = Located {
            value: operator,
            text: member.key.clone(),
            path: op_path.clone(),
            loc: member.key_loc,
        };
        check_operator_shape(v, operator, &operator_located);
        let Value::Object(keys) = &member.value.value else {
            v.type_mismatch(
                &member.value,
                "an object of condition keys",
                &op_path,
                &member.key,
            );
            continue;
        };
        if keys.is_empty() {
            v.report(
                Finding::new(
                    codes::EMPTY_OBJECT_CONDITION,
                    format!(
                        "the operator `{}` has no condition keys and has no effect",
                        member.key
                    ),
                )
                .with_help("add a condition key, or remove the operator"),
                &op_path,
                member.value.loc,
            );
        }
        let mut lowercase_keys: HashMap<String, &str> = HashMap::new();
        for key_member in keys {
            let key = key_member.key.as_ref();
            let key_path = op_path.key(key);
            if let Some(previous) = lowercase_keys.insert(key.to_lowercase(), key) {
                let (code, message) = if previous == key {
                    (
                        codes::DUPLICATE_ELEMENT,
                        format!(
                            "the condition key `{key}` appears more than once under `{}`",
                            member.key
                        ),
                    )
                } else {
                    (
                        codes::DUPLICATE_KEYS_WITH_DIFFERENT_CASE,
                        format!(
                            "the condition keys `{previous}` and `{key}` differ only in case: IAM reads them as one key"
                        ),
                    )
                };
                v.report(
                    Finding::new(code, message)
                        .with_help("list all values of the key in one array"),
                    &key_path,
                    key_member.key_loc,
                );
                continue;
            }
            if let Err(finding) = check_key_format(key) {
                v.report(finding, &key_path, key_member.key_loc);
                continue;
            }
            let key_located = Located {
                value: (),
                text: key_member.key.clone(),
                path: key_path.clone(),
                loc: key_member.key_loc,
            };
            if let Some(entry) = read_values(
                v,
                operator_located.clone(),
                key_located,
                &key_member.value,
                version,
            ) {
                out.push(entry);
            }
        }
    }
    out.shrink_to_fit();
    out
}

fn operator_finding(name: &str, error: OperatorError) -> Finding {
    match error {
        OperatorError::NullWithIfExists => Finding::new(
            codes::NULL_WITH_IF_EXISTS,
            format!("the `Null` operator cannot take the `IfExists` suffix: `{name}`"),
        )
        .with_help("use `Null`: it already tests whether the key exists"),
        OperatorError::Unknown { suggestion } => {
            let finding = Finding::new(
                codes::INVALID_CONDITION_OPERATOR,
                format!("`{name}` is not a condition operator"),
            );
            match suggestion {
                Some(s) => finding.with_help(format!("did you mean `{s}`?")),
                None => finding.with_help("see the IAM condition operators: StringEquals, StringLike, ArnLike, Bool, NumericLessThan, DateGreaterThan, IpAddress, Null, ..."),
            }
        }
    }
}

fn check_operator_shape(v: &mut Validator, operator: Operator, at: &Located<Operator>) {
    if operator.base == crate::operator::BaseOperator::Null && operator.qualifier.is_some() {
        v.report(
            Finding::new(
                codes::NULL_WITH_QUALIFIER,
                format!("avoid `Null` with a set qualifier: `{}`", at.text),
            )
            .with_help("use `Null` alone"),
            &at.path,
            at.loc,
        );
    }
    if operator.if_exists && operator.qualifier.is_some() {
        v.report(
            Finding::new(
                codes::IFEXISTS_WITH_QUALIFIER,
                format!("`{}` combines `IfExists` with a set qualifier, whose meaning AWS does not document", at.text),
            )
            .with_help("this crate reads it as true when the key is missing; write the operator without `IfExists` to be sure"),
            &at.path,
            at.loc,
        );
    }
}

/// `service:name`, with no whitespace but the spaces of a tag key: `aws:PrincipalTag/team name`
/// is a valid key (tag keys may hold spaces and `_ . : / = + - @`, docs/semantics.md D13).
fn check_key_format(key: &str) -> Result<(), Finding> {
    let Some((service, name)) = key
        .split_once(':')
        .filter(|(s, n)| !s.is_empty() && !n.is_empty())
    else {
        return Err(Finding::new(
            codes::INVALID_CONDITION_KEY_FORMAT,
            format!("the condition key `{key}` is not valid: use the format `service:keyname`"),
        )
        .with_help("a condition key looks like `aws:username` or `ssm:resourceTag/Finance`"));
    };
    // The tag key of `...Tag/<tag key>`: the one place a space may stand.
    let tag_key = name
        .split_once('/')
        .filter(|(prefix, _)| prefix.to_ascii_lowercase().ends_with("tag"))
        .map(|(_, tag)| tag);
    let bad_space = |t: &str| t.contains(char::is_whitespace);
    let invalid = match tag_key {
        Some(tag) => {
            bad_space(service)
                || bad_space(&name[..name.len() - tag.len()])
                || tag.contains(|c: char| c.is_whitespace() && c != ' ')
        }
        None => bad_space(key),
    };
    if invalid {
        return Err(Finding::new(
            codes::INVALID_CONDITION_KEY_FORMAT,
            format!("the condition key `{key}` contains whitespace"),
        )
        .with_help(match tag_key {
            Some(_) => "remove the whitespace: only the tag key after `Tag/` may hold spaces (not tabs or line breaks)".to_owned(),
            None => format!("write `{}`", key.split_whitespace().collect::<String>()),
        }));
    }
    Ok(())
}

/// A condition value as text: strings as they are, numbers and booleans in their JSON form.
fn value_texts<'t>(
    v: &mut Validator,
    node: &Node<'t>,
    path: &JsonPath,
    operator: &str,
) -> Vec<Text<'t>> {
    let one = |v: &mut Validator, node: &Node<'t>, path: JsonPath| -> Option<Text<'t>> {
        let text = match &node.value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.clone(),
            Value::Bool(true) => Cow::Borrowed("true"),
            Value::Bool(false) => Cow::Borrowed("false"),
            _ => {
                v.type_mismatch(node, "a string, a number or a boolean", &path, operator);
                return None;
            }
        };
        Some(Located {
            value: (),
            text,
            path,
            loc: node.loc,
        })
    };
    match &node.value {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| one(v, item, path.index(i)))
            .collect(),
        _ => one(v, node, path.clone()).into_iter().collect(),
    }
}

fn read_values<'t>(
    v: &mut Validator,
    operator: Located<'t, Operator>,
    key: Text<'t>,
    node: &Node<'t>,
    version: Version,
) -> Option<ConditionEntry<'t>> {
    let op = operator.value;
    let mut texts = value_texts(v, node, &key.path, &operator.text);
    texts.shrink_to_fit();
    if matches!(&node.value, Value::Array(items) if items.is_empty()) {
        let code = match op.qualifier {
            Some(Qualifier::ForAllValues) => codes::EMPTY_ARRAY_CONDITION_FORALLVALUES,
            Some(Qualifier::ForAnyValue) => codes::EMPTY_ARRAY_CONDITION_FORANYVALUE,
            None if op.if_exists => codes::EMPTY_ARRAY_CONDITION_IFEXISTS,
            None => codes::EMPTY_ARRAY_CONDITION,
        };
        v.report(
            Finding::new(
                code,
                format!("the condition key `{}` has no values", key.text),
            )
            .with_help("give at least one value"),
            &key.path,
            node.loc,
        );
    }
    let errors_before = v.diagnostics.error_count();
    let reader = ValueReader::new(&operator, version);
    let values = match op.base.family() {
        Family::String => reader.strings(v, &texts),
        Family::Numeric => ConditionValues::Numbers(Cow::Owned(reader.parsed(
            v,
            &texts,
            values::parse_decimal,
            codes::TYPE_MISMATCH_NUMBER,
            "use a number such as `10` or `0.5`",
        ))),
        Family::Date => ConditionValues::Dates(Cow::Owned(reader.parsed(
            v,
            &texts,
            values::parse_date_policy,
            codes::TYPE_MISMATCH_DATE,
            "use an ISO 8601 date such as `2026-01-31T00:00:00Z`, or epoch seconds",
        ))),
        Family::Binary => ConditionValues::Binary(Cow::Owned(reader.parsed(
            v,
            &texts,
            values::decode_base64_policy,
            codes::TYPE_MISMATCH_STRING,
            "use base64-encoded bytes, such as `QmluYXJ5`",
        ))),
        Family::Ip => ConditionValues::Ips(Cow::Owned(reader.parsed(
            v,
            &texts,
            values::parse_cidr,
            codes::TYPE_MISMATCH_IP_RANGE,
            "use an address or CIDR block such as `203.0.113.0/24` or `2001:db8::/32`",
        ))),
        Family::Bool => {
            if texts.len() > 1 {
                v.report(
                    Finding::new(
                        codes::INVALID_CONDITION_MULTIPLE_BOOLEAN,
                        format!(
                            "the condition key `{}` has several boolean values",
                            key.text
                        ),
                    )
                    .with_help("use a single `true` or `false`"),
                    &key.path,
                    node.loc,
                );
            }
            ConditionValues::Bools(Cow::Owned(reader.bools(v, &texts)))
        }
        Family::Null => ConditionValues::Null(Cow::Owned(reader.parsed(
            v,
            &texts,
            values::parse_bool_policy,
            codes::TYPE_MISMATCH_BOOLEAN,
            "use `true` or `false`",
        ))),
        Family::Arn => ConditionValues::Arns(Cow::Owned(reader.arns(v, &texts))),
    };
    if v.diagnostics.error_count() > errors_before {
        return None;
    }
    Some(ConditionEntry {
        operator,
        key,
        values,
        value_texts: texts,
    })
}
