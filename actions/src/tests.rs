//! The generated constants against the catalog they were generated from. Hand-written: the
//! generator keeps this file.

use super::*;

#[test]
fn constants_are_the_action_names() {
    assert_eq!(ssm::StartSession, "ssm:StartSession");
    assert_eq!(ssm::TerminateSession, "ssm:TerminateSession");
    assert_eq!(s3::GetObject, "s3:GetObject");
    assert_eq!(ec2::RunInstances, "ec2:RunInstances");
    assert_eq!(iam::PassRole, "iam:PassRole");
    assert_eq!(cognito_idp::AdminCreateUser, "cognito-idp:AdminCreateUser");
    assert_eq!(
        a2c::GetContainerizationJobDetails,
        "a2c:GetContainerizationJobDetails"
    );
    assert_eq!(xray::PutTraceSegments, "xray:PutTraceSegments");
    // A character that cannot stand in an identifier becomes `_`; the value keeps it.
    assert_eq!(
        vpc_lattice::AssociateViaAWSService_EventsAndStates,
        "vpc-lattice:AssociateViaAWSService-EventsAndStates"
    );
    // Usable in constant contexts and as `&'static str`.
    const SESSION_ACTIONS: [&str; 2] = [ssm::StartSession, ssm::ResumeSession];
    let names: &'static [&'static str] = &SESSION_ACTIONS;
    assert_eq!(names, ["ssm:StartSession", "ssm:ResumeSession"]);
    // And as patterns.
    let kind = |action: &str| match action {
        ssm::StartSession | ssm::ResumeSession => "open",
        ssm::TerminateSession => "close",
        _ => "other",
    };
    assert_eq!(kind("ssm:ResumeSession"), "open");
    assert_eq!(kind("ssm:TerminateSession"), "close");
    assert_eq!(kind("ssm:startsession"), "other");
}

/// The generated files, and every catalog action, must agree: run `python3 scripts/gen-actions.py`
/// after regenerating the catalog.
mod catalog_sync {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::PathBuf;

    use iam_policy_core::catalog::catalog;

    /// Strict and reserved keywords of Rust 2024, as the generator escapes them.
    const KEYWORDS: &[&str] = &[
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
        "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod",
        "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super",
        "trait", "true", "type", "unsafe", "use", "where", "while", "abstract", "become", "box",
        "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
    ];

    fn identifier(text: &str) -> String {
        let ident: String = text
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        match ident.chars().next() {
            Some(c) if c.is_ascii_alphabetic() || c == '_' => ident,
            _ => format!("_{ident}"),
        }
    }

    fn module_name(prefix: &str) -> String {
        let name = identifier(&prefix.to_ascii_lowercase());
        if KEYWORDS.contains(&name.as_str()) {
            format!("{name}_")
        } else {
            name
        }
    }

    fn constant_name(action: &str) -> String {
        let name = identifier(action);
        match name.as_str() {
            "self" | "Self" | "super" | "crate" => format!("{name}_"),
            other if KEYWORDS.contains(&other) => format!("r#{name}"),
            _ => name,
        }
    }

    /// The constants of a generated file: identifier -> (value, the doc line above it).
    fn constants(text: &str) -> BTreeMap<String, (String, String)> {
        let mut out = BTreeMap::new();
        let mut doc = String::new();
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if let Some(rest) = line.strip_prefix("/// ") {
                doc = rest.to_owned();
            } else if let Some(start) = line.strip_prefix("pub const ") {
                // A long constant is broken after `=`, as rustfmt writes it.
                let rest = match start.strip_suffix(" =") {
                    Some(head) => format!("{head} = {}", lines.next().unwrap_or_default().trim()),
                    None => start.to_owned(),
                };
                let (ident, value) = rest
                    .split_once(": &str = \"")
                    .unwrap_or_else(|| panic!("unexpected constant line {line:?}"));
                let value = value
                    .strip_suffix("\";")
                    .unwrap_or_else(|| panic!("unexpected constant line {line:?}"));
                let previous = out.insert(ident.to_owned(), (value.to_owned(), doc.clone()));
                assert!(previous.is_none(), "constant {ident} defined twice");
            }
        }
        out
    }

    fn summary(action: &iam_policy_core::catalog::Action<'_>) -> String {
        let level = action.access_level();
        let types: Vec<String> = action
            .resource_types()
            .map(|(t, required)| {
                let required = if required { " (required)" } else { "" };
                format!("`{}`{required}", t.name())
            })
            .collect();
        match types.len() {
            0 => format!("{level} · no resource types (`\"Resource\": \"*\"`)"),
            1 => format!("{level} · resource type: {}", types[0]),
            _ => format!("{level} · resource types: {}", types.join(", ")),
        }
    }

    #[test]
    fn every_catalog_action_has_its_constant_and_nothing_else() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
        let stale = "actions/src/ does not match core/catalog/catalog.txt: run \
                     `python3 scripts/gen-actions.py`";
        let mut generated_files = BTreeSet::new();
        for entry in std::fs::read_dir(&dir).expect("actions/src/ is readable") {
            let name = entry.expect("a directory entry").file_name();
            let name = name.to_string_lossy().into_owned();
            if name != "lib.rs" && name != "tests.rs" && name.ends_with(".rs") {
                generated_files.insert(name);
            }
        }
        let lib_rs = std::fs::read_to_string(dir.join("lib.rs")).expect("lib.rs is readable");
        let mut actions = 0;
        let mut services = 0;
        for service in catalog().services() {
            services += 1;
            let module = module_name(service.prefix());
            let file = format!("{module}.rs");
            assert!(
                generated_files.remove(&file),
                "{stale}: no module {module} for the service {}",
                service.prefix()
            );
            assert!(
                lib_rs.contains(&format!("\npub mod {module};\n")),
                "{stale}: lib.rs does not declare {module}"
            );
            let text = std::fs::read_to_string(dir.join(&file)).expect("a generated file");
            let mut constants = constants(&text);
            for action in service.actions() {
                actions += 1;
                let ident = constant_name(action.name());
                let (value, doc) = constants.remove(&ident).unwrap_or_else(|| {
                    panic!("{stale}: {module}::{ident} is missing for {action:?}")
                });
                // The value names the action exactly as the catalog spells it.
                assert_eq!(
                    value,
                    format!("{}:{}", service.prefix(), action.name()),
                    "{stale}"
                );
                assert_eq!(doc, summary(&action), "{stale}: {module}::{ident}");
            }
            assert!(
                constants.is_empty(),
                "{stale}: {module} has constants for actions the catalog does not have: {:?}",
                constants.keys().collect::<Vec<_>>()
            );
        }
        assert!(
            generated_files.is_empty(),
            "{stale}: modules of services the catalog does not have: {generated_files:?}"
        );
        assert!(services > 400 && actions > 20_000, "{services} {actions}");
    }
}
