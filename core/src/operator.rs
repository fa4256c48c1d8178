//! Condition operators: the 27 base operators, the `IfExists` suffix and the set qualifiers.

use std::fmt;

/// What an operator compares, which decides how its policy values are parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// Text comparisons (`String...` operators); values may hold wildcards and policy variables.
    String,
    /// Decimal comparisons (`Numeric...` operators).
    Numeric,
    /// Instant comparisons (`Date...` operators): ISO 8601 dates or epoch seconds.
    Date,
    /// `Bool`: `true` or `false`, compared as text.
    Bool,
    /// `BinaryEquals`: base64-encoded bytes.
    Binary,
    /// `IpAddress` / `NotIpAddress`: IPv4 or IPv6 addresses and CIDR ranges.
    Ip,
    /// `Arn...` operators: ARNs compared part by part.
    Arn,
    /// `Null`: whether the key is present at all.
    Null,
}

impl Family {
    /// The word Access Analyzer uses for the type, as in "use the operator type Boolean".
    #[must_use]
    pub const fn type_name(self) -> &'static str {
        match self {
            Family::String => "String",
            Family::Numeric => "Numeric",
            Family::Date => "Date",
            Family::Bool => "Boolean",
            Family::Binary => "Binary",
            Family::Ip => "IPAddress",
            Family::Arn => "ARN",
            Family::Null => "Null",
        }
    }
}

/// The comparison a base operator makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Comparison {
    /// Exact, case-sensitive (String, Numeric, Date, Binary, Bool).
    Equals,
    /// Exact, case-insensitive (StringEqualsIgnoreCase).
    EqualsIgnoreCase,
    /// Glob with `*` and `?` (StringLike, ArnLike, ArnEquals).
    Like,
    /// Strictly below the policy value (Numeric and Date).
    LessThan,
    /// Below or equal to the policy value (Numeric and Date).
    LessThanEquals,
    /// Strictly above the policy value (Numeric and Date).
    GreaterThan,
    /// Above or equal to the policy value (Numeric and Date).
    GreaterThanEquals,
    /// CIDR containment (IpAddress).
    InRange,
    /// Key presence (Null).
    Null,
}

/// A base operator, without `IfExists` or a qualifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BaseOperator {
    /// The request value equals a policy value exactly, case-sensitively.
    StringEquals,
    /// The request value equals none of the policy values (case-sensitive).
    StringNotEquals,
    /// The request value equals a policy value, ignoring ASCII case.
    StringEqualsIgnoreCase,
    /// The request value equals none of the policy values, ignoring ASCII case.
    StringNotEqualsIgnoreCase,
    /// The request value matches a policy pattern (`*` and `?` wildcards), case-sensitively.
    StringLike,
    /// The request value matches none of the policy patterns.
    StringNotLike,
    /// The request number equals a policy number.
    NumericEquals,
    /// The request number equals none of the policy numbers.
    NumericNotEquals,
    /// The request number is below a policy number.
    NumericLessThan,
    /// The request number is below or equal to a policy number.
    NumericLessThanEquals,
    /// The request number is above a policy number.
    NumericGreaterThan,
    /// The request number is above or equal to a policy number.
    NumericGreaterThanEquals,
    /// The request instant equals a policy instant.
    DateEquals,
    /// The request instant equals none of the policy instants.
    DateNotEquals,
    /// The request instant is before a policy instant.
    DateLessThan,
    /// The request instant is before or at a policy instant.
    DateLessThanEquals,
    /// The request instant is after a policy instant.
    DateGreaterThan,
    /// The request instant is at or after a policy instant.
    DateGreaterThanEquals,
    /// The request value is the boolean a policy value names (`true`/`false`).
    Bool,
    /// The request bytes equal a policy value's base64-decoded bytes.
    BinaryEquals,
    /// The request address lies in a policy address or CIDR range.
    IpAddress,
    /// The request address lies in none of the policy ranges.
    NotIpAddress,
    /// The request ARN matches a policy ARN; despite the name, wildcards apply as in `ArnLike`.
    ArnEquals,
    /// The request ARN matches a policy ARN pattern, each of the six parts on its own.
    ArnLike,
    /// The request ARN matches none of the policy ARNs (wildcards apply).
    ArnNotEquals,
    /// The request ARN matches none of the policy ARN patterns.
    ArnNotLike,
    /// `true`: the key must be absent; `false`: the key must be present.
    Null,
}

impl BaseOperator {
    /// Every base operator, in the order of the IAM documentation.
    pub const ALL: [BaseOperator; 27] = [
        BaseOperator::StringEquals,
        BaseOperator::StringNotEquals,
        BaseOperator::StringEqualsIgnoreCase,
        BaseOperator::StringNotEqualsIgnoreCase,
        BaseOperator::StringLike,
        BaseOperator::StringNotLike,
        BaseOperator::NumericEquals,
        BaseOperator::NumericNotEquals,
        BaseOperator::NumericLessThan,
        BaseOperator::NumericLessThanEquals,
        BaseOperator::NumericGreaterThan,
        BaseOperator::NumericGreaterThanEquals,
        BaseOperator::DateEquals,
        BaseOperator::DateNotEquals,
        BaseOperator::DateLessThan,
        BaseOperator::DateLessThanEquals,
        BaseOperator::DateGreaterThan,
        BaseOperator::DateGreaterThanEquals,
        BaseOperator::Bool,
        BaseOperator::BinaryEquals,
        BaseOperator::IpAddress,
        BaseOperator::NotIpAddress,
        BaseOperator::ArnEquals,
        BaseOperator::ArnLike,
        BaseOperator::ArnNotEquals,
        BaseOperator::ArnNotLike,
        BaseOperator::Null,
    ];

    /// The operator's name as IAM spells it (`StringEquals`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        use BaseOperator::*;
        match self {
            StringEquals => "StringEquals",
            StringNotEquals => "StringNotEquals",
            StringEqualsIgnoreCase => "StringEqualsIgnoreCase",
            StringNotEqualsIgnoreCase => "StringNotEqualsIgnoreCase",
            StringLike => "StringLike",
            StringNotLike => "StringNotLike",
            NumericEquals => "NumericEquals",
            NumericNotEquals => "NumericNotEquals",
            NumericLessThan => "NumericLessThan",
            NumericLessThanEquals => "NumericLessThanEquals",
            NumericGreaterThan => "NumericGreaterThan",
            NumericGreaterThanEquals => "NumericGreaterThanEquals",
            DateEquals => "DateEquals",
            DateNotEquals => "DateNotEquals",
            DateLessThan => "DateLessThan",
            DateLessThanEquals => "DateLessThanEquals",
            DateGreaterThan => "DateGreaterThan",
            DateGreaterThanEquals => "DateGreaterThanEquals",
            Bool => "Bool",
            BinaryEquals => "BinaryEquals",
            IpAddress => "IpAddress",
            NotIpAddress => "NotIpAddress",
            ArnEquals => "ArnEquals",
            ArnLike => "ArnLike",
            ArnNotEquals => "ArnNotEquals",
            ArnNotLike => "ArnNotLike",
            Null => "Null",
        }
    }

    /// The value family the operator compares, which decides how its policy values are parsed.
    #[must_use]
    pub const fn family(self) -> Family {
        use BaseOperator::*;
        match self {
            StringEquals
            | StringNotEquals
            | StringEqualsIgnoreCase
            | StringNotEqualsIgnoreCase
            | StringLike
            | StringNotLike => Family::String,
            NumericEquals
            | NumericNotEquals
            | NumericLessThan
            | NumericLessThanEquals
            | NumericGreaterThan
            | NumericGreaterThanEquals => Family::Numeric,
            DateEquals
            | DateNotEquals
            | DateLessThan
            | DateLessThanEquals
            | DateGreaterThan
            | DateGreaterThanEquals => Family::Date,
            Bool => Family::Bool,
            BinaryEquals => Family::Binary,
            IpAddress | NotIpAddress => Family::Ip,
            ArnEquals | ArnLike | ArnNotEquals | ArnNotLike => Family::Arn,
            Null => Family::Null,
        }
    }

    /// Negated operators hold when the request value matches none of the policy values (NOR),
    /// and when the key is missing.
    #[must_use]
    pub const fn is_negated(self) -> bool {
        use BaseOperator::*;
        matches!(
            self,
            StringNotEquals
                | StringNotEqualsIgnoreCase
                | StringNotLike
                | NumericNotEquals
                | DateNotEquals
                | NotIpAddress
                | ArnNotEquals
                | ArnNotLike
        )
    }

    /// The positive comparison behind the operator (`StringNotLike` compares as `StringLike`).
    #[must_use]
    pub const fn comparison(self) -> Comparison {
        use BaseOperator::*;
        match self {
            StringEquals | StringNotEquals | NumericEquals | NumericNotEquals | DateEquals
            | DateNotEquals | Bool | BinaryEquals => Comparison::Equals,
            StringEqualsIgnoreCase | StringNotEqualsIgnoreCase => Comparison::EqualsIgnoreCase,
            StringLike | StringNotLike | ArnEquals | ArnLike | ArnNotEquals | ArnNotLike => {
                Comparison::Like
            }
            NumericLessThan | DateLessThan => Comparison::LessThan,
            NumericLessThanEquals | DateLessThanEquals => Comparison::LessThanEquals,
            NumericGreaterThan | DateGreaterThan => Comparison::GreaterThan,
            NumericGreaterThanEquals | DateGreaterThanEquals => Comparison::GreaterThanEquals,
            IpAddress | NotIpAddress => Comparison::InRange,
            Null => Comparison::Null,
        }
    }

    /// Policy variables are substituted in String and ARN operators (and Bool, see
    /// `docs/semantics.md` D7); everywhere else `${...}` is an error.
    #[must_use]
    pub const fn allows_variables(self) -> bool {
        matches!(self.family(), Family::String | Family::Arn | Family::Bool)
    }

    /// The operator spelt exactly `name` (case-sensitive, as IAM reads it), or `None`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<BaseOperator> {
        Self::ALL.into_iter().find(|op| op.name() == name)
    }
}

/// `ForAnyValue:` or `ForAllValues:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// At least one request value must satisfy the operator (an empty or missing set never does).
    ForAnyValue,
    /// Every request value must satisfy the operator (an empty or missing set always does).
    ForAllValues,
}

impl Qualifier {
    /// The qualifier as written before the operator, colon included (`ForAnyValue:`).
    #[must_use]
    pub const fn prefix(self) -> &'static str {
        match self {
            Qualifier::ForAnyValue => "ForAnyValue:",
            Qualifier::ForAllValues => "ForAllValues:",
        }
    }
}

/// A full operator as written in a Condition block: `ForAnyValue:StringLikeIfExists`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Operator {
    /// `ForAnyValue:` / `ForAllValues:`, or `None` for a single-valued comparison.
    pub qualifier: Option<Qualifier>,
    /// The comparison itself, without qualifier or suffix.
    pub base: BaseOperator,
    /// `IfExists`: the condition also holds when the key is missing from the request.
    pub if_exists: bool,
}

/// Why an operator name is not valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OperatorError {
    /// `NullIfExists`: the Null operator takes no `IfExists`.
    NullWithIfExists,
    /// Not an operator at all; carries the closest valid spelling, if one is close.
    Unknown {
        /// The closest valid operator name, with the qualifier and `IfExists` of the input.
        suggestion: Option<String>,
    },
}

impl Operator {
    /// Parses an operator name exactly as IAM does: case-sensitive.
    pub fn parse(text: &str) -> Result<Operator, OperatorError> {
        let (qualifier, rest) = if let Some(rest) = text.strip_prefix("ForAnyValue:") {
            (Some(Qualifier::ForAnyValue), rest)
        } else if let Some(rest) = text.strip_prefix("ForAllValues:") {
            (Some(Qualifier::ForAllValues), rest)
        } else {
            (None, text)
        };
        let (base_name, if_exists) = match rest.strip_suffix("IfExists") {
            Some(base) => (base, true),
            None => (rest, false),
        };
        match BaseOperator::from_name(base_name) {
            Some(BaseOperator::Null) if if_exists => Err(OperatorError::NullWithIfExists),
            Some(base) => Ok(Operator {
                qualifier,
                base,
                if_exists,
            }),
            None => Err(OperatorError::Unknown {
                suggestion: suggest(text),
            }),
        }
    }

    /// True when the base operator is a negated one (`...Not...`): it holds when no value matches.
    #[must_use]
    pub fn is_negated(&self) -> bool {
        self.base.is_negated()
    }
}

impl fmt::Display for Operator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(qualifier) = self.qualifier {
            f.write_str(qualifier.prefix())?;
        }
        f.write_str(self.base.name())?;
        if self.if_exists {
            f.write_str("IfExists")?;
        }
        Ok(())
    }
}

/// The closest valid operator name to a misspelt one, keeping its qualifier and `IfExists`.
fn suggest(text: &str) -> Option<String> {
    let (prefix, rest) = split_qualifier_loosely(text);
    let (base, suffix) = if rest.to_ascii_lowercase().ends_with("ifexists") && rest.len() > 8 {
        (&rest[..rest.len() - 8], "IfExists")
    } else {
        (rest, "")
    };
    let best = crate::suggest::closest(base, BaseOperator::ALL.iter().map(|op| op.name()))?;
    if best == "Null" && !suffix.is_empty() {
        return Some(format!("{prefix}Null"));
    }
    Some(format!("{prefix}{best}{suffix}"))
}

fn split_qualifier_loosely(text: &str) -> (&'static str, &str) {
    match text.split_once(':') {
        Some((q, rest)) => {
            let q = q.to_ascii_lowercase();
            if q.starts_with("foranyvalue") || q == "foranyvalues" {
                ("ForAnyValue:", rest)
            } else if q.starts_with("forallvalue") {
                ("ForAllValues:", rest)
            } else {
                ("", text)
            }
        }
        None => ("", text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_qualifier_base_and_if_exists() {
        let op = Operator::parse("ForAnyValue:StringNotLikeIfExists").unwrap();
        assert_eq!(op.qualifier, Some(Qualifier::ForAnyValue));
        assert_eq!(op.base, BaseOperator::StringNotLike);
        assert!(op.if_exists);
        assert!(op.is_negated());
        assert_eq!(op.to_string(), "ForAnyValue:StringNotLikeIfExists");
    }

    #[test]
    fn every_base_operator_round_trips() {
        for base in BaseOperator::ALL {
            assert_eq!(Operator::parse(base.name()).unwrap().base, base);
        }
    }

    #[test]
    fn null_if_exists_is_rejected() {
        assert_eq!(
            Operator::parse("NullIfExists"),
            Err(OperatorError::NullWithIfExists)
        );
    }

    #[test]
    fn unknown_operator_suggests_closest() {
        assert_eq!(
            Operator::parse("StringLikes"),
            Err(OperatorError::Unknown {
                suggestion: Some("StringLike".into())
            })
        );
        assert_eq!(
            Operator::parse("stringequals"),
            Err(OperatorError::Unknown {
                suggestion: Some("StringEquals".into())
            })
        );
        assert_eq!(
            Operator::parse("ForAnyValue:StringEqualIfExists"),
            Err(OperatorError::Unknown {
                suggestion: Some("ForAnyValue:StringEqualsIfExists".into())
            })
        );
    }
}
