//! The values of one condition key, read for the operator's family: strings and globs, the parsed
//! families (numbers, dates, base64, IP ranges, `Null`'s booleans), `Bool` (which takes variables)
//! and ARNs. Each value that cannot be read is reported at its own place.

use std::borrow::Cow;

use super::Validator;
use super::document::{Located, Text, Version};
use super::resource::{ArnUse, read_arn};
use super::template::{self, Variables, Wildcards};
use crate::codes::{self, Code};
use crate::compiled::{ArnPattern, BoolValue, ConditionValues, Glob, Segment};
use crate::diagnostic::Finding;
use crate::operator::{Comparison, Operator};
use crate::values::{self, ValueError};

/// Reads the values of one operator.
pub(super) struct ValueReader<'a> {
    operator: &'a Located<'a, Operator>,
    version: Version,
    /// What the operator's values may do with `${...}`.
    variables: Variables,
}

impl<'a> ValueReader<'a> {
    pub(super) fn new(operator: &'a Located<'a, Operator>, version: Version) -> Self {
        let base = operator.value.base;
        let variables = if !base.allows_variables() {
            Variables::UnsupportedForOperator(base.name())
        } else if version.supports_variables() {
            Variables::Allowed
        } else {
            Variables::UnsupportedInVersion
        };
        ValueReader {
            operator,
            version,
            variables,
        }
    }

    /// String operators: globs for the `Like` ones, literal text (with variables) for the others.
    pub(super) fn strings(&self, v: &mut Validator, texts: &[Text<'_>]) -> ConditionValues {
        let like = self.operator.value.base.comparison() == Comparison::Like;
        let wildcards = if like {
            Wildcards::Glob
        } else {
            Wildcards::Literal
        };
        let mut globs = Vec::new();
        for t in texts {
            let (glob, findings) = template::read(&t.text, wildcards, self.variables);
            for f in findings {
                v.report(f, &t.path, t.loc);
            }
            if !like && literal_has_wildcard(&glob) {
                let finding = Finding::new(
                    codes::WILDCARD_WITHOUT_LIKE_OPERATOR,
                    format!(
                        "the value `{}` contains `*` or `?`, which `{}` compares as text",
                        t.text, self.operator.text
                    ),
                )
                .with_help(format!(
                    "to match a pattern, use `{}`",
                    like_operator(&self.operator.text)
                ));
                v.report(finding, &t.path, t.loc);
            }
            globs.push(glob);
        }
        globs.shrink_to_fit();
        ConditionValues::Strings(Cow::Owned(globs))
    }

    /// Values parsed once, at load time, by `parse`; a value that does not parse is a `code` finding
    /// with `help`. These operators take no variables.
    pub(super) fn parsed<T>(
        &self,
        v: &mut Validator,
        texts: &[Text<'_>],
        parse: impl Fn(&str) -> Result<T, ValueError>,
        code: Code,
        help: &str,
    ) -> Vec<T> {
        let mut out = Vec::new();
        for t in texts {
            if self.forbid_variables(v, t) {
                continue;
            }
            match parse(&t.text) {
                Ok(value) => out.push(value),
                Err(e) => v.report(
                    mismatch(code, &self.operator.text, e.message(), help),
                    &t.path,
                    t.loc,
                ),
            }
        }
        out.shrink_to_fit();
        out
    }

    /// `Bool`: `true`, `false`, or a variable resolved at evaluation.
    pub(super) fn bools(&self, v: &mut Validator, texts: &[Text<'_>]) -> Vec<BoolValue> {
        let mut out = Vec::new();
        for t in texts {
            if template::has_variable(&t.text) {
                let (glob, findings) = template::read(&t.text, Wildcards::Literal, self.variables);
                let ok = findings.is_empty();
                for f in findings {
                    v.report(f, &t.path, t.loc);
                }
                if ok {
                    out.push(BoolValue::Variable(glob));
                }
                continue;
            }
            match values::parse_bool_policy(&t.text) {
                Ok(b) => out.push(BoolValue::Literal(b)),
                Err(e) => v.report(
                    mismatch(
                        codes::TYPE_MISMATCH_BOOLEAN,
                        &self.operator.text,
                        e.message(),
                        "use `true` or `false`",
                    ),
                    &t.path,
                    t.loc,
                ),
            }
        }
        out.shrink_to_fit();
        out
    }

    /// ARN operators: each value an ARN pattern (or `*`, any ARN).
    pub(super) fn arns(&self, v: &mut Validator, texts: &[Text<'_>]) -> Vec<ArnPattern> {
        let mut out = Vec::new();
        for t in texts {
            if !t.text.is_empty() && t.text.chars().all(|c| c == '*') {
                out.push(any_arn());
                continue;
            }
            match read_arn(&t.text, self.version, ArnUse::Condition) {
                Ok((arn, findings)) => {
                    for f in findings {
                        // An ARN operator compares text: region and account shapes are not its concern.
                        if !matches!(
                            f.code,
                            codes::INVALID_ARN_REGION
                                | codes::INVALID_ARN_ACCOUNT
                                | codes::MISSING_ARN_FIELD
                        ) {
                            v.report(f, &t.path, t.loc);
                        }
                    }
                    out.push(arn);
                }
                Err(findings) => {
                    for f in findings {
                        let f = if f.code == codes::INVALID_ARN_PREFIX {
                            Finding::new(
                                codes::TYPE_MISMATCH_ARN,
                                format!(
                                    "the value `{}` of `{}` is not an ARN",
                                    t.text, self.operator.text
                                ),
                            )
                            .with_help(
                                "use an ARN such as `arn:aws:iam::123456789012:role/*`, or a String operator",
                            )
                        } else {
                            f
                        };
                        v.report(f, &t.path, t.loc);
                    }
                }
            }
        }
        out.shrink_to_fit();
        out
    }

    /// Values of operators that take no variables must not look like one: reports the variables of
    /// `t`, if any, and says whether it had one.
    fn forbid_variables(&self, v: &mut Validator, t: &Text<'_>) -> bool {
        if !template::has_variable(&t.text) {
            return false;
        }
        let (_, findings) = template::read(&t.text, Wildcards::Literal, self.variables);
        let any = !findings.is_empty();
        for f in findings {
            v.report(f, &t.path, t.loc);
        }
        any
    }
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
