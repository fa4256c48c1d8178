//! `Action` / `NotAction` entries: `*` or `service:name`, no wildcard in the service.

use std::borrow::Cow;

use super::Validator;
use super::document::Located;
use super::list::{EmptyList, list_entries};
use super::template::{self, Variables, Wildcards};
use crate::codes;
use crate::compiled::{ActionPattern, Glob};
use crate::diagnostic::Finding;
use crate::json::Member;
use crate::location::JsonPath;

pub(crate) fn read_actions<'t>(
    v: &mut Validator,
    member: &Member<'t>,
    path: &JsonPath,
) -> Vec<Located<'t, ActionPattern>> {
    let element = member.key.as_ref();
    let empty = EmptyList {
        code: codes::EMPTY_ARRAY_ACTION,
        what: "action",
        help: "name at least one action, such as `ssm:StartSession`",
    };
    let entries = list_entries(v, member, path, empty);
    let mut out = Vec::new();
    for (text, path, loc) in entries {
        match read_action(&text, element) {
            Ok(pattern) => out.push(Located {
                value: pattern,
                text,
                path,
                loc,
            }),
            Err(finding) => v.report(finding, &path, loc),
        }
    }
    out.shrink_to_fit();
    out
}

/// Reads one entry. Both parts are folded to lowercase: IAM compares them case-insensitively.
pub fn read_action(text: &str, element: &str) -> Result<ActionPattern, Finding> {
    if text.chars().all(|c| c == '*') && !text.is_empty() {
        return Ok(ActionPattern::Any);
    }
    if template::has_variable(text) {
        let (_, mut findings) = template::read(
            text,
            Wildcards::Glob,
            Variables::UnsupportedInElement(leak(element)),
        );
        if let Some(finding) = findings.pop() {
            return Err(finding);
        }
    }
    let format_error = |why: &str| {
        Finding::new(
            codes::INVALID_ACTION_FORMAT,
            format!("the action `{text}` is not valid: {why}"),
        )
        .with_help("write an action as `service:ActionName`, such as `ssm:StartSession`")
    };
    if text.is_empty() {
        return Err(format_error("it is empty"));
    }
    let Some((service, name)) = text.split_once(':') else {
        return Err(format_error("it has no service prefix"));
    };
    if name.contains(':') {
        return Err(format_error("it has more than one `:`"));
    }
    if service.is_empty() {
        return Err(format_error("the service prefix is empty"));
    }
    if name.is_empty() {
        return Err(format_error("the action name is empty"));
    }
    if service.contains(['*', '?']) {
        return Err(Finding::new(
            codes::WILDCARD_IN_SERVICE_NAME,
            format!("the service prefix of `{text}` contains a wildcard, which IAM rejects"),
        )
        .with_help("name the service exactly and put wildcards only in the action name, such as `ssm:Get*`"));
    }
    if let Some(bad) = service
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.'))
    {
        return Err(format_error(&format!(
            "the service prefix contains `{}`",
            bad.escape_debug()
        )));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '*' | '?' | '-' | '_' | '.')))
    {
        return Err(format_error(&format!(
            "the action name contains `{}`",
            bad.escape_debug()
        )));
    }
    let (name, _) = template::read(
        &name.to_ascii_lowercase(),
        Wildcards::Glob,
        Variables::Allowed,
    );
    Ok(ActionPattern::Named {
        service: Cow::Owned(service.to_ascii_lowercase()),
        name: Glob {
            segments: name.segments,
        },
    })
}

/// Element names are a fixed set; this maps one to its static name for messages.
fn leak(element: &str) -> &'static str {
    match element {
        "NotAction" => "`NotAction`",
        _ => "`Action`",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> &'static str {
        read_action(text, "Action").unwrap_err().code.name()
    }

    #[test]
    fn reads_valid_actions() {
        assert_eq!(read_action("*", "Action").unwrap(), ActionPattern::Any);
        let ActionPattern::Named { service, name } = read_action("SSM:Start*", "Action").unwrap()
        else {
            panic!()
        };
        assert_eq!(service, "ssm");
        assert_eq!(name.segments.len(), 2);
    }

    #[test]
    fn rejects_malformed_actions() {
        assert_eq!(code("TerminateSession"), "INVALID_ACTION_FORMAT");
        assert_eq!(code("s3:"), "INVALID_ACTION_FORMAT");
        assert_eq!(code(":Get"), "INVALID_ACTION_FORMAT");
        assert_eq!(code("ssm:a:b"), "INVALID_ACTION_FORMAT");
        assert_eq!(code("ssm:Get Object"), "INVALID_ACTION_FORMAT");
        assert_eq!(code("ssm:A,B"), "INVALID_ACTION_FORMAT");
        assert_eq!(code("ss*:Get"), "WILDCARD_IN_SERVICE_NAME");
        assert_eq!(
            code("ssm:${aws:username}"),
            "VARIABLE_UNSUPPORTED_IN_ELEMENT"
        );
        assert_eq!(code(""), "INVALID_ACTION_FORMAT");
    }
}
