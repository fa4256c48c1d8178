//! Extras: actions and condition keys that AWS released after the service catalog snapshot
//! (`core/catalog/catalog.txt`), declared by the user so that a policy naming them compiles
//! without a new release of this crate. Everything else is still checked against the catalog.
//!
//! Three places declare them, and they add up:
//! - one policy: `policy!(extra_actions = ["newsvc:DoThing"], extra_keys = ["newsvc:Color"], {..})`;
//! - one run-time load: [`Options::extras`](crate::validate::Options::extras) (built with
//!   [`Extras::parse`] or [`Extras::add_action`]), or the `--extras FILE` and `--extra-action`
//!   flags of the `iam-policy` command;
//! - the whole build: the file named by the environment variable `IAM_POLICY_EXTRAS` (an absolute
//!   path), read by the build script of this crate ([`crate_wide`]). Cargo rebuilds when the
//!   variable or the file changes.
//!
//! An extra name is syntax-checked like a policy's (`service:Name`), but not looked up: its
//! service may be newer than the catalog too. A statement that names an extra action gets no
//! check that needs the action's resource types or keys, which the catalog does not have. An
//! extra that the catalog does have is reported (`EXTRA_NAME_IN_CATALOG`) where a policy uses it,
//! so that a stale declaration is removed once the catalog catches up. Requests for extra actions
//! are decided as any other (decision D32 of `docs/semantics.md`).

pub(crate) mod syntax;

use std::fmt;
use std::sync::OnceLock;

pub use syntax::MAX_NAME_BYTES;

/// Declared actions and condition keys the catalog does not have. Names compare
/// case-insensitively (ASCII), as IAM compares them.
///
/// ```
/// use iam_policy_core::extras::Extras;
/// let mut extras = Extras::parse("action newsvc:DoThing\nkey newsvc:Color\n").unwrap();
/// extras.add_action("s3:BrandNewCall").unwrap();
/// assert!(extras.has_action("NEWSVC:dothing"));
/// assert!(extras.has_key("newsvc:color"));
/// assert!(extras.add_action("s3:Get*").is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Extras {
    /// As written, sorted and deduplicated by their lowercase form.
    actions: Vec<String>,
    keys: Vec<String>,
}

/// A malformed extra declaration: the message, and the line of the extras text when it came from
/// one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtrasError {
    /// The line (from 1) of the text given to [`Extras::parse`]; `None` for a single name.
    pub line: Option<usize>,
    /// Lowercase, one line, the offending input in backticks.
    pub message: String,
}

impl fmt::Display for ExtrasError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ExtrasError {}

impl Extras {
    /// No extras.
    pub const fn new() -> Extras {
        Extras {
            actions: Vec::new(),
            keys: Vec::new(),
        }
    }

    /// Reads extras text: one declaration a line, `action service:Name` or `key service:Name`,
    /// `#` comments and blank lines ignored. The format of `IAM_POLICY_EXTRAS` and of the
    /// command's `--extras FILE`.
    pub fn parse(text: &str) -> Result<Extras, ExtrasError> {
        let entries = syntax::parse(text).map_err(|(line, message)| ExtrasError {
            line: Some(line),
            message,
        })?;
        let mut extras = Extras::new();
        for entry in entries {
            match entry {
                syntax::Entry::Action(name) => insert(&mut extras.actions, name),
                syntax::Entry::Key(name) => insert(&mut extras.keys, name),
            }
        }
        Ok(extras)
    }

    /// Declares an action (`newsvc:DoThing`); an error if it is not `service:Name` without
    /// wildcards.
    pub fn add_action(&mut self, name: &str) -> Result<(), ExtrasError> {
        syntax::check_action(name).map_err(single)?;
        insert(&mut self.actions, name.to_owned());
        Ok(())
    }

    /// Declares a condition key (`newsvc:Color`); an error if it is not `service:KeyName`.
    pub fn add_key(&mut self, name: &str) -> Result<(), ExtrasError> {
        syntax::check_key(name).map_err(single)?;
        insert(&mut self.keys, name.to_owned());
        Ok(())
    }

    /// Adds every declaration of `other`.
    pub fn extend(&mut self, other: &Extras) {
        for name in &other.actions {
            insert(&mut self.actions, name.clone());
        }
        for name in &other.keys {
            insert(&mut self.keys, name.clone());
        }
    }

    /// True when nothing is declared.
    pub fn is_empty(&self) -> bool {
        self.actions.is_empty() && self.keys.is_empty()
    }

    /// The declared actions, as written, sorted case-insensitively.
    pub fn actions(&self) -> impl Iterator<Item = &str> {
        self.actions.iter().map(String::as_str)
    }

    /// The declared condition keys, as written, sorted case-insensitively.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(String::as_str)
    }

    /// Whether `action` is declared (case-insensitive).
    pub fn has_action(&self, action: &str) -> bool {
        find(&self.actions, action).is_ok()
    }

    /// Whether the condition key is declared (case-insensitive).
    pub fn has_key(&self, key: &str) -> bool {
        find(&self.keys, key).is_ok()
    }

    /// Whether an action of the service `prefix` is declared (case-insensitive).
    pub fn has_service(&self, prefix: &str) -> bool {
        self.actions.iter().any(|a| {
            a.split_once(':')
                .is_some_and(|(p, _)| p.eq_ignore_ascii_case(prefix))
        })
    }
}

fn single(message: String) -> ExtrasError {
    ExtrasError {
        line: None,
        message,
    }
}

fn lower_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes()
        .map(|b| b.to_ascii_lowercase())
        .cmp(b.bytes().map(|b| b.to_ascii_lowercase()))
}

fn find(names: &[String], name: &str) -> Result<usize, usize> {
    names.binary_search_by(|n| lower_cmp(n, name))
}

fn insert(names: &mut Vec<String>, name: String) {
    if let Err(at) = find(names, &name) {
        names.insert(at, name);
    }
}

/// The text of `IAM_POLICY_EXTRAS` at build time (empty when unset), checked by the build script.
const CRATE_WIDE_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/extras.txt"));

/// The extras of the whole build: the file named by the environment variable `IAM_POLICY_EXTRAS`
/// when this crate was built (none when unset). The build script checked it, so it parses.
pub fn crate_wide() -> &'static Extras {
    static EXTRAS: OnceLock<Extras> = OnceLock::new();
    EXTRAS.get_or_init(|| Extras::parse(CRATE_WIDE_TEXT).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_syntax_checked() {
        let mut extras = Extras::new();
        for good in ["newsvc:DoThing", "new-svc:Do_Thing-2", "s3:GetObjectV2"] {
            extras.add_action(good).unwrap();
        }
        for (bad, says) in [
            ("DoThing", "is not `service:ActionName`"),
            ("newsvc:Do*", "has a wildcard"),
            ("newsvc:Do Thing", "the action name of the extra action"),
            ("new svc:DoThing", "the service `new svc`"),
            (":DoThing", "the service ``"),
            ("newsvc:", "the action name"),
            ("newsvc:Dö", "the action name"),
        ] {
            let error = extras.add_action(bad).unwrap_err();
            assert!(error.message.contains(says), "{bad}: {error}");
            assert_eq!(error.line, None);
        }
        extras.add_key("newsvc:ThingTag/team").unwrap();
        for bad in [
            "Color",
            "newsvc:Col or",
            "newsvc:Tag/*",
            "newsvc:Tag/${TagKey}",
            ":x",
        ] {
            assert!(extras.add_key(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn lookups_ignore_case_and_duplicates() {
        let mut extras = Extras::new();
        extras.add_action("newsvc:DoThing").unwrap();
        extras.add_action("NEWSVC:dothing").unwrap();
        extras.add_action("abc:Z").unwrap();
        assert_eq!(
            extras.actions().collect::<Vec<_>>(),
            ["abc:Z", "newsvc:DoThing"]
        );
        assert!(extras.has_action("newsvc:DOTHING"));
        assert!(!extras.has_action("newsvc:DoThings"));
        assert!(extras.has_service("NewSvc"));
        assert!(!extras.has_service("news"));
        assert!(!extras.has_key("newsvc:DoThing"));
    }

    #[test]
    fn text_names_the_line_of_a_mistake() {
        let extras = Extras::parse(
            "# released 2027-01\naction newsvc:DoThing  # the new call\n\nkey newsvc:Color\n",
        )
        .unwrap();
        assert!(extras.has_action("newsvc:DoThing") && extras.has_key("newsvc:Color"));
        let error = Extras::parse("action a:B\nactoin newsvc:DoThing\n").unwrap_err();
        assert_eq!(error.line, Some(2));
        assert_eq!(
            error.to_string(),
            "line 2: `actoin` is not a kind of declaration: write `action newsvc:DoThing` or `key newsvc:DoThing`"
        );
        let error = Extras::parse("action newsvc:Do*\n").unwrap_err();
        assert!(error.message.contains("wildcard"), "{error}");
        assert!(Extras::parse("action\n").is_err());
        assert!(Extras::parse("action a:B c:D\n").is_err());
        assert!(Extras::parse("").unwrap().is_empty());
    }

    #[test]
    fn extend_adds_up() {
        let mut a = Extras::parse("action a:X\n").unwrap();
        a.extend(&Extras::parse("action b:Y\nkey b:K\naction A:x\n").unwrap());
        assert_eq!(a.actions().count(), 2);
        assert_eq!(a.keys().collect::<Vec<_>>(), ["b:K"]);
    }
}
