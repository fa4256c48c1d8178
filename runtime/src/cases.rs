//! Decision test files: requests, and the decision AWS would take on each, as JSON Lines.
//!
//! Users keep such files beside their policies as unit tests of the policies; `iam-policy test`
//! runs them, and this crate's own tests run the same files through both evaluation paths. One
//! line is one case, in this format:
//!
//! ```text
//! {"id": "own-session#0", "name": "optional", "policies": [{"Version": "2012-10-17", "Statement": [...]}],
//!  "request": {"action": "ssm:TerminateSession", "resource": "arn:aws:ssm:...", "context": {"aws:username": "alice"}},
//!  "expected": "Allowed"}
//! ```
//!
//! (shown on two lines here; a real case is one line). `policies` are the identity policies of the
//! principal, pooled; `context` values are strings, or lists of strings for multivalued keys;
//! `expected` is `Allowed`, `ExplicitlyDenied` or `ImplicitlyDenied`. Other fields are ignored.
//!
//! ```
//! use iam_policy::cases;
//!
//! let file = r#"{"id": "get", "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}], "request": {"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"}, "expected": "Allowed"}"#;
//! let cases = cases::parse(file)?;
//! let report = cases::run(&cases);
//! assert_eq!((report.passed(), report.failed()), (1, 0));
//! // Each failure with its request and deciding statement, then `1 passed, 0 failed`.
//! print!("{report}");
//! # Ok::<(), cases::CaseFileError>(())
//! ```

use std::collections::HashMap;
use std::fmt;

use serde_json::{Map, Value};

use crate::context::ContextMap;
use crate::policy::{Evaluation, LoadError, Policy};
use crate::request::Request;
use iam_policy_core::eval::Decision;

/// One case of a decision test file.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    /// The case's line in its file (from 1), for messages.
    pub line: usize,
    /// Unique within the file.
    pub id: String,
    pub name: Option<String>,
    /// The identity policies, each as compact JSON in the key order of the file. They are
    /// re-serialized from the parsed line, so a key written twice in the file keeps its last value.
    pub policies: Vec<String>,
    pub request: CaseRequest,
    pub expected: Decision,
}

/// The request of a case: action, resource and context, fixed once parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseRequest {
    action: String,
    resource: String,
    entries: Vec<(String, RequestValue)>,
    context: ContextMap,
}

/// A context value as the file gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RequestValue {
    One(String),
    /// A list: a multivalued key, even with one element or none.
    Set(Vec<String>),
}

/// Why a decision test file cannot be read: every bad line, not just the first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseFileError {
    errors: Vec<LineError>,
}

/// A line of a decision test file that is not a valid case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    /// From 1.
    pub line: usize,
    /// The case's `id`, when the line got that far.
    pub id: Option<String>,
    pub message: String,
}

/// The decision of a principal's pooled identity policies and the statement that took it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PooledDecision {
    pub decision: Decision,
    /// The first applicable Deny, else the first applicable Allow (in policy order, then statement
    /// order); `None` for an implicit deny.
    pub by: Option<DecidingStatement>,
    /// Why the request was denied without reading the policies (`Request::check`).
    pub malformed: Option<iam_policy_core::request_check::Malformed>,
}

/// Where the deciding statement is: the policy's index in the case's `policies` and the
/// statement's index in that policy's `Statement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecidingStatement {
    pub policy: usize,
    pub statement: usize,
    pub sid: Option<String>,
}

/// What running a case gave.
#[derive(Clone, Debug)]
pub enum Outcome {
    /// Every policy loaded and the request was decided.
    Decided(PooledDecision),
    /// Policies that failed validation (index in `policies`, and why): the case is an error.
    InvalidPolicies(Vec<(usize, LoadError)>),
}

/// A case and what running it gave. Its `Display` is the report of a failure: the expectation,
/// the result, the request and the deciding statement (or the policies, when none decided).
#[derive(Clone, Debug)]
pub struct CaseResult<'c> {
    pub case: &'c Case,
    pub outcome: Outcome,
}

/// Passed, failed (decided otherwise than expected) or error (a policy is not valid).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Passed,
    Failed,
    Error,
}

/// The results of a run, in case order. Its `Display` prints every case that did not pass, then
/// the summary line `N passed, M failed`.
#[derive(Clone, Debug, Default)]
pub struct Report<'c> {
    pub results: Vec<CaseResult<'c>>,
}

/// Reads a decision test file. Blank lines are skipped; every other line must be a case, else the
/// error lists every bad line.
pub fn parse(text: &str) -> Result<Vec<Case>, CaseFileError> {
    match parse_lenient(text) {
        (cases, errors) if errors.is_empty() => Ok(cases),
        (_, errors) => Err(CaseFileError { errors }),
    }
}

/// Reads what it can of a decision test file: the valid cases, and an error for every other
/// line, so that a runner can run the good cases and count the bad lines as failures. A case whose
/// `id` an earlier line already took is an error, and the earlier case is kept.
pub fn parse_lenient(text: &str) -> (Vec<Case>, Vec<LineError>) {
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    let mut first_line_of: HashMap<String, usize> = HashMap::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let line = if index == 0 {
            line.trim_start_matches('\u{feff}')
        } else {
            line
        };
        if line.trim().is_empty() {
            continue;
        }
        match parse_case(line, number) {
            Ok(case) => {
                if let Some(first) = first_line_of.get(&case.id) {
                    errors.push(LineError {
                        line: number,
                        message: format!("duplicate `id`: line {first} has the same"),
                        id: Some(case.id),
                    });
                } else {
                    first_line_of.insert(case.id.clone(), number);
                    cases.push(case);
                }
            }
            Err(error) => errors.push(error),
        }
    }
    (cases, errors)
}

/// Runs every case (see [`run_case`]).
pub fn run(cases: &[Case]) -> Report<'_> {
    Report {
        results: cases.iter().map(run_case).collect(),
    }
}

/// Loads the case's policies with [`Policy::from_json`] and decides its request with them.
pub fn run_case(case: &Case) -> CaseResult<'_> {
    let mut policies = Vec::with_capacity(case.policies.len());
    let mut invalid = Vec::new();
    for (index, text) in case.policies.iter().enumerate() {
        match Policy::from_json(text) {
            Ok(policy) => policies.push(policy),
            Err(error) => invalid.push((index, error)),
        }
    }
    let outcome = if invalid.is_empty() {
        let request = case.request.as_request();
        Outcome::Decided(pool(policies.iter().map(|policy| policy.explain(&request))))
    } else {
        Outcome::InvalidPolicies(invalid)
    };
    CaseResult { case, outcome }
}

/// Combines the evaluations of a principal's identity policies, given in policy order
/// (`docs/semantics.md` section 1): a Deny in any policy wins, else any Allow allows, else the
/// request is implicitly denied. Takes evaluations rather than policies so that callers can pool
/// either evaluation path ([`Policy::explain`] or [`Policy::explain_interpreted`]).
pub fn pool<'p>(evaluations: impl IntoIterator<Item = Evaluation<'p>>) -> PooledDecision {
    let mut allowed_by = None;
    for (policy, evaluation) in evaluations.into_iter().enumerate() {
        if let Some(malformed) = evaluation.malformed {
            return PooledDecision {
                decision: evaluation.decision,
                by: None,
                malformed: Some(malformed),
            };
        }
        let by = evaluation.statement.map(|statement| DecidingStatement {
            policy,
            statement: statement.index,
            sid: statement.sid.map(str::to_owned),
        });
        match evaluation.decision {
            Decision::ExplicitlyDenied => {
                return PooledDecision {
                    decision: Decision::ExplicitlyDenied,
                    by,
                    malformed: None,
                };
            }
            Decision::Allowed if allowed_by.is_none() => allowed_by = Some(by),
            Decision::Allowed | Decision::ImplicitlyDenied => {}
        }
    }
    match allowed_by {
        Some(by) => PooledDecision {
            decision: Decision::Allowed,
            by,
            malformed: None,
        },
        None => PooledDecision {
            decision: Decision::ImplicitlyDenied,
            by: None,
            malformed: None,
        },
    }
}

impl Case {
    /// A statement of one of the case's policies as compact JSON, to show what decided.
    pub fn statement_json(&self, policy: usize, statement: usize) -> Option<String> {
        let document: Value = serde_json::from_str(self.policies.get(policy)?).ok()?;
        let statement = match document.get("Statement")? {
            Value::Array(statements) => statements.get(statement)?,
            single @ Value::Object(_) if statement == 0 => single,
            _ => return None,
        };
        serde_json::to_string(statement).ok()
    }

    /// `` `id` (line N): name ``, how messages name the case.
    fn title(&self) -> String {
        match &self.name {
            Some(name) => format!("`{}` (line {}): {name}", self.id, self.line),
            None => format!("`{}` (line {})", self.id, self.line),
        }
    }
}

impl CaseRequest {
    pub fn action(&self) -> &str {
        &self.action
    }

    /// An ARN, or `*` for actions without resource-level permissions.
    pub fn resource(&self) -> &str {
        &self.resource
    }

    /// The context as evaluation reads it.
    pub fn context(&self) -> &ContextMap {
        &self.context
    }

    /// The context entries in file order, as written.
    pub fn context_entries(&self) -> &[(String, RequestValue)] {
        &self.entries
    }

    /// The request to evaluate, borrowing this one.
    pub fn as_request(&self) -> Request<'_> {
        Request::new(&self.action, &self.resource).context(&self.context)
    }
}

impl fmt::Display for CaseRequest {
    /// `ssm:StartSession on arn:... with aws:username = "alice", aws:TagKeys = ["a", "b"]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} on {}", self.action, self.resource)?;
        for (i, (key, value)) in self.entries.iter().enumerate() {
            f.write_str(if i == 0 { " with " } else { ", " })?;
            write!(f, "{key} = {value}")?;
        }
        Ok(())
    }
}

impl fmt::Display for RequestValue {
    /// As JSON: `"alice"` or `["a", "b"]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestValue::One(value) => write!(f, "{value:?}"),
            RequestValue::Set(values) => {
                f.write_str("[")?;
                for (i, value) in values.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{value:?}")?;
                }
                f.write_str("]")
            }
        }
    }
}

impl CaseFileError {
    /// Every bad line, in file order.
    pub fn errors(&self) -> &[LineError] {
        &self.errors
    }
}

impl fmt::Display for CaseFileError {
    /// One line per bad case.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CaseFileError {}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "line {} (`{id}`): {}", self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

impl std::error::Error for LineError {}

impl fmt::Display for PooledDecision {
    /// `Allowed by policy 0, statement 1 (Sid "AllowS3")`, or the bare decision for an implicit deny.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.decision)?;
        if let Some(by) = &self.by {
            write!(f, " by policy {}, statement {}", by.policy, by.statement)?;
            if let Some(sid) = &by.sid {
                write!(f, " (Sid {sid:?})")?;
            }
        }
        Ok(())
    }
}

impl CaseResult<'_> {
    pub fn status(&self) -> Status {
        match &self.outcome {
            Outcome::Decided(decided) if decided.decision == self.case.expected => Status::Passed,
            Outcome::Decided(_) => Status::Failed,
            Outcome::InvalidPolicies(_) => Status::Error,
        }
    }

    pub fn passed(&self) -> bool {
        self.status() == Status::Passed
    }

    /// The decision taken; `None` when a policy was not valid.
    pub fn actual(&self) -> Option<Decision> {
        match &self.outcome {
            Outcome::Decided(decided) => Some(decided.decision),
            Outcome::InvalidPolicies(_) => None,
        }
    }
}

impl fmt::Display for CaseResult<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let case = self.case;
        match &self.outcome {
            Outcome::Decided(decided) => {
                let label = if self.passed() { "ok" } else { "FAILED" };
                writeln!(f, "{label} {}", case.title())?;
                writeln!(f, "  expected: {}", case.expected)?;
                writeln!(f, "  actual:   {decided}")?;
                write!(f, "  request:  {}", case.request)?;
                if let Some(malformed) = &decided.malformed {
                    return write!(f, "\n  no policy was read: {malformed}");
                }
                match &decided.by {
                    Some(by) => {
                        let json = case
                            .statement_json(by.policy, by.statement)
                            .unwrap_or_default();
                        write!(f, "\n  statement: {json}")?;
                    }
                    None => {
                        f.write_str("\n  no statement applies; the policies:")?;
                        for (index, policy) in case.policies.iter().enumerate() {
                            write!(f, "\n    {index}: {policy}")?;
                        }
                    }
                }
                Ok(())
            }
            Outcome::InvalidPolicies(invalid) => {
                write!(f, "ERROR {}", case.title())?;
                for (index, error) in invalid {
                    write!(
                        f,
                        "\n  policy {index} is not valid: {}",
                        case.policies.get(*index).map_or("", String::as_str)
                    )?;
                    for diagnostic in error.errors() {
                        for line in diagnostic.to_string().lines() {
                            write!(f, "\n    {line}")?;
                        }
                    }
                }
                Ok(())
            }
        }
    }
}

impl Report<'_> {
    pub fn passed(&self) -> usize {
        self.results.iter().filter(|r| r.passed()).count()
    }

    /// Cases that did not pass: failed ones and errors.
    pub fn failed(&self) -> usize {
        self.results.len() - self.passed()
    }

    /// True when every case passed.
    pub fn is_success(&self) -> bool {
        self.failed() == 0
    }

    /// The cases that did not pass, in order.
    pub fn failures(&self) -> impl Iterator<Item = &CaseResult<'_>> {
        self.results.iter().filter(|r| !r.passed())
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for failure in self.failures() {
            writeln!(f, "{failure}\n")?;
        }
        writeln!(f, "{} passed, {} failed", self.passed(), self.failed())
    }
}

/// Reads one line; an error names what is wrong.
fn parse_case(line: &str, number: usize) -> Result<Case, LineError> {
    let fail = |id: Option<&str>, message: String| LineError {
        line: number,
        id: id.map(str::to_owned),
        message,
    };
    let value: Value = serde_json::from_str(line).map_err(|e| fail(None, json_error(&e)))?;
    let Value::Object(object) = value else {
        return Err(fail(
            None,
            format!("a case must be a JSON object, found {}", kind(&value)),
        ));
    };
    let id = match object.get("id") {
        None => return Err(fail(None, "missing `id`".to_owned())),
        Some(Value::String(id)) if id.trim().is_empty() => {
            return Err(fail(None, "`id` is empty".to_owned()));
        }
        Some(Value::String(id)) => id.as_str(),
        Some(other) => {
            return Err(fail(
                None,
                format!("`id` must be a string, found {}", kind(other)),
            ));
        }
    };
    let fields = (|| {
        let name = match object.get("name") {
            None | Some(Value::Null) => None,
            Some(Value::String(name)) => Some(name.clone()),
            Some(other) => return Err(format!("`name` must be a string, found {}", kind(other))),
        };
        let policies = parse_policies(object.get("policies"))?;
        let request = parse_request(object.get("request"))?;
        let expected = parse_expected(object.get("expected"))?;
        Ok((name, policies, request, expected))
    })();
    let (name, policies, request, expected) = fields.map_err(|message| fail(Some(id), message))?;
    Ok(Case {
        line: number,
        id: id.to_owned(),
        name,
        policies,
        request,
        expected,
    })
}

fn parse_policies(value: Option<&Value>) -> Result<Vec<String>, String> {
    let policies = match value {
        None => return Err("missing `policies`".to_owned()),
        Some(Value::Array(policies)) if policies.is_empty() => {
            return Err("`policies` is empty: give at least one policy".to_owned());
        }
        Some(Value::Array(policies)) => policies,
        Some(other) => {
            return Err(format!(
                "`policies` must be an array of policies, found {}",
                kind(other)
            ));
        }
    };
    policies
        .iter()
        .enumerate()
        .map(|(index, policy)| match policy {
            Value::Object(_) => {
                serde_json::to_string(policy).map_err(|e| format!("`policies[{index}]`: {e}"))
            }
            other => Err(format!(
                "`policies[{index}]` must be a policy object, found {}",
                kind(other)
            )),
        })
        .collect()
}

fn parse_request(value: Option<&Value>) -> Result<CaseRequest, String> {
    let request = match value {
        None => return Err("missing `request`".to_owned()),
        Some(Value::Object(request)) => request,
        Some(other) => {
            return Err(format!(
                "`request` must be an object, found {}",
                kind(other)
            ));
        }
    };
    let action = required_text(request, "action")?;
    let resource = required_text(request, "resource")?;
    let entries = match request.get("context") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Object(context)) => parse_context(context)?,
        Some(other) => {
            return Err(format!(
                "`request.context` must be an object, found {}",
                kind(other)
            ));
        }
    };
    let mut context = ContextMap::new();
    for (key, value) in &entries {
        match value {
            RequestValue::One(value) => context.insert(key.as_str(), value.as_str()),
            RequestValue::Set(values) => {
                context.insert_set(key.as_str(), values.iter().map(String::as_str))
            }
        };
    }
    Ok(CaseRequest {
        action,
        resource,
        entries,
        context,
    })
}

fn required_text(request: &Map<String, Value>, field: &str) -> Result<String, String> {
    match request.get(field) {
        None => Err(format!("missing `request.{field}`")),
        Some(Value::String(text)) if text.is_empty() => Err(format!("`request.{field}` is empty")),
        Some(Value::String(text)) => Ok(text.clone()),
        Some(other) => Err(format!(
            "`request.{field}` must be a string, found {}",
            kind(other)
        )),
    }
}

fn parse_context(context: &Map<String, Value>) -> Result<Vec<(String, RequestValue)>, String> {
    let mut entries: Vec<(String, RequestValue)> = Vec::with_capacity(context.len());
    // The names seen so far, indexed: one look-up per key.
    let mut seen = ContextMap::new();
    for (key, value) in context {
        if let Some(previous) = seen.key(key) {
            return Err(format!(
                "the context keys `{previous}` and `{key}` are the same key (key names are case-insensitive)"
            ));
        }
        seen.insert(key.as_str(), "");
        let value = match value {
            Value::String(text) => RequestValue::One(text.clone()),
            Value::Array(items) => {
                let strings = items.iter().map(|item| match item {
                    Value::String(text) => Ok(text.clone()),
                    other => Err(format!(
                        "the values of context key `{key}` must be strings, found {}{}",
                        kind(other),
                        quote_hint(other)
                    )),
                });
                RequestValue::Set(strings.collect::<Result<_, _>>()?)
            }
            other => {
                return Err(format!(
                    "context key `{key}` must be a string or a list of strings, found {}{}",
                    kind(other),
                    quote_hint(other)
                ));
            }
        };
        entries.push((key.clone(), value));
    }
    Ok(entries)
}

fn parse_expected(value: Option<&Value>) -> Result<Decision, String> {
    const CHOICES: &str = "use `Allowed`, `ExplicitlyDenied` or `ImplicitlyDenied`";
    match value {
        None => Err(format!("missing `expected`: {CHOICES}")),
        Some(Value::String(text)) => Decision::parse(text)
            .ok_or_else(|| format!("unknown `expected` decision `{text}`: {CHOICES}")),
        Some(other) => Err(format!(
            "`expected` must be a string, found {}: {CHOICES}",
            kind(other)
        )),
    }
}

/// A serde_json error without its "line 1": the file's line is given beside it.
fn json_error(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    let message = text.strip_suffix(&position).unwrap_or(&text);
    format!("not valid JSON (column {}): {message}", error.column())
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Numbers, dates and booleans are given as strings in a request context, as AWS passes them.
fn quote_hint(value: &Value) -> String {
    match value {
        Value::Bool(_) | Value::Number(_) => format!(" (write it as a string: \"{value}\")"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALLOW_GET: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"Get","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#;
    const DENY_TAGGED: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"DenyRed","Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"red"}}}]}"#;

    fn line(id: &str, policies: &[&str], action: &str, context: &str, expected: &str) -> String {
        format!(
            r#"{{"id": "{id}", "policies": [{}], "request": {{"action": "{action}", "resource": "arn:aws:s3:::b/k", "context": {context}}}, "expected": "{expected}"}}"#,
            policies.join(", ")
        )
    }

    fn single_error(text: &str) -> LineError {
        let error = parse(text).expect_err("the file should be rejected");
        assert_eq!(error.errors().len(), 1, "{error}");
        error.errors()[0].clone()
    }

    #[test]
    fn reads_cases_and_skips_blank_lines() {
        let text = format!(
            "{}\n\n   \n{}\r\n",
            line("a", &[ALLOW_GET], "s3:GetObject", "{}", "Allowed"),
            line(
                "b",
                &[ALLOW_GET, DENY_TAGGED],
                "s3:GetObject",
                r#"{"aws:PrincipalTag/team": "red"}"#,
                "ExplicitlyDenied"
            )
        );
        let cases = parse(&text).unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!((cases[0].line, cases[0].id.as_str()), (1, "a"));
        assert_eq!((cases[1].line, cases[1].id.as_str()), (4, "b"));
        assert_eq!(cases[1].policies.len(), 2);
        assert_eq!(cases[1].expected, Decision::ExplicitlyDenied);
        // Compact JSON, key order kept.
        assert_eq!(cases[0].policies[0], ALLOW_GET);
    }

    #[test]
    fn context_lists_are_multivalued_even_with_one_element() {
        let text = line(
            "a",
            &[ALLOW_GET],
            "s3:GetObject",
            r#"{"aws:username": "alice", "aws:TagKeys": ["k1"], "aws:CalledVia": []}"#,
            "Allowed",
        );
        let cases = parse(&text).unwrap();
        let request = &cases[0].request;
        assert_eq!(
            request.context_entries()[0],
            ("aws:username".to_owned(), RequestValue::One("alice".into()))
        );
        let req = request.as_request();
        assert!(!req.values("AWS:USERNAME").unwrap().is_set());
        let tag_keys = req.values("aws:tagkeys").unwrap();
        assert!(tag_keys.is_set() && tag_keys.len() == 1);
        assert!(req.values("aws:CalledVia").unwrap().is_empty());
        assert_eq!(
            request.to_string(),
            r#"s3:GetObject on arn:aws:s3:::b/k with aws:username = "alice", aws:TagKeys = ["k1"], aws:CalledVia = []"#
        );
    }

    #[test]
    fn errors_name_the_line_and_the_problem() {
        let bad_json = single_error("\n{\"id\": \"a\",}");
        assert_eq!(bad_json.line, 2);
        assert!(
            bad_json.message.starts_with("not valid JSON (column 12)"),
            "{}",
            bad_json.message
        );
        assert!(!bad_json.message.contains("line 1"), "{}", bad_json.message);

        let no_id = single_error(
            &line("a", &[ALLOW_GET], "s3:GetObject", "{}", "Allowed").replace(r#""id": "a", "#, ""),
        );
        assert_eq!(
            (no_id.line, no_id.id, no_id.message.as_str()),
            (1, None, "missing `id`")
        );

        let unknown = single_error(&line("a", &[ALLOW_GET], "s3:GetObject", "{}", "Allow"));
        assert_eq!(unknown.id.as_deref(), Some("a"));
        assert!(
            unknown
                .message
                .starts_with("unknown `expected` decision `Allow`: use `Allowed`"),
            "{}",
            unknown.message
        );
        assert_eq!(
            unknown.to_string(),
            "line 1 (`a`): unknown `expected` decision `Allow`: use `Allowed`, `ExplicitlyDenied` or `ImplicitlyDenied`"
        );

        let text = [
            line("a", &[ALLOW_GET], "s3:GetObject", "{}", "Allowed"),
            line("b", &[ALLOW_GET], "s3:GetObject", "{}", "Allowed"),
            line("a", &[ALLOW_GET], "s3:PutObject", "{}", "ImplicitlyDenied"),
        ]
        .join("\n");
        let duplicate = single_error(&text);
        assert_eq!(
            (duplicate.line, duplicate.message.as_str()),
            (3, "duplicate `id`: line 1 has the same")
        );
    }

    #[test]
    fn every_bad_line_is_reported() {
        let text = [
            "[1, 2]".to_owned(),
            line("ok", &[ALLOW_GET], "s3:GetObject", "{}", "Allowed"),
            line("n", &[ALLOW_GET], "s3:GetObject", r#"{"aws:MultiFactorAuthAge": 30}"#, "Allowed"),
            line("e", &[], "s3:GetObject", "{}", "Allowed"),
            line("p", &["\"text\""], "s3:GetObject", "{}", "Allowed"),
            line("c", &[ALLOW_GET], "s3:GetObject", r#"{"aws:username": "a", "AWS:UserName": "b"}"#, "Allowed"),
            line("l", &[ALLOW_GET], "s3:GetObject", r#"{"aws:TagKeys": ["a", true]}"#, "Allowed"),
            r#"{"id": 7}"#.to_owned(),
            r#"{"id": "r", "policies": [{}], "request": {"action": "s3:GetObject"}, "expected": "Allowed"}"#.to_owned(),
            r#"{"id": "x", "policies": [{}], "request": {"action": "s3:GetObject", "resource": "*"}}"#.to_owned(),
        ]
        .join("\n");
        let error = parse(&text).unwrap_err();
        let messages: Vec<String> = error.errors().iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "line 1: a case must be a JSON object, found an array",
                "line 3 (`n`): context key `aws:MultiFactorAuthAge` must be a string or a list of strings, found a number (write it as a string: \"30\")",
                "line 4 (`e`): `policies` is empty: give at least one policy",
                "line 5 (`p`): `policies[0]` must be a policy object, found a string",
                "line 6 (`c`): the context keys `aws:username` and `AWS:UserName` are the same key (key names are case-insensitive)",
                "line 7 (`l`): the values of context key `aws:TagKeys` must be strings, found a boolean (write it as a string: \"true\")",
                "line 8: `id` must be a string, found a number",
                "line 9 (`r`): missing `request.resource`",
                "line 10 (`x`): missing `expected`: use `Allowed`, `ExplicitlyDenied` or `ImplicitlyDenied`",
            ]
        );
        assert_eq!(error.to_string(), messages.join("\n"));
    }

    #[test]
    fn lenient_parsing_keeps_the_good_cases() {
        let text = [
            line("a", &[ALLOW_GET], "s3:GetObject", "{}", "Allowed"),
            "not json".to_owned(),
            line("a", &[ALLOW_GET], "s3:PutObject", "{}", "ImplicitlyDenied"),
            line("b", &[ALLOW_GET], "s3:PutObject", "{}", "ImplicitlyDenied"),
        ]
        .join("\n");
        let (cases, errors) = parse_lenient(&text);
        let ids: Vec<(usize, &str)> = cases.iter().map(|c| (c.line, c.id.as_str())).collect();
        assert_eq!(ids, [(1, "a"), (4, "b")]);
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 3]);
        assert_eq!(parse(&text).unwrap_err().errors(), errors.as_slice());
    }

    #[test]
    fn runs_and_reports() {
        let text = [
            line("allowed", &[ALLOW_GET], "s3:GetObject", "{}", "Allowed"),
            line(
                "denied",
                &[ALLOW_GET, DENY_TAGGED],
                "s3:GetObject",
                r#"{"aws:PrincipalTag/team": "red"}"#,
                "ExplicitlyDenied",
            ),
            line(
                "wrong",
                &[DENY_TAGGED, ALLOW_GET],
                "s3:GetObject",
                r#"{"aws:PrincipalTag/team": "red"}"#,
                "Allowed",
            ),
            line("implicit", &[ALLOW_GET], "s3:PutObject", "{}", "Allowed"),
        ]
        .join("\n");
        let cases = parse(&text).unwrap();
        let report = run(&cases);
        assert_eq!(
            (report.passed(), report.failed(), report.is_success()),
            (2, 2, false)
        );
        let statuses: Vec<Status> = report.results.iter().map(CaseResult::status).collect();
        assert_eq!(
            statuses,
            [
                Status::Passed,
                Status::Passed,
                Status::Failed,
                Status::Failed
            ]
        );

        let Outcome::Decided(denied) = &report.results[1].outcome else {
            panic!("decided")
        };
        let by = DecidingStatement {
            policy: 1,
            statement: 1,
            sid: Some("DenyRed".into()),
        };
        assert_eq!(
            denied,
            &PooledDecision {
                decision: Decision::ExplicitlyDenied,
                by: Some(by),
                malformed: None,
            }
        );

        let wrong = report.results[2].to_string();
        assert_eq!(
            wrong,
            [
                "FAILED `wrong` (line 3)",
                "  expected: Allowed",
                "  actual:   ExplicitlyDenied by policy 0, statement 1 (Sid \"DenyRed\")",
                "  request:  s3:GetObject on arn:aws:s3:::b/k with aws:PrincipalTag/team = \"red\"",
                r#"  statement: {"Sid":"DenyRed","Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"red"}}}"#,
            ]
            .join("\n")
        );
        let implicit = report.results[3].to_string();
        assert!(
            implicit.contains("actual:   ImplicitlyDenied\n"),
            "{implicit}"
        );
        assert!(
            implicit.ends_with(&format!(
                "no statement applies; the policies:\n    0: {ALLOW_GET}"
            )),
            "{implicit}"
        );
        let shown = report.to_string();
        assert!(shown.starts_with("FAILED `wrong` (line 3)"), "{shown}");
        assert!(shown.ends_with("2 passed, 2 failed\n"), "{shown}");
    }

    #[test]
    fn an_invalid_policy_makes_the_case_an_error() {
        let invalid = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":""}]}"#;
        let text = line(
            "bad",
            &[ALLOW_GET, invalid],
            "s3:GetObject",
            "{}",
            "Allowed",
        )
        .replace(
            r#""id": "bad","#,
            r#""id": "bad", "name": "empty resource","#,
        );
        let cases = parse(&text).unwrap();
        let result = run_case(&cases[0]);
        assert_eq!((result.status(), result.actual()), (Status::Error, None));
        let shown = result.to_string();
        assert!(
            shown.starts_with("ERROR `bad` (line 1): empty resource\n  policy 1 is not valid: "),
            "{shown}"
        );
        assert!(
            shown.contains("\n    error[INVALID_ARN_PREFIX]: "),
            "{shown}"
        );
        assert_eq!(run(&cases).failed(), 1);
    }

    #[test]
    fn pooling_follows_section_1() {
        let allow = Policy::from_json(ALLOW_GET).unwrap();
        let deny = Policy::from_json(DENY_TAGGED).unwrap();
        let red = [("aws:PrincipalTag/team", "red")];
        let get = Request::new("s3:GetObject", "arn:aws:s3:::b/k").context(&red);
        let pooled = pool([&allow, &deny].map(|p| p.explain(&get)));
        assert_eq!(pooled.decision, Decision::ExplicitlyDenied);
        assert_eq!(
            pooled.to_string(),
            "ExplicitlyDenied by policy 1, statement 1 (Sid \"DenyRed\")"
        );
        let put = Request::new("s3:PutObject", "arn:aws:s3:::b/k");
        let pooled = pool([&allow, &deny].map(|p| p.explain(&put)));
        assert_eq!(pooled.to_string(), "Allowed by policy 1, statement 0");
        let pooled = pool([&allow].map(|p| p.explain(&put)));
        assert_eq!(
            pooled,
            PooledDecision {
                decision: Decision::ImplicitlyDenied,
                by: None,
                malformed: None,
            }
        );
        assert_eq!(pool([]).decision, Decision::ImplicitlyDenied);
    }

    #[test]
    fn statement_json_reads_arrays_and_single_statements() {
        let single = r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#;
        let cases = parse(&line(
            "a",
            &[ALLOW_GET, single],
            "s3:GetObject",
            "{}",
            "Allowed",
        ))
        .unwrap();
        let case = &cases[0];
        assert_eq!(
            case.statement_json(0, 0).as_deref(),
            Some(r#"{"Sid":"Get","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}"#)
        );
        assert_eq!(
            case.statement_json(1, 0).as_deref(),
            Some(r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}"#)
        );
        assert_eq!(case.statement_json(1, 1), None);
        assert_eq!(case.statement_json(2, 0), None);
    }
}
