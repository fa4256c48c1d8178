//! `iam-policy check-access-not-granted`, `check-no-new-access` and `check-no-public-access`:
//! access questions about policy files, answered by `iam_policy::access`, with the request that
//! proves a failure.

use std::io::Write;

use iam_policy::access::{self, AccessContext, Answer, KeyValue, Query};
use serde_json::{Value, json};

use crate::cli::{AccessFormat, ColorChoice, NoNewAccessArgs, NoPublicAccessArgs, NotGrantedArgs};
use crate::eval::{load, split_context};
use crate::status::Status;
use crate::style::{Style, sanitize};

pub fn not_granted(args: &NotGrantedArgs, color: ColorChoice) -> Status {
    let err_style = Style::stderr(color);
    let usage = |message: String| {
        eprintln!("{}: {message}", err_style.red("error"));
        Status::Usage
    };
    let context = match split_context(&args.context) {
        Ok(pairs) => pairs,
        Err(message) => return usage(message),
    };
    let actions: Vec<&str> = args.actions.iter().map(String::as_str).collect();
    let resources: Vec<&str> = args.resources.iter().map(String::as_str).collect();
    let mut query = match Query::on(&actions, &resources) {
        Ok(query) => query,
        Err(error) => return usage(error.to_string()),
    };
    for (key, values) in group(&context) {
        query = match values.as_slice() {
            [one] => query.context(key, one),
            many => query.context_set(key, many),
        };
    }
    let extras = match args.extras.load() {
        Ok(extras) => extras,
        Err(message) => return usage(message),
    };
    let Some(policy) = load(
        &args.policy,
        args.policy_type.policy_type(),
        &extras,
        err_style,
    ) else {
        return Status::Usage;
    };
    let answer = access::not_granted(&policy.policy, &query);
    let file = sanitize(&policy.file);
    let asked = list(&args.actions);
    let on = if args.resources.is_empty() {
        String::new()
    } else {
        format!(" on {}", list(&args.resources))
    };
    let message = match &answer {
        Answer::Holds => format!("`{file}` allows none of {asked}{on}"),
        Answer::Fails(w) => format!("`{file}` allows {asked}{on}: it allows the request {w}"),
        Answer::Unknown(reason) => {
            format!("cannot prove that `{file}` allows none of {asked}{on}: {reason}")
        }
    };
    let extra = json!({
        "policy": policy.file,
        "actions": args.actions,
        "resources": args.resources,
    });
    report(
        "CheckAccessNotGranted",
        &answer,
        &message,
        extra,
        args.format,
        color,
    )
}

pub fn no_new_access(args: &NoNewAccessArgs, color: ColorChoice) -> Status {
    let err_style = Style::stderr(color);
    let pairs = match split_context(&args.context) {
        Ok(pairs) => pairs,
        Err(message) => {
            eprintln!("{}: {message}", err_style.red("error"));
            return Status::Usage;
        }
    };
    let policy_type = args.policy_type.policy_type();
    let extras = match args.extras.load() {
        Ok(extras) => extras,
        Err(message) => {
            eprintln!("{}: {message}", err_style.red("error"));
            return Status::Usage;
        }
    };
    let policy = load(&args.policy, policy_type, &extras, err_style);
    let reference = load(&args.reference, policy_type, &extras, err_style);
    let (Some(policy), Some(reference)) = (policy, reference) else {
        return Status::Usage;
    };
    let mut context = AccessContext::new();
    for (key, values) in group(&pairs) {
        let value = match values.as_slice() {
            [one] => KeyValue::One((*one).to_owned()),
            many => KeyValue::Set(many.iter().map(|v| (*v).to_owned()).collect()),
        };
        context.set(key, value);
    }
    let answer = iam_policy_core::access::no_new_access_in(
        policy.policy.compiled(),
        reference.policy.compiled(),
        &context,
    );
    let (file, reference_file) = (sanitize(&policy.file), sanitize(&reference.file));
    let message = match &answer {
        Answer::Holds => format!("`{file}` allows nothing that `{reference_file}` does not"),
        Answer::Fails(w) => format!(
            "`{file}` allows more than `{reference_file}`: it allows the request {w}, which `{reference_file}` does not"
        ),
        Answer::Unknown(reason) => format!(
            "cannot prove that `{file}` allows nothing that `{reference_file}` does not: {reason}"
        ),
    };
    let extra = json!({ "policy": policy.file, "reference": reference.file });
    report(
        "CheckNoNewAccess",
        &answer,
        &message,
        extra,
        args.format,
        color,
    )
}

pub fn no_public_access(args: &NoPublicAccessArgs, color: ColorChoice) -> Status {
    let err_style = Style::stderr(color);
    let usage = |message: String| {
        eprintln!("{}: {message}", err_style.red("error"));
        Status::Usage
    };
    let policy_type = args.policy_type.policy_type();
    if !policy_type.has_principals() {
        return usage(format!(
            "`{}` policies have no `Principal`: the public access check reads a resource-based policy\nhelp: give its type with `--policy-type`, such as `s3-bucket`, `trust` or `resource`",
            policy_type.name()
        ));
    }
    let accounts: Vec<&str> = args.accounts.iter().map(String::as_str).collect();
    let trust = match access::Trust::new(&accounts, args.org.as_deref()) {
        Ok(trust) => trust,
        Err(error) => return usage(error.to_string()),
    };
    let extras = match args.extras.load() {
        Ok(extras) => extras,
        Err(message) => return usage(message),
    };
    let Some(policy) = load(&args.policy, policy_type, &extras, err_style) else {
        return Status::Usage;
    };
    let answer = access::no_public_access(&policy.policy, &trust);
    let file = sanitize(&policy.file);
    let outside = match (args.accounts.is_empty(), &args.org) {
        (true, None) => "anyone it does not name".to_owned(),
        (false, None) => format!("a principal outside {}", list(&args.accounts)),
        (true, Some(org)) => format!("a principal outside `{}`", sanitize(org)),
        (false, Some(org)) => format!(
            "a principal outside {} and `{}`",
            list(&args.accounts),
            sanitize(org)
        ),
    };
    let message = match &answer {
        Answer::Holds => {
            format!("`{file}` allows no access to {outside}, and none to anonymous callers")
        }
        Answer::Fails(w) => {
            format!("`{file}` allows access to {outside}: it allows the request {w}")
        }
        Answer::Unknown(reason) => {
            format!("cannot prove that `{file}` allows no access to {outside}: {reason}")
        }
    };
    let extra = json!({
        "policy": policy.file,
        "accounts": args.accounts,
        "org": args.org,
    });
    report(
        "CheckNoPublicAccess",
        &answer,
        &message,
        extra,
        args.format,
        color,
    )
}

/// Repeated keys of `--context` become one multivalued key.
fn group<'a>(pairs: &[(&'a str, &'a str)]) -> Vec<(&'a str, Vec<&'a str>)> {
    let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
    for &(key, value) in pairs {
        match out.iter_mut().find(|(k, _)| iam_policy::key_eq(k, key)) {
            Some((_, values)) => values.push(value),
            None => out.push((key, vec![value])),
        }
    }
    out
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("`{}`", sanitize(i)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn report(
    check: &str,
    answer: &Answer,
    message: &str,
    extra: Value,
    format: AccessFormat,
    color: ColorChoice,
) -> Status {
    let (result, status) = match answer {
        Answer::Holds => ("PASS", Status::Success),
        Answer::Fails(_) => ("FAIL", Status::Failure),
        Answer::Unknown(_) => ("UNKNOWN", Status::Failure),
    };
    let mut out = std::io::stdout().lock();
    let _ = match format {
        AccessFormat::Human => {
            let style = Style::stdout(color);
            let label = match answer {
                Answer::Holds => style.green(result),
                _ => style.red(result),
            };
            writeln!(out, "{label}: {message}")
        }
        AccessFormat::Json => {
            let mut object = json!({
                "check": check,
                "result": result,
                "message": message,
                "witness": answer.witness().map(|w| {
                    serde_json::from_str::<Value>(&w.to_json()).unwrap_or(Value::Null)
                }),
                "reason": match answer {
                    Answer::Unknown(reason) => Value::String(reason.clone()),
                    _ => Value::Null,
                },
            });
            if let (Value::Object(object), Value::Object(extra)) = (&mut object, extra) {
                object.extend(extra);
            }
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&object).unwrap_or_default()
            )
        }
    };
    let _ = out.flush();
    status
}
