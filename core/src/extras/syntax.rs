//! The syntax of extra names and of an extras file, with the standard library only: the build
//! script of `iam-policy-core` includes this file to check `IAM_POLICY_EXTRAS` before embedding it.
//!
//! One declaration is a name and, after a space, an optional attribute, written the same way in
//! every place that declares extras (decision D38 of `docs/semantics.md`):
//! - an action: `newsvc:DoThing`, or `newsvc:ListThings no-resource` for an action that acts on
//!   no resource (its requests name the resource `*`);
//! - a condition key: `newsvc:Color`, or `newsvc:Color String` with its type (one of
//!   [`KEY_TYPES`]), so that the operator is checked against it.

/// What one line of an extras file declares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// `action service:Name [no-resource]`: an action AWS released after the catalog.
    Action {
        /// `service:Name`.
        name: String,
        /// Declared `no-resource`: the action acts on no resource.
        no_resource: bool,
    },
    /// `key service:Name [Type]`: a condition key AWS released after the catalog.
    Key {
        /// `service:KeyName`.
        name: String,
        /// Its declared type, as AWS names it (`String`, `ArrayOfString`, ...).
        key_type: Option<&'static str>,
    },
}

/// What is wrong with a declaration, and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Lowercase, one line, the input in backticks.
    pub message: String,
    /// The fix.
    pub help: String,
}

fn problem(message: String, help: impl Into<String>) -> Problem {
    Problem {
        message,
        help: help.into(),
    }
}

/// The word after an action that acts on no resource.
pub const NO_RESOURCE: &str = "no-resource";

/// The types a declared condition key may have, as the Service Authorization Reference names
/// them.
pub const KEY_TYPES: &[&str] = &[
    "String",
    "ARN",
    "Bool",
    "Numeric",
    "Date",
    "IPAddress",
    "Binary",
    "ArrayOfString",
    "ArrayOfARN",
    "ArrayOfBool",
    "ArrayOfNumeric",
    "ArrayOfDate",
    "ArrayOfIPAddress",
];

/// Reads one action declaration: `service:Name`, or `service:Name no-resource`.
pub fn action_declaration(text: &str) -> Result<(&str, bool), Problem> {
    let mut words = text.split_whitespace();
    let name = words.next().unwrap_or_default();
    check_action(name)?;
    match (words.next(), words.next()) {
        (None, _) => Ok((name, false)),
        (Some(NO_RESOURCE), None) => Ok((name, true)),
        (Some(word), None) => Err(problem(
            format!("`{word}` after the extra action `{name}` is not `{NO_RESOURCE}`"),
            format!(
                "write `{name}`, or `{name} {NO_RESOURCE}` for an action that acts on no resource"
            ),
        )),
        (Some(_), Some(_)) => Err(problem(
            format!(
                "the extra action declaration `{}` has more than a name and `{NO_RESOURCE}`",
                text.trim()
            ),
            "declare one action at a time",
        )),
    }
}

/// Reads one condition key declaration: `service:KeyName`, or `service:KeyName Type`.
pub fn key_declaration(text: &str) -> Result<(&str, Option<&'static str>), Problem> {
    let mut words = text.split_whitespace();
    let name = words.next().unwrap_or_default();
    check_key(name)?;
    match (words.next(), words.next()) {
        (None, _) => Ok((name, None)),
        (Some(word), None) => match KEY_TYPES.iter().find(|t| t.eq_ignore_ascii_case(word)) {
            Some(key_type) => Ok((name, Some(key_type))),
            None => Err(problem(
                format!("`{word}` after the extra condition key `{name}` is not a key type"),
                format!(
                    "write one of {}",
                    KEY_TYPES
                        .iter()
                        .map(|t| format!("`{t}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        },
        (Some(_), Some(_)) => Err(problem(
            format!(
                "the extra condition key declaration `{}` has more than a name and a type",
                text.trim()
            ),
            "declare one key at a time",
        )),
    }
}

/// The longest extra name, in bytes (as the longest action of a well-formed request).
pub const MAX_NAME_BYTES: usize = 256;

/// Checks an extra action: `service:Name`, the service of ASCII letters, digits and `-`, the name
/// of ASCII letters, digits, `-` and `_` (what a well-formed request may name), no wildcard.
pub fn check_action(name: &str) -> Result<(), Problem> {
    let Some((service, action)) = name.split_once(':') else {
        return Err(problem(
            format!("the extra action `{name}` is not `service:ActionName`"),
            "write the service prefix, `:` and the action name, such as `newsvc:DoThing`",
        ));
    };
    if name.len() > MAX_NAME_BYTES {
        return Err(problem(
            format!("the extra action `{name}` is longer than {MAX_NAME_BYTES} bytes"),
            "write the action's name as AWS's reference gives it",
        ));
    }
    if name.contains(['*', '?']) {
        return Err(problem(
            format!("the extra action `{name}` has a wildcard"),
            "declare each action by its full name; a policy's `newsvc:*` then matches them",
        ));
    }
    if service.is_empty()
        || !service
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Err(problem(
            format!(
                "the service `{service}` of the extra action `{name}` is empty or has a character other than letters, digits and `-`"
            ),
            "write the service prefix as AWS's reference gives it, such as `newsvc`",
        ));
    }
    if action.is_empty()
        || !action
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(problem(
            format!(
                "the action name of the extra action `{name}` is empty or has a character other than letters, digits, `-` and `_`"
            ),
            "write the action name as AWS's reference gives it, such as `DoThing`",
        ));
    }
    Ok(())
}

/// Checks an extra condition key: `service:KeyName`, the prefix of ASCII letters, digits and
/// `-`, the name of printable ASCII without spaces or wildcards (`newsvc:ThingTag/team`).
pub fn check_key(name: &str) -> Result<(), Problem> {
    let Some((prefix, key)) = name.split_once(':') else {
        return Err(problem(
            format!("the extra condition key `{name}` is not `service:KeyName`"),
            "write the service prefix, `:` and the key name, such as `newsvc:Color`",
        ));
    };
    if name.len() > MAX_NAME_BYTES {
        return Err(problem(
            format!("the extra condition key `{name}` is longer than {MAX_NAME_BYTES} bytes"),
            "write the key's name as AWS's reference gives it",
        ));
    }
    if prefix.is_empty()
        || !prefix
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Err(problem(
            format!(
                "the prefix `{prefix}` of the extra condition key `{name}` is empty or has a character other than letters, digits and `-`"
            ),
            "write the service prefix as AWS's reference gives it, such as `newsvc`",
        ));
    }
    if key.is_empty()
        || !key
            .bytes()
            .all(|b| b.is_ascii_graphic() && !matches!(b, b'*' | b'?' | b'$' | b'{' | b'}'))
    {
        return Err(problem(
            format!(
                "the name of the extra condition key `{name}` is empty or has a space, a wildcard, `$`, a brace or a non-ASCII character"
            ),
            "declare each key by its full name, such as `newsvc:ThingTag/team`",
        ));
    }
    Ok(())
}

/// Reads an extras file: one declaration a line, `action service:Name [no-resource]` or
/// `key service:Name [Type]`; `#` starts a comment; blank lines are ignored. The error names the
/// line (from 1).
pub fn parse(text: &str) -> Result<Vec<Entry>, (usize, Problem)> {
    let mut entries = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        let content = line.split('#').next().unwrap_or_default().trim();
        if content.is_empty() {
            continue;
        }
        let (kind, rest) = content
            .split_once(char::is_whitespace)
            .map_or((content, ""), |(kind, rest)| (kind, rest.trim()));
        if rest.is_empty() {
            return Err((
                line_number,
                problem(
                    format!("`{content}` is not a declaration"),
                    "write `action service:Name [no-resource]` or `key service:Name [Type]`",
                ),
            ));
        }
        let entry = match kind {
            "action" => action_declaration(rest).map(|(name, no_resource)| Entry::Action {
                name: name.to_owned(),
                no_resource,
            }),
            "key" => key_declaration(rest).map(|(name, key_type)| Entry::Key {
                name: name.to_owned(),
                key_type,
            }),
            other => Err(problem(
                format!("`{other}` is not a kind of declaration"),
                format!("write `action {rest}` or `key {rest}`"),
            )),
        };
        entries.push(entry.map_err(|message| (line_number, message))?);
    }
    Ok(entries)
}
