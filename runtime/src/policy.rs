//! [`Policy`]: a compiled policy, from `policy!` or from JSON read at run time.

use std::borrow::Cow;
use std::fmt;

use iam_policy_core::compiled::{CompiledPolicy, JsonValue, Statement};
use iam_policy_core::diagnostic::TextDiagnostic;
use iam_policy_core::eval::{Decision, Outcome};
use iam_policy_core::request_check::Malformed;
use iam_policy_core::validate::{Options, PolicyType};
use iam_policy_core::why_not::NearMiss;
use iam_policy_core::{export, interpret, json, lower};

use crate::request::Request;

/// The specialized evaluator `policy!` generates for one policy.
#[doc(hidden)]
pub type SpecializedFn = fn(&Request<'_>) -> Outcome;

/// A validated, compiled IAM policy.
///
/// Made by `policy!` / `policy_file!` (validated at compile time, evaluated by code generated for
/// its patterns) or by [`Policy::from_json`] (validated at run time, evaluated by the interpreter).
/// Either way evaluation allocates nothing.
///
/// Two policies are equal when they have the same type and the same document (as written, key
/// order included, white space aside), whichever way they were made. `Serialize` writes the
/// document; `Deserialize` reads one with the validator (see [`Policy::deserialize_with`]).
#[derive(Clone)]
pub struct Policy {
    compiled: CompiledPolicy,
    specialized: Option<SpecializedFn>,
    policy_type: PolicyType,
}

/// The decision and the statement that took it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[must_use]
pub struct Evaluation<'p> {
    /// `Allowed`, `ExplicitlyDenied` or `ImplicitlyDenied`.
    pub decision: Decision,
    /// The applicable `Deny`, or the first applicable `Allow`; `None` for an implicit deny.
    pub statement: Option<StatementRef<'p>>,
    /// Why the request was denied without reading the policy: it is not well-formed
    /// ([`Request::check`]).
    pub malformed: Option<Malformed>,
}

impl fmt::Display for Evaluation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.decision)?;
        if let Some(malformed) = &self.malformed {
            write!(f, " ({malformed})")?;
        } else if let Some(statement) = &self.statement {
            write!(f, " by statement {}", statement.index)?;
            if let Some(sid) = statement.sid {
                write!(f, " (`{sid}`)")?;
            }
        }
        Ok(())
    }
}

/// A statement of a policy: its position and its `Sid`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StatementRef<'p> {
    /// The statement's position in the policy's `Statement` (from 0).
    pub index: usize,
    /// The statement's `Sid`, if it has one.
    pub sid: Option<&'p str>,
}

/// A policy read at run time, with the findings below error level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    /// The policy, ready to evaluate.
    pub policy: Policy,
    /// The findings below error level (warnings and suggestions), with their line and column.
    pub warnings: Vec<TextDiagnostic>,
}

/// Why a JSON policy was rejected: every error and warning, with line and column.
///
/// `Display` and `Debug` both print the findings as text (`error[CODE]: message`, the line and
/// column, the `help:`), so that `?` in a `main` returning `Result` prints them, not a struct.
#[derive(Clone, PartialEq, Eq)]
pub struct LoadError {
    diagnostics: Vec<TextDiagnostic>,
}

impl LoadError {
    /// Every finding, errors and others, in document order.
    #[must_use]
    pub fn diagnostics(&self) -> &[TextDiagnostic] {
        &self.diagnostics
    }
    /// The findings of error level.
    pub fn errors(&self) -> impl Iterator<Item = &TextDiagnostic> {
        self.diagnostics.iter().filter(|d| d.diagnostic.is_error())
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors: Vec<_> = self.errors().collect();
        write!(
            f,
            "the policy is not valid ({} error{})",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" }
        )?;
        for d in errors {
            write!(f, "\n{d}")?;
        }
        Ok(())
    }
}

/// The rendered findings, as `Display`: what `main` prints for an `Err` returned through `?`.
impl fmt::Debug for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for LoadError {}

impl Policy {
    /// Used by `policy!`'s expansion.
    #[doc(hidden)]
    pub const fn __from_expansion(
        compiled: CompiledPolicy,
        specialized: SpecializedFn,
        policy_type: PolicyType,
    ) -> Policy {
        Policy {
            compiled,
            specialized: Some(specialized),
            policy_type,
        }
    }

    /// What `policy!` expands to after a compile error, so that the error is the only one shown.
    #[doc(hidden)]
    #[must_use]
    pub const fn __placeholder() -> Policy {
        Policy {
            compiled: CompiledPolicy {
                statements: Cow::Borrowed(&[]),
                source: Cow::Borrowed("null"),
                no_resource_actions: Cow::Borrowed(&[]),
            },
            specialized: None,
            policy_type: PolicyType::Managed,
        }
    }

    /// A policy of `policy_type` from its compiled form, which must come from the validator.
    pub(crate) fn from_compiled(compiled: CompiledPolicy, policy_type: PolicyType) -> Policy {
        Policy {
            compiled,
            specialized: None,
            policy_type,
        }
    }

    /// Reads a JSON policy with the validator of `policy!`. Warnings are accepted; errors reject it.
    pub fn from_json(text: &str) -> Result<Policy, LoadError> {
        Self::from_json_with(text, &Options::default()).map(|loaded| loaded.policy)
    }

    /// Reads a JSON policy of the given type (a bucket policy, a trust policy, an SCP, ...):
    /// the rules of that type apply (`Principal` required or refused, its size quota, ...).
    ///
    /// ```
    /// use iam_policy::{Policy, PolicyType};
    /// let trust = Policy::from_json_as(
    ///     r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
    ///         "Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
    ///     PolicyType::Trust,
    /// ).unwrap();
    /// assert_eq!(trust.policy_type(), PolicyType::Trust);
    /// // The same document is not a valid identity policy: it names a principal.
    /// assert!(Policy::from_json(&trust.to_json()).is_err());
    /// ```
    pub fn from_json_as(text: &str, policy_type: PolicyType) -> Result<Policy, LoadError> {
        let options = Options::new().with_policy_type(policy_type);
        Self::from_json_with(text, &options).map(|loaded| loaded.policy)
    }

    /// [`Policy::from_json`] with options (policy type, catalog checks), returning the warnings.
    pub fn from_json_with(text: &str, options: &Options) -> Result<Loaded, LoadError> {
        match iam_policy_core::compile_text(text, options) {
            Ok((compiled, warnings)) => Ok(Loaded {
                policy: Policy::from_compiled(compiled, options.policy_type),
                warnings: TextDiagnostic::place(text, warnings),
            }),
            Err(diagnostics) => Err(LoadError {
                diagnostics: TextDiagnostic::place(text, diagnostics),
            }),
        }
    }

    /// Decides a request: `Allowed`, `ExplicitlyDenied` or `ImplicitlyDenied`. A malformed request
    /// ([`Request::check`]) is `ImplicitlyDenied` whatever the policy says; the resource `*` of an
    /// extra action this policy declares `no-resource` is well-formed (decision D38).
    #[inline]
    pub fn evaluate(&self, request: &Request<'_>) -> Decision {
        self.explain(request).decision
    }

    /// Decides a request and names the statement that decided, or why the request is malformed.
    pub fn explain(&self, request: &Request<'_>) -> Evaluation<'_> {
        match request.check_declared(|action| self.compiled.declares_no_resource(action)) {
            Ok(()) => self.evaluation(self.outcome(request)),
            Err(malformed) => Evaluation::malformed(malformed),
        }
    }

    /// Why the request is not allowed: the `Allow` statements nearest to applying (at most
    /// `limit`, nearest first) and what failed in each: the action, the part of the resource
    /// (`the region `us-west-2` of the resource does not match `us-east-1``), a condition with its
    /// operator and key, a key the request lacks. Empty when a statement allows the request.
    /// [`Policy::explain`] says what decided; this says what came closest. It allocates: for
    /// explaining a decision, not for deciding.
    ///
    /// ```
    /// use iam_policy::{policy, Policy, Request};
    ///
    /// static P: Policy = policy!({
    ///     "Version": "2012-10-17",
    ///     "Statement": [{
    ///         "Effect": "Allow",
    ///         "Action": "s3:GetObject",
    ///         "Resource": "arn:aws:s3:::reports/*",
    ///         "Condition": {"StringEquals": {"aws:PrincipalTag/team": "finance"}}
    ///     }]
    /// });
    ///
    /// let request = Request::new("s3:GetObject", "arn:aws:s3:::reports/q4.csv");
    /// let misses = P.why_not(&request, 3);
    /// assert_eq!(misses[0].statement, 0);
    /// assert!(misses[0].reasons[0].contains("the request has no `aws:PrincipalTag/team`"));
    /// ```
    #[must_use]
    pub fn why_not(&self, request: &Request<'_>, limit: usize) -> Vec<NearMiss> {
        iam_policy_core::why_not::near_misses(&self.compiled, request, limit)
    }

    /// Decides with the interpreter even for a `policy!` policy: the run-time path, which must agree
    /// with the specialized one on every request.
    pub fn explain_interpreted(&self, request: &Request<'_>) -> Evaluation<'_> {
        match request.check_declared(|action| self.compiled.declares_no_resource(action)) {
            Ok(()) => self.evaluation(interpret::evaluate(&self.compiled, request)),
            Err(malformed) => Evaluation::malformed(malformed),
        }
    }

    /// The outcome of a request already checked well-formed.
    #[inline]
    pub(crate) fn outcome(&self, request: &Request<'_>) -> Outcome {
        match self.specialized {
            Some(specialized) => specialized(request),
            None => interpret::evaluate(&self.compiled, request),
        }
    }

    pub(crate) fn evaluation(&self, outcome: Outcome) -> Evaluation<'_> {
        Evaluation {
            malformed: None,
            decision: outcome.decision,
            statement: outcome.statement.map(|index| StatementRef {
                index,
                sid: self
                    .compiled
                    .statements
                    .get(index)
                    .and_then(|s| s.sid.as_deref()),
            }),
        }
    }

    /// The type the policy was validated as.
    #[must_use]
    pub fn policy_type(&self) -> PolicyType {
        self.policy_type
    }

    /// True for a policy from `policy!`, evaluated by code generated for it.
    #[must_use]
    pub fn is_specialized(&self) -> bool {
        self.specialized.is_some()
    }

    /// The compiled statements, for introspection.
    #[must_use]
    pub fn statements(&self) -> &[Statement] {
        &self.compiled.statements
    }

    /// The compiled form.
    #[must_use]
    pub fn compiled(&self) -> &CompiledPolicy {
        &self.compiled
    }

    /// The document as written, as a JSON value in its key order. Read anew from the compact text
    /// the policy keeps ([`Policy::to_json`]): a loaded policy does not hold a tree of its document.
    #[must_use]
    pub fn source(&self) -> JsonValue {
        match json::parse(&self.compiled.source) {
            Ok(root) => lower::json_value(&root),
            // Unreachable: the text is the exporter's writing of a document that was read.
            Err(_) => JsonValue::Null,
        }
    }

    /// Compact JSON, equal as a JSON value to what was written, in the same key order and shapes.
    #[must_use]
    pub fn to_json(&self) -> String {
        self.compiled.source.to_string()
    }

    /// [`Policy::to_json`] in AWS's usual layout (four-space indent).
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        export::to_pretty(&self.source())
    }
}

impl Evaluation<'_> {
    fn malformed(malformed: Malformed) -> Self {
        Evaluation {
            decision: Decision::ImplicitlyDenied,
            statement: None,
            malformed: Some(malformed),
        }
    }
}

/// The same type and document; the generated evaluator of a `policy!` policy is not compared (it
/// decides as the interpreter does).
impl PartialEq for Policy {
    fn eq(&self, other: &Policy) -> bool {
        self.policy_type == other.policy_type && self.compiled == other.compiled
    }
}

impl Eq for Policy {}

impl std::hash::Hash for Policy {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.policy_type.hash(state);
        self.compiled.hash(state);
    }
}

impl fmt::Debug for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Policy")
            .field("specialized", &self.specialized.is_some())
            .field("policy_type", &self.policy_type)
            .field("json", &self.to_json())
            .finish()
    }
}

impl fmt::Display for Policy {
    /// The pretty JSON.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        export::write_value(f, &self.source(), Some("    "), 0)
    }
}

impl std::str::FromStr for Policy {
    type Err = LoadError;
    fn from_str(text: &str) -> Result<Policy, LoadError> {
        Policy::from_json(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BAD: &str = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"allow\", \
                       \"Action\": \"s3:GetObject\", \"Resource\": \"\"}]}";

    #[test]
    fn load_error_debug_prints_the_findings_as_display_does() {
        let error = Policy::from_json(BAD).unwrap_err();
        let display = error.to_string();
        assert_eq!(format!("{error:?}"), display);
        assert!(
            display.starts_with("the policy is not valid (2 errors)\n"),
            "{display}"
        );
        assert!(
            display.contains("error[INVALID_EFFECT]: the effect `allow` is not valid"),
            "{display}"
        );
        assert!(
            display.contains("  --> line 1, column 52 (`Statement[0].Effect`)"),
            "{display}"
        );
        assert!(display.contains("  = help: use `Allow`"), "{display}");
        assert!(
            !display.contains("TextDiagnostic") && !display.contains("Finding {"),
            "{display}"
        );
    }

    #[test]
    fn a_syntax_error_names_its_position_once() {
        let error = Policy::from_json("{\n  \"Version\": \"2012-10-17\",\n}").unwrap_err();
        let display = error.to_string();
        assert_eq!(display.matches("line 3").count(), 1, "{display}");
        assert_eq!(display.matches("column").count(), 1, "{display}");
        assert_eq!(format!("{error:?}"), display);
    }

    /// A text over `Options::max_bytes` is refused unread with `POLICY_TOO_LARGE`; a larger limit
    /// reads it.
    #[test]
    fn size_limit() {
        let statement = r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}"#;
        let mut statements = vec![statement; 20_000];
        let text = format!(
            r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
            statements.join(",")
        );
        assert!(text.len() > 1 << 20);
        let error = Policy::from_json(&text).unwrap_err();
        assert_eq!(error.diagnostics().len(), 1);
        assert_eq!(error.diagnostics()[0].diagnostic.code(), "POLICY_TOO_LARGE");
        let options = Options::new().with_max_bytes(2 << 20).with_catalog(false);
        // Over the size quota of a managed policy (a warning), but read.
        assert!(Policy::from_json_with(&text, &options).is_ok());
        statements.truncate(10);
        let small = format!(
            r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
            statements.join(",")
        );
        let tight = Options::new().with_max_bytes(small.len() - 1);
        assert!(Policy::from_json_with(&small, &tight).is_err());
    }

    /// `why_not` names, per nearest `Allow` statement, what failed (issue 12, item 5).
    #[test]
    fn why_not_names_what_failed() {
        let policy = Policy::from_json(
            r#"{"Version": "2012-10-17", "Statement": [
                {"Sid": "Sessions", "Effect": "Allow", "Action": "ssm:TerminateSession",
                 "Resource": "arn:aws:ssm:us-east-1:123456789012:session/${aws:username}-*"},
                {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*",
                 "Condition": {"StringEquals": {"aws:PrincipalTag/team": "finance"},
                               "NumericLessThanIfExists": {"aws:MultiFactorAuthAge": "10"}}}]}"#,
        )
        .unwrap();
        let reasons = |request: &Request<'_>| -> Vec<String> {
            policy
                .why_not(request, 1)
                .into_iter()
                .flat_map(|m| m.reasons)
                .collect()
        };
        // A misspelt action: nearest is the statement of the same service? No statement names it.
        let typo = Request::new(
            "ssm:TerminateSesion",
            "arn:aws:ssm:us-east-1:123456789012:session/alice-1",
        );
        let r = reasons(&typo);
        assert!(
            r[0].starts_with(
                "the action `ssm:TerminateSesion` is not among `ssm:terminatesession`"
            ),
            "{r:?}"
        );
        // A resource part differs: the region, named with both texts.
        let ctx = [("aws:username", "alice")];
        let region = Request::new(
            "ssm:TerminateSession",
            "arn:aws:ssm:us-west-2:123456789012:session/alice-1",
        )
        .context(&ctx);
        assert_eq!(
            reasons(&region),
            ["the region `us-west-2` of the resource does not match `us-east-1`"]
        );
        // A variable the request lacks.
        let no_user = Request::new(
            "ssm:TerminateSession",
            "arn:aws:ssm:us-east-1:123456789012:session/alice-1",
        );
        let r = reasons(&no_user);
        assert!(
            r[0].contains("names the variable `${aws:username}`, and the request has no `aws:username` (give it in the context)"),
            "{r:?}"
        );
        // A missing key, and a value that differs (with the policy's values).
        let object = Request::new("s3:GetObject", "arn:aws:s3:::reports/q4.csv");
        let r = reasons(&object);
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(
            r[0].starts_with(
                "the request has no `aws:PrincipalTag/team`, so `StringEquals` is false"
            ),
            "{r:?}"
        );
        let other_team = [
            ("aws:PrincipalTag/team", "sales"),
            ("aws:MultiFactorAuthAge", "50"),
        ];
        let r = reasons(&object.context(&other_team));
        assert_eq!(
            r,
            [
                "`StringEquals` on `aws:PrincipalTag/team` is false for the request's value `sales` (the policy has `finance`)",
                "`NumericLessThanIfExists` on `aws:MultiFactorAuthAge` is false for the request's value `50` (the policy has `10`)",
            ]
        );
        // Allowed: nothing to explain.
        let finance = [("aws:PrincipalTag/team", "finance")];
        assert!(policy.why_not(&object.context(&finance), 3).is_empty());
    }
}
