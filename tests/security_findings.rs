//! Access Analyzer's security findings through run-time JSON: `Policy::from_json_with` reports each
//! code of `CODES` (`security_support.rs`, shared with `cli/tests/security_findings.rs`) on the
//! example of its explanation (at the registry's severity: a warning loads, an error rejects), and
//! on each policy of the compile-time cases in `UI` with the very message that `policy!` prints in
//! the `.stderr` beside it.

use iam_policy::codes::{self, Code};
use iam_policy::{Options, Policy, PolicyType, Severity, TextDiagnostic};
use iam_policy_tests::security::{CODES, example_type_name};

/// The compile-time cases: each `.rs` holds `policy!` calls, each after a `// CODE` line.
const UI: &[(&str, &str)] = &[
    (
        include_str!("ui/security/pass_role.rs"),
        include_str!("ui/security/pass_role.stderr"),
    ),
    (
        include_str!("ui/security/create_slr.rs"),
        include_str!("ui/security/create_slr.stderr"),
    ),
    (
        include_str!("ui/security/tag_keys.rs"),
        include_str!("ui/security/tag_keys.stderr"),
    ),
    (
        include_str!("ui/condition/missing_tag_key.rs"),
        include_str!("ui/condition/missing_tag_key.stderr"),
    ),
    (
        include_str!("ui/trust/oidc_conditions.rs"),
        include_str!("ui/trust/oidc_conditions.stderr"),
    ),
    (
        include_str!("ui/trust/roles_anywhere_actions.rs"),
        include_str!("ui/trust/roles_anywhere_actions.stderr"),
    ),
    (
        include_str!("ui/principal/restrict_service_principal.rs"),
        include_str!("ui/principal/restrict_service_principal.stderr"),
    ),
    (
        include_str!("ui/principal/service_principal_keys.rs"),
        include_str!("ui/principal/service_principal_keys.stderr"),
    ),
    (
        include_str!("ui/trust/audience_claim_type.rs"),
        include_str!("ui/trust/audience_claim_type.stderr"),
    ),
];

/// Every finding of `text` read as `policy_type`, whether the policy loads or not.
fn findings(text: &str, policy_type: PolicyType) -> (bool, Vec<TextDiagnostic>) {
    let options = Options::new().with_policy_type(policy_type);
    match Policy::from_json_with(text, &options) {
        Ok(loaded) => (true, loaded.warnings),
        Err(error) => (false, error.diagnostics().to_vec()),
    }
}

/// The policy type of an explanation's example, identity policies by default.
fn example_type(code: Code) -> PolicyType {
    example_type_name(code)
        .map(|name| PolicyType::from_name(name).expect("a known policy type"))
        .unwrap_or_default()
}

#[test]
fn each_example_gets_its_code_at_its_severity() {
    for name in CODES {
        let code = codes::lookup(name).unwrap_or_else(|| panic!("{name} is not declared"));
        let example = code.example().expect("an example");
        let (loaded, found) = findings(example, example_type(code));
        let finding = found
            .iter()
            .find(|d| d.diagnostic.code() == *name)
            .unwrap_or_else(|| panic!("{name}: the example does not get it: {found:#?}"));
        assert_eq!(finding.diagnostic.severity(), code.severity(), "{name}");
        assert_eq!(
            loaded,
            code.severity() != Severity::Error,
            "{name}: a warning loads, an error rejects"
        );
        assert!(finding.diagnostic.help().is_some(), "{name}: no help");
    }
}

/// The `policy!` calls of a ui case: the code on the comment line before each, and its JSON.
fn ui_policies(source: &str) -> Vec<(&str, PolicyType, &str)> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("\n// ") {
        rest = &rest[at + 4..];
        let (code, after) = rest.split_once('\n').expect("a line after the comment");
        let Some(call) = after.strip_prefix("static ") else {
            continue;
        };
        let open = call.find("policy!(").expect("a policy! call") + "policy!(".len();
        let call = &call[open..];
        let (policy_type, body) = match call.strip_prefix("kind = ") {
            Some(kind) => {
                let (name, body) = kind.split_once(", ").expect("`kind = X, {`");
                (PolicyType::from_rust_name(name).expect("a kind"), body)
            }
            None => (PolicyType::default(), call),
        };
        let end = body.find("\n});").expect("the end of the call") + 2;
        out.push((code.trim(), policy_type, &body[..end]));
    }
    out
}

#[test]
fn run_time_messages_are_the_compile_time_ones() {
    let mut seen = Vec::new();
    for (source, stderr) in UI {
        let policies = ui_policies(source);
        assert!(!policies.is_empty());
        for (code, policy_type, json) in policies {
            let (_, found) = findings(json, policy_type);
            let finding = found
                .iter()
                .find(|d| d.diagnostic.code() == code)
                .unwrap_or_else(|| panic!("{code}: not found at run time: {found:#?}"));
            let printed = format!("{} [{code}]", finding.diagnostic.message());
            assert!(
                stderr.contains(&printed),
                "{code}: `{printed}` is not in the .stderr"
            );
            seen.push(code);
        }
    }
    for name in CODES {
        assert!(seen.contains(name), "{name} has no compile-time case");
    }
}
