//! `iam-policy explain CODE`: what a diagnostic code means, an example policy that triggers it,
//! and the fix. The table covers every code the validator emits; a test reads the core's sources
//! and fails when a code has no entry here.

use iam_policy_core::diagnostic::Severity;

use crate::cli::{ColorChoice, ExplainArgs};
use crate::status::Status;
use crate::style::{Style, sanitize};

/// The explanation of one code.
#[derive(Debug)]
pub struct Explanation {
    pub code: &'static str,
    /// The severity the validator gives it.
    pub severity: Severity,
    /// One line, lowercase, as a diagnostic message is worded.
    pub summary: &'static str,
    /// What it means and why it matters.
    pub meaning: &'static str,
    /// A policy that gets this finding.
    pub example: &'static str,
    /// How to fix it.
    pub fix: &'static str,
}

/// Looks a code up, in any case, with `-` for `_` accepted.
pub fn lookup(code: &str) -> Option<&'static Explanation> {
    let wanted = normalize(code);
    EXPLANATIONS.iter().find(|e| e.code == wanted)
}

fn normalize(code: &str) -> String {
    code.trim().to_ascii_uppercase().replace('-', "_")
}

pub fn run(args: &ExplainArgs, color: ColorChoice) -> Status {
    let style = Style::stdout(color);
    if args.list {
        print!("{}", list(style));
        return Status::Success;
    }
    let code = args.code.as_deref().unwrap_or_default();
    match lookup(code) {
        Some(entry) => {
            print!("{}", render(entry, style));
            Status::Success
        }
        None => {
            let err = Style::stderr(color);
            eprintln!("{}: unknown code `{}`", err.red("error"), sanitize(code));
            let wanted = normalize(code);
            match iam_policy_core::suggest::closest(&wanted, EXPLANATIONS.iter().map(|e| e.code)) {
                Some(close) => eprintln!("help: did you mean `{close}`?"),
                None => eprintln!("help: `iam-policy explain --list` lists every code"),
            }
            Status::Usage
        }
    }
}

/// Every code, its severity and summary, one per line.
fn list(style: Style) -> String {
    let width = EXPLANATIONS.iter().map(|e| e.code.len()).max().unwrap_or(0);
    let mut out = String::new();
    for e in EXPLANATIONS {
        let severity = format!("{:<10}", e.severity.as_str());
        out.push_str(&format!(
            "{:<width$}  {}  {}\n",
            e.code,
            style.severity(e.severity, &severity),
            e.summary
        ));
    }
    out
}

fn render(e: &Explanation, style: Style) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{}{}\n\n",
        style.severity(e.severity, &format!("{}[{}]", e.severity.as_str(), e.code)),
        style.bold(&format!(": {}", e.summary))
    ));
    out.push_str(&wrap(e.meaning, 100));
    out.push_str(&format!("\n{}\n\n", style.bold("Example:")));
    for line in e.example.lines() {
        out.push_str("    ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&format!("\n{}\n", style.bold("Fix:")));
    out.push_str(&wrap(e.fix, 100));
    out.push_str(&format!("\n{}\n", style.bold("Severity:")));
    out.push_str(&wrap(severity_note(e.severity), 100));
    out
}

fn severity_note(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => {
            "error: `policy!` fails to compile, `Policy::from_json` rejects the policy, and `iam-policy check` exits 1."
        }
        Severity::Warning => {
            "warning: a compiler warning in `policy!`; `iam-policy check` exits 1 only with `--deny-warnings`."
        }
        Severity::Suggestion => {
            "suggestion: a compiler warning in `policy!`; `iam-policy check` reports it and exits 0."
        }
    }
}

/// Word-wraps a paragraph at `width` columns.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

use Severity::{Error, Suggestion, Warning};

/// Every code the validator emits, sorted by code.
pub static EXPLANATIONS: &[Explanation] = &[
    Explanation {
        code: "ACTION_RESOURCE_MISMATCH",
        severity: Warning,
        summary: "none of the statement's resources is one that this action acts on",
        meaning: "Every action acts on certain resource types (the Service Authorization Reference lists them): \
            `ssm:TerminateSession` acts on sessions, `arn:aws:ssm:REGION:ACCOUNT:session/ID`. When none of the \
            statement's `Resource` entries is such a resource, the statement never grants the action: the \
            action entry is dead. Usually the resource ARN is of another service or type, or the action is in \
            the wrong statement. (When no action of the statement acts on an entry, the entry gets \
            `RESOURCE_MISMATCH` instead.)",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": ["ssm:StartSession", "ssm:TerminateSession"],
        "Resource": "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc"
    }]
}"#,
        fix: "Give the ARN of a resource the action acts on (the help line names the resource types and their \
            ARN formats), or move the action to a statement with such resources.",
    },
    Explanation {
        code: "ARN_ACCOUNT_NOT_ALLOWED",
        severity: Error,
        summary: "the resource ARN has an account ID, which resources of this type never have",
        meaning: "Some resources are global to a partition and their ARNs have an empty account field: S3 \
            buckets and objects (`arn:aws:s3:::bucket/key`), for example. An ARN of such a type with an \
            account ID matches no resource, and IAM rejects some of them.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "s3:ListBucket",
        "Resource": "arn:aws:s3::123456789012:my-bucket"
    }]
}"#,
        fix: "Remove the account ID, leaving the field empty: `arn:aws:s3:::my-bucket`.",
    },
    Explanation {
        code: "ARN_OPERATOR_WITH_STRING_CONDITION_KEY",
        severity: Suggestion,
        summary: "an ARN operator is used with a condition key of type String",
        meaning: "The key's values are strings. `ArnLike` and the other ARN operators compare them as ARNs, \
            field by field, so the condition is true only when the values happen to be ARNs. That works for \
            keys that hold ARNs although their type is String (`kms:EncryptionContext:aws:s3:arn`), and is a \
            mistake otherwise.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "kms:Decrypt",
        "Resource": "*",
        "Condition": {
            "ArnLike": {"kms:EncryptionContext:aws:s3:arn": "arn:aws:s3:::my-bucket/*"}
        }
    }]
}"#,
        fix: "Use a String operator such as `StringLike`, unless the key's values are ARNs.",
    },
    Explanation {
        code: "ARN_REGION_NOT_ALLOWED",
        severity: Error,
        summary: "the resource ARN has a region, which resources of this service never have",
        meaning: "IAM resources (users, roles, policies) and S3 buckets are global: their ARNs have an empty \
            region field. An ARN of such a resource with a region matches nothing, and IAM rejects it \
            (\"IAM resource ... cannot contain region information\").",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "iam:GetRole",
        "Resource": "arn:aws:iam:us-east-1:123456789012:role/app"
    }]
}"#,
        fix: "Remove the region, leaving the field empty: `arn:aws:iam::123456789012:role/app`.",
    },
    Explanation {
        code: "DATA_TYPE_MISMATCH",
        severity: Error,
        summary: "a policy element has the wrong JSON type",
        meaning: "Each element of a policy takes values of a certain JSON type: the document and each \
            statement are objects, `Effect`, `Sid` and `Version` are strings, `Action` and `Resource` are a \
            string or an array of strings, `Condition` is an object of objects. IAM rejects another type. A \
            file that holds a JSON array instead of a policy object gets this finding too.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": ["Allow"],
        "Action": "ssm:StartSession",
        "Resource": "*"
    }]
}"#,
        fix: "Write the value with the type the message names: `\"Effect\": \"Allow\"`.",
    },
    Explanation {
        code: "DEPRECATED_GLOBAL_CONDITION_KEY",
        severity: Warning,
        summary: "the global condition key is deprecated",
        meaning: "AWS deprecated a few global condition keys in favour of newer ones; `aws:ARN` is replaced by \
            `aws:PrincipalArn`. A deprecated key may not be present in requests, so the condition may not do \
            what it says.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "ArnEquals": {"aws:ARN": "arn:aws:iam::123456789012:role/admin"}
        }
    }]
}"#,
        fix: "Use the key the help line names, such as `aws:PrincipalArn`.",
    },
    Explanation {
        code: "DUPLICATE_ELEMENT",
        severity: Error,
        summary: "an element, condition operator or condition key appears twice in one object",
        meaning: "JSON parsers disagree on duplicate keys: some keep the first, most keep the last, so IAM and \
            a reviewer may read different policies. The validator keeps the first and reports the others. A \
            condition operator given twice in one `Condition` block, or a condition key twice under one \
            operator, is the same mistake.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Action": "ssm:TerminateSession",
        "Resource": "*"
    }]
}"#,
        fix: "Keep one: merge the values into one array (`\"Action\": [\"ssm:StartSession\", \
            \"ssm:TerminateSession\"]`), or the keys of two operator blocks into one.",
    },
    Explanation {
        code: "DUPLICATE_KEYS_WITH_DIFFERENT_CASE",
        severity: Error,
        summary: "two condition keys under one operator differ only in case",
        meaning: "Condition key names are case-insensitive: `aws:username` and `aws:UserName` are the same key. \
            Two of them under one operator are one key given twice, and IAM rejects the policy.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "StringEquals": {"aws:username": "alice", "aws:UserName": "bob"}
        }
    }]
}"#,
        fix: "Write the key once with all its values: `\"aws:username\": [\"alice\", \"bob\"]`.",
    },
    Explanation {
        code: "EMPTY_ARRAY_ACTION",
        severity: Error,
        summary: "`Action` is an empty array: the statement matches no action",
        meaning: "A statement with `\"Action\": []` applies to no request, and IAM rejects it (\"Policy \
            statement must contain actions\").",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": [],
        "Resource": "*"
    }]
}"#,
        fix: "Name at least one action, such as `ssm:StartSession`, or remove the statement.",
    },
    Explanation {
        code: "EMPTY_ARRAY_CONDITION",
        severity: Warning,
        summary: "a condition key has an empty array of values",
        meaning: "A condition key with no values cannot match: the condition is never true (for a negated \
            operator, always true), so the statement is dead or the condition does nothing. It is most often \
            a value that was meant to be filled in.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "StringEquals": {"aws:username": []}
        }
    }]
}"#,
        fix: "Give at least one value, or remove the key.",
    },
    Explanation {
        code: "EMPTY_ARRAY_CONDITION_FORALLVALUES",
        severity: Warning,
        summary: "a `ForAllValues:` condition key has an empty array of values",
        meaning: "With no values, `ForAllValues:` is true only when the request has no value for the key (or \
            no key), which is rarely what was meant.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ec2:CreateTags",
        "Resource": "*",
        "Condition": {
            "ForAllValues:StringEquals": {"aws:TagKeys": []}
        }
    }]
}"#,
        fix: "List the allowed values, or remove the key.",
    },
    Explanation {
        code: "EMPTY_ARRAY_CONDITION_FORANYVALUE",
        severity: Warning,
        summary: "a `ForAnyValue:` condition key has an empty array of values",
        meaning: "With no values, `ForAnyValue:` is never true: no request value can match one of none. The \
            statement never applies.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ec2:CreateTags",
        "Resource": "*",
        "Condition": {
            "ForAnyValue:StringEquals": {"aws:TagKeys": []}
        }
    }]
}"#,
        fix: "List the values to match, or remove the key.",
    },
    Explanation {
        code: "EMPTY_ARRAY_CONDITION_IFEXISTS",
        severity: Warning,
        summary: "an `...IfExists` condition key has an empty array of values",
        meaning: "With no values, the condition is true only when the key is missing from the request, which \
            is rarely what was meant.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "StringEqualsIfExists": {"aws:username": []}
        }
    }]
}"#,
        fix: "Give at least one value, or use `Null` to test that the key is missing.",
    },
    Explanation {
        code: "EMPTY_ARRAY_RESOURCE",
        severity: Error,
        summary: "`Resource` is an empty array: the statement matches no resource",
        meaning: "A statement with `\"Resource\": []` applies to no request, and IAM rejects it (\"Policy \
            statement must contain resources\").",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": []
    }]
}"#,
        fix: "Use `\"*\"` or name at least one ARN, or remove the statement.",
    },
    Explanation {
        code: "EMPTY_OBJECT_CONDITION",
        severity: Suggestion,
        summary: "a `Condition` block or an operator has no condition keys",
        meaning: "An empty `Condition` object, or an operator with no keys, has no effect: the statement \
            applies as if it were not there. It is often a condition that was meant to be written.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {}
    }]
}"#,
        fix: "Add the intended conditions, or remove the empty block.",
    },
    Explanation {
        code: "EMPTY_SID_VALUE",
        severity: Suggestion,
        summary: "the `Sid` is an empty string",
        meaning: "An empty `Sid` names nothing. It is legal, but it does not help anyone find the statement.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Sid": "",
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*"
    }]
}"#,
        fix: "Name the statement (`\"Sid\": \"StartSessions\"`) or remove the `Sid`.",
    },
    Explanation {
        code: "EMPTY_VARIABLE",
        severity: Error,
        summary: "a policy variable is empty: `${}`",
        meaning: "`${...}` marks a policy variable, replaced by a value of the request context at evaluation. \
            An empty one names no value, and Access Analyzer reports it as an error.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:*:*:session/${ }-*"
    }]
}"#,
        fix: "Name a context key, as in `${aws:username}`, or remove the `${}`. For a literal `$`, write `${$}`.",
    },
    Explanation {
        code: "FORALLVALUES_WITH_SINGLE_VALUED_KEY",
        severity: Warning,
        summary: "`ForAllValues:` is used with a single-valued condition key",
        meaning: "`ForAllValues:` is meant for multivalued keys (`aws:TagKeys`). It is true when every value of \
            the key is in the list, and so also when the request has no value at all: with a single-valued key \
            such as `aws:username`, an Allow then applies to requests without the key. This is overly \
            permissive.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "ForAllValues:StringEquals": {"aws:username": ["alice", "bob"]}
        }
    }]
}"#,
        fix: "Remove `ForAllValues:` (`StringEquals` with a list is true when the value is one of them).",
    },
    Explanation {
        code: "IFEXISTS_WITH_QUALIFIER",
        severity: Warning,
        summary: "`IfExists` is combined with `ForAllValues:` or `ForAnyValue:`",
        meaning: "AWS does not document what `IfExists` means together with a set qualifier. This project \
            reads it as true when the key is missing, but AWS may read it otherwise.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ec2:CreateTags",
        "Resource": "*",
        "Condition": {
            "ForAnyValue:StringEqualsIfExists": {"aws:TagKeys": ["team"]}
        }
    }]
}"#,
        fix: "Write the operator without `IfExists`, and test for a missing key with `Null` if that matters.",
    },
    Explanation {
        code: "INVALID_ACTION",
        severity: Error,
        summary: "the action does not exist in its service",
        meaning: "The service exists, but it has no action of that name (names are compared case-insensitively, \
            as IAM does). IAM accepts the policy, but the entry grants or denies nothing, so the intended \
            permission is missing. The help line suggests the closest action.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSesion",
        "Resource": "*"
    }]
}"#,
        fix: "Correct the name, such as `ssm:StartSession`; the Service Authorization Reference lists each \
            service's actions.",
    },
    Explanation {
        code: "INVALID_ACTION_FORMAT",
        severity: Error,
        summary: "the action is not of the form `service:ActionName`",
        meaning: "An `Action` entry is `*` or a service prefix and an action name separated by one colon, \
            such as `ssm:StartSession`; wildcards `*` and `?` may stand in the name. An entry without a prefix, \
            with two colons, an empty part, or spaces or commas is rejected by IAM (\"Actions/Conditions must \
            be prefaced by a vendor\").",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "StartSession",
        "Resource": "*"
    }]
}"#,
        fix: "Write `service:ActionName`, such as `ssm:StartSession`; list several actions as an array, not \
            one comma-separated string.",
    },
    Explanation {
        code: "INVALID_ARN_ACCOUNT",
        severity: Error,
        summary: "the account field of the resource ARN is not a 12-digit account ID",
        meaning: "The fifth field of an ARN is the account ID: twelve digits, `aws` for AWS-owned resources, \
            a wildcard, or empty. Anything else, typically a placeholder copied from the documentation such \
            as `account-id`, matches no resource, so the statement grants nothing.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:GetDocument",
        "Resource": "arn:aws:ssm:us-east-1:account-id:document/SessionDocument-*"
    }]
}"#,
        fix: "Put your account ID (`123456789012`), or `*` for any account.",
    },
    Explanation {
        code: "INVALID_ARN_PREFIX",
        severity: Error,
        summary: "the resource is not an ARN (or is empty)",
        meaning: "A `Resource` entry is `*` or an ARN, `arn:partition:service:region:account:resource`. An \
            empty string or a bare name (`session/abc`) is neither, and IAM rejects it (`Resource ... must be \
            in ARN format or \"*\"`). The AWS Session Manager examples that end with `\"Resource\": \"\"` \
            get this error.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": ""
    }]
}"#,
        fix: "Use `\"*\"` to apply the statement to every resource (limiting it with conditions), or give the \
            full ARN, such as `arn:aws:ssm:*:*:session/${aws:username}-*`.",
    },
    Explanation {
        code: "INVALID_ARN_REGION",
        severity: Error,
        summary: "the region field of the resource ARN is not a region",
        meaning: "The fourth field of an ARN is a region such as `us-east-1`, a wildcard, or empty. Anything \
            else, typically a placeholder copied from the documentation such as `region`, matches no resource, \
            so the statement grants nothing.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "arn:aws:ec2:region:123456789012:instance/*"
    }]
}"#,
        fix: "Put a region such as `us-east-1`, or `*` for every region.",
    },
    Explanation {
        code: "INVALID_ARN_RESOURCE",
        severity: Error,
        summary: "the resource part of the ARN is empty",
        meaning: "The sixth part of an ARN names the resource (`instance/i-0abc`, `bucket/key`). An ARN that \
            ends after the account field names no resource and matches nothing.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:us-east-1:123456789012:"
    }]
}"#,
        fix: "Name the resource, or end the ARN with `*`: `arn:aws:ssm:us-east-1:123456789012:session/*`.",
    },
    Explanation {
        code: "INVALID_ARN_SERVICE",
        severity: Error,
        summary: "the service field of the ARN contains a character no service name has",
        meaning: "Service names in ARNs are lowercase letters, digits, `-` and `.`. Another character means a \
            typo or a mangled ARN, which matches no resource.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm!:us-east-1:123456789012:session/*"
    }]
}"#,
        fix: "Correct the service name, such as `ssm`.",
    },
    Explanation {
        code: "INVALID_ARN_SERVICE_CASE",
        severity: Error,
        summary: "the service field of the ARN is not lowercase",
        meaning: "ARNs are compared case-sensitively and service names in ARNs are lowercase: `arn:aws:SSM:...` \
            matches no resource. Access Analyzer reports it as an error.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:SSM:us-east-1:123456789012:session/*"
    }]
}"#,
        fix: "Write the service in lowercase: `arn:aws:ssm:...`.",
    },
    Explanation {
        code: "INVALID_CONDITION_KEY_FORMAT",
        severity: Error,
        summary: "the condition key is not of the form `service:keyname`",
        meaning: "Every condition key has a prefix (`aws` for global keys, a service prefix such as `ssm`), a \
            colon and a name, with no white space. IAM rejects other keys.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "StringEquals": {"username": "alice"}
        }
    }]
}"#,
        fix: "Write the full key, such as `aws:username` or `ssm:resourceTag/Finance`.",
    },
    Explanation {
        code: "INVALID_CONDITION_MULTIPLE_BOOLEAN",
        severity: Error,
        summary: "a `Bool` condition key has several values",
        meaning: "A boolean key is either true or false; `Bool` with both values, or several values, is \
            meaningless and Access Analyzer rejects it.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "Bool": {"aws:SecureTransport": ["true", "false"]}
        }
    }]
}"#,
        fix: "Use a single `true` or `false` (or `Null` to test whether the key is present).",
    },
    Explanation {
        code: "INVALID_CONDITION_OPERATOR",
        severity: Error,
        summary: "the condition operator does not exist",
        meaning: "Condition operators are a fixed set (`StringEquals`, `StringLike`, `ArnLike`, `Bool`, \
            `NumericLessThan`, `DateGreaterThan`, `IpAddress`, `Null`, ...), optionally with the `IfExists` \
            suffix and the `ForAllValues:` / `ForAnyValue:` qualifiers. IAM rejects any other name (\"Syntax \
            errors in policy\"). The help line suggests the closest operator.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "StringEqual": {"aws:username": "alice"}
        }
    }]
}"#,
        fix: "Correct the operator's name, such as `StringEquals`.",
    },
    Explanation {
        code: "INVALID_EFFECT",
        severity: Error,
        summary: "the `Effect` is neither `Allow` nor `Deny`",
        meaning: "`Effect` is case-sensitive and takes exactly `Allow` or `Deny`; IAM rejects `allow`, `Permit` \
            and anything else.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "allow",
        "Action": "ssm:StartSession",
        "Resource": "*"
    }]
}"#,
        fix: "Write `\"Effect\": \"Allow\"` or `\"Effect\": \"Deny\"`.",
    },
    Explanation {
        code: "INVALID_GLOBAL_CONDITION_KEY",
        severity: Error,
        summary: "the `aws:` condition key does not exist",
        meaning: "Keys with the `aws:` prefix are the global condition keys AWS documents (`aws:username`, \
            `aws:SourceIp`, `aws:PrincipalTag/KEY`, ...). An unknown one is never present in a request, so \
            the condition never matches (a Deny guarded by it never applies). The help line suggests the \
            closest key.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "StringEquals": {"aws:usrname": "alice"}
        }
    }]
}"#,
        fix: "Correct the key, such as `aws:username`; the AWS page \"AWS global condition context keys\" lists \
            them.",
    },
    Explanation {
        code: "INVALID_PARTITION",
        severity: Error,
        summary: "the partition field of the ARN is not an AWS partition",
        meaning: "The second field of an ARN is the partition: `aws`, `aws-cn`, `aws-us-gov`, `aws-eusc`, \
            `aws-iso`, `aws-iso-b`, `aws-iso-e` or `aws-iso-f` (or a wildcard). Anything else matches no \
            resource and IAM rejects it.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:amazon:ssm:us-east-1:123456789012:session/*"
    }]
}"#,
        fix: "Use `aws` (or the partition of your region: `aws-cn`, `aws-us-gov`, ...).",
    },
    Explanation {
        code: "INVALID_POLICY_ELEMENT",
        severity: Error,
        summary: "the element is not a valid element of a policy or of a statement",
        meaning: "A policy has only `Version`, `Id` and `Statement`; a statement has only `Sid`, `Effect`, \
            `Principal`, `NotPrincipal`, `Action`, `NotAction`, `Resource`, `NotResource` and `Condition`. \
            Element names are case-sensitive. IAM rejects anything else, such as the common typo `Resources`.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resources": "*"
    }]
}"#,
        fix: "Correct the name (the help line suggests the closest element) or remove the element.",
    },
    Explanation {
        code: "INVALID_SERVICE_CONDITION_KEY",
        severity: Error,
        summary: "the service condition key does not exist",
        meaning: "A condition key with a service prefix must be one that service documents. An unknown key is \
            never present in a request, so the condition never matches. The help line suggests the closest \
            key of the service.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "StringLike": {"ssm:resourceTags/Finance": "WebServers"}
        }
    }]
}"#,
        fix: "Correct the key, such as `ssm:resourceTag/Finance`; the Service Authorization Reference lists each \
            service's keys.",
    },
    Explanation {
        code: "INVALID_SERVICE_IN_ACTION",
        severity: Error,
        summary: "the service prefix of the action does not exist",
        meaning: "The part before the colon must be the prefix of an AWS service (`ssm`, `s3`, `ec2`, ...). \
            An unknown prefix matches no action, so the entry grants or denies nothing. The help line suggests \
            the closest prefix.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssmx:StartSession",
        "Resource": "*"
    }]
}"#,
        fix: "Correct the prefix, such as `ssm:StartSession`.",
    },
    Explanation {
        code: "INVALID_VARIABLE",
        severity: Error,
        summary: "the policy variable does not name a context key",
        meaning: "A policy variable `${KEY}` is replaced by the value of the request context key KEY. A name \
            without a prefix (`${username}`) or an `aws:` name that does not exist (`${aws:usrname}`) has no \
            value, so the ARN or condition value containing it never matches.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:*:*:session/${username}-*"
    }]
}"#,
        fix: "Name a context key, such as `${aws:username}` (the help line suggests the closest).",
    },
    Explanation {
        code: "INVALID_VARIABLE_FOR_OPERATOR",
        severity: Error,
        summary: "a policy variable is used with an operator that does not take variables",
        meaning: "Policy variables are replaced only in String and ARN condition values (and in resource ARNs). \
            In a Numeric, Date, Bool, IP address, Binary or Null condition the text `${...}` is not replaced, \
            and Access Analyzer rejects it.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "NumericLessThan": {"aws:MultiFactorAuthAge": "${aws:username}"}
        }
    }]
}"#,
        fix: "Use a literal value, or a String or ARN operator.",
    },
    Explanation {
        code: "INVALID_VERSION",
        severity: Error,
        summary: "the `Version` is not `2012-10-17` or `2008-10-17`",
        meaning: "`Version` is the version of the policy language, not a date of your own: only `2012-10-17` \
            (current) and `2008-10-17` (old, without policy variables) exist. IAM rejects any other value.",
        example: r#"{
    "Version": "2024-01-01",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*"
    }]
}"#,
        fix: "Write `\"Version\": \"2012-10-17\"`.",
    },
    Explanation {
        code: "JSON_SYNTAX_ERROR",
        severity: Error,
        summary: "the document is not valid JSON (or not UTF-8)",
        meaning: "IAM reads a policy as strict JSON in UTF-8: no comments, no trailing commas, strings in double \
            quotes, nothing after the closing brace. The position points at the first character that cannot \
            be read; a truncated file points at its end.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
    }]
}"#,
        fix: "Correct the syntax at the position shown (in the example, remove the comma after the last member \
            of the statement), and save the file as UTF-8.",
    },
    Explanation {
        code: "MISSING_ACTION",
        severity: Error,
        summary: "the statement has no `Action` or `NotAction`",
        meaning: "Every statement of an identity policy says which actions it is about. IAM rejects a statement \
            without `Action` or `NotAction` (\"Policy statement must contain actions\").",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Resource": "*"
    }]
}"#,
        fix: "Add an `Action` element, such as `\"Action\": \"ssm:StartSession\"`.",
    },
    Explanation {
        code: "MISSING_ARN_FIELD",
        severity: Error,
        summary: "the ARN has fewer than six fields",
        meaning: "An ARN has six colon-separated fields: `arn:partition:service:region:account:resource` (region \
            and account may be empty, but their colons must be there). A shorter ARN matches no resource.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:session/*"
    }]
}"#,
        fix: "Write all six fields: `arn:aws:ssm:*:*:session/*`.",
    },
    Explanation {
        code: "MISSING_ARN_REGION",
        severity: Error,
        summary: "the resource ARN has no region, which resources of this type need",
        meaning: "Regional resources (SQS queues, EC2 instances, SSM sessions, ...) have the region in their ARN. \
            An ARN of such a type with an empty region field matches no resource.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "sqs:SendMessage",
        "Resource": "arn:aws:sqs::123456789012:orders"
    }]
}"#,
        fix: "Put the region (`arn:aws:sqs:us-east-1:123456789012:orders`), or `*` for every region.",
    },
    Explanation {
        code: "MISSING_BRACE_IN_VARIABLE",
        severity: Error,
        summary: "a policy variable has no closing `}`",
        meaning: "`${` starts a policy variable, which ends at `}`. Without it the text is not replaced and \
            Access Analyzer rejects it.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:*:*:session/${aws:username-*"
    }]
}"#,
        fix: "Add the `}` after the key's name: `${aws:username}-*`.",
    },
    Explanation {
        code: "MISSING_EFFECT",
        severity: Error,
        summary: "the statement has no `Effect`",
        meaning: "Every statement says whether it allows or denies. IAM rejects a statement without `Effect`.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Action": "ssm:StartSession",
        "Resource": "*"
    }]
}"#,
        fix: "Add `\"Effect\": \"Allow\"` or `\"Effect\": \"Deny\"`.",
    },
    Explanation {
        code: "MISSING_QUALIFIER",
        severity: Warning,
        summary: "a multivalued condition key is used without `ForAllValues:` or `ForAnyValue:`",
        meaning: "Some keys hold several values in one request (`aws:TagKeys`, `aws:CalledVia`). A plain \
            operator is false whenever the request carries a set, negated operators included (this crate \
            follows iam-simulate there); Access Analyzer reports it as an error. It is a warning here because \
            the condition still holds for a request carrying a single value. Say whether every value or some \
            value must match.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ec2:CreateTags",
        "Resource": "*",
        "Condition": {
            "StringEquals": {"aws:TagKeys": ["team", "project"]}
        }
    }]
}"#,
        fix: "Use `ForAnyValue:StringEquals` (some value matches) or `ForAllValues:StringEquals` (every value \
            matches).",
    },
    Explanation {
        code: "MISSING_QUOTE_IN_VARIABLE",
        severity: Error,
        summary: "the default value of a policy variable is not in single quotes",
        meaning: "A policy variable may have a default, used when the key is missing: `${aws:PrincipalTag/team, \
            'none'}`, after a comma and one space, in single quotes. Without the quotes Access Analyzer rejects \
            it.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::shared/${aws:PrincipalTag/team, none}/*"
    }]
}"#,
        fix: "Quote the default: `${aws:PrincipalTag/team, 'none'}`.",
    },
    Explanation {
        code: "MISSING_RESOURCE",
        severity: Error,
        summary: "the statement has no `Resource` or `NotResource`",
        meaning: "Every statement of an identity policy says which resources it is about. IAM rejects a \
            statement without `Resource` or `NotResource` (\"Policy statement must contain resources\").",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession"
    }]
}"#,
        fix: "Add `\"Resource\": \"*\"` or the ARNs the statement applies to.",
    },
    Explanation {
        code: "MISSING_STATEMENT",
        severity: Error,
        summary: "the policy has no `Statement`, or it is empty",
        meaning: "A policy is a list of statements; IAM rejects a policy without any.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": []
}"#,
        fix: "Add at least one statement.",
    },
    Explanation {
        code: "MISSING_VERSION",
        severity: Warning,
        summary: "the policy has no `Version`",
        meaning: "Without `Version`, IAM reads the policy with the old language version 2008-10-17, where \
            policy variables such as `${aws:username}` are plain text and never match. IAM's CreatePolicy \
            rejects such a managed policy.",
        example: r#"{
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*"
    }]
}"#,
        fix: "Add `\"Version\": \"2012-10-17\"` as the first element.",
    },
    Explanation {
        code: "MULTIVALUED_VARIABLE",
        severity: Warning,
        summary: "a policy variable names a multivalued key",
        meaning: "A policy variable is replaced by one value. A multivalued key such as `aws:TagKeys` has a \
            set of values and no single one to put in its place, so the text never matches.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::shared/${aws:TagKeys}/*"
    }]
}"#,
        fix: "Test the key in a condition with `ForAnyValue:` or `ForAllValues:` instead, or use a \
            single-valued key.",
    },
    Explanation {
        code: "NULL_WITH_IF_EXISTS",
        severity: Error,
        summary: "the `Null` operator has the `IfExists` suffix",
        meaning: "`Null` tests whether a key is present; `IfExists` (true when the key is missing) makes no \
            sense with it, and Access Analyzer rejects `NullIfExists`.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "NullIfExists": {"aws:username": "false"}
        }
    }]
}"#,
        fix: "Use `Null`.",
    },
    Explanation {
        code: "NULL_WITH_QUALIFIER",
        severity: Suggestion,
        summary: "the `Null` operator has a `ForAllValues:` or `ForAnyValue:` qualifier",
        meaning: "`Null` tests the presence of a key, not its values: with `ForAllValues:` it is always true and \
            with `ForAnyValue:` always false, whatever the request.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ec2:CreateTags",
        "Resource": "*",
        "Condition": {
            "ForAnyValue:Null": {"aws:TagKeys": "false"}
        }
    }]
}"#,
        fix: "Use `Null` alone.",
    },
    Explanation {
        code: "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA",
        severity: Warning,
        summary: "the policy is larger than IAM allows for its policy type",
        meaning: "IAM limits the size of a policy, counted in characters without white space: 6,144 for a \
            customer managed policy; for inline policies, 2,048 for all of a user's, 5,120 for a group's, \
            10,240 for a role's. IAM rejects a larger policy (\"Cannot exceed quota for PolicySize\"). `iam-policy \
            check --policy-type TYPE` picks the quota.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [
        ... 150 statements, 7,000 characters without white space ...
    ]
}"#,
        fix: "Shorten the policy (wildcards such as `ssm:Describe*`, one statement for actions that share \
            resources), or split it across several policies.",
    },
    Explanation {
        code: "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA",
        severity: Warning,
        summary: "the role trust policy is larger than IAM allows",
        meaning: "A role trust policy may have 2,048 characters without white space by default (the quota can \
            be raised). IAM rejects a larger one. Checked with `--policy-type trust`.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [
        ... trust statements, 2,500 characters without white space ...
    ]
}"#,
        fix: "Shorten the policy, for example by listing principals with wildcards in conditions, or ask AWS for \
            a higher quota.",
    },
    Explanation {
        code: "POLICY_SIZE_EXCEEDS_SCP_QUOTA",
        severity: Error,
        summary: "the service control policy is larger than AWS Organizations allows",
        meaning: "A service control policy may have 5,120 characters without white space. Organizations rejects \
            a larger one. Checked with `--policy-type scp`.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [
        ... SCP statements, 6,000 characters without white space ...
    ]
}"#,
        fix: "Shorten the policy or split it into several SCPs attached to the same target.",
    },
    Explanation {
        code: "POLICY_TOO_LARGE",
        severity: Error,
        summary: "the policy text is over the size limit and was not read",
        meaning: "A policy text longer than the limit (1 MiB by default, `Options::max_bytes`) is refused before \
            it is parsed, so that a hostile or mistaken input (a log file, `/dev/zero`) cannot make loading cost \
            unbounded time and memory. AWS's largest policy quotas are a few tens of kilobytes, so no real \
            policy comes near the default.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [
        ... statements for more than 1 MiB ...
    ]
}"#,
        fix: "Check that the file is a policy. To read a larger text anyway, raise `max_bytes` in the `Options` \
            given to `Policy::from_json_with`.",
    },
    Explanation {
        code: "RESOURCE_MISMATCH",
        severity: Warning,
        summary: "no action of the statement acts on this resource",
        meaning: "Each `Resource` entry should be a resource that at least one of the statement's actions acts \
            on. An entry that none does grants nothing: often the ARN of another service or resource type, or \
            an action that takes only `\"*\"`.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc"
    }]
}"#,
        fix: "Use an ARN of the type the actions take (the help line shows the formats), or move the resource \
            to a statement with actions that act on it.",
    },
    Explanation {
        code: "RESOURCE_WILDCARD_REQUIRED",
        severity: Warning,
        summary: "the action takes only `\"Resource\": \"*\"`, which the statement does not have",
        meaning: "Some actions have no resource-level permissions (`ssm:DescribeSessions`, \
            `ssm:ListDocuments`): they are granted only by a statement whose `Resource` includes `*`. With \
            specific ARNs the statement does not grant them.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": ["ssm:GetDocument", "ssm:ListDocuments"],
        "Resource": "arn:aws:ssm:us-east-1:123456789012:document/SessionDocument-*"
    }]
}"#,
        fix: "Move the action to a statement with `\"Resource\": \"*\"`.",
    },
    Explanation {
        code: "RETIRED_SERVICE_IN_ACTION",
        severity: Warning,
        summary: "the action belongs to a service AWS has retired",
        meaning: "AWS removed the service (DeepRacer, IoT 1-Click, CodeStar, ...) and its actions from the \
            Service Authorization Reference. Naming it is legal and AWS managed policies still do, but the \
            entry grants nothing.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "deepracer:ListModels",
        "Resource": "*"
    }]
}"#,
        fix: "Remove the action.",
    },
    Explanation {
        code: "STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS",
        severity: Suggestion,
        summary: "a String operator is used with a condition key of type ARN",
        meaning: "Keys such as `aws:SourceArn` hold ARNs. String operators work on them, but ARN operators say \
            what is meant and compare field by field (Access Analyzer reports this as a security warning).",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "sns:Publish",
        "Resource": "*",
        "Condition": {
            "StringLike": {"aws:SourceArn": "arn:aws:s3:::my-bucket"}
        }
    }]
}"#,
        fix: "Use the ARN operator the help line names, such as `ArnLike` or `ArnEquals`.",
    },
    Explanation {
        code: "TYPE_MISMATCH",
        severity: Warning,
        summary: "the condition operator does not compare the key's type",
        meaning: "Each condition key has a type (String, ARN, Numeric, Date, Bool, IP address, Binary). An \
            operator of another type compares the value's text in a way that rarely does what was meant: \
            `StringEquals` on the Bool key `aws:SecureTransport` matches only the exact text `true`.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Deny",
        "Action": "s3:*",
        "Resource": "*",
        "Condition": {
            "StringEquals": {"aws:SecureTransport": "false"}
        }
    }]
}"#,
        fix: "Use an operator of the key's type, such as `Bool` (the help line names one).",
    },
    Explanation {
        code: "TYPE_MISMATCH_ARN",
        severity: Error,
        summary: "a value of an ARN condition operator is not an ARN",
        meaning: "`ArnEquals`, `ArnLike` and their negations compare ARNs field by field; a value that is not an \
            ARN (or `*`) never matches.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "sns:Publish",
        "Resource": "*",
        "Condition": {
            "ArnLike": {"aws:SourceArn": "my-bucket"}
        }
    }]
}"#,
        fix: "Give an ARN such as `arn:aws:s3:::my-bucket`, or use a String operator.",
    },
    Explanation {
        code: "TYPE_MISMATCH_BOOLEAN",
        severity: Error,
        summary: "a value of `Bool` or `Null` is not `true` or `false`",
        meaning: "`Bool` and `Null` take the values `true` and `false` only; any other value never matches (a \
            Deny guarded by it never applies).",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Deny",
        "Action": "s3:*",
        "Resource": "*",
        "Condition": {
            "Bool": {"aws:SecureTransport": "no"}
        }
    }]
}"#,
        fix: "Use `true` or `false`.",
    },
    Explanation {
        code: "TYPE_MISMATCH_DATE",
        severity: Error,
        summary: "a value of a Date operator is not a date",
        meaning: "Date operators take an ISO 8601 date or date-time (`2026-01-31`, `2026-01-31T00:00:00Z`) or \
            epoch seconds. Another value cannot be compared: the condition never matches.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "DateLessThan": {"aws:CurrentTime": "end of 2026"}
        }
    }]
}"#,
        fix: "Write an ISO 8601 date such as `2026-12-31T23:59:59Z`.",
    },
    Explanation {
        code: "TYPE_MISMATCH_IP_RANGE",
        severity: Error,
        summary: "a value of `IpAddress` or `NotIpAddress` is not an address or CIDR block",
        meaning: "IP address operators take an IPv4 or IPv6 address or CIDR block (`203.0.113.0/24`, \
            `2001:db8::/32`). Another value never matches.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "IpAddress": {"aws:SourceIp": "203.0.113.0/33"}
        }
    }]
}"#,
        fix: "Write a valid address or CIDR block, such as `203.0.113.0/24`.",
    },
    Explanation {
        code: "TYPE_MISMATCH_NUMBER",
        severity: Error,
        summary: "a value of a Numeric operator is not a number",
        meaning: "Numeric operators take integers or decimals (`3600`, `0.5`). Another value cannot be compared: \
            the condition never matches.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "NumericLessThan": {"aws:MultiFactorAuthAge": "one hour"}
        }
    }]
}"#,
        fix: "Write a number, such as `3600`.",
    },
    Explanation {
        code: "TYPE_MISMATCH_STRING",
        severity: Error,
        summary: "a value of `BinaryEquals` is not base64",
        meaning: "`BinaryEquals` compares bytes given as base64 text (`QmluYXJ5`). A value that is not valid \
            base64 never matches.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "kms:Decrypt",
        "Resource": "*",
        "Condition": {
            "BinaryEquals": {"kms:EncryptionContext:data": "not base64!"}
        }
    }]
}"#,
        fix: "Write the bytes in base64, such as `QmluYXJ5`.",
    },
    Explanation {
        code: "UNIQUE_SIDS_REQUIRED",
        severity: Error,
        summary: "two statements have the same `Sid`",
        meaning: "A `Sid` names a statement and must be unique within the policy; IAM rejects duplicates \
            (\"Statement IDs (SID) in a single policy must be unique\").",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [
        {"Sid": "Sessions", "Effect": "Allow", "Action": "ssm:StartSession", "Resource": "*"},
        {"Sid": "Sessions", "Effect": "Allow", "Action": "ssm:TerminateSession", "Resource": "*"}
    ]
}"#,
        fix: "Give each statement its own `Sid`.",
    },
    Explanation {
        code: "UNKNOWN_VARIABLE",
        severity: Warning,
        summary: "the policy variable is not a documented key of its service",
        meaning: "A policy variable `${service:key}` is replaced by the value of that context key. The service \
            documents no such key, so the variable may have no value and the text never match. (Services \
            document some variables of their own, so this is a warning rather than an error.)",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:*:*:session/${ssm:SessionOwner}-*"
    }]
}"#,
        fix: "Use a documented key (the help line suggests the closest), such as `${aws:username}`.",
    },
    Explanation {
        code: "UNSUPPORTED_ACTION_FOR_CONDITION_KEY",
        severity: Error,
        summary: "no action of the statement supports the condition key",
        meaning: "Each action supports certain condition keys (its own, its resource types', and the global \
            ones). A key that none of the statement's actions supports is never present in their requests: \
            in an Allow the condition is never true, so the statement grants nothing (with `...IfExists` it is \
            always true). `ssm:TerminateSession` supports `ssm:resourceTag/aws:ssmmessages:session-id`, not \
            `ssm:resourceTag/Finance`.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "*",
        "Condition": {
            "StringLike": {"ssm:resourceTag/Finance": "WebServers"}
        }
    }]
}"#,
        fix: "Use a key the actions support (the help line lists them), or move the actions to a statement \
            without this condition.",
    },
    Explanation {
        code: "UNSUPPORTED_CHARACTER",
        severity: Error,
        summary: "the policy contains a character IAM does not accept",
        meaning: "IAM accepts only tab, line feed, carriage return and the characters U+0020 to U+00FF in a \
            policy. Typographic quotes, dashes and non-breaking spaces pasted from a word processor or a web \
            page are the usual culprits.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::team’s-bucket/*"
    }]
}"#,
        fix: "Replace the character with a plain one (`'` for `’`, `-` for `–`).",
    },
    Explanation {
        code: "UNSUPPORTED_ELEMENT_COMBINATION",
        severity: Error,
        summary: "a statement has both an element and its negation",
        meaning: "`Action` and `NotAction`, `Resource` and `NotResource`, `Principal` and `NotPrincipal` exclude \
            each other; IAM rejects a statement with both of a pair.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:*",
        "NotAction": "ssm:DeleteDocument",
        "Resource": "*"
    }]
}"#,
        fix: "Keep one of the two. To allow all but some actions, allow them in one statement and deny the \
            others in a second.",
    },
    Explanation {
        code: "UNSUPPORTED_PRINCIPAL",
        severity: Error,
        summary: "an identity policy has a `Principal` or `NotPrincipal` element",
        meaning: "An identity policy applies to the user, group or role it is attached to, so it names no \
            principal; IAM rejects it (\"Policy document should not specify a principal\"). `Principal` belongs \
            in resource policies and role trust policies (`--policy-type trust`).",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
        "Action": "ssm:StartSession",
        "Resource": "*"
    }]
}"#,
        fix: "Remove `Principal`, or check the file as the policy type it is.",
    },
    Explanation {
        code: "UNSUPPORTED_SID",
        severity: Error,
        summary: "the `Sid` contains characters other than letters and digits",
        meaning: "In IAM policies a `Sid` may contain only `A-Z`, `a-z` and `0-9`; IAM rejects spaces, dashes and \
            other characters (other services' resource policies may allow more).",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Sid": "allow-sessions",
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*"
    }]
}"#,
        fix: "Use letters and digits only, such as `AllowSessions`.",
    },
    Explanation {
        code: "UNSUPPORTED_SPACE_IN_VARIABLE",
        severity: Error,
        summary: "a policy variable contains a space",
        meaning: "The key name of a policy variable cannot contain white space; `${aws: username}` names no key \
            and Access Analyzer rejects it.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:*:*:session/${aws: username}-*"
    }]
}"#,
        fix: "Remove the space: `${aws:username}`.",
    },
    Explanation {
        code: "UNSUPPORTED_SYMBOL_IN_VARIABLE",
        severity: Error,
        summary: "a policy variable contains a character no key name has",
        meaning: "A policy variable names a context key, made of letters, digits and `: / . - _ @ + = |`; a \
            default value follows after a comma and exactly one space. Another character, or a default without \
            its space, is rejected.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:*:*:session/${aws:user#name}-*"
    }]
}"#,
        fix: "Name a key, such as `${aws:username}`, and write a default as `${key, 'default'}`.",
    },
    Explanation {
        code: "VARIABLE_UNSUPPORTED_IN_ELEMENT",
        severity: Error,
        summary: "a policy variable stands where IAM does not replace variables",
        meaning: "Policy variables are replaced only in the resource part of an ARN (after the fifth colon) and \
            in String and ARN condition values. In `Action`, or in the partition, service, region or account \
            of a `Resource` ARN, `${...}` is not replaced and Access Analyzer rejects it.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "arn:aws:ec2:*:${aws:PrincipalAccount}:instance/*"
    }]
}"#,
        fix: "Use a literal value or a wildcard there, and put the condition on the variable's key in a \
            `Condition` instead (such as `StringEquals` on `aws:ResourceAccount`).",
    },
    Explanation {
        code: "VARIABLE_UNSUPPORTED_IN_VERSION",
        severity: Error,
        summary: "a policy variable is used in a policy whose version does not support variables",
        meaning: "Policy variables need `\"Version\": \"2012-10-17\"`. With `2008-10-17`, IAM reads `${aws:username}` \
            as literal text, which no real ARN contains, so the statement grants nothing.",
        example: r#"{
    "Version": "2008-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:*:*:session/${aws:username}-*"
    }]
}"#,
        fix: "Set `\"Version\": \"2012-10-17\"`.",
    },
    Explanation {
        code: "WILDCARD_IN_ARN_SERVICE",
        severity: Error,
        summary: "the service field of a resource ARN contains a wildcard",
        meaning: "IAM does not allow `*` or `?` in the service field of a resource ARN (`arn:aws:s*:...`).",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ss*:*:*:session/*"
    }]
}"#,
        fix: "Name the service (`arn:aws:ssm:*:*:session/*`), or use `\"*\"` for every resource.",
    },
    Explanation {
        code: "WILDCARD_IN_RESOURCE_TYPE",
        severity: Warning,
        summary: "the resource type in an ARN contains a wildcard",
        meaning: "In a resource ARN such as `arn:aws:ec2:*:*:instance/i-0abc`, AWS's ARN reference says the \
            resource type (`instance`) cannot contain a wildcard, and some evaluators never match `*/i-0abc`. \
            IAM accepts it, and AWS's own managed policies rely on it (`arn:aws:wafv2:*:*:*/webacl/*/*`), so \
            it is a warning and this crate matches it as a glob. S3 object keys are exempt.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ec2:StartInstances",
        "Resource": "arn:aws:ec2:*:*:*/i-0abc"
    }]
}"#,
        fix: "Name the resource type, such as `instance/i-0abc`.",
    },
    Explanation {
        code: "WILDCARD_IN_SERVICE_NAME",
        severity: Error,
        summary: "the service prefix of an action contains a wildcard",
        meaning: "Wildcards may stand in the action name (`ssm:Get*`) but not in the service prefix: IAM \
            rejects `ss*:GetDocument` (\"Action vendors must not contain wildcards\").",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ss*:StartSession",
        "Resource": "*"
    }]
}"#,
        fix: "Name the service exactly and put wildcards only in the action name, such as `ssm:Start*`.",
    },
    Explanation {
        code: "WILDCARD_MATCHES_NO_ACTION",
        severity: Warning,
        summary: "the action pattern matches no action of its service",
        meaning: "A wildcard action such as `ssm:Zzz*` stands for every action of the service whose name \
            matches. When none does, the entry grants or denies nothing: usually a typo in the pattern.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:Terminat*Sessions",
        "Resource": "*"
    }]
}"#,
        fix: "Correct the pattern so that it matches the intended actions, such as `ssm:Terminate*`.",
    },
    Explanation {
        code: "WILDCARD_WITHOUT_LIKE_OPERATOR",
        severity: Warning,
        summary: "a condition value contains `*` or `?`, which this operator compares as text",
        meaning: "Only `StringLike`, `StringNotLike`, `ArnLike` and `ArnNotLike` treat `*` and `?` as wildcards. \
            `StringEquals` compares them as the characters themselves, so `alice-*` matches only the literal \
            text `alice-*`.",
        example: r#"{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "StringEquals": {"aws:username": "alice-*"}
        }
    }]
}"#,
        fix: "Use the Like operator the help line names, such as `StringLike`, to match a pattern.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use iam_policy_core::validate::{Options, PolicyType};

    #[test]
    fn codes_are_sorted_and_unique() {
        for pair in EXPLANATIONS.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} before {}",
                pair[0].code,
                pair[1].code
            );
        }
    }

    #[test]
    fn lookup_ignores_case_and_dashes() {
        assert_eq!(
            lookup("invalid-arn-region").map(|e| e.code),
            Some("INVALID_ARN_REGION")
        );
        assert!(lookup("NOPE").is_none());
    }

    /// Codes whose example is a sketch (a policy too large to show).
    const SKETCHES: &[&str] = &[
        "POLICY_TOO_LARGE",
        "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA",
        "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA",
        "POLICY_SIZE_EXCEEDS_SCP_QUOTA",
    ];

    /// Each example gets the finding it explains, at the severity the table states.
    #[test]
    fn examples_trigger_their_code() {
        for e in EXPLANATIONS.iter().filter(|e| !SKETCHES.contains(&e.code)) {
            let findings = crate::report::diagnose(e.example, &Options::default());
            match findings.iter().find(|d| d.code() == e.code) {
                Some(d) => assert_eq!(d.severity(), e.severity, "{}", e.code),
                None => panic!(
                    "the example of {} does not trigger it: {findings:#?}",
                    e.code
                ),
            }
        }
    }

    #[test]
    fn size_quotas() {
        let statement = r#"{"Effect":"Allow","Action":"ssm:StartSession","Resource":"arn:aws:ec2:*:*:instance/i-0123456789abcdef0"}"#;
        let text = format!(
            r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
            vec![statement; 120].join(",")
        );
        for (policy_type, code) in [
            (
                PolicyType::Managed,
                "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA",
            ),
            (
                PolicyType::Trust,
                "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA",
            ),
            (PolicyType::Scp, "POLICY_SIZE_EXCEEDS_SCP_QUOTA"),
        ] {
            let findings = crate::report::diagnose(
                &text,
                &Options {
                    policy_type,
                    catalog: false,
                    ..Options::default()
                },
            );
            let found = findings
                .iter()
                .find(|d| d.code() == code)
                .unwrap_or_else(|| panic!("{code}"));
            assert_eq!(found.severity(), lookup(code).unwrap().severity, "{code}");
        }
    }
}
