//! The `Condition` block: operators, keys, and values parsed for each operator's family.

use crate::codes;
use std::borrow::Cow;
use std::collections::HashMap;

use super::Validator;
use super::document::{ConditionEntry, Located, Version};
use super::resource::{ArnUse, read_arn};
use super::template::{self, Variables, Wildcards};
use crate::compiled::{ArnPattern, BoolValue, ConditionValues, Glob, Segment};
use crate::diagnostic::Finding;
use crate::json::{Node, Value};
use crate::location::JsonPath;
use crate::operator::{Comparison, Family, Operator, OperatorError, Qualifier};
use crate::values;

pub(crate) fn read_conditions(
    v: &mut Validator,
    node: &Node,
    path: &JsonPath,
    version: Version,
) -> Vec<ConditionEntry> {
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
        if seen_operators.insert(member.key.as_str(), ()).is_some() {
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
            let key = key_member.key.as_str();
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
                value: key.to_owned(),
                text: key.to_owned(),
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

/// `service:name`, or a known global form.
fn check_key_format(key: &str) -> Result<(), Finding> {
    let valid = match key.split_once(':') {
        Some((service, name)) => {
            !service.is_empty() && !name.is_empty() && !key.contains(char::is_whitespace)
        }
        None => false,
    };
    if valid {
        Ok(())
    } else {
        Err(Finding::new(
            codes::INVALID_CONDITION_KEY_FORMAT,
            format!("the condition key `{key}` is not valid: use the format `service:keyname`"),
        )
        .with_help("a condition key looks like `aws:username` or `ssm:resourceTag/Finance`"))
    }
}

/// A condition value as text: strings as they are, numbers and booleans in their JSON form.
fn value_texts<'a>(
    v: &mut Validator,
    node: &'a Node,
    path: &JsonPath,
    operator: &str,
) -> Vec<Located<String>> {
    let one = |v: &mut Validator, node: &'a Node, path: JsonPath| -> Option<Located<String>> {
        let text = match &node.value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.clone(),
            Value::Bool(b) => b.to_string(),
            _ => {
                v.type_mismatch(node, "a string, a number or a boolean", &path, operator);
                return None;
            }
        };
        Some(Located {
            value: text.clone(),
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

fn read_values(
    v: &mut Validator,
    operator: Located<Operator>,
    key: Located<String>,
    node: &Node,
    version: Version,
) -> Option<ConditionEntry> {
    let op = operator.value;
    let texts = value_texts(v, node, &key.path, &operator.text);
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
                format!("the condition key `{}` has no values", key.value),
            )
            .with_help("give at least one value"),
            &key.path,
            node.loc,
        );
    }
    let errors_before = v.diagnostics.errors().count();
    let family = op.base.family();
    let variables_rule = |family_ok: bool| {
        if !family_ok {
            Variables::UnsupportedForOperator(op.base.name())
        } else if version.supports_variables() {
            Variables::Allowed
        } else {
            Variables::UnsupportedInVersion
        }
    };
    let variables = variables_rule(op.base.allows_variables());
    let report = |v: &mut Validator, finding: Finding, at: &Located<String>| {
        v.report(finding, &at.path, at.loc)
    };
    // Values of operators that take no variables must not look like one.
    let forbid_variables = |v: &mut Validator, t: &Located<String>| -> bool {
        if template::has_variable(&t.text) {
            let (_, findings) = template::read(&t.text, Wildcards::Literal, variables);
            let any = !findings.is_empty();
            for f in findings {
                v.report(f, &t.path, t.loc);
            }
            return any;
        }
        false
    };
    let values = match family {
        Family::String => {
            let wildcards = if op.base.comparison() == Comparison::Like {
                Wildcards::Glob
            } else {
                Wildcards::Literal
            };
            let mut globs = Vec::new();
            for t in &texts {
                let (glob, findings) = template::read(&t.text, wildcards, variables);
                for f in findings {
                    report(v, f, t);
                }
                if wildcards == Wildcards::Literal && literal_has_wildcard(&glob) {
                    report(
                        v,
                        Finding::new(
                            codes::WILDCARD_WITHOUT_LIKE_OPERATOR,
                            format!(
                                "the value `{}` contains `*` or `?`, which `{}` compares as text",
                                t.text, operator.text
                            ),
                        )
                        .with_help(format!(
                            "to match a pattern, use `{}`",
                            like_operator(&operator.text)
                        )),
                        t,
                    );
                }
                globs.push(glob);
            }
            ConditionValues::Strings(Cow::Owned(globs))
        }
        Family::Numeric => {
            let mut out = Vec::new();
            for t in &texts {
                if forbid_variables(v, t) {
                    continue;
                }
                match values::parse_decimal(&t.text) {
                    Ok(d) => out.push(d),
                    Err(e) => report(
                        v,
                        mismatch(
                            codes::TYPE_MISMATCH_NUMBER,
                            &operator.text,
                            e.message(),
                            "use a number such as `10` or `0.5`",
                        ),
                        t,
                    ),
                }
            }
            ConditionValues::Numbers(Cow::Owned(out))
        }
        Family::Date => {
            let mut out = Vec::new();
            for t in &texts {
                if forbid_variables(v, t) {
                    continue;
                }
                match values::parse_date_policy(&t.text) {
                    Ok(d) => out.push(d),
                    Err(e) => report(
                        v,
                        mismatch(
                            codes::TYPE_MISMATCH_DATE,
                            &operator.text,
                            e.message(),
                            "use an ISO 8601 date such as `2026-01-31T00:00:00Z`, or epoch seconds",
                        ),
                        t,
                    ),
                }
            }
            ConditionValues::Dates(Cow::Owned(out))
        }
        Family::Bool | Family::Null => {
            let mut out = Vec::new();
            for t in &texts {
                if family == Family::Bool && template::has_variable(&t.text) {
                    let (glob, findings) = template::read(&t.text, Wildcards::Literal, variables);
                    let ok = findings.is_empty();
                    for f in findings {
                        report(v, f, t);
                    }
                    if ok {
                        out.push(BoolValue::Variable(glob));
                    }
                    continue;
                }
                if family == Family::Null && forbid_variables(v, t) {
                    continue;
                }
                match values::parse_bool_policy(&t.text) {
                    Ok(b) => out.push(BoolValue::Literal(b)),
                    Err(e) => report(
                        v,
                        mismatch(
                            codes::TYPE_MISMATCH_BOOLEAN,
                            &operator.text,
                            e.message(),
                            "use `true` or `false`",
                        ),
                        t,
                    ),
                }
            }
            if family == Family::Bool && texts.len() > 1 {
                v.report(
                    Finding::new(
                        codes::INVALID_CONDITION_MULTIPLE_BOOLEAN,
                        format!(
                            "the condition key `{}` has several boolean values",
                            key.value
                        ),
                    )
                    .with_help("use a single `true` or `false`"),
                    &key.path,
                    node.loc,
                );
            }
            if family == Family::Null {
                let bools = out.iter().filter_map(|b| match b {
                    BoolValue::Literal(b) => Some(*b),
                    BoolValue::Variable(_) => None,
                });
                ConditionValues::Null(Cow::Owned(bools.collect()))
            } else {
                ConditionValues::Bools(Cow::Owned(out))
            }
        }
        Family::Binary => {
            let mut out = Vec::new();
            for t in &texts {
                if forbid_variables(v, t) {
                    continue;
                }
                match values::decode_base64_policy(&t.text) {
                    Ok(bytes) => out.push(bytes),
                    Err(e) => report(
                        v,
                        mismatch(
                            codes::TYPE_MISMATCH_STRING,
                            &operator.text,
                            e.message(),
                            "use base64-encoded bytes, such as `QmluYXJ5`",
                        ),
                        t,
                    ),
                }
            }
            ConditionValues::Binary(Cow::Owned(out))
        }
        Family::Ip => {
            let mut out = Vec::new();
            for t in &texts {
                if forbid_variables(v, t) {
                    continue;
                }
                match values::parse_cidr(&t.text) {
                    Ok(net) => out.push(net),
                    Err(e) => report(
                        v,
                        mismatch(
                            codes::TYPE_MISMATCH_IP_RANGE,
                            &operator.text,
                            e.message(),
                            "use an address or CIDR block such as `203.0.113.0/24` or `2001:db8::/32`",
                        ),
                        t,
                    ),
                }
            }
            ConditionValues::Ips(Cow::Owned(out))
        }
        Family::Arn => {
            let mut out = Vec::new();
            for t in &texts {
                if !t.text.is_empty() && t.text.chars().all(|c| c == '*') {
                    out.push(any_arn());
                    continue;
                }
                match read_arn(&t.text, version, ArnUse::Condition) {
                    Ok((arn, findings)) => {
                        for f in findings {
                            // An ARN operator compares text: region and account shapes are not its concern.
                            if !matches!(
                                f.code,
                                codes::INVALID_ARN_REGION
                                    | codes::INVALID_ARN_ACCOUNT
                                    | codes::MISSING_ARN_FIELD
                            ) {
                                report(v, f, t);
                            }
                        }
                        out.push(arn);
                    }
                    Err(findings) => {
                        for f in findings {
                            let f = if f.code == codes::INVALID_ARN_PREFIX {
                                Finding::new(
                                    codes::TYPE_MISMATCH_ARN,
                                    format!("the value `{}` of `{}` is not an ARN", t.text, operator.text),
                                )
                                .with_help("use an ARN such as `arn:aws:iam::123456789012:role/*`, or a String operator")
                            } else {
                                f
                            };
                            report(v, f, t);
                        }
                    }
                }
            }
            ConditionValues::Arns(Cow::Owned(out))
        }
    };
    if v.diagnostics.errors().count() > errors_before {
        return None;
    }
    Some(ConditionEntry {
        operator,
        key,
        values,
        value_texts: texts,
    })
}

fn mismatch(code: codes::Code, operator: &str, why: &str, help: &str) -> Finding {
    Finding::new(
        code,
        format!("`{operator}` cannot compare this value: {why}"),
    )
    .with_help(help.to_owned())
}

fn literal_has_wildcard(glob: &Glob) -> bool {
    glob.segments
        .iter()
        .any(|s| matches!(s, Segment::Literal(l) if l.contains(['*', '?'])))
}

fn like_operator(operator: &str) -> String {
    operator
        .replace("StringEqualsIgnoreCase", "StringLike")
        .replace("StringNotEqualsIgnoreCase", "StringNotLike")
        .replace("StringEquals", "StringLike")
        .replace("StringNotEquals", "StringNotLike")
}

/// `*` as an ARN operator value: every ARN.
fn any_arn() -> ArnPattern {
    ArnPattern {
        partition: Glob::any(),
        service: Glob::any(),
        region: Glob::any(),
        account: Glob::any(),
        resource: Glob::any(),
    }
}
