//! The tag condition keys `aws:RequestTag/...`, `aws:ResourceTag/...` and `aws:TagKeys` against
//! the services of a statement's actions: Access Analyzer's `*_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE`
//! findings, and `MISSING_TAG_KEY_IN_CONDITION` for a tag key written without its tag
//! (docs/semantics.md, decision D33).
//!
//! A request of an action that does not take the key has no value for it, so a positive operator
//! (`StringEquals`, `StringLike`, ... without `IfExists`) is false for it: an `Allow` with that
//! condition never allows the action, a `Deny` never denies it. The first is dead code (a
//! suggestion), the second lets the action through the guardrail (a warning).

use super::condition::takes_key;
use super::{Expansion, expand, list_of};
use crate::catalog::catalog;
use crate::catalog::global_keys::GLOBAL_KEYS;
use crate::catalog::model::Service;
use crate::codes;
use crate::diagnostic::Finding;

/// True for `aws:RequestTag/KEY`, `aws:ResourceTag/KEY` and `aws:TagKeys` (any case), the tag keys
/// that each service supports for some of its actions only.
#[must_use]
pub fn is_service_tag_key(key: &str) -> bool {
    let lower = key.to_ascii_lowercase();
    lower == "aws:tagkeys"
        || ["aws:requesttag/", "aws:resourcetag/"]
            .iter()
            .any(|stem| lower.len() > stem.len() && lower.starts_with(stem))
}

/// How the statement names its actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagActions<'a> {
    /// `Action`, as written.
    Listed(&'a [&'a str]),
    /// `NotAction`: every action but those listed.
    Not,
}

/// The findings for one tag condition key of a statement. `allow` is the statement's effect;
/// `missing_key_holds`, whether the condition is true for a request without the key (then the
/// statement applies to those actions whatever the tags, which is not what these codes are about).
#[must_use]
pub fn check_tag_key_for_services(
    actions: TagActions<'_>,
    key: &str,
    allow: bool,
    missing_key_holds: bool,
) -> Vec<Finding> {
    if missing_key_holds || !is_service_tag_key(key) {
        return Vec::new();
    }
    let listed = match actions {
        TagActions::Not => {
            let (code, outcome, help) = if allow {
                (
                    codes::ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE,
                    "the statement allows only the actions that take it, not every action outside `NotAction`",
                    "list the actions in `Action`, so that the actions the key decides are the ones written",
                )
            } else {
                (
                    codes::DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE,
                    "the statement denies only the actions that take it, and every other action outside `NotAction` goes through",
                    "list the denied actions in `Action`, and deny the actions that do not take the key in a statement without it",
                )
            };
            return vec![
                Finding::new(
                    code,
                    format!("the condition key `{key}` is not in the requests of many services' actions: {outcome}"),
                )
                .with_help(help),
            ];
        }
        TagActions::Listed(listed) => listed,
    };
    let services = services_without_key(listed, key);
    if services.is_empty() {
        return Vec::new();
    }
    let total = services.len();
    let shown: Vec<&str> = services.iter().take(4).copied().collect();
    let names = list_of(&shown, total, 4);
    let (code, outcome, help) = if allow {
        (
            codes::ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE,
            "the condition is never true for them, so the statement never allows them",
            "move these actions to a statement without this condition key",
        )
    } else {
        (
            codes::DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE,
            "the condition is never true for them, so the statement never denies them",
            "move these actions to a statement without this condition key, or deny them by another condition",
        )
    };
    vec![
        Finding::new(
            code,
            format!(
                "the statement's actions of {names} never have the condition key `{key}` in their requests: {outcome}"
            ),
        )
        .with_help(help),
    ]
}

/// The service prefixes of the statement's actions none of which take `key`, in the order the
/// actions name them. `*` stands for every action of every service.
fn services_without_key(listed: &[&str], key: &str) -> Vec<&'static str> {
    let catalog = catalog();
    // Each service with whether one of the statement's actions in it takes the key.
    let mut seen: Vec<(&'static str, bool)> = Vec::new();
    let mut note = |service: Service<'_>, takes: bool| {
        let prefix = service.prefix();
        match seen.iter_mut().find(|(p, _)| *p == prefix) {
            Some(entry) => entry.1 |= takes,
            None => seen.push((prefix, takes)),
        }
    };
    for entry in listed {
        match expand(catalog, entry) {
            Expansion::Anything => {
                for service in catalog.services() {
                    let takes = service.actions().any(|a| takes_key(&a, key));
                    note(service, takes);
                }
            }
            Expansion::Actions(actions) => {
                for action in actions {
                    note(action.service(), takes_key(&action, key));
                }
            }
        }
    }
    seen.into_iter()
        .filter(|(_, takes)| !takes)
        .map(|(prefix, _)| prefix)
        .collect()
}

/// `MISSING_TAG_KEY_IN_CONDITION` for a tag key written without its tag (`aws:ResourceTag`,
/// `aws:RequestTag/`, `ec2:ResourceTag`): the stem of a documented tag template such as
/// `aws:ResourceTag/${TagKey}`.
#[must_use]
pub fn check_missing_tag_key(key: &str) -> Option<Finding> {
    let stem = key.strip_suffix('/').unwrap_or(key);
    if stem.is_empty() || !stem.contains(':') {
        return None;
    }
    let is_stem_of = |template: &str| {
        template
            .split_once("/${")
            .is_some_and(|(head, _)| head.eq_ignore_ascii_case(stem))
    };
    let template = GLOBAL_KEYS
        .iter()
        .map(|k| k.name)
        .chain(catalog().condition_keys().map(|k| k.name()))
        .find(|name| is_stem_of(name))?;
    let spelled = template.split_once("/${").map_or(stem, |(head, _)| head);
    Some(
        Finding::new(
            codes::MISSING_TAG_KEY_IN_CONDITION,
            format!("the condition key `{key}` has no tag key: it must name the tag, as in `{spelled}/TAG-KEY`"),
        )
        .with_help(format!("write `{spelled}/` and the tag's key, such as `{spelled}/project`")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes_of(findings: &[Finding]) -> Vec<&'static str> {
        findings.iter().map(|f| f.code.name()).collect()
    }

    #[test]
    fn the_tag_keys_of_services() {
        for key in ["aws:ResourceTag/team", "AWS:requesttag/x", "aws:TagKeys"] {
            assert!(is_service_tag_key(key), "{key}");
        }
        for key in [
            "aws:PrincipalTag/team",
            "aws:ResourceTag/",
            "ec2:ResourceTag/x",
            "aws:TagKeysX",
        ] {
            assert!(!is_service_tag_key(key), "{key}");
        }
    }

    #[test]
    fn services_whose_actions_do_not_take_the_key_are_named() {
        let f = check_tag_key_for_services(
            TagActions::Listed(&["ec2:StartInstances", "s3:ListAllMyBuckets"]),
            "aws:ResourceTag/team",
            true,
            false,
        );
        assert_eq!(
            codes_of(&f),
            ["ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE"]
        );
        assert!(
            f[0].message
                .starts_with("the statement's actions of `s3` never"),
            "{}",
            f[0].message
        );
        let f = check_tag_key_for_services(
            TagActions::Listed(&["ec2:StartInstances", "s3:ListAllMyBuckets"]),
            "aws:ResourceTag/team",
            false,
            false,
        );
        assert_eq!(
            codes_of(&f),
            ["DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE"]
        );
    }

    #[test]
    fn services_that_take_the_key_are_not_reported() {
        for (actions, key) in [
            (
                &["ec2:StartInstances", "ec2:StopInstances"][..],
                "aws:ResourceTag/team",
            ),
            (
                &["ec2:RunInstances", "ec2:CreateTags"][..],
                "aws:RequestTag/team",
            ),
            (&["ec2:CreateTags"][..], "aws:TagKeys"),
            // One action of the service takes it: the statement's ec2 part is alive.
            (
                &["ec2:StartInstances", "ec2:DescribeInstances"][..],
                "aws:ResourceTag/team",
            ),
            // Unknown actions are the action checks'.
            (&["nosuch:Thing"][..], "aws:ResourceTag/team"),
        ] {
            for allow in [true, false] {
                let f = check_tag_key_for_services(TagActions::Listed(actions), key, allow, false);
                assert!(f.is_empty(), "{actions:?} {key}: {f:?}");
            }
        }
    }

    #[test]
    fn conditions_true_without_the_key_and_other_keys_are_not_reported() {
        let actions = TagActions::Listed(&["s3:ListAllMyBuckets"]);
        assert!(check_tag_key_for_services(actions, "aws:ResourceTag/team", true, true).is_empty());
        assert!(
            check_tag_key_for_services(actions, "aws:PrincipalTag/team", true, false).is_empty()
        );
        assert!(check_tag_key_for_services(actions, "s3:prefix", false, false).is_empty());
    }

    #[test]
    fn not_action_is_reported_by_effect() {
        let f = check_tag_key_for_services(TagActions::Not, "aws:ResourceTag/team", true, false);
        assert_eq!(
            codes_of(&f),
            ["ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE"]
        );
        let f = check_tag_key_for_services(TagActions::Not, "aws:TagKeys", false, false);
        assert_eq!(
            codes_of(&f),
            ["DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE"]
        );
    }

    #[test]
    fn every_action_names_the_services_without_the_key() {
        let f = check_tag_key_for_services(
            TagActions::Listed(&["*"]),
            "aws:ResourceTag/team",
            false,
            false,
        );
        assert_eq!(
            codes_of(&f),
            ["DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE"]
        );
        assert!(f[0].message.contains("more"), "{}", f[0].message);
    }

    #[test]
    fn tag_keys_without_their_tag() {
        for (key, stem) in [
            ("aws:ResourceTag", "aws:ResourceTag"),
            ("aws:requesttag/", "aws:RequestTag"),
            ("aws:PrincipalTag", "aws:PrincipalTag"),
            ("ec2:ResourceTag", "ec2:ResourceTag"),
            ("ssm:resourceTag/", "ssm:resourceTag"),
        ] {
            let f = check_missing_tag_key(key).unwrap_or_else(|| panic!("{key}"));
            assert_eq!(f.code, codes::MISSING_TAG_KEY_IN_CONDITION);
            assert!(
                f.message.contains(&format!("`{stem}/TAG-KEY`")),
                "{}",
                f.message
            );
        }
        for key in [
            "aws:ResourceTag/team",
            "aws:SourceIp",
            "ec2:Region",
            "aws:TagKeys",
            "nosuch",
        ] {
            assert!(check_missing_tag_key(key).is_none(), "{key}");
        }
    }
}
