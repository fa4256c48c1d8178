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
//! `expected` is `Allowed`, `ExplicitlyDenied` or `ImplicitlyDenied`.
//!
//! The other policies of a decision and who asks:
//!
//! | field | value |
//! |---|---|
//! | `request.principal` | the caller's ARN: a user, a role session (`arn:aws:sts::111122223333:assumed-role/R/s`), a role ARN (any session of it), a federated user, the root user, a service principal, an identity provider, or `"*"` (anonymous). Default: the user `test-user` of the resource's account |
//! | `request.resource_account` | the 12-digit account that owns the resource, where its ARN has none (S3). Default: the ARN's account, else the principal's |
//! | `boundary` | the principal's permissions boundary |
//! | `session_policy` | the session policy of a role or federated-user session |
//! | `scps`, `rcps` | lists of lists of policies: one list per organization level, root first |
//! | `resource_policy` | the resource's policy (bucket, key, queue policy; the trust policy for `sts:AssumeRole*`) |
//! | `endpoint_policy` | the policy of the VPC endpoint the request goes through |
//!
//! `policies` may then be empty. A field that is not one of these is an error with a
//! did-you-mean, so that a misspelt `contxt` cannot make a case pass by accident; notes go in
//! `name`, `why` or `source`, or in fields whose name starts with `_` (ignored). `core` (a boolean,
//! marking the cases transcribed from AWS's pages) is accepted and ignored. A file with no case is
//! an error.
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

use crate::authorizer::{Authorizer, PolicyKind, Verdict};
use crate::context::ContextMap;
use crate::policy::{Evaluation, LoadError, Policy};
use crate::request::Request;
use iam_policy_core::eval::Decision;
use iam_policy_core::validate::PolicyType;

/// One case of a decision test file.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    /// The case's line in its file (from 1), for messages.
    pub line: usize,
    /// Unique within the file.
    pub id: String,
    /// The case's `name`, a description for people.
    pub name: Option<String>,
    /// The identity policies, each as compact JSON in the key order of the file. They are
    /// re-serialized from the parsed line, so a key written twice in the file keeps its last value.
    pub policies: Vec<String>,
    /// The other policies of the decision, compact JSON like `policies`.
    pub boundary: Option<String>,
    /// The session policy, compact JSON like `policies`.
    pub session_policy: Option<String>,
    /// The resource-based policy, compact JSON like `policies`.
    pub resource_policy: Option<String>,
    /// The VPC endpoint policy, compact JSON like `policies`.
    pub endpoint_policy: Option<String>,
    /// One list per organization level, root first.
    pub scps: Vec<Vec<String>>,
    /// The resource control policies, one list per organization level, root first.
    pub rcps: Vec<Vec<String>>,
    /// The request the case decides.
    pub request: CaseRequest,
    /// The decision the case expects.
    pub expected: Decision,
}

/// The policies of a case, loaded with the validator of their type.
#[derive(Clone, Debug)]
pub struct CasePolicies {
    /// The identity policies.
    pub identity: Vec<Policy>,
    /// The permissions boundary.
    pub boundary: Option<Policy>,
    /// The session policy.
    pub session_policy: Option<Policy>,
    /// The resource-based policy.
    pub resource_policy: Option<Policy>,
    /// The VPC endpoint policy.
    pub endpoint_policy: Option<Policy>,
    /// The service control policies, one list per organization level, root first.
    pub scps: Vec<Vec<Policy>>,
    /// The resource control policies, one list per organization level, root first.
    pub rcps: Vec<Vec<Policy>>,
}

impl CasePolicies {
    /// The authorizer that decides the case with these policies.
    pub fn authorizer(&self) -> Authorizer<&Policy> {
        let mut auth = Authorizer::new();
        for policy in &self.identity {
            auth = auth.identity(policy);
        }
        if let Some(policy) = &self.boundary {
            auth = auth.boundary(policy);
        }
        if let Some(policy) = &self.session_policy {
            auth = auth.session_policy(policy);
        }
        if let Some(policy) = &self.resource_policy {
            auth = auth.resource_policy(policy);
        }
        if let Some(policy) = &self.endpoint_policy {
            auth = auth.endpoint_policy(policy);
        }
        for level in &self.scps {
            auth = auth.scp_level(level);
        }
        for level in &self.rcps {
            auth = auth.rcp_level(level);
        }
        auth
    }
}

/// The request of a case: action, resource and context, fixed once parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseRequest {
    action: String,
    resource: String,
    entries: Vec<(String, RequestValue)>,
    context: ContextMap,
    /// As given, else the default user of the resource's account.
    principal: String,
    principal_given: bool,
    resource_account: Option<String>,
}

/// A context value as the file gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RequestValue {
    /// A single value.
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
    /// What is wrong (lowercase, one line, the input in backticks), such as an unknown field.
    pub message: String,
    /// How to fix it, such as a did-you-mean; `None` when the message says all.
    pub help: Option<String>,
}

/// The decision of a principal's pooled identity policies and the statement that took it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PooledDecision {
    /// `Allowed`, `ExplicitlyDenied` or `ImplicitlyDenied`.
    pub decision: Decision,
    /// The first applicable Deny, else the first applicable Allow (in policy order, then statement
    /// order); `None` for an implicit deny.
    pub by: Option<DecidingStatement>,
    /// Why the request was denied without reading the policies (`Request::check`).
    pub malformed: Option<iam_policy_core::request_check::Malformed>,
}

/// Where the deciding statement is: the kind of policy, the policy's index among the case's
/// policies of that kind, and the statement's index in that policy's `Statement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecidingStatement {
    /// Which kind of policy: `policy` counts among the policies of that kind (for SCPs and RCPs,
    /// across the levels in order).
    pub kind: PolicyKind,
    /// The policy's index among the case's policies of that kind.
    pub policy: usize,
    /// The statement's index in that policy's `Statement`.
    pub statement: usize,
    /// The statement's `Sid`, if it has one.
    pub sid: Option<String>,
}

/// What running a case gave.
#[derive(Clone, Debug)]
pub enum Outcome {
    /// Every policy loaded and the request was decided.
    Decided(PooledDecision),
    /// Policies that failed validation (where in the case, as `policies[1]` or `resource_policy`,
    /// and why): the case is an error.
    InvalidPolicies(Vec<(String, LoadError)>),
}

/// A case and what running it gave. Its `Display` is the report of a failure: the expectation,
/// the result, the request and the deciding statement (or the policies, when none decided).
#[derive(Clone, Debug)]
pub struct CaseResult<'c> {
    /// The case that ran.
    pub case: &'c Case,
    /// What running it gave: a decision, or the policies that are not valid.
    pub outcome: Outcome,
}

/// Passed, failed (decided otherwise than expected) or error (a policy is not valid).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// The decision is the expected one.
    Passed,
    /// The decision differs from the expected one.
    Failed,
    /// A policy of the case is not valid, so the case could not run.
    Error,
}

/// The results of a run, in case order. Its `Display` prints every case that did not pass, then
/// the summary line `N passed, M failed`.
#[derive(Clone, Debug, Default)]
pub struct Report<'c> {
    /// One result per case, in the file's order.
    pub results: Vec<CaseResult<'c>>,
}

/// Reads a decision test file. Blank lines are skipped; every other line must be a case, else the
/// error lists every bad line. A file without any case is an error too.
pub fn parse(text: &str) -> Result<Vec<Case>, CaseFileError> {
    match parse_lenient(text) {
        (cases, errors) if cases.is_empty() && errors.is_empty() => Err(CaseFileError {
            errors: vec![LineError {
                line: 0,
                id: None,
                message: "the file has no case".to_owned(),
                help: Some(NO_CASE_HELP.to_owned()),
            }],
        }),
        (cases, errors) if errors.is_empty() => Ok(cases),
        (_, errors) => Err(CaseFileError { errors }),
    }
}

/// The help for a file without a case.
pub const NO_CASE_HELP: &str = "a decision test file holds one case per line, each a JSON object with `id`, `policies`, `request` and `expected`";

/// Reads what it can of a decision test file: the valid cases, and an error for every other
/// line, so that a runner can run the good cases and count the bad lines as failures. A case whose
/// `id` an earlier line already took is an error, and the earlier case is kept.
#[must_use]
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
                        message: format!("duplicate `id` `{}`: line {first} has the same", case.id),
                        help: Some("give each case its own `id`".to_owned()),
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

/// Loads the case's policies with [`Policy::from_json_as`] (each with the rules of its type) and
/// decides its request with an [`Authorizer`] holding them.
#[must_use]
pub fn run_case(case: &Case) -> CaseResult<'_> {
    let outcome = match case.load() {
        Ok(policies) => {
            let request = case.request.as_request();
            Outcome::Decided(PooledDecision::from_verdict(
                &policies.authorizer().explain(&request),
            ))
        }
        Err(invalid) => Outcome::InvalidPolicies(invalid),
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
            kind: PolicyKind::Identity,
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

impl PooledDecision {
    /// The decision of an [`Authorizer`] and the statement it names.
    #[must_use]
    pub fn from_verdict(verdict: &Verdict<'_>) -> PooledDecision {
        PooledDecision {
            decision: verdict.decision,
            by: verdict.statement.map(|at| DecidingStatement {
                kind: at.kind,
                policy: at.policy,
                statement: at.statement.index,
                sid: at.statement.sid.map(str::to_owned),
            }),
            malformed: verdict.malformed,
        }
    }
}

impl Case {
    /// Loads every policy of the case with the validator of its type; `Err` names each invalid
    /// one (`policies[1]`, `resource_policy`, `scps[0][1]`, ...).
    pub fn load(&self) -> Result<CasePolicies, Vec<(String, LoadError)>> {
        let mut invalid = Vec::new();
        let mut load =
            |label: String, text: &str, policy_type: PolicyType| match Policy::from_json_as(
                text,
                policy_type,
            ) {
                Ok(policy) => Some(policy),
                Err(error) => {
                    invalid.push((label, error));
                    None
                }
            };
        let identity: Vec<Option<Policy>> = self
            .policies
            .iter()
            .enumerate()
            .map(|(i, text)| load(format!("policies[{i}]"), text, PolicyType::Managed))
            .collect();
        let mut single = |name: &str, text: &Option<String>, policy_type| {
            text.as_deref()
                .and_then(|text| load(name.to_owned(), text, policy_type))
        };
        let boundary = single("boundary", &self.boundary, PolicyType::Managed);
        let session_policy = single("session_policy", &self.session_policy, PolicyType::Session);
        let resource_policy = single(
            "resource_policy",
            &self.resource_policy,
            PolicyType::Resource,
        );
        let endpoint_policy = single(
            "endpoint_policy",
            &self.endpoint_policy,
            PolicyType::VpcEndpoint,
        );
        let mut levels = |name: &str, levels: &[Vec<String>], policy_type| -> Vec<Vec<Policy>> {
            levels
                .iter()
                .enumerate()
                .map(|(l, level)| {
                    level
                        .iter()
                        .enumerate()
                        .filter_map(|(i, text)| {
                            load(format!("{name}[{l}][{i}]"), text, policy_type)
                        })
                        .collect()
                })
                .collect()
        };
        let scps = levels("scps", &self.scps, PolicyType::Scp);
        let rcps = levels("rcps", &self.rcps, PolicyType::Rcp);
        if !invalid.is_empty() {
            return Err(invalid);
        }
        Ok(CasePolicies {
            identity: identity.into_iter().flatten().collect(),
            boundary,
            session_policy,
            resource_policy,
            endpoint_policy,
            scps,
            rcps,
        })
    }

    /// The JSON of a policy of the case: its kind and index among the policies of that kind
    /// (for SCPs and RCPs, counted across levels).
    pub fn policy_text(&self, kind: PolicyKind, policy: usize) -> Option<&str> {
        match kind {
            PolicyKind::Identity => self.policies.get(policy).map(String::as_str),
            PolicyKind::PermissionsBoundary => self.boundary.as_deref().filter(|_| policy == 0),
            PolicyKind::Session => self.session_policy.as_deref().filter(|_| policy == 0),
            PolicyKind::ResourceBased => self.resource_policy.as_deref().filter(|_| policy == 0),
            PolicyKind::VpcEndpoint => self.endpoint_policy.as_deref().filter(|_| policy == 0),
            PolicyKind::ServiceControl => {
                self.scps.iter().flatten().nth(policy).map(String::as_str)
            }
            PolicyKind::ResourceControl => {
                self.rcps.iter().flatten().nth(policy).map(String::as_str)
            }
        }
    }

    /// The JSON of a policy of the case by its label in [`Outcome::InvalidPolicies`].
    fn labelled(&self, label: &str) -> Option<&str> {
        let index = |prefix: &str| -> Option<Vec<usize>> {
            label
                .strip_prefix(prefix)?
                .split(['[', ']'])
                .filter(|p| !p.is_empty())
                .map(|p| p.parse().ok())
                .collect()
        };
        match label {
            "boundary" => self.boundary.as_deref(),
            "session_policy" => self.session_policy.as_deref(),
            "resource_policy" => self.resource_policy.as_deref(),
            "endpoint_policy" => self.endpoint_policy.as_deref(),
            _ => {
                if let Some(i) = index("policies") {
                    return self.policies.get(*i.first()?).map(String::as_str);
                }
                let (levels, at) = match index("scps") {
                    Some(at) => (&self.scps, at),
                    None => (&self.rcps, index("rcps")?),
                };
                levels
                    .get(*at.first()?)?
                    .get(*at.get(1)?)
                    .map(String::as_str)
            }
        }
    }

    /// A statement of one of the case's policies as compact JSON, to show what decided.
    #[must_use]
    pub fn statement_json(&self, policy: usize, statement: usize) -> Option<String> {
        self.statement_json_of(PolicyKind::Identity, policy, statement)
    }

    /// [`Case::statement_json`] for a policy of any kind.
    #[must_use]
    pub fn statement_json_of(
        &self,
        kind: PolicyKind,
        policy: usize,
        statement: usize,
    ) -> Option<String> {
        let document: Value = serde_json::from_str(self.policy_text(kind, policy)?).ok()?;
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
    /// The request's action, as the file gives it.
    #[must_use]
    pub fn action(&self) -> &str {
        &self.action
    }

    /// An ARN, or `*` for actions without resource-level permissions.
    #[must_use]
    pub fn resource(&self) -> &str {
        &self.resource
    }

    /// The context as evaluation reads it.
    #[must_use]
    pub fn context(&self) -> &ContextMap {
        &self.context
    }

    /// The context entries in file order, as written.
    #[must_use]
    pub fn context_entries(&self) -> &[(String, RequestValue)] {
        &self.entries
    }

    /// The caller's ARN: as given, else the user `test-user` of the resource's account.
    #[must_use]
    pub fn principal(&self) -> &str {
        &self.principal
    }

    /// True when the case gave `request.principal`.
    #[must_use]
    pub fn principal_given(&self) -> bool {
        self.principal_given
    }

    /// `request.resource_account`, if given.
    #[must_use]
    pub fn resource_account(&self) -> Option<&str> {
        self.resource_account.as_deref()
    }

    /// The request to evaluate, borrowing this one.
    #[must_use]
    pub fn as_request(&self) -> Request<'_> {
        let request = Request::new(&self.action, &self.resource)
            .context(&self.context)
            .principal(&self.principal);
        match &self.resource_account {
            Some(account) => request.resource_account(account),
            None => request,
        }
    }
}

impl fmt::Display for CaseRequest {
    /// `ssm:StartSession on arn:... with aws:username = "alice", aws:TagKeys = ["a", "b"]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} on {}", self.action, self.resource)?;
        if self.principal_given {
            write!(f, " by {}", self.principal)?;
        }
        if let Some(account) = &self.resource_account {
            write!(f, " (resource account {account})")?;
        }
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
    #[must_use]
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
    /// `line 3 (`id`): message`, then `  help: ...` on a second line when there is a help.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "line {} (`{id}`): {}", self.line, self.message)?,
            None => write!(f, "line {}: {}", self.line, self.message)?,
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// What is wrong with a line, and how to fix it: a [`LineError`] without its place.
struct Problem {
    message: String,
    help: Option<String>,
}

impl Problem {
    fn new(message: impl Into<String>) -> Problem {
        Problem {
            message: message.into(),
            help: None,
        }
    }
    fn help(mut self, help: impl Into<String>) -> Problem {
        self.help = Some(help.into());
        self
    }
}

impl std::error::Error for LineError {}

impl fmt::Display for PooledDecision {
    /// `Allowed by policy 0, statement 1 (Sid "AllowS3")`, or the bare decision for an implicit deny.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.decision)?;
        if let Some(by) = &self.by {
            match by.kind {
                PolicyKind::Identity => write!(f, " by policy {}", by.policy)?,
                kind => write!(f, " by {kind} {}", by.policy)?,
            }
            write!(f, ", statement {}", by.statement)?;
            if let Some(sid) = &by.sid {
                write!(f, " (Sid {sid:?})")?;
            }
        }
        Ok(())
    }
}

impl CaseResult<'_> {
    /// Passed, failed or error.
    #[must_use]
    pub fn status(&self) -> Status {
        match &self.outcome {
            Outcome::Decided(decided) if decided.decision == self.case.expected => Status::Passed,
            Outcome::Decided(_) => Status::Failed,
            Outcome::InvalidPolicies(_) => Status::Error,
        }
    }

    /// True when the case passed.
    #[must_use]
    pub fn passed(&self) -> bool {
        self.status() == Status::Passed
    }

    /// The decision taken; `None` when a policy was not valid.
    #[must_use]
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
                            .statement_json_of(by.kind, by.policy, by.statement)
                            .unwrap_or_default();
                        write!(f, "\n  statement: {json}")?;
                    }
                    None => {
                        f.write_str("\n  no statement applies; the policies:")?;
                        for (index, policy) in case.policies.iter().enumerate() {
                            write!(f, "\n    {index}: {policy}")?;
                        }
                        let others = [
                            ("boundary", &case.boundary),
                            ("session policy", &case.session_policy),
                            ("resource policy", &case.resource_policy),
                            ("endpoint policy", &case.endpoint_policy),
                        ];
                        for (label, policy) in others {
                            if let Some(policy) = policy {
                                write!(f, "\n    {label}: {policy}")?;
                            }
                        }
                    }
                }
                Ok(())
            }
            Outcome::InvalidPolicies(invalid) => {
                write!(f, "ERROR {}", case.title())?;
                for (label, error) in invalid {
                    let shown = match label
                        .strip_prefix("policies[")
                        .and_then(|r| r.strip_suffix(']'))
                    {
                        Some(index) => format!("policy {index}"),
                        None => format!("`{label}`"),
                    };
                    write!(
                        f,
                        "\n  {shown} is not valid: {}",
                        case.labelled(label).unwrap_or("")
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
    /// The number of cases that passed.
    #[must_use]
    pub fn passed(&self) -> usize {
        self.results.iter().filter(|r| r.passed()).count()
    }

    /// Cases that did not pass: failed ones and errors.
    #[must_use]
    pub fn failed(&self) -> usize {
        self.results.len() - self.passed()
    }

    /// True when every case passed.
    #[must_use]
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
    let fail = |id: Option<&str>, problem: Problem| LineError {
        line: number,
        id: id.map(str::to_owned),
        message: problem.message,
        help: problem.help,
    };
    let value: Value = serde_json::from_str(line).map_err(|e| fail(None, json_error(&e)))?;
    let Value::Object(object) = value else {
        return Err(fail(
            None,
            Problem::new(format!(
                "a case must be a JSON object, found {}",
                kind(&value)
            ))
            .help(CASE_SHAPE),
        ));
    };
    let id = match object.get("id") {
        None => {
            return Err(fail(
                None,
                Problem::new("the case has no `id`")
                    .help("add `\"id\": \"NAME\"`, a name unique in the file"),
            ));
        }
        Some(Value::String(id)) if id.trim().is_empty() => {
            return Err(fail(
                None,
                Problem::new("`id` is empty").help("give the case a name unique in the file"),
            ));
        }
        Some(Value::String(id)) => id.as_str(),
        Some(other) => {
            return Err(fail(
                None,
                Problem::new(format!("`id` must be a string, found {}", kind(other)))
                    .help(format!("write it as a string: `\"id\": \"{other}\"`")),
            ));
        }
    };
    let fields = (|| {
        check_fields(&object, CASE_FIELDS, "a case")?;
        let name = match object.get("name") {
            None | Some(Value::Null) => None,
            Some(Value::String(name)) => Some(name.clone()),
            Some(other) => {
                return Err(Problem::new(format!(
                    "`name` must be a string, found {}",
                    kind(other)
                ))
                .help("write the name in quotes: `\"name\": \"what the case checks\"`"));
            }
        };
        for note in ["why", "source"] {
            match object.get(note) {
                None | Some(Value::String(_)) => {}
                Some(other) => {
                    return Err(Problem::new(format!(
                        "`{note}` must be a string, found {}",
                        kind(other)
                    ))
                    .help(format!(
                        "write the note as one string, or in a field whose name starts with `_` (`\"_{note}\"`), which is ignored"
                    )));
                }
            }
        }
        if let Some(core) = object.get("core")
            && !core.is_boolean()
        {
            return Err(
                Problem::new(format!("`core` must be a boolean, found {}", kind(core)))
                    .help("write `true` or `false`, without quotes"),
            );
        }
        let policies = parse_policies(object.get("policies"))?;
        let others = Others {
            boundary: parse_policy("boundary", object.get("boundary"))?,
            session_policy: parse_policy("session_policy", object.get("session_policy"))?,
            resource_policy: parse_policy("resource_policy", object.get("resource_policy"))?,
            endpoint_policy: parse_policy("endpoint_policy", object.get("endpoint_policy"))?,
            scps: parse_levels("scps", object.get("scps"))?,
            rcps: parse_levels("rcps", object.get("rcps"))?,
        };
        let request = parse_request(object.get("request"))?;
        let expected = parse_expected(object.get("expected"))?;
        Ok((name, policies, others, request, expected))
    })();
    let (name, policies, others, request, expected) =
        fields.map_err(|message| fail(Some(id), message))?;
    Ok(Case {
        line: number,
        id: id.to_owned(),
        name,
        policies,
        boundary: others.boundary,
        session_policy: others.session_policy,
        resource_policy: others.resource_policy,
        endpoint_policy: others.endpoint_policy,
        scps: others.scps,
        rcps: others.rcps,
        request,
        expected,
    })
}

/// The fields of a case (`FORMAT`: the module docs); `_`-prefixed fields are notes.
const CASE_FIELDS: &[&str] = &[
    "id",
    "name",
    "policies",
    "request",
    "expected",
    "boundary",
    "session_policy",
    "resource_policy",
    "endpoint_policy",
    "scps",
    "rcps",
    "why",
    "source",
    "core",
];

const REQUEST_FIELDS: &[&str] = &[
    "action",
    "resource",
    "context",
    "principal",
    "resource_account",
];

/// The shape of a case, for the help of a line that is not one.
const CASE_SHAPE: &str = "write one case per line: `{\"id\": \"NAME\", \"policies\": [POLICY], \"request\": {\"action\": \"s3:GetObject\", \"resource\": \"ARN\"}, \"expected\": \"Allowed\"}`";

/// An unknown field is an error with a did-you-mean; fields starting with `_` are ignored.
fn check_fields(object: &Map<String, Value>, known: &[&str], owner: &str) -> Result<(), Problem> {
    for key in object.keys() {
        if key.starts_with('_') || known.contains(&key.as_str()) {
            continue;
        }
        let help = match iam_policy_core::suggest::closest(key, known.iter().copied()) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!(
                "the fields are {}; notes go in `why`, or in a field whose name starts with `_`",
                known
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        return Err(Problem::new(format!("unknown field `{key}` in {owner}")).help(help));
    }
    Ok(())
}

/// The policies of a case other than its identity policies.
struct Others {
    boundary: Option<String>,
    session_policy: Option<String>,
    resource_policy: Option<String>,
    endpoint_policy: Option<String>,
    scps: Vec<Vec<String>>,
    rcps: Vec<Vec<String>>,
}

fn parse_policy(field: &str, value: Option<&Value>) -> Result<Option<String>, Problem> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(policy @ Value::Object(_)) => serde_json::to_string(policy)
            .map(Some)
            .map_err(|e| Problem::new(format!("`{field}`: {e}"))),
        Some(other) => Err(Problem::new(format!(
            "`{field}` must be a policy object, found {}",
            kind(other)
        ))
        .help(format!(
            "give the policy document itself: `\"{field}\": {{\"Version\": \"2012-10-17\", \"Statement\": [...]}}`"
        ))),
    }
}

fn parse_levels(field: &str, value: Option<&Value>) -> Result<Vec<Vec<String>>, Problem> {
    let levels_help = || {
        format!(
            "write a list per level of the organization, root first: `\"{field}\": [[POLICY], [POLICY]]`"
        )
    };
    let levels = match value {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(levels)) => levels,
        Some(other) => {
            return Err(Problem::new(format!(
                "`{field}` must be a list of levels, each a list of policies, found {}",
                kind(other)
            ))
            .help(levels_help()));
        }
    };
    levels
        .iter()
        .enumerate()
        .map(|(l, level)| match level {
            Value::Array(policies) => policies
                .iter()
                .enumerate()
                .map(|(i, policy)| {
                    parse_policy(&format!("{field}[{l}][{i}]"), Some(policy))?.ok_or_else(|| {
                        Problem::new(format!(
                            "`{field}[{l}][{i}]` must be a policy object, found null"
                        ))
                        .help("remove the `null`, or give the policy document")
                    })
                })
                .collect(),
            other => Err(Problem::new(format!(
                "`{field}[{l}]` must be a list of policies (one organization level), found {}",
                kind(other)
            ))
            .help(levels_help())),
        })
        .collect()
}

fn parse_policies(value: Option<&Value>) -> Result<Vec<String>, Problem> {
    let policies = match value {
        None => {
            return Err(Problem::new("the case has no `policies`").help(
                "add `\"policies\": [POLICY]`, the principal's identity policies (`[]` when a resource policy decides)",
            ));
        }
        Some(Value::Array(policies)) => policies,
        Some(other) => {
            return Err(Problem::new(format!(
                "`policies` must be an array of policies, found {}",
                kind(other)
            ))
            .help("put the policies in a list, even one: `\"policies\": [{\"Version\": \"2012-10-17\", ...}]`"));
        }
    };
    policies
        .iter()
        .enumerate()
        .map(|(index, policy)| match policy {
            Value::Object(_) => serde_json::to_string(policy)
                .map_err(|e| Problem::new(format!("`policies[{index}]`: {e}"))),
            other => Err(Problem::new(format!(
                "`policies[{index}]` must be a policy object, found {}",
                kind(other)
            ))
            .help("give the policy document itself, not its file name or its JSON as a string")),
        })
        .collect()
}

fn parse_request(value: Option<&Value>) -> Result<CaseRequest, Problem> {
    let request = match value {
        None => {
            return Err(Problem::new("the case has no `request`")
                .help("add `\"request\": {\"action\": \"s3:GetObject\", \"resource\": \"ARN\"}`"));
        }
        Some(Value::Object(request)) => request,
        Some(other) => {
            return Err(Problem::new(format!(
                "`request` must be an object, found {}",
                kind(other)
            ))
            .help("write `\"request\": {\"action\": \"s3:GetObject\", \"resource\": \"ARN\", \"context\": {...}}`"));
        }
    };
    check_fields(request, REQUEST_FIELDS, "`request`")?;
    let action = required_text(request, "action")?;
    let resource = required_text(request, "resource")?;
    let principal_given = optional_text(request, "principal")?;
    let resource_account = optional_text(request, "resource_account")?;
    if let Some(account) = &resource_account
        && !iam_policy_core::principal::is_account_id(account)
    {
        return Err(Problem::new(format!(
            "`request.resource_account` must be an account ID of 12 digits, found `{account}`"
        ))
        .help("write the 12 digits of the account, such as `\"111122223333\"`"));
    }
    // The default caller: a user of the account that owns the resource (the same account).
    let principal = principal_given.clone().unwrap_or_else(|| {
        let account = resource_account
            .clone()
            .or_else(|| {
                iam_policy_core::eval::split_arn(&resource)
                    .map(|parts| parts[4])
                    .filter(|account| !account.is_empty())
                    .map(str::to_owned)
            })
            .unwrap_or_else(|| DEFAULT_ACCOUNT.to_owned());
        format!("arn:aws:iam::{account}:user/test-user")
    });
    let entries = match request.get("context") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Object(context)) => parse_context(context)?,
        Some(other) => {
            return Err(Problem::new(format!(
                "`request.context` must be an object, found {}",
                kind(other)
            ))
            .help("write the keys and their values: `\"context\": {\"aws:username\": \"alice\", \"aws:TagKeys\": [\"a\", \"b\"]}`"));
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
        principal,
        principal_given: principal_given.is_some(),
        resource_account,
    })
}

/// The account of the default caller when neither the resource nor the case names one.
const DEFAULT_ACCOUNT: &str = "123456789012";

fn optional_text(request: &Map<String, Value>, field: &str) -> Result<Option<String>, Problem> {
    match request.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => required_text(request, field).map(Some),
    }
}

/// What a request field holds, for the help of a missing or empty one.
fn field_example(field: &str) -> &'static str {
    match field {
        "action" => "`\"action\": \"s3:GetObject\"`",
        "resource" => {
            "`\"resource\": \"arn:aws:s3:::bucket/key\"` (`\"*\"` for actions without resource types)"
        }
        "principal" => "`\"principal\": \"arn:aws:iam::111122223333:user/alice\"`",
        _ => "`\"resource_account\": \"111122223333\"`",
    }
}

fn required_text(request: &Map<String, Value>, field: &str) -> Result<String, Problem> {
    match request.get(field) {
        None => Err(Problem::new(format!("the request has no `{field}`"))
            .help(format!("add {}", field_example(field)))),
        Some(Value::String(text)) if text.is_empty() => {
            Err(Problem::new(format!("`request.{field}` is empty"))
                .help(format!("write {}", field_example(field))))
        }
        Some(Value::String(text)) => Ok(text.clone()),
        Some(other) => Err(Problem::new(format!(
            "`request.{field}` must be a string, found {}",
            kind(other)
        ))
        .help(format!("write {}", field_example(field)))),
    }
}

fn parse_context(context: &Map<String, Value>) -> Result<Vec<(String, RequestValue)>, Problem> {
    let mut entries: Vec<(String, RequestValue)> = Vec::with_capacity(context.len());
    // The names seen so far, indexed: one look-up per key.
    let mut seen = ContextMap::new();
    for (key, value) in context {
        if let Some(previous) = seen.key(key) {
            return Err(Problem::new(format!(
                "the context keys `{previous}` and `{key}` are the same key (key names are case-insensitive)"
            ))
            .help("keep one of them; a key with several values takes a list: `[\"a\", \"b\"]`"));
        }
        seen.insert(key.as_str(), "");
        let value = match value {
            Value::String(text) => RequestValue::One(text.clone()),
            Value::Array(items) => {
                let strings = items.iter().map(|item| match item {
                    Value::String(text) => Ok(text.clone()),
                    other => Err(Problem::new(format!(
                        "the values of context key `{key}` must be strings, found {}",
                        kind(other)
                    ))
                    .help(quote_help(other))),
                });
                RequestValue::Set(strings.collect::<Result<_, _>>()?)
            }
            other => {
                return Err(Problem::new(format!(
                    "context key `{key}` must be a string or a list of strings, found {}",
                    kind(other)
                ))
                .help(quote_help(other)));
            }
        };
        entries.push((key.clone(), value));
    }
    Ok(entries)
}

fn parse_expected(value: Option<&Value>) -> Result<Decision, Problem> {
    const CHOICES: &str = "use `Allowed`, `ExplicitlyDenied` or `ImplicitlyDenied`";
    const NAMES: [&str; 3] = ["Allowed", "ExplicitlyDenied", "ImplicitlyDenied"];
    match value {
        None => Err(Problem::new("the case has no `expected` decision")
            .help(format!("add `\"expected\": \"Allowed\"`; {CHOICES}"))),
        Some(Value::String(text)) => Decision::parse(text).ok_or_else(|| {
            // A close spelling, else the one decision that starts the same (`ImplicitDeny`).
            let start: String = text
                .chars()
                .take(6)
                .collect::<String>()
                .to_ascii_lowercase();
            let starting = NAMES
                .iter()
                .filter(|name| start.len() >= 5 && name.to_ascii_lowercase().starts_with(&start));
            let by_start = match starting.clone().count() {
                1 => starting.copied().next(),
                _ => None,
            };
            let help = match iam_policy_core::suggest::closest(text, NAMES).or(by_start) {
                Some(close) => format!("did you mean `{close}`? {CHOICES}"),
                None => CHOICES.to_owned(),
            };
            Problem::new(format!("unknown `expected` decision `{text}`")).help(help)
        }),
        Some(other) => Err(Problem::new(format!(
            "`expected` must be a string, found {}",
            kind(other)
        ))
        .help(format!("write it in quotes; {CHOICES}"))),
    }
}

/// A serde_json error without its "line 1": the file's line is given beside it.
fn json_error(error: &serde_json::Error) -> Problem {
    let text = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    let message = text.strip_suffix(&position).unwrap_or(&text);
    let column = error.column();
    if error.is_eof() {
        return Problem::new(format!(
            "the line ends before its JSON does (column {column})"
        ))
        .help("a case is one JSON object on one line: close every `{`, `[` and `\"`, and do not break the case across lines");
    }
    // serde_json's messages start with a capital ("EOF while ...", "Trailing comma").
    let mut lowercase = message.to_owned();
    if let Some(first) = lowercase.get(..1) {
        let first = first.to_ascii_lowercase();
        lowercase.replace_range(..1, &first);
    }
    Problem::new(format!("not valid JSON (column {column}): {lowercase}")).help(
        "write the case as strict JSON on one line: double quotes, no trailing comma, no comment",
    )
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
fn quote_help(value: &Value) -> String {
    match value {
        Value::Bool(_) | Value::Number(_) => {
            format!("write it as a string: `\"{value}\"` (a request context holds strings)")
        }
        _ => "write a string, or a list of strings for a key with several values".to_owned(),
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

    /// A case whose context has N keys: reading it (duplicate-key check and the context map)
    /// costs work linear in N (it was quadratic, issue 10).
    #[test]
    fn context_keys_are_read_in_linear_work() {
        use crate::context::Context;
        use iam_policy_core::work::{Counter, assert_linear, measure};
        let sizes = [10_000u64, 40_000, 160_000];
        let counts: Vec<u64> = sizes
            .iter()
            .map(|&n| {
                let keys: Vec<String> = (0..n).map(|i| format!(r#""app:Key{i}": "v""#)).collect();
                let context = format!("{{{}}}", keys.join(", "));
                let text = line("many", &[ALLOW_GET], "s3:GetObject", &context, "Allowed");
                // Read, then every key looked up once (one comparison each when found): a scan
                // per key while reading would add N² comparisons.
                measure(Counter::KeyCompares, || {
                    let cases = parse(&text).expect("valid case file");
                    let context = cases[0].request.context();
                    assert_eq!(context.len(), n as usize);
                    for i in 0..n {
                        assert!(context.values(&format!("APP:KEY{i}")).is_some());
                    }
                })
            })
            .collect();
        assert_linear(
            "case-file context key comparisons by keys",
            &sizes,
            &counts,
            1.1,
        );
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
            (1, None, "the case has no `id`")
        );

        let unknown = single_error(&line("a", &[ALLOW_GET], "s3:GetObject", "{}", "Allow"));
        assert_eq!(unknown.id.as_deref(), Some("a"));
        assert_eq!(unknown.message, "unknown `expected` decision `Allow`");
        assert_eq!(
            unknown.to_string(),
            "line 1 (`a`): unknown `expected` decision `Allow`\n  help: did you mean `Allowed`? use `Allowed`, `ExplicitlyDenied` or `ImplicitlyDenied`"
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
            (3, "duplicate `id` `a`: line 1 has the same")
        );
    }

    #[test]
    fn every_bad_line_is_reported() {
        let text = [
            "[1, 2]".to_owned(),
            line("ok", &[ALLOW_GET], "s3:GetObject", "{}", "Allowed"),
            line("n", &[ALLOW_GET], "s3:GetObject", r#"{"aws:MultiFactorAuthAge": 30}"#, "Allowed"),
            line("e", &[ALLOW_GET], "s3:GetObject", "{}", "Allowed").replace(r#""expected""#, r#""expcted""#),
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
                "line 1: a case must be a JSON object, found an array\n  help: write one case per line: `{\"id\": \"NAME\", \"policies\": [POLICY], \"request\": {\"action\": \"s3:GetObject\", \"resource\": \"ARN\"}, \"expected\": \"Allowed\"}`",
                "line 3 (`n`): context key `aws:MultiFactorAuthAge` must be a string or a list of strings, found a number\n  help: write it as a string: `\"30\"` (a request context holds strings)",
                "line 4 (`e`): unknown field `expcted` in a case\n  help: did you mean `expected`?",
                "line 5 (`p`): `policies[0]` must be a policy object, found a string\n  help: give the policy document itself, not its file name or its JSON as a string",
                "line 6 (`c`): the context keys `aws:username` and `AWS:UserName` are the same key (key names are case-insensitive)\n  help: keep one of them; a key with several values takes a list: `[\"a\", \"b\"]`",
                "line 7 (`l`): the values of context key `aws:TagKeys` must be strings, found a boolean\n  help: write it as a string: `\"true\"` (a request context holds strings)",
                "line 8: `id` must be a string, found a number\n  help: write it as a string: `\"id\": \"7\"`",
                "line 9 (`r`): the request has no `resource`\n  help: add `\"resource\": \"arn:aws:s3:::bucket/key\"` (`\"*\"` for actions without resource types)",
                "line 10 (`x`): the case has no `expected` decision\n  help: add `\"expected\": \"Allowed\"`; use `Allowed`, `ExplicitlyDenied` or `ImplicitlyDenied`",
            ]
        );
        assert_eq!(error.to_string(), messages.join("\n"));
    }

    /// The help-text audit of case files: each typical mistake, its exact message and its help
    /// (lowercase, one line, the input in backticks, the fix in the help).
    #[test]
    fn every_typical_mistake_has_its_message_and_help() {
        let ok = line("a", &[ALLOW_GET], "s3:GetObject", "{}", "Allowed");
        let with = |from: &str, to: &str| {
            assert!(ok.contains(from), "{from}");
            ok.replace(from, to)
        };
        let cases: Vec<(String, &str, &str)> = vec![
            (
                ok.trim_end_matches('}').to_owned(),
                "the line ends before its JSON does (column 243)",
                "a case is one JSON object on one line: close every `{`, `[` and `\"`, and do not break the case across lines",
            ),
            (
                with(r#""expected": "Allowed""#, r#""expected": "Allowed","#),
                "not valid JSON (column 245): trailing comma",
                "write the case as strict JSON on one line: double quotes, no trailing comma, no comment",
            ),
            (
                with(r#""id": "a""#, r#"'id': "a""#),
                "not valid JSON (column 2): key must be a string",
                "write the case as strict JSON on one line: double quotes, no trailing comma, no comment",
            ),
            (
                with(r#""id": "a""#, r#""id": """#),
                "`id` is empty",
                "give the case a name unique in the file",
            ),
            (
                with(r#""expected": "Allowed""#, r#""expected": "Deny""#),
                "unknown `expected` decision `Deny`",
                "use `Allowed`, `ExplicitlyDenied` or `ImplicitlyDenied`",
            ),
            (
                with(r#""expected": "Allowed""#, r#""expected": "ImplicitDeny""#),
                "unknown `expected` decision `ImplicitDeny`",
                "did you mean `ImplicitlyDenied`? use `Allowed`, `ExplicitlyDenied` or `ImplicitlyDenied`",
            ),
            (
                with(r#""expected": "Allowed""#, r#""expected": true"#),
                "`expected` must be a string, found a boolean",
                "write it in quotes; use `Allowed`, `ExplicitlyDenied` or `ImplicitlyDenied`",
            ),
            (
                with(r#""policies": ["#, r#""polices": ["#),
                "unknown field `polices` in a case",
                "did you mean `policies`?",
            ),
            (
                with(
                    &format!(r#""policies": [{ALLOW_GET}]"#),
                    &format!(r#""policies": {ALLOW_GET}"#),
                ),
                "`policies` must be an array of policies, found an object",
                "put the policies in a list, even one: `\"policies\": [{\"Version\": \"2012-10-17\", ...}]`",
            ),
            (
                with(r#""action": "s3:GetObject""#, r#""actoin": "s3:GetObject""#),
                "unknown field `actoin` in `request`",
                "did you mean `action`?",
            ),
            (
                with(r#""action": "s3:GetObject""#, r#""action": """#),
                "`request.action` is empty",
                "write `\"action\": \"s3:GetObject\"`",
            ),
            (
                with(
                    r#""action": "s3:GetObject""#,
                    r#""action": ["s3:GetObject"]"#,
                ),
                "`request.action` must be a string, found an array",
                "write `\"action\": \"s3:GetObject\"`",
            ),
            (
                with(
                    r#""context": {}"#,
                    r#""context": [["aws:username", "alice"]]"#,
                ),
                "`request.context` must be an object, found an array",
                "write the keys and their values: `\"context\": {\"aws:username\": \"alice\", \"aws:TagKeys\": [\"a\", \"b\"]}`",
            ),
            (
                with(
                    r#""context": {}"#,
                    r#""context": {"aws:SecureTransport": true}"#,
                ),
                "context key `aws:SecureTransport` must be a string or a list of strings, found a boolean",
                "write it as a string: `\"true\"` (a request context holds strings)",
            ),
            (
                with(r#""context": {}"#, r#""context": {"aws:username": null}"#),
                "context key `aws:username` must be a string or a list of strings, found null",
                "write a string, or a list of strings for a key with several values",
            ),
            (
                with(
                    r#""id": "a","#,
                    r#""id": "a", "boundary": "boundary.json","#,
                ),
                "`boundary` must be a policy object, found a string",
                "give the policy document itself: `\"boundary\": {\"Version\": \"2012-10-17\", \"Statement\": [...]}`",
            ),
            (
                with(r#""id": "a","#, r#""id": "a", "scps": {},"#),
                "`scps` must be a list of levels, each a list of policies, found an object",
                "write a list per level of the organization, root first: `\"scps\": [[POLICY], [POLICY]]`",
            ),
            (
                with(r#""id": "a","#, r#""id": "a", "name": 3,"#),
                "`name` must be a string, found a number",
                "write the name in quotes: `\"name\": \"what the case checks\"`",
            ),
            (
                with(r#""id": "a","#, r#""id": "a", "why": ["D1"],"#),
                "`why` must be a string, found an array",
                "write the note as one string, or in a field whose name starts with `_` (`\"_why\"`), which is ignored",
            ),
            (
                with(r#""id": "a","#, r#""id": "a", "core": "yes","#),
                "`core` must be a boolean, found a string",
                "write `true` or `false`, without quotes",
            ),
            (
                with(
                    r#""resource": "arn:aws:s3:::b/k""#,
                    r#""resource": "arn:aws:s3:::b/k", "principal": 5"#,
                ),
                "`request.principal` must be a string, found a number",
                "write `\"principal\": \"arn:aws:iam::111122223333:user/alice\"`",
            ),
        ];
        let mut wrong = Vec::new();
        for (text, message, help) in cases {
            let error = single_error(&text);
            if (error.message.as_str(), error.help.as_deref()) != (message, Some(help)) {
                wrong.push(format!(
                    "{text}\n  got:      {} / {:?}\n  expected: {message} / {help}",
                    error.message, error.help
                ));
            }
            assert!(
                error
                    .message
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_uppercase())
                    && !error.message.contains('\n'),
                "{}",
                error.message
            );
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        let no_request = single_error(r#"{"id": "a", "policies": [], "expected": "Allowed"}"#);
        assert_eq!(
            (no_request.message.as_str(), no_request.help.as_deref()),
            (
                "the case has no `request`",
                Some("add `\"request\": {\"action\": \"s3:GetObject\", \"resource\": \"ARN\"}`")
            )
        );
        let no_policies = single_error(
            r#"{"id": "a", "request": {"action": "s3:GetObject", "resource": "*"}, "expected": "Allowed"}"#,
        );
        assert_eq!(
            (no_policies.message.as_str(), no_policies.help.as_deref()),
            (
                "the case has no `policies`",
                Some(
                    "add `\"policies\": [POLICY]`, the principal's identity policies (`[]` when a resource policy decides)"
                )
            )
        );
    }

    #[test]
    fn case_files_are_strict() {
        let ok = line("a", &[ALLOW_GET], "s3:GetObject", "{}", "Allowed");
        // `_` fields are notes; `why`, `source` and `core` are accepted.
        let noted = ok.replace(
            r#""id": "a","#,
            r#""id": "a", "_todo": [1, 2], "why": "D1", "source": "AWS", "core": true,"#,
        );
        assert_eq!(parse(&noted).unwrap().len(), 1);
        let contxt = ok.replace(r#""context""#, r#""contxt""#);
        let contxt = single_error(&contxt);
        assert_eq!(contxt.message, "unknown field `contxt` in `request`");
        assert_eq!(contxt.help.as_deref(), Some("did you mean `context`?"));
        let stranger = single_error(&ok.replace(r#""id": "a","#, r#""id": "a", "zzz": 1,"#));
        assert_eq!(stranger.message, "unknown field `zzz` in a case");
        assert_eq!(
            stranger.help.as_deref(),
            Some(
                "the fields are `id`, `name`, `policies`, `request`, `expected`, `boundary`, `session_policy`, `resource_policy`, `endpoint_policy`, `scps`, `rcps`, `why`, `source`, `core`; notes go in `why`, or in a field whose name starts with `_`"
            )
        );
        let account = ok.replace(
            r#""resource": "arn:aws:s3:::b/k""#,
            r#""resource": "arn:aws:s3:::b/k", "resource_account": "1234""#,
        );
        assert_eq!(
            single_error(&account).message,
            "`request.resource_account` must be an account ID of 12 digits, found `1234`"
        );
        let levels = ok.replace(r#""id": "a","#, r#""id": "a", "scps": [{}],"#);
        assert_eq!(
            single_error(&levels).message,
            "`scps[0]` must be a list of policies (one organization level), found an object"
        );
        for empty in ["", "\n\n  \n"] {
            let error = parse(empty).unwrap_err();
            assert_eq!(
                error.to_string(),
                "line 0: the file has no case\n  help: a decision test file holds one case per line, each a JSON object with `id`, `policies`, `request` and `expected`"
            );
        }
    }

    #[test]
    fn other_policies_and_the_principal() {
        const BUCKET: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"Partner","Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#;
        let text = format!(
            r#"{{"id": "x", "policies": [], "resource_policy": {BUCKET}, "request": {{"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "principal": "arn:aws:iam::444455556666:user/u", "resource_account": "111122223333"}}, "expected": "Allowed"}}"#
        );
        let cases = parse(&text).unwrap();
        assert_eq!(
            cases[0].request.principal(),
            "arn:aws:iam::444455556666:user/u"
        );
        // Cross-account: the bucket policy names the account, but the user's own account has no
        // identity policy that allows.
        let result = run_case(&cases[0]);
        assert_eq!(result.status(), Status::Failed);
        assert!(
            result.to_string().contains(
                "request:  s3:GetObject on arn:aws:s3:::b/k by arn:aws:iam::444455556666:user/u (resource account 111122223333)"
            ),
            "{result}"
        );
        // The default caller is a user of the resource's account.
        let same = line("d", &[ALLOW_GET], "s3:GetObject", "{}", "Allowed");
        let cases = parse(&same).unwrap();
        assert_eq!(
            cases[0].request.principal(),
            "arn:aws:iam::123456789012:user/test-user"
        );
        assert!(!cases[0].request.principal_given());
        // An invalid resource policy is named.
        let invalid = text.replace(r#""Principal":{"AWS":"444455556666"},"#, "");
        let cases = parse(&invalid).unwrap();
        let shown = run_case(&cases[0]).to_string();
        assert!(
            shown.contains("`resource_policy` is not valid: "),
            "{shown}"
        );
        assert!(shown.contains("MISSING_PRINCIPAL"), "{shown}");
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
            kind: PolicyKind::Identity,
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
