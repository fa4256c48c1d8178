//! Do the statement's resources and actions fit together? Resource types come from each
//! action's own service (`ssm:StartSession` acts on `ssm`'s `instance` type, whose ARN is an EC2
//! ARN), and ARNs are matched against the types' ARN templates with wildcards and policy variables
//! on the policy side and placeholders on the template side.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use super::{Expansion, expand, full_name, list};
use crate::catalog::arn::{Arn, Fit, TokenizedArn, catalog_template, fit_tokens, is_literal};
use crate::catalog::catalog;
use crate::catalog::model::Action;
use crate::codes;
use crate::diagnostic::Finding;

/// Checks one `Resource` entry against the statement's `Action` entries.
///
/// (A region or account that is no region or account, such as the placeholders `region` and
/// `account-id`, is the syntax checks' `INVALID_ARN_REGION` / `INVALID_ARN_ACCOUNT`: such an entry
/// does not reach this check.)
/// - when no known action of the statement acts on the ARN:
///   - because the ARN has a region (an account) that its resource type never has (IAM, S3
///     buckets): error `ARN_REGION_NOT_ALLOWED` (`ARN_ACCOUNT_NOT_ALLOWED`), as IAM rejects it;
///   - because it lacks a region its type needs: error `MISSING_ARN_REGION`: the ARN names no
///     resource (an empty account is fine: AWS-owned resources such as the `AWS-*` SSM documents
///     have none);
///   - otherwise: warning `RESOURCE_MISMATCH` (the entry grants nothing), with the formats the
///     actions take.
///
/// `*`, values that are not ARNs, statements with `*` or a wildcard service among the actions,
/// and statements whose actions are all unknown get only the region and account checks.
#[must_use]
pub fn check_resource_for_actions(actions: &[&str], resource: &str) -> Vec<Finding> {
    StatementResources::new(actions, &[resource])
        .by_resource
        .pop()
        .unwrap_or_default()
}

/// Checks one `Action` entry against all the statement's `Resource` entries: whether any of them
/// is a resource the action acts on.
///
/// - the action takes only `*` (it has no resource types, like `ssm:ListDocuments`) and no entry
///   is `*`: warning `RESOURCE_WILDCARD_REQUIRED`: the statement does not grant it;
/// - the action acts on resource types that none of the entries matches: warning
///   `ACTION_RESOURCE_MISMATCH`.
///
/// For a wildcard entry (`ssm:Get*`) the finding comes only when none of the actions it covers
/// fits. Unknown actions, `*`, and entries that are not ARNs give no finding.
#[must_use]
pub fn check_action_for_resources(action: &str, resources: &[&str]) -> Vec<Finding> {
    StatementResources::new(&[action], resources)
        .by_action
        .pop()
        .unwrap_or_default()
}

/// Both checks above for a whole statement, computed together so that the cost is linear in the
/// number of entries: each `Action` entry is expanded once, the ARN templates of all its actions
/// are gathered once, and each `Resource` entry is compared only with the templates of its own
/// service. (Checking each resource against every action entry was quadratic: 2,000 actions and
/// 2,000 resources took a minute.)
#[derive(Debug, Default)]
pub struct StatementResources {
    /// The findings of each `Resource` entry, in order.
    pub by_resource: Vec<Vec<Finding>>,
    /// The findings of each `Action` entry, in order.
    pub by_action: Vec<Vec<Finding>>,
}

impl StatementResources {
    /// Checks each of the statement's `Resource` entries against the resource types its actions
    /// take, and each action against the resources.
    pub fn new(actions: &[&str], resources: &[&str]) -> StatementResources {
        // Only ARN entries are judged, and an action only when every entry is an ARN: with none,
        // there is nothing to expand (most `"Resource": "*"` statements, such as those of
        // `ReadOnlyAccess`, stop here).
        if !resources.iter().any(|r| Arn::parse(r).is_some()) {
            return StatementResources {
                by_resource: vec![Vec::new(); resources.len()],
                by_action: vec![Vec::new(); actions.len()],
            };
        }
        let catalog = catalog();
        let expansions: Vec<Expansion<'_>> = actions.iter().map(|a| expand(catalog, a)).collect();
        // Every template of every known action, each once, in first-seen order (for messages),
        // and indexed by the service of its ARN.
        let mut formats: Vec<&'static str> = Vec::new();
        let mut seen: HashSet<&'static str> = HashSet::new();
        for expansion in &expansions {
            if let Expansion::Actions(covered) = expansion {
                for template in covered.iter().flat_map(templates) {
                    if seen.insert(template) {
                        formats.push(template);
                    }
                }
            }
        }
        // Each template is split and tokenized once per process (or, for one the catalog does
        // not hold, when a resource is first compared with it).
        let own: Vec<OnceCell<Option<TokenizedArn<'static>>>> =
            formats.iter().map(|_| OnceCell::new()).collect();
        let tokenized = |index: usize| {
            catalog_template(formats[index]).or_else(|| {
                own[index]
                    .get_or_init(|| Arn::parse(formats[index]).map(TokenizedArn::template))
                    .as_ref()
            })
        };
        let mut by_service: HashMap<String, Vec<usize>> = HashMap::new();
        let mut any_service: Vec<usize> = Vec::new();
        for (index, &template) in formats.iter().enumerate() {
            match Arn::parse(template) {
                Some(t) if is_literal(t.service) => by_service
                    .entry(t.service.to_ascii_lowercase())
                    .or_default()
                    .push(index),
                _ => any_service.push(index),
            }
        }
        let all_formats: Vec<usize> = (0..formats.len()).collect();
        let anything = expansions.iter().any(|e| matches!(e, Expansion::Anything));
        let known_any = expansions
            .iter()
            .any(|e| matches!(e, Expansion::Actions(covered) if !covered.is_empty()));
        let judge_resources = !anything && known_any;

        // Templates some entry fits (its region or account aside): the actions acting on them
        // are granted something.
        let mut acted_on: HashSet<&'static str> = HashSet::new();
        let mut all_arns = true;
        let mut by_resource = Vec::with_capacity(resources.len());
        for resource in resources {
            let Some(arn) = Arn::parse(resource) else {
                all_arns = false;
                by_resource.push(Vec::new());
                continue;
            };
            let candidates: Box<dyn Iterator<Item = &usize>> = if is_literal(arn.service) {
                let same = by_service
                    .get(&arn.service.to_ascii_lowercase())
                    .map_or(&[][..], Vec::as_slice);
                Box::new(same.iter().chain(&any_service))
            } else {
                Box::new(all_formats.iter())
            };
            let policy = TokenizedArn::policy(arn);
            let mut fits = Vec::new();
            for &index in candidates {
                crate::work::add(crate::work::Counter::ResourceFits, 1);
                let f = tokenized(index).map_or(Fit::Other, |t| fit_tokens(&policy, t));
                if f != Fit::Other {
                    acted_on.insert(formats[index]);
                }
                fits.push(f);
            }
            // What IAM rejects in an IAM ARN whatever the actions is the syntax checks' finding.
            let iam_rejected = !crate::validate::resource::iam_resource_problems(
                arn.service,
                arn.region,
                arn.resource,
                resource,
            )
            .is_empty();
            let findings = if judge_resources && !iam_rejected && !fits.contains(&Fit::Matches) {
                vec![mismatch(&arn, resource, &formats, &fits)]
            } else {
                Vec::new()
            };
            by_resource.push(findings);
        }
        let by_action = expansions
            .iter()
            .zip(actions)
            .map(|(expansion, action)| match expansion {
                Expansion::Actions(covered)
                    if !covered.is_empty() && !resources.is_empty() && all_arns =>
                {
                    let acts_on = |a: &Action<'_>| templates(a).any(|t| acted_on.contains(t));
                    if covered.iter().any(acts_on) {
                        Vec::new()
                    } else {
                        action_mismatch(action, covered)
                    }
                }
                _ => Vec::new(),
            })
            .collect();
        StatementResources {
            by_resource,
            by_action,
        }
    }
}

/// The finding for an ARN that no action of the statement acts on. `fits` are the ARN's fits to
/// the templates of its service; `formats`, every template of the statement's actions.
fn mismatch(arn: &Arn<'_>, resource: &str, formats: &[&str], fits: &[Fit]) -> Finding {
    let service = arn.service;
    if fits.contains(&Fit::RegionNotAllowed) {
        return Finding::new(
            codes::ARN_REGION_NOT_ALLOWED,
            format!("the service `{service}` does not support specifying a region in the resource ARN `{resource}`"),
        )
        .with_help(format!("remove the region `{}`", arn.region));
    }
    if fits.contains(&Fit::AccountNotAllowed) {
        return Finding::new(
            codes::ARN_ACCOUNT_NOT_ALLOWED,
            format!("the service `{service}` does not support specifying an account ID in the resource ARN `{resource}`"),
        )
        .with_help(format!("remove the account ID `{}`", arn.account));
    }
    if fits.contains(&Fit::RegionMissing) {
        return Finding::new(
            codes::MISSING_ARN_REGION,
            format!(
                "the resource ARN `{resource}` has no region, which `{service}` resources need"
            ),
        )
        .with_help("add a region such as `us-east-1`, or `*` for any region");
    }
    let message = if formats.is_empty() {
        format!(
            "the statement's actions take only `\"Resource\": \"*\"`, so `{resource}` grants nothing"
        )
    } else {
        format!("no action of the statement acts on `{resource}`")
    };
    let finding = Finding::new(codes::RESOURCE_MISMATCH, message);
    if formats.is_empty() {
        finding.with_help("use `\"Resource\": \"*\"` for these actions")
    } else {
        finding.with_help(format!(
            "the actions take resources such as {}",
            list(formats, 3)
        ))
    }
}

/// The finding for an action entry that acts on none of the statement's resources.
fn action_mismatch(action: &str, covered: &[Action<'_>]) -> Vec<Finding> {
    if covered.iter().all(|a| a.resource_types().next().is_none()) {
        let what = if covered.len() == 1 {
            "action"
        } else {
            "actions"
        };
        let message = format!(
            "the {what} `{action}` take{} only `\"Resource\": \"*\"`, so this statement does not grant {}",
            if covered.len() == 1 { "s" } else { "" },
            if covered.len() == 1 { "it" } else { "them" },
        );
        return vec![
            Finding::new(codes::RESOURCE_WILDCARD_REQUIRED, message)
                .with_help("move the action to a statement with `\"Resource\": \"*\"`"),
        ];
    }
    let mut types: Vec<String> = Vec::new();
    let mut seen_types: HashSet<&str> = HashSet::new();
    for a in covered {
        for (t, _) in a.resource_types() {
            if seen_types.insert(t.name()) {
                types.push(t.name().to_owned());
            }
        }
    }
    let name = match covered {
        [only] => full_name(only),
        _ => action.to_owned(),
    };
    let message = format!("none of the statement's resources is one that `{name}` acts on");
    let mut unique: Vec<&str> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for f in covered.iter().flat_map(templates) {
        if seen.insert(f) {
            unique.push(f);
        }
    }
    vec![
        Finding::new(codes::ACTION_RESOURCE_MISMATCH, message).with_help(format!(
            "it acts on {} ({})",
            list(&types, 3),
            list(&unique, 2)
        )),
    ]
}

/// All ARN templates of all resource types an action acts on.
fn templates<'c>(action: &Action<'c>) -> impl Iterator<Item = &'static str> + use<'c> {
    action.resource_types().flat_map(|(t, _)| t.arn_templates())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn codes(findings: &[Finding]) -> Vec<&'static str> {
        findings.iter().map(|f| f.code.name()).collect()
    }

    #[test]
    fn ssm_instance_is_an_ec2_arn() {
        let r = "arn:aws:ec2:us-east-2:123456789012:instance/i-1234567890EXAMPLE";
        assert_eq!(check_resource_for_actions(&["ssm:StartSession"], r), []);
        assert_eq!(
            check_resource_for_actions(&["ssm:StartSession"], "arn:aws:ec2:*:*:instance/*"),
            []
        );
        assert_eq!(check_action_for_resources("ssm:StartSession", &[r]), []);
    }

    #[test]
    fn session_arn_with_a_variable() {
        let r = "arn:aws:ssm:*:*:session/${aws:username}-*";
        assert_eq!(
            check_resource_for_actions(&["ssm:TerminateSession", "ssm:ResumeSession"], r),
            []
        );
        assert_eq!(check_action_for_resources("ssm:TerminateSession", &[r]), []);
    }

    #[test]
    fn list_documents_takes_only_a_wildcard() {
        // The ex0 seed with a real region and account (its placeholders are the syntax checks').
        let r = "arn:aws:ssm:us-east-1:123456789012:document/SessionDocument-*";
        let actions = ["ssm:GetDocument", "ssm:ListDocuments"];
        assert_eq!(check_resource_for_actions(&actions, r), []);
        assert_eq!(check_action_for_resources("ssm:GetDocument", &[r]), []);
        let list = check_action_for_resources("ssm:ListDocuments", &[r]);
        assert_eq!(codes(&list), ["RESOURCE_WILDCARD_REQUIRED"]);
        assert_eq!(
            list[0].message,
            "the action `ssm:ListDocuments` takes only `\"Resource\": \"*\"`, so this statement does not grant it"
        );
        assert_eq!(list[0].severity(), Severity::Warning);
        assert_eq!(
            check_action_for_resources("ssm:ListDocuments", &[r, "*"]),
            []
        );
    }

    #[test]
    fn wrong_resource_type() {
        let r = "arn:aws:ec2:us-east-1:123456789012:instance/i-1";
        let findings = check_resource_for_actions(&["ssm:TerminateSession"], r);
        assert_eq!(codes(&findings), ["RESOURCE_MISMATCH"]);
        assert_eq!(
            findings[0].message,
            format!("no action of the statement acts on `{r}`")
        );
        assert_eq!(
            findings[0].help.as_deref(),
            Some(
                "the actions take resources such as `arn:${Partition}:ssm:${Region}:${Account}:session/${SessionId}`"
            )
        );
        let by_action = check_action_for_resources("ssm:TerminateSession", &[r]);
        assert_eq!(codes(&by_action), ["ACTION_RESOURCE_MISMATCH"]);
        assert_eq!(
            by_action[0].message,
            "none of the statement's resources is one that `ssm:TerminateSession` acts on"
        );
        let only_star = check_resource_for_actions(&["ssm:DescribeSessions"], r);
        assert_eq!(
            only_star[0].message,
            format!(
                "the statement's actions take only `\"Resource\": \"*\"`, so `{r}` grants nothing"
            )
        );
    }

    #[test]
    fn region_and_account_rules() {
        let f = check_resource_for_actions(&["s3:GetObject"], "arn:aws:s3:us-east-1::bucket/*");
        assert_eq!(codes(&f), ["ARN_REGION_NOT_ALLOWED"]);
        assert_eq!(
            f[0].message,
            "the service `s3` does not support specifying a region in the resource ARN `arn:aws:s3:us-east-1::bucket/*`"
        );
        // An IAM ARN that IAM rejects whatever the actions is the syntax checks' finding, not
        // said a second time here.
        for arn in [
            "arn:aws:iam:us-east-1:123456789012:role/x",
            "arn:aws:iam:::example_bucket",
        ] {
            assert_eq!(check_resource_for_actions(&["iam:GetRole"], arn), []);
        }
        let f = check_resource_for_actions(&["s3:ListBucket"], "arn:aws:s3::123456789012:bucket");
        assert_eq!(codes(&f), ["ARN_ACCOUNT_NOT_ALLOWED"]);
        let f = check_resource_for_actions(&["s3:GetObject"], "arn:aws:s3:::bucket/*");
        assert_eq!(f, []);
        let f = check_resource_for_actions(&["sqs:SendMessage"], "arn:aws:sqs::123456789012:queue");
        assert_eq!(codes(&f), ["MISSING_ARN_REGION"]);
        assert_eq!(
            check_resource_for_actions(
                &["iam:GetPolicy"],
                "arn:aws:iam::aws:policy/ReadOnlyAccess"
            ),
            []
        );
    }

    #[test]
    fn nothing_to_judge() {
        let r = "arn:aws:ec2:us-east-1:123456789012:instance/i-1";
        assert_eq!(check_resource_for_actions(&["*"], r), []);
        assert_eq!(check_resource_for_actions(&["ssmx:Foo"], r), []);
        assert_eq!(
            check_resource_for_actions(&["ssm:TerminateSession"], "*"),
            []
        );
        assert_eq!(
            check_resource_for_actions(&["ssm:TerminateSession"], ""),
            []
        );
        assert_eq!(check_action_for_resources("*", &[r]), []);
        assert_eq!(
            check_action_for_resources("ssm:TerminateSession", &["", r]),
            []
        );
    }

    #[test]
    fn wildcard_actions() {
        let r = "arn:aws:ssm:us-east-1:123456789012:document/x";
        assert_eq!(check_resource_for_actions(&["ssm:Get*"], r), []);
        assert_eq!(check_action_for_resources("ssm:Get*", &[r]), []);
        assert_eq!(
            codes(&check_action_for_resources("ssm:DescribeSess*", &[r])),
            ["RESOURCE_WILDCARD_REQUIRED"]
        );
    }
}
