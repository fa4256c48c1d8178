//! `check_condition_key`: does a condition key exist, and do the statement's actions use it?

use super::action::is_retired;
use super::{expand_all, full_name, list, list_of, suggest_key};
use crate::catalog::catalog;
use crate::catalog::global_keys::{GLOBAL_KEYS, global_key, is_global_prefix};
use crate::catalog::model::Action;
use crate::codes;
use crate::diagnostic::Finding;

/// Checks one condition key against the statement's `Action` entries. Keys compare
/// case-insensitively.
///
/// - unknown `aws:` key: error `INVALID_GLOBAL_CONDITION_KEY`, with the closest key;
/// - `aws:ARN`: warning `DEPRECATED_GLOBAL_CONDITION_KEY`;
/// - unknown service key: error `INVALID_SERVICE_CONDITION_KEY`, with the closest key of that
///   service (keys of identity providers, whose prefix is a host name such as
///   `oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE`, cannot be known and pass);
/// - a service key that none of the statement's known actions supports, through its own keys or
///   those of its resource types: error `UNSUPPORTED_ACTION_FOR_CONDITION_KEY` (the condition is
///   never true for them). A key that its service documents but attaches to no action counts as
///   supported by that service's actions, since the reference is silent. Keys of retired
///   services pass (their actions are already reported). Global keys and the cross-service keys of the AWS global-keys page
///   are supported by every action.
///
/// Keys without a `prefix:` are the syntax checks'.
#[must_use]
pub fn check_condition_key(actions: &[&str], key: &str) -> Vec<Finding> {
    check_condition_key_expanded(actions, &ExpandedActions::new(actions), key)
}

/// A statement's `Action` entries expanded into the catalog's actions once, for checking each of
/// its condition keys without expanding them again (which made the checks quadratic).
#[derive(Clone, Debug)]
pub struct ExpandedActions(Option<Vec<Action<'static>>>);

impl ExpandedActions {
    /// Expands the statement's `Action` entries (wildcards included) against the catalog.
    #[must_use]
    pub fn new(actions: &[&str]) -> ExpandedActions {
        ExpandedActions(expand_all(catalog(), actions))
    }
}

/// [`check_condition_key`] with the actions already expanded.
#[must_use]
pub fn check_condition_key_expanded(
    actions: &[&str],
    expanded: &ExpandedActions,
    key: &str,
) -> Vec<Finding> {
    let Some((prefix, rest)) = key.split_once(':') else {
        return Vec::new();
    };
    if prefix.is_empty() || rest.is_empty() {
        return Vec::new();
    }
    if is_global_prefix(key) {
        return check_global(key);
    }
    if global_key(key).is_some() {
        return Vec::new();
    }
    let catalog = catalog();
    if catalog.condition_key(key).is_none() {
        return unknown_service_key(key, prefix);
    }
    let Some(known) = &expanded.0 else {
        return Vec::new();
    };
    if known.is_empty()
        || known
            .iter()
            .any(|a| a.supports_key(key) || unattached(a, key) || attached_elsewhere(a, key))
    {
        return Vec::new();
    }
    // `list` shows three names and counts the rest.
    let names: Vec<&str> = actions.iter().take(3).copied().collect();
    let mut finding = Finding::new(
        codes::UNSUPPORTED_ACTION_FOR_CONDITION_KEY,
        if actions.len() == 1 {
            format!(
                "the condition key `{key}` is not supported by the action {}, so the condition is never true for it",
                list_of(&names, actions.len(), 3)
            )
        } else {
            format!(
                "the condition key `{key}` is not supported by the actions {}, so the condition is never true for them",
                list_of(&names, actions.len(), 3)
            )
        },
    );
    // For one action, say which keys of the same prefix it takes instead.
    if let [action] = known.as_slice() {
        let same_prefix: Vec<&str> = action
            .condition_keys()
            .chain(
                action
                    .resource_types()
                    .flat_map(|(t, _)| t.condition_keys()),
            )
            .map(|k| k.name())
            .filter(|k| {
                k.split_once(':')
                    .is_some_and(|(p, _)| p.eq_ignore_ascii_case(prefix))
            })
            .fold(Vec::new(), |mut acc, k| {
                if !acc.contains(&k) {
                    acc.push(k);
                }
                acc
            });
        if !same_prefix.is_empty() {
            finding = finding.with_help(format!(
                "`{}` supports {}",
                full_name(action),
                list(&same_prefix, 4)
            ));
            return vec![finding];
        }
    }
    vec![finding.with_help("move these actions to a statement without this condition key")]
}

/// Whether an action's requests carry `key`: the action supports it (its own keys or its resource
/// types'), or the reference leaves it open ([`unattached`], [`ATTACHED_ELSEWHERE`]).
pub(super) fn takes_key(action: &Action<'_>, key: &str) -> bool {
    action.supports_key(key) || unattached(action, key) || attached_elsewhere(action, key)
}

/// A service condition key that some of the statement's actions support and some of its literal
/// `Action` entries (no wildcard) do not: the key is never in the requests of those, so the
/// condition decides them the same way whatever the request. Warning
/// `CONDITION_KEY_UNSUPPORTED_BY_SOME_ACTIONS`, naming them (`s3:max-keys` with `s3:GetObject`
/// and `s3:ListBucket`: only `s3:ListBucket` takes it).
///
/// `missing_key_holds` is what the condition is for a request without the key (false for
/// `StringEquals`, true for `...IfExists` and the negated operators); `allow`, the statement's
/// effect. Entries with a wildcard are left out: `s3:Get*` under an `s3:` key means "those that
/// take it". When no action takes the key, [`check_condition_key`] reports it.
pub fn check_key_for_each_action(
    actions: &[&str],
    expanded: &ExpandedActions,
    key: &str,
    missing_key_holds: bool,
    allow: bool,
) -> Vec<Finding> {
    let Some(known) = &expanded.0 else {
        return Vec::new();
    };
    if is_global_prefix(key) || global_key(key).is_some() || catalog().condition_key(key).is_none()
    {
        return Vec::new();
    }
    let takers: Vec<String> = known
        .iter()
        .filter(|a| takes_key(a, key))
        .map(full_name)
        .collect();
    if takers.is_empty() {
        return Vec::new();
    }
    let mut lacking: Vec<String> = Vec::new();
    for entry in actions.iter().filter(|a| !a.contains(['*', '?'])) {
        if let super::Expansion::Actions(covered) = super::expand(catalog(), entry) {
            for action in covered.iter().filter(|a| !takes_key(a, key)) {
                let name = full_name(action);
                if !lacking.contains(&name) {
                    lacking.push(name);
                }
            }
        }
    }
    if lacking.is_empty() {
        return Vec::new();
    }
    let names: Vec<&str> = lacking.iter().map(String::as_str).collect();
    let them = if names.len() == 1 { "it" } else { "them" };
    let outcome = match (missing_key_holds, allow) {
        (false, true) => {
            format!("the condition is never true for {them}, so the statement never allows {them}")
        }
        (false, false) => {
            format!("the condition is never true for {them}, so the statement never denies {them}")
        }
        (true, true) => format!(
            "the condition is always true for {them}, so the statement allows {them} whatever the key's value"
        ),
        (true, false) => format!(
            "the condition is always true for {them}, so the statement denies {them} whatever the key's value"
        ),
    };
    let taker_names: Vec<&str> = takers.iter().map(String::as_str).collect();
    vec![
        Finding::new(
            codes::CONDITION_KEY_UNSUPPORTED_BY_SOME_ACTIONS,
            format!(
                "the condition key `{key}` is not in the requests of {}: {outcome}",
                list(&names, 3)
            ),
        )
        .with_help(format!(
            "only {} of the statement's actions take `{key}`: move the others to a statement without this condition",
            list(&taker_names, 3)
        )),
    ]
}

/// (action, key) pairs that work although the Service Authorization Reference does not attach the
/// key to the action: AWS documents them elsewhere (the Bedrock user guide grants
/// `aws-marketplace:Subscribe` on `aws-marketplace:ProductId` to pick the models one may use).
const ATTACHED_ELSEWHERE: &[(&str, &str)] = &[
    ("aws-marketplace:Subscribe", "aws-marketplace:ProductId"),
    ("aws-marketplace:Unsubscribe", "aws-marketplace:ProductId"),
    (
        "aws-marketplace:ViewSubscriptions",
        "aws-marketplace:ProductId",
    ),
];

fn attached_elsewhere(action: &Action<'_>, key: &str) -> bool {
    let name = full_name(action);
    ATTACHED_ELSEWHERE
        .iter()
        .any(|(a, k)| a.eq_ignore_ascii_case(&name) && k.eq_ignore_ascii_case(key))
}

/// Whether `key` is a key that the action's service documents but attaches to none of its actions
/// or resource types (`aws-marketplace:ProductId`, used with `aws-marketplace:Subscribe`): the
/// reference does not say which actions take it, so it is given the benefit of the doubt.
fn unattached(action: &Action<'_>, key: &str) -> bool {
    let service = action.service();
    service.condition_key(key).is_some()
        && !service
            .actions()
            .any(|a| a.condition_keys().any(|k| k.matches(key)))
        && !service
            .resource_types()
            .any(|t| t.condition_keys().any(|k| k.matches(key)))
}

fn check_global(key: &str) -> Vec<Finding> {
    match global_key(key) {
        Some(global) if global.deprecated => {
            let mut finding = Finding::new(
                codes::DEPRECATED_GLOBAL_CONDITION_KEY,
                format!("the condition key `{key}` is deprecated"),
            );
            if let Some(replacement) = global.replacement() {
                finding = finding.with_help(format!("use `{replacement}` instead"));
            }
            vec![finding]
        }
        Some(_) => Vec::new(),
        None => {
            if let Some(finding) = super::tag_keys::check_missing_tag_key(key) {
                return vec![finding];
            }
            let mut finding = Finding::new(
                codes::INVALID_GLOBAL_CONDITION_KEY,
                format!("the condition key `{key}` does not exist"),
            );
            if let Some(best) = suggest_key(key, GLOBAL_KEYS.iter().map(|k| k.name)) {
                finding = finding.with_help(format!("did you mean `{best}`?"));
            }
            vec![finding]
        }
    }
}

fn unknown_service_key(key: &str, prefix: &str) -> Vec<Finding> {
    if prefix.contains(['.', '/']) || is_retired(prefix) {
        return Vec::new();
    }
    if let Some(finding) = super::tag_keys::check_missing_tag_key(key) {
        return vec![finding];
    }
    let catalog = catalog();
    let mut finding = Finding::new(
        codes::INVALID_SERVICE_CONDITION_KEY,
        format!("the condition key `{key}` does not exist in the service `{prefix}`"),
    );
    let same_prefix: Vec<&str> = match catalog.service(prefix) {
        Some(service) => service
            .condition_keys()
            .map(|k| k.name())
            .filter(|k| {
                k.split_once(':')
                    .is_some_and(|(p, _)| p.eq_ignore_ascii_case(prefix))
            })
            .collect(),
        None => catalog
            .condition_keys()
            .map(|k| k.name())
            .filter(|k| {
                k.split_once(':')
                    .is_some_and(|(p, _)| p.eq_ignore_ascii_case(prefix))
            })
            .collect(),
    };
    let help = if same_prefix.is_empty() {
        // No service, and no key of any service, has this prefix: the service itself is unknown.
        if catalog.service(prefix).is_none() {
            finding = Finding::new(
                codes::INVALID_SERVICE,
                format!("the service `{prefix}` of the condition key `{key}` does not exist"),
            );
        }
        crate::suggest::closest(prefix, catalog.services().map(|s| s.prefix()))
            .map(|best| format!("did you mean the service `{best}`?"))
    } else {
        suggest_key(key, same_prefix).map(|best| format!("did you mean `{best}`?"))
    };
    let newer = crate::catalog::newer_than_snapshot("key", key);
    finding = finding.with_help(match help {
        Some(help) => format!("{help} {newer}"),
        None => newer,
    });
    vec![finding]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(actions: &[&str], key: &str, missing_key_holds: bool, allow: bool) -> Vec<Finding> {
        check_key_for_each_action(
            actions,
            &ExpandedActions::new(actions),
            key,
            missing_key_holds,
            allow,
        )
    }

    #[test]
    fn a_key_only_some_actions_take_names_the_others() {
        let f = some(
            &["s3:GetObject", "s3:ListBucket"],
            "s3:max-keys",
            false,
            true,
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, "CONDITION_KEY_UNSUPPORTED_BY_SOME_ACTIONS");
        assert_eq!(
            f[0].message,
            "the condition key `s3:max-keys` is not in the requests of `s3:GetObject`: the condition is never true for it, so the statement never allows it"
        );
        assert_eq!(
            f[0].help.as_deref(),
            Some(
                "only `s3:ListBucket` of the statement's actions take `s3:max-keys`: move the others to a statement without this condition"
            )
        );
        // Under `...IfExists` or a negated operator the condition is always true for them.
        let f = some(
            &["s3:GetObject", "s3:ListBucket"],
            "s3:max-keys",
            true,
            false,
        );
        assert!(
            f[0].message
                .ends_with("so the statement denies it whatever the key's value"),
            "{}",
            f[0].message
        );
        // Every action takes it, none does (`UNSUPPORTED_ACTION_FOR_CONDITION_KEY`), a wildcard
        // entry, a global key: nothing.
        assert_eq!(some(&["s3:ListBucket"], "s3:max-keys", false, true), []);
        assert_eq!(some(&["s3:GetObject"], "s3:max-keys", false, true), []);
        assert_eq!(
            some(&["s3:Get*", "s3:ListBucket"], "s3:max-keys", false, true),
            []
        );
        assert_eq!(
            some(
                &["s3:GetObject", "s3:ListBucket"],
                "aws:username",
                false,
                true
            ),
            []
        );
    }
    use crate::diagnostic::Severity;

    fn one(actions: &[&str], key: &str) -> Finding {
        let mut findings = check_condition_key(actions, key);
        assert_eq!(findings.len(), 1, "{key}: {findings:?}");
        findings.remove(0)
    }

    #[test]
    fn seed_keys_pass() {
        let start = ["ssm:StartSession"];
        assert_eq!(check_condition_key(&start, "ssm:resourceTag/Finance"), []);
        assert_eq!(check_condition_key(&start, "ssm:resourceTag/tag-key1"), []);
        let terminate = ["ssm:TerminateSession"];
        for key in [
            "ssm:resourceTag/aws:ssmmessages:target-id",
            "ssm:resourceTag/aws:ssmmessages:session-id",
            "SSM:ResourceTag/AWS:SSMMESSAGES:SESSION-ID",
            "aws:username",
            "aws:PrincipalTag/team",
            "ec2:SourceInstanceARN",
        ] {
            assert_eq!(check_condition_key(&terminate, key), [], "{key}");
        }
    }

    #[test]
    fn resource_tag_on_terminate_session_is_unsupported() {
        let f = one(&["ssm:TerminateSession"], "ssm:resourceTag/Finance");
        assert_eq!(f.code, "UNSUPPORTED_ACTION_FOR_CONDITION_KEY");
        assert_eq!(f.severity(), Severity::Error);
        assert_eq!(
            f.message,
            "the condition key `ssm:resourceTag/Finance` is not supported by the action `ssm:TerminateSession`, so the condition is never true for it"
        );
        assert_eq!(
            f.help.as_deref(),
            Some(
                "`ssm:TerminateSession` supports `ssm:resourceTag/aws:ssmmessages:session-id`, `ssm:resourceTag/aws:ssmmessages:target-id`"
            )
        );
        // One supporting action is enough.
        assert_eq!(
            check_condition_key(
                &["ssm:TerminateSession", "ssm:StartSession"],
                "ssm:resourceTag/Finance"
            ),
            []
        );
    }

    #[test]
    fn keys_of_other_services_are_unsupported() {
        let f = one(
            &["ssm:TerminateSession", "ssm:ResumeSession"],
            "ec2:InstanceType",
        );
        assert_eq!(f.code, "UNSUPPORTED_ACTION_FOR_CONDITION_KEY");
        assert_eq!(
            f.help.as_deref(),
            Some("move these actions to a statement without this condition key")
        );
        assert_eq!(
            check_condition_key(&["ec2:RunInstances"], "ec2:InstanceType"),
            []
        );
        assert_eq!(check_condition_key(&["ec2:Run*"], "ec2:InstanceType"), []);
        assert_eq!(check_condition_key(&["*"], "ec2:InstanceType"), []);
        assert_eq!(check_condition_key(&["ssmx:Foo"], "ec2:InstanceType"), []);
        // Attached to Subscribe by the Bedrock user guide, not by the reference.
        assert_eq!(
            check_condition_key(&["aws-marketplace:Subscribe"], "aws-marketplace:ProductId"),
            []
        );
        // Documented by iottwinmaker but attached to none of its actions.
        assert_eq!(
            check_condition_key(
                &["iottwinmaker:GetWorkspace"],
                "iottwinmaker:linkedServices"
            ),
            []
        );
        assert_eq!(
            one(&["ssm:StartSession"], "aws-marketplace:ProductId").code,
            "UNSUPPORTED_ACTION_FOR_CONDITION_KEY"
        );
    }

    #[test]
    fn unknown_global_key() {
        let f = one(&["ssm:StartSession"], "aws:usrname");
        assert_eq!(f.code, "INVALID_GLOBAL_CONDITION_KEY");
        assert_eq!(f.severity(), Severity::Error);
        assert_eq!(f.message, "the condition key `aws:usrname` does not exist");
        assert_eq!(f.help.as_deref(), Some("did you mean `aws:username`?"));
        let f = one(&[], "aws:PrincipalTags/team");
        assert_eq!(
            f.help.as_deref(),
            Some("did you mean `aws:PrincipalTag/team`?")
        );
        assert_eq!(one(&[], "aws:FooBar").help, None);
    }

    #[test]
    fn keys_valid_across_services_pass_with_any_action() {
        for key in [
            "aws:SourceOwner",
            "AWS:SourceOwner",
            "codebuild:buildArn",
            "codebuild:projectArn",
            "ec2:SourceInstanceARN",
        ] {
            assert!(
                check_condition_key(&["s3:GetObject", "sns:Publish"], key).is_empty(),
                "{key}"
            );
        }
        let f = one(&["sns:Publish"], "aws:SourceAcount");
        assert_eq!(f.code, "INVALID_GLOBAL_CONDITION_KEY");
        assert_eq!(f.help.as_deref(), Some("did you mean `aws:SourceAccount`?"));
        let f = one(&["sns:Publish"], "aws:SourceOwnr");
        assert_eq!(f.help.as_deref(), Some("did you mean `aws:SourceOwner`?"));
    }

    #[test]
    fn deprecated_global_key() {
        let f = one(&[], "aws:ARN");
        assert_eq!(f.code, "DEPRECATED_GLOBAL_CONDITION_KEY");
        assert_eq!(f.severity(), Severity::Warning);
        assert_eq!(f.message, "the condition key `aws:ARN` is deprecated");
        assert_eq!(f.help.as_deref(), Some("use `aws:PrincipalArn` instead"));
    }

    #[test]
    fn unknown_service_key() {
        let f = one(&["ssm:StartSession"], "ssm:resourceTags/Finance");
        assert_eq!(f.code, "INVALID_SERVICE_CONDITION_KEY");
        assert_eq!(
            f.message,
            "the condition key `ssm:resourceTags/Finance` does not exist in the service `ssm`"
        );
        // The did-you-mean, then the catalog's release and how to declare a newer key.
        assert_eq!(
            f.help.as_deref().unwrap(),
            format!(
                "did you mean `ssm:resourceTag/Finance`? if AWS released `ssm:resourceTags/Finance` after the action catalog ({}), declare it as an extra key (`extra_keys = [\"ssm:resourceTags/Finance\"]` in `policy!`, `Options::extras`, `--extra-key`)",
                crate::catalog::snapshot()
            )
        );
        let f = one(&[], "ssmx:Foo");
        assert!(
            f.help
                .unwrap()
                .starts_with("did you mean the service `ssm`? if AWS released `ssmx:Foo` after")
        );
        assert_eq!(
            one(&[], "lakeformation:GlueARN").code,
            "INVALID_SERVICE_CONDITION_KEY"
        );
        assert_eq!(
            check_condition_key(&[], "oidc.eks.us-east-1.amazonaws.com/id/X:sub"),
            []
        );
        assert_eq!(
            check_condition_key(&["sts:AssumeRoleWithSAML"], "saml:aud"),
            []
        );
        assert_eq!(
            check_condition_key(&["deepracer:*"], "deepracer:UserToken"),
            []
        );
        assert_eq!(check_condition_key(&[], "nocolon"), []);
    }
}
