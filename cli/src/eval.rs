//! `iam-policy eval`: decides one request against every policy type (identity policies, a
//! permissions boundary, a session policy, a resource-based policy, SCPs, RCPs and an endpoint
//! policy), with `iam_policy::Authorizer`, and names what decided.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use iam_policy::limits::Part;
use iam_policy::{
    Authorizer, ContextMap, Decision, Options, Policy, PolicyKind, PolicyType, Request,
    StatementRef,
};

use crate::cli::{ColorChoice, EvalArgs};
use crate::files;
use crate::locate::statement_line;
use crate::output::human;
use crate::report;
use crate::status::Status;
use crate::style::{Style, sanitize};

/// A policy read from a file.
pub(crate) struct Loaded {
    pub(crate) file: String,
    text: String,
    pub(crate) policy: Policy,
}

pub fn run(args: &EvalArgs, color: ColorChoice) -> Status {
    let err_style = Style::stderr(color);
    let context = match parse_context(&args.context) {
        Ok(context) => context,
        Err(message) => {
            eprintln!("{}: {message}", err_style.red("error"));
            return Status::Usage;
        }
    };
    let extras = match args.extras.load() {
        Ok(extras) => extras,
        Err(message) => {
            eprintln!("{}: {message}", err_style.red("error"));
            return Status::Usage;
        }
    };
    let load_all = |paths: &[PathBuf], policy_type| -> Result<Vec<Loaded>, ()> {
        let mut loaded = Vec::new();
        let mut failed = false;
        for path in paths {
            match load(path, policy_type, &extras, err_style) {
                Some(policy) => loaded.push(policy),
                None => failed = true,
            }
        }
        if failed { Err(()) } else { Ok(loaded) }
    };
    if let Some(account) = &args.resource_account
        && !iam_policy_core::principal::is_account_id(account)
    {
        eprintln!(
            "{}: `--resource-account {}` is not an account ID of 12 digits\n  help: write the 12 digits of the account that owns the resource, such as `--resource-account 111122223333`",
            err_style.red("error"),
            sanitize(account)
        );
        return Status::Usage;
    }
    let identity = load_all(&args.policies, PolicyType::Managed);
    let boundary = load_all(args.boundary.as_slice(), PolicyType::Managed);
    let scps = load_all(&args.scps, PolicyType::Scp);
    let rcps = load_all(&args.rcps, PolicyType::Rcp);
    let session = load_all(args.session_policy.as_slice(), PolicyType::Session);
    let resource = load_all(args.resource_policy.as_slice(), PolicyType::Resource);
    let endpoint = load_all(args.endpoint_policy.as_slice(), PolicyType::VpcEndpoint);
    let (Ok(identity), Ok(boundary), Ok(scps), Ok(rcps), Ok(session), Ok(resource), Ok(endpoint)) =
        (identity, boundary, scps, rcps, session, resource, endpoint)
    else {
        return Status::Usage;
    };

    let mut authorizer = Authorizer::new();
    for loaded in &identity {
        authorizer = authorizer.identity(&loaded.policy);
    }
    for loaded in &boundary {
        authorizer = authorizer.boundary(&loaded.policy);
    }
    for loaded in &scps {
        authorizer = authorizer.scp(&loaded.policy);
    }
    for loaded in &rcps {
        authorizer = authorizer.rcp(&loaded.policy);
    }
    for loaded in &session {
        authorizer = authorizer.session_policy(&loaded.policy);
    }
    for loaded in &resource {
        authorizer = authorizer.resource_policy(&loaded.policy);
    }
    for loaded in &endpoint {
        authorizer = authorizer.endpoint_policy(&loaded.policy);
    }
    let mut request = Request::new(&args.action, &args.resource).context(&context);
    if let Some(principal) = &args.principal {
        request = request.principal(principal);
    }
    if let Some(account) = &args.resource_account {
        request = request.resource_account(account);
    }
    let verdict = authorizer.explain(&request);
    let of_kind = |kind: PolicyKind| -> &[Loaded] {
        match kind {
            PolicyKind::Identity => &identity,
            PolicyKind::PermissionsBoundary => &boundary,
            PolicyKind::ServiceControl => &scps,
            PolicyKind::ResourceControl => &rcps,
            PolicyKind::Session => &session,
            PolicyKind::ResourceBased => &resource,
            PolicyKind::VpcEndpoint => &endpoint,
            _ => &[],
        }
    };

    let style = Style::stdout(color);
    let mut out = String::new();
    let what = format!(
        "`{}` on `{}`",
        sanitize(&args.action),
        sanitize(&args.resource)
    );
    match verdict.decision {
        Decision::Allowed => {
            out.push_str(&style.green("Allowed"));
            out.push('\n');
            if let Some(at) = verdict.statement
                && let Some(loaded) = of_kind(at.kind).get(at.policy)
            {
                out.push_str(&format!(
                    "  allowed by {}\n",
                    statement(loaded, at.statement, at.kind)
                ));
            }
            // The guardrails allowed too: say by which statements.
            for (kind, policies) in [
                (PolicyKind::PermissionsBoundary, &boundary),
                (PolicyKind::Session, &session),
                (PolicyKind::ServiceControl, &scps),
                (PolicyKind::VpcEndpoint, &endpoint),
            ] {
                for loaded in policies.iter() {
                    if let Some(s) = loaded.policy.explain(&request).statement {
                        out.push_str(&format!("  and by {}\n", statement(loaded, s, kind)));
                    }
                }
            }
        }
        Decision::ExplicitlyDenied => {
            out.push_str(&style.red("ExplicitlyDenied"));
            out.push('\n');
            if let Some(at) = verdict.statement
                && let Some(loaded) = of_kind(at.kind).get(at.policy)
            {
                out.push_str(&format!(
                    "  denied by {}\n",
                    statement(loaded, at.statement, at.kind)
                ));
            }
        }
        Decision::ImplicitlyDenied if verdict.malformed.is_some() => {
            out.push_str(&style.red("ImplicitlyDenied"));
            out.push('\n');
            if let Some(malformed) = verdict.malformed {
                let star = malformed == iam_policy_core::request_check::STAR_FOR_RESOURCE_ACTION;
                let help = if star && !iam_policy_core::extras::may_act_on_no_resource(&args.action)
                {
                    // A catalog action with resource types: no declaration can change that (D38).
                    format!(
                        "`{}` acts on resources (the catalog lists their types): give the ARN of the one it acts on",
                        sanitize(&args.action)
                    )
                } else if star {
                    // D38: the one refusal a declaration can lift.
                    format!(
                        "give the ARN of the resource; if `{}` is newer than the catalog and acts on no resource, declare it with `--extra-action \"{} no-resource\"`",
                        sanitize(request.action()),
                        sanitize(request.action())
                    )
                } else {
                    "AWS never sends such a request; give an action `service:Name` and the ARN of the resource (`*` only for actions without resource types)".to_owned()
                };
                // The part at fault, as given, so that the reason can be read against it.
                let given = match malformed.part {
                    Part::Action => Some(("action", args.action.as_str())),
                    Part::Resource => Some(("resource", args.resource.as_str())),
                    Part::Principal => {
                        args.principal
                            .as_deref()
                            .map(|arn| ("principal", arn))
                            .or(args
                                .resource_account
                                .as_deref()
                                .map(|a| ("resource account", a)))
                    }
                    Part::Context => None,
                };
                let part = match given {
                    Some((part, text)) => format!("the request's {part} `{}`", sanitize(text)),
                    None => "the request's context".to_owned(),
                };
                out.push_str(&format!(
                    "  no policy was read: {part} is malformed: {}\n  help: {help}\n",
                    malformed.reason
                ));
            }
        }
        Decision::ImplicitlyDenied => {
            out.push_str(&style.red("ImplicitlyDenied"));
            out.push('\n');
            let (kind, index) = verdict.missing_allow.unwrap_or((PolicyKind::Identity, 0));
            let line = match kind {
                PolicyKind::Identity => {
                    let names: Vec<String> = identity
                        .iter()
                        .map(|l| format!("`{}`", sanitize(&l.file)))
                        .collect();
                    format!(
                        "no statement of the identity policies ({}) allows {what}",
                        names.join(", ")
                    )
                }
                PolicyKind::ResourceBased if resource.is_empty() => format!(
                    "{what} needs a resource-based policy that allows it (across accounts, or for a role or KMS key): give it with `--resource-policy`"
                ),
                PolicyKind::ResourceBased => format!(
                    "the resource-based policy `{}` does not name the principal in a statement that allows {what}",
                    sanitize(&resource[0].file)
                ),
                PolicyKind::Session if session.is_empty() => {
                    "a federated user without a session policy has no permissions: give it with `--session-policy`".to_owned()
                }
                _ => match of_kind(kind).get(index) {
                    Some(loaded) => format!(
                        "the {kind} `{}` has no statement that allows {what}",
                        sanitize(&loaded.file)
                    ),
                    None => format!("no {kind} allows {what}"),
                },
            };
            out.push_str(&format!("  {line}\n"));
            // Why not: the nearest `Allow` statements of the policies that lacked one.
            let mut nearest = Vec::new();
            for loaded in of_kind(kind) {
                for miss in loaded.policy.why_not(&request, 3) {
                    let at = StatementRef {
                        index: miss.statement,
                        sid: loaded.policy.statements()[miss.statement].sid.as_deref(),
                    };
                    nearest.push(format!(
                        "    {}: {}\n",
                        statement(loaded, at, kind),
                        sanitize(&miss.reasons.join("; "))
                    ));
                }
            }
            if !nearest.is_empty() {
                out.push_str("  nearest statements:\n");
                for line in nearest.iter().take(5) {
                    out.push_str(line);
                }
            }
        }
    }
    // An action or a context key the catalog does not know, whatever the decision.
    for note in catalog_notes(&args.action, &args.context, &extras) {
        out.push_str(&format!("  note: {}\n", sanitize(&note)));
    }
    let mut stdout = io::stdout().lock();
    let _ = stdout.write_all(out.as_bytes());
    let _ = stdout.flush();
    if verdict.decision == Decision::Allowed {
        Status::Success
    } else {
        Status::Failure
    }
}

/// `` `Statement[1]` (Sid `X`) of the identity policy `a.json`, line 17 ``.
fn statement(loaded: &Loaded, at: StatementRef<'_>, kind: PolicyKind) -> String {
    let sid = match at.sid {
        Some(sid) => format!(" (Sid `{}`)", sanitize(sid)),
        None => String::new(),
    };
    let line = match statement_line(&loaded.text, at.index) {
        Some(line) => format!(", line {line}"),
        None => String::new(),
    };
    format!(
        "`Statement[{}]`{sid} of the {kind} `{}`{line}",
        at.index,
        sanitize(&loaded.file)
    )
}

/// `KEY=VALUE` pairs; a key given twice is multivalued.
fn parse_context(pairs: &[String]) -> Result<ContextMap, String> {
    let mut context = ContextMap::new();
    for (key, value) in split_context(pairs)? {
        context.push(key, value);
    }
    Ok(context)
}

/// The `KEY=VALUE` pairs of `--context` options, split.
pub(crate) fn split_context(pairs: &[String]) -> Result<Vec<(&str, &str)>, String> {
    pairs
        .iter()
        .map(|pair| match pair.split_once('=') {
            Some((key, value)) if !key.trim().is_empty() => Ok((key.trim(), value)),
            _ => Err(format!(
                "`--context {pair}` is not `KEY=VALUE`\n  help: write the key, `=` and the value: `--context aws:username=alice`"
            )),
        })
        .collect()
}

/// Reads and validates a policy file; prints why when it cannot be used.
pub(crate) fn load(
    path: &Path,
    policy_type: PolicyType,
    extras: &iam_policy::Extras,
    err_style: Style,
) -> Option<Loaded> {
    let file = path.display().to_string();
    let bytes = match files::read(path, iam_policy_core::validate::DEFAULT_MAX_BYTES) {
        Ok(bytes) => bytes,
        Err(problem) => {
            eprintln!("{}: {problem}", err_style.red("error"));
            return None;
        }
    };
    let options = Options::new()
        .with_policy_type(policy_type)
        .with_catalog(true)
        .with_extras(extras.clone());
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let report = report::check(file, error.into_bytes(), &options);
            let _ = human::write_report(&mut io::stderr().lock(), &report, err_style);
            return None;
        }
    };
    match Policy::from_json_with(&text, &options) {
        Ok(loaded) => {
            for warning in &loaded.warnings {
                let d = &warning.diagnostic;
                eprintln!(
                    "{}: {file}:{}:{}: {}",
                    err_style.severity(d.severity(), &format!("{}[{}]", d.severity(), d.code())),
                    warning.line,
                    warning.column,
                    sanitize(d.message())
                );
            }
            Some(Loaded {
                file,
                text,
                policy: loaded.policy,
            })
        }
        Err(error) => {
            eprintln!("{}: `{file}` is not a valid policy", err_style.red("error"));
            let diagnostics = error
                .diagnostics()
                .iter()
                .map(|d| d.diagnostic.clone())
                .collect();
            let report = report::place(file, text, diagnostics);
            let _ = human::write_report(&mut io::stderr().lock(), &report, err_style);
            None
        }
    }
}

/// What the service catalog says of the request's action and context keys: an unknown action (with
/// the closest), an unknown key, a key the action does not take.
fn catalog_notes(action: &str, pairs: &[String], extras: &iam_policy::Extras) -> Vec<String> {
    use iam_policy_core::catalog::checks;
    let with_help = |f: iam_policy_core::diagnostic::Finding| match f.help {
        Some(help) => format!("{} ({help})", f.message),
        None => f.message,
    };
    let build = iam_policy_core::extras::crate_wide();
    if build.has_action(action) || extras.has_action(action) {
        // Declared: the catalog is not asked about the action, nor about keys for it.
        return Vec::new();
    }
    let mut notes: Vec<String> = checks::check_action(action)
        .into_iter()
        .map(with_help)
        .collect();
    let mut keys: Vec<&str> = pairs
        .iter()
        .filter_map(|p| p.split_once('='))
        .map(|(k, _)| k)
        .collect();
    keys.dedup();
    keys.retain(|key| !build.has_key(key) && !extras.has_key(key));
    for key in keys {
        notes.extend(
            checks::check_condition_key(&[action], key)
                .into_iter()
                .map(with_help),
        );
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use iam_policy::Context;

    #[test]
    fn context_pairs() {
        let context = parse_context(&[
            "aws:TagKeys=a".into(),
            "AWS:TagKeys=b".into(),
            "k=x=y".into(),
        ])
        .unwrap();
        assert_eq!(
            context
                .values("aws:tagkeys")
                .unwrap()
                .iter()
                .collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(
            context.values("k").unwrap().iter().collect::<Vec<_>>(),
            ["x=y"]
        );
        assert!(parse_context(&["novalue".into()]).is_err());
        assert!(parse_context(&["=v".into()]).is_err());
    }
}
