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
//!
//! A declaration may say more than the name (decision D38): `newsvc:ListThings no-resource` for
//! an action that acts on no resource, whose requests name the resource `*` (refused for an
//! action nobody declared so: the request check fails closed); `newsvc:Color String` for a key
//! of that type, whose operators are then checked against it as a catalog key's are. The same
//! text in every place: `extra_actions = ["newsvc:ListThings no-resource"]`,
//! `extra_keys = ["newsvc:Color String"]`, `--extra-action "newsvc:ListThings no-resource"`,
//! [`Extras::add_action`], and the lines `action newsvc:ListThings no-resource` and
//! `key newsvc:Color String` of an extras file.

pub(crate) mod syntax;

use std::fmt;
use std::sync::OnceLock;

pub use syntax::MAX_NAME_BYTES;

/// Declared actions and condition keys the catalog does not have. Names compare
/// case-insensitively (ASCII), as IAM compares them.
///
/// ```
/// use iam_policy_core::extras::Extras;
/// let mut extras = Extras::parse("action newsvc:DoThing\nkey newsvc:Color String\n").unwrap();
/// extras.add_action("s3:BrandNewCall").unwrap();
/// extras.add_action("newsvc:ListThings no-resource").unwrap();
/// assert!(extras.has_action("NEWSVC:dothing"));
/// assert!(extras.has_key("newsvc:color"));
/// assert_eq!(extras.key_type("newsvc:Color"), Some("String"));
/// assert!(extras.acts_on_no_resource("newsvc:ListThings"));
/// assert!(!extras.acts_on_no_resource("newsvc:DoThing"));
/// assert!(extras.add_action("s3:Get*").is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Extras {
    /// As written, sorted and deduplicated by their lowercase form.
    actions: Vec<String>,
    /// The declared actions that act on no resource (`no-resource`), sorted the same way.
    no_resource: Vec<String>,
    keys: Vec<String>,
    /// The declared keys with a type, sorted by name; the first type declared for a key stays.
    key_types: Vec<(String, &'static str)>,
}

/// A malformed extra declaration: the message, and the line of the extras text when it came from
/// one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtrasError {
    /// The line (from 1) of the text given to [`Extras::parse`]; `None` for a single name.
    pub line: Option<usize>,
    /// Lowercase, one line, the offending input in backticks.
    pub message: String,
    /// The fix.
    pub help: String,
}

impl fmt::Display for ExtrasError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message)?,
            None => f.write_str(&self.message)?,
        }
        write!(f, "\n  help: {}", self.help)
    }
}

impl std::error::Error for ExtrasError {}

impl Extras {
    /// No extras.
    #[must_use]
    pub const fn new() -> Extras {
        Extras {
            actions: Vec::new(),
            no_resource: Vec::new(),
            keys: Vec::new(),
            key_types: Vec::new(),
        }
    }

    /// Reads extras text: one declaration a line, `action service:Name [no-resource]` or
    /// `key service:Name [Type]`, `#` comments and blank lines ignored. The format of
    /// `IAM_POLICY_EXTRAS` and of the command's `--extras FILE`.
    pub fn parse(text: &str) -> Result<Extras, ExtrasError> {
        let entries = syntax::parse(text).map_err(|(line, problem)| ExtrasError {
            line: Some(line),
            message: problem.message,
            help: problem.help,
        })?;
        let mut extras = Extras::new();
        for entry in entries {
            match entry {
                syntax::Entry::Action { name, no_resource } => {
                    extras.insert_action(name, no_resource);
                }
                syntax::Entry::Key { name, key_type } => extras.insert_key(name, key_type),
            }
        }
        Ok(extras)
    }

    /// Declares an action: `newsvc:DoThing`, or `newsvc:ListThings no-resource` for one that
    /// acts on no resource; an error if the name is not `service:Name` without wildcards.
    pub fn add_action(&mut self, declaration: &str) -> Result<(), ExtrasError> {
        let (name, no_resource) = syntax::action_declaration(declaration).map_err(single)?;
        self.insert_action(name.to_owned(), no_resource);
        Ok(())
    }

    /// Declares a condition key: `newsvc:Color`, or `newsvc:Color String` with its type (as AWS
    /// names it: `String`, `ArrayOfString`, `Numeric`, ...); an error if the name is not
    /// `service:KeyName` or the type is not one of AWS's.
    pub fn add_key(&mut self, declaration: &str) -> Result<(), ExtrasError> {
        let (name, key_type) = syntax::key_declaration(declaration).map_err(single)?;
        self.insert_key(name.to_owned(), key_type);
        Ok(())
    }

    fn insert_action(&mut self, name: String, no_resource: bool) {
        if no_resource {
            insert(&mut self.no_resource, name.clone());
        }
        insert(&mut self.actions, name);
    }

    fn insert_key(&mut self, name: String, key_type: Option<&'static str>) {
        if let Some(key_type) = key_type
            && let Err(at) = self
                .key_types
                .binary_search_by(|(n, _)| lower_cmp(n, &name))
        {
            self.key_types.insert(at, (name.clone(), key_type));
        }
        insert(&mut self.keys, name);
    }

    /// Adds every declaration of `other`.
    pub fn extend(&mut self, other: &Extras) {
        for name in &other.actions {
            self.insert_action(name.clone(), other.acts_on_no_resource(name));
        }
        for name in &other.keys {
            self.insert_key(name.clone(), other.key_type(name));
        }
    }

    /// True when nothing is declared.
    #[must_use]
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
    #[must_use]
    pub fn has_action(&self, action: &str) -> bool {
        find(&self.actions, action).is_ok()
    }

    /// Whether the condition key is declared (case-insensitive).
    #[must_use]
    pub fn has_key(&self, key: &str) -> bool {
        find(&self.keys, key).is_ok()
    }

    /// Whether `action` is declared `no-resource` (case-insensitive): its requests name `*`.
    #[must_use]
    pub fn acts_on_no_resource(&self, action: &str) -> bool {
        find(&self.no_resource, action).is_ok()
    }

    /// The declared actions that act on no resource, as written, sorted case-insensitively.
    pub fn no_resource_actions(&self) -> impl Iterator<Item = &str> {
        self.no_resource.iter().map(String::as_str)
    }

    /// The declared type of a condition key (`String`, `ArrayOfString`, ...; the key's name is
    /// case-insensitive), `None` when it is not declared or declared without a type.
    #[must_use]
    pub fn key_type(&self, key: &str) -> Option<&'static str> {
        self.key_types
            .binary_search_by(|(n, _)| lower_cmp(n, key))
            .ok()
            .map(|at| self.key_types[at].1)
    }

    /// Whether an action of the service `prefix` is declared (case-insensitive).
    #[must_use]
    pub fn has_service(&self, prefix: &str) -> bool {
        self.actions.iter().any(|a| {
            a.split_once(':')
                .is_some_and(|(p, _)| p.eq_ignore_ascii_case(prefix))
        })
    }
}

fn single(problem: syntax::Problem) -> ExtrasError {
    ExtrasError {
        line: None,
        message: problem.message,
        help: problem.help,
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

/// Whether the build's extras declare `action` `no-resource`. Asked by the request check only of
/// a request for `*` whose action the catalog does not list as acting on no resource; without
/// `IAM_POLICY_EXTRAS` it reads nothing and allocates nothing.
#[must_use]
pub fn crate_wide_acts_on_no_resource(action: &str) -> bool {
    // The build script refused a `no-resource` declaration of a catalog action (D38).
    !CRATE_WIDE_TEXT.is_empty() && crate_wide().acts_on_no_resource(action)
}

/// Whether a `no-resource` declaration of `action` may hold (decision D38): only for an action
/// the service catalog does not have. The catalog is the reference for the actions it has: the
/// request check already takes `*` for those it lists without resource types, and a declaration
/// must not make `*` pass for one that acts on resources (`ssm:TerminateSession no-resource`).
/// Without the `catalog` feature there is nothing to compare with, and a declaration holds. The
/// build's declarations (`IAM_POLICY_EXTRAS`) are checked by the build script instead, which
/// refuses a `no-resource` declaration of a catalog action.
#[must_use]
pub fn may_act_on_no_resource(action: &str) -> bool {
    #[cfg(feature = "catalog")]
    {
        crate::catalog::catalog().action(action).is_none()
    }
    #[cfg(not(feature = "catalog"))]
    {
        let _ = action;
        true
    }
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
            (
                "newsvc:Do Thing",
                "`Thing` after the extra action `newsvc:Do` is not `no-resource`",
            ),
            (
                "new svc:DoThing",
                "the extra action `new` is not `service:ActionName`",
            ),
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
            "line 2: `actoin` is not a kind of declaration\n  help: write `action newsvc:DoThing` or `key newsvc:DoThing`"
        );
        let error = Extras::parse("action newsvc:Do*\n").unwrap_err();
        assert!(error.message.contains("wildcard"), "{error}");
        assert!(Extras::parse("action\n").is_err());
        assert!(Extras::parse("action a:B c:D\n").is_err());
        assert!(Extras::parse("").unwrap().is_empty());
    }

    /// D38: `no-resource` after an action, a type after a key, in the file and in one name.
    #[test]
    fn declarations_say_no_resource_and_key_types() {
        let extras = Extras::parse(
            "action newsvc:ListThings no-resource # lists\naction newsvc:DoThing\nkey newsvc:Size Numeric\nkey newsvc:Tags arrayofstring\nkey newsvc:Color\n",
        )
        .unwrap();
        assert!(
            extras.has_action("newsvc:ListThings")
                && extras.acts_on_no_resource("NEWSVC:listthings")
        );
        assert!(
            extras.has_action("newsvc:DoThing") && !extras.acts_on_no_resource("newsvc:DoThing")
        );
        assert_eq!(
            extras.no_resource_actions().collect::<Vec<_>>(),
            ["newsvc:ListThings"]
        );
        assert_eq!(extras.key_type("newsvc:size"), Some("Numeric"));
        assert_eq!(extras.key_type("newsvc:Tags"), Some("ArrayOfString"));
        assert_eq!(extras.key_type("newsvc:Color"), None);
        assert!(extras.has_key("newsvc:Color"));

        let mut one = Extras::new();
        one.add_action("newsvc:ListThings no-resource").unwrap();
        one.add_key("newsvc:Size Numeric").unwrap();
        assert!(one.acts_on_no_resource("newsvc:ListThings"));
        assert_eq!(one.key_type("newsvc:Size"), Some("Numeric"));
        // A plain declaration of the same action keeps `no-resource`; `extend` carries both.
        one.add_action("newsvc:ListThings").unwrap();
        let mut merged = Extras::new();
        merged.extend(&one);
        assert!(merged.acts_on_no_resource("newsvc:ListThings"));
        assert_eq!(merged.key_type("newsvc:Size"), Some("Numeric"));

        for (bad, message) in [
            (
                "newsvc:ListThings no-resources",
                "`no-resources` after the extra action `newsvc:ListThings` is not `no-resource`\n  help: write `newsvc:ListThings`, or `newsvc:ListThings no-resource` for an action that acts on no resource",
            ),
            (
                "newsvc:A newsvc:B",
                "`newsvc:B` after the extra action `newsvc:A` is not `no-resource`\n  help: write `newsvc:A`, or `newsvc:A no-resource` for an action that acts on no resource",
            ),
            (
                "newsvc:A no-resource x",
                "the extra action declaration `newsvc:A no-resource x` has more than a name and `no-resource`\n  help: declare one action at a time",
            ),
        ] {
            assert_eq!(
                Extras::new().add_action(bad).unwrap_err().to_string(),
                message
            );
        }
        let error = Extras::new().add_key("newsvc:Size Number").unwrap_err();
        assert_eq!(
            error.message,
            "`Number` after the extra condition key `newsvc:Size` is not a key type"
        );
        assert!(
            error.help.starts_with("write one of `String`, `ARN`,"),
            "{error}"
        );
        let error = Extras::parse("action a:B\naction newsvc:X noresource\n").unwrap_err();
        assert_eq!(error.line, Some(2));
    }

    #[test]
    fn extend_adds_up() {
        let mut a = Extras::parse("action a:X\n").unwrap();
        a.extend(&Extras::parse("action b:Y\nkey b:K\naction A:x\n").unwrap());
        assert_eq!(a.actions().count(), 2);
        assert_eq!(a.keys().collect::<Vec<_>>(), ["b:K"]);
    }
}
