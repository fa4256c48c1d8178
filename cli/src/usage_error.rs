//! Command-line mistakes (a bad option value, an unknown option or command, a missing argument) in
//! the house style: one lowercase line with the input in backticks, then the fix in `help:`.
//! clap's own rendering (quotes, a usage block, "For more information") is kept for what this
//! does not cover.

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

/// The message and help for a clap error, or `None` to let clap print it.
pub fn render(error: &Error) -> Option<(String, String)> {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        Some(ContextValue::Strings(texts)) => texts.first().cloned(),
        Some(ContextValue::StyledStr(text)) => Some(text.to_string()),
        _ => None,
    };
    let list = |kind| match error.get(kind) {
        Some(ContextValue::Strings(texts)) => texts.clone(),
        Some(ContextValue::String(text)) => vec![text.clone()],
        _ => Vec::new(),
    };
    let ticked = |items: &[String]| {
        items
            .iter()
            .map(|item| format!("`{item}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // `--format <FORMAT>` -> `--format`.
    let option = |arg: String| arg.split_whitespace().next().unwrap_or_default().to_owned();
    let usage = || {
        text(ContextKind::Usage).map(|usage| {
            let usage = usage.trim();
            let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
            format!("usage: `{usage}`")
        })
    };
    match error.kind() {
        ErrorKind::InvalidValue => {
            let arg = option(text(ContextKind::InvalidArg)?);
            let value = text(ContextKind::InvalidValue)?;
            let valid = list(ContextKind::ValidValue);
            let message = if value.is_empty() {
                format!("`{arg}` needs a value")
            } else {
                format!("`{value}` is not a value of `{arg}`")
            };
            let help = match (text(ContextKind::SuggestedValue), valid.is_empty()) {
                (Some(close), _) => {
                    format!("did you mean `{close}`? use one of {}", ticked(&valid))
                }
                (None, false) => format!("use one of {}", ticked(&valid)),
                (None, true) => format!("give `{arg}` a value"),
            };
            Some((message, help))
        }
        ErrorKind::ValueValidation => {
            let arg = option(text(ContextKind::InvalidArg)?);
            let value = text(ContextKind::InvalidValue)?;
            let source = std::error::Error::source(error)?;
            if source.downcast_ref::<std::num::ParseIntError>().is_some() {
                return Some((
                    format!("`{value}` is not a whole number, as `{arg}` takes"),
                    format!("write the number alone, such as `{arg} 10240`"),
                ));
            }
            Some((
                format!("`{value}` is not a value of `{arg}`: {source}"),
                format!("`--help` says what `{arg}` takes"),
            ))
        }
        ErrorKind::UnknownArgument => {
            let arg = text(ContextKind::InvalidArg)?;
            let help = match text(ContextKind::SuggestedArg) {
                Some(close) => format!("did you mean `{}`?", option(close)),
                None => usage().unwrap_or_else(|| "`--help` lists the options".to_owned()),
            };
            Some((format!("unknown option `{arg}`"), help))
        }
        ErrorKind::InvalidSubcommand => {
            let command = text(ContextKind::InvalidSubcommand)?;
            // The closest name by our own measure first: clap's offers `check-access-not-granted`
            // for `chek`.
            let names = commands();
            let ours =
                iam_policy_core::suggest::closest(&command, names.iter().map(String::as_str));
            let help = match ours
                .map(str::to_owned)
                .or(text(ContextKind::SuggestedSubcommand))
            {
                Some(close) => format!("did you mean `{close}`?"),
                None => "`iam-policy --help` lists the commands".to_owned(),
            };
            Some((format!("unknown command `{command}`"), help))
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = list(ContextKind::InvalidArg);
            if missing.is_empty() {
                return None;
            }
            Some((
                format!("missing {}", ticked(&missing)),
                usage().unwrap_or_else(|| "`--help` lists the arguments".to_owned()),
            ))
        }
        _ => None,
    }
}

/// The names of the subcommands.
fn commands() -> Vec<String> {
    use clap::CommandFactory;
    crate::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect()
}
