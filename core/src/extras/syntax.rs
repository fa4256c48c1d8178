//! The syntax of extra names and of an extras file, with the standard library only: the build
//! script of `iam-policy-core` includes this file to check `IAM_POLICY_EXTRAS` before embedding it.

/// What one line of an extras file declares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// `action service:Name`: an action AWS released after the catalog.
    Action(String),
    /// `key service:Name`: a condition key AWS released after the catalog.
    Key(String),
}

/// The longest extra name, in bytes (as the longest action of a well-formed request).
pub const MAX_NAME_BYTES: usize = 256;

/// Checks an extra action: `service:Name`, the service of ASCII letters, digits and `-`, the name
/// of ASCII letters, digits, `-` and `_` (what a well-formed request may name), no wildcard.
pub fn check_action(name: &str) -> Result<(), String> {
    let Some((service, action)) = name.split_once(':') else {
        return Err(format!(
            "the extra action `{name}` is not `service:ActionName`"
        ));
    };
    if name.len() > MAX_NAME_BYTES {
        return Err(format!(
            "the extra action `{name}` is longer than {MAX_NAME_BYTES} bytes"
        ));
    }
    if name.contains(['*', '?']) {
        return Err(format!(
            "the extra action `{name}` has a wildcard: declare each action by its full name"
        ));
    }
    if service.is_empty()
        || !service
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Err(format!(
            "the service `{service}` of the extra action `{name}` is empty or has a character other than letters, digits and `-`"
        ));
    }
    if action.is_empty()
        || !action
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(format!(
            "the action name of the extra action `{name}` is empty or has a character other than letters, digits, `-` and `_`"
        ));
    }
    Ok(())
}

/// Checks an extra condition key: `service:KeyName`, the prefix of ASCII letters, digits and
/// `-`, the name of printable ASCII without spaces or wildcards (`newsvc:ThingTag/team`).
pub fn check_key(name: &str) -> Result<(), String> {
    let Some((prefix, key)) = name.split_once(':') else {
        return Err(format!(
            "the extra condition key `{name}` is not `service:KeyName`"
        ));
    };
    if name.len() > MAX_NAME_BYTES {
        return Err(format!(
            "the extra condition key `{name}` is longer than {MAX_NAME_BYTES} bytes"
        ));
    }
    if prefix.is_empty()
        || !prefix
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Err(format!(
            "the prefix `{prefix}` of the extra condition key `{name}` is empty or has a character other than letters, digits and `-`"
        ));
    }
    if key.is_empty()
        || !key
            .bytes()
            .all(|b| b.is_ascii_graphic() && !matches!(b, b'*' | b'?' | b'$' | b'{' | b'}'))
    {
        return Err(format!(
            "the name of the extra condition key `{name}` is empty or has a space, a wildcard, `$`, a brace or a non-ASCII character"
        ));
    }
    Ok(())
}

/// Reads an extras file: one declaration a line, `action service:Name` or `key service:Name`;
/// `#` starts a comment; blank lines are ignored. The error names the line (from 1).
pub fn parse(text: &str) -> Result<Vec<Entry>, (usize, String)> {
    let mut entries = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        let content = line.split('#').next().unwrap_or_default().trim();
        if content.is_empty() {
            continue;
        }
        let mut words = content.split_whitespace();
        let (Some(kind), Some(name), None) = (words.next(), words.next(), words.next()) else {
            return Err((
                line_number,
                format!("expected `action service:Name` or `key service:Name`, found `{content}`"),
            ));
        };
        let entry = match kind {
            "action" => check_action(name).map(|()| Entry::Action(name.to_owned())),
            "key" => check_key(name).map(|()| Entry::Key(name.to_owned())),
            other => Err(format!(
                "`{other}` is not a kind of declaration: write `action {name}` or `key {name}`"
            )),
        };
        entries.push(entry.map_err(|message| (line_number, message))?);
    }
    Ok(entries)
}
