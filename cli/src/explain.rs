//! `iam-policy explain CODE`: what a diagnostic code means, an example policy that triggers it,
//! and the fix, as the core's registry (`iam_policy_core::codes`, one Markdown file per code) says.

use iam_policy_core::codes::{self, Code};
use iam_policy_core::diagnostic::Severity;

use crate::cli::{ColorChoice, ExplainArgs};
use crate::status::Status;
use crate::style::{Style, sanitize};

pub fn run(args: &ExplainArgs, color: ColorChoice) -> Status {
    let style = Style::stdout(color);
    if args.list {
        print!("{}", list(style));
        return Status::Success;
    }
    let code = args.code.as_deref().unwrap_or_default();
    match codes::lookup(code) {
        Some(entry) => {
            print!("{}", render(entry, style));
            Status::Success
        }
        None => {
            let err = Style::stderr(color);
            eprintln!("{}: unknown code `{}`", err.red("error"), sanitize(code));
            let wanted = code.trim().to_ascii_uppercase().replace('-', "_");
            match iam_policy_core::suggest::closest(&wanted, codes::ALL.iter().map(|c| c.name())) {
                Some(close) => eprintln!("  help: did you mean `{close}`?"),
                None => eprintln!("  help: `iam-policy explain --list` lists every code"),
            }
            Status::Usage
        }
    }
}

/// Every code, its severity and summary, one per line; then the Access Analyzer codes that are
/// not reported under their own code, with the reason ([`codes::LEFT_OUT`]).
fn list(style: Style) -> String {
    let width = codes::ALL.iter().map(|c| c.name().len()).max().unwrap_or(0);
    let mut out = String::new();
    for code in codes::ALL {
        let severity = format!("{:<10}", code.severity().as_str());
        out.push_str(&format!(
            "{:<width$}  {}  {}\n",
            code.name(),
            style.severity(code.severity(), &severity),
            code.summary()
        ));
    }
    out.push_str("\nAccess Analyzer codes not reported, and why:\n");
    for (name, reason) in codes::LEFT_OUT {
        out.push_str(&format!("{name:<width$}  {reason}\n"));
    }
    out
}

fn render(code: Code, style: Style) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{}{}\n\n",
        style.severity(
            code.severity(),
            &format!("{}[{}]", code.severity().as_str(), code.name())
        ),
        style.bold(&format!(": {}", code.summary()))
    ));
    out.push_str(&wrap(code.section("Meaning").unwrap_or_default(), 100));
    out.push_str(&format!("\n{}\n\n", style.bold("Example:")));
    for line in code.example().unwrap_or_default().lines() {
        out.push_str("    ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&format!("\n{}\n", style.bold("Fix:")));
    out.push_str(&wrap(code.section("Fix").unwrap_or_default(), 100));
    out.push_str(&format!("\n{}\n", style.bold("Severity:")));
    out.push_str(&wrap(severity_note(code.severity()), 100));
    out
}

fn severity_note(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => {
            "error: `policy!` fails to compile, `Policy::from_json` rejects the policy, and `iam-policy check` exits 1."
        }
        Severity::Warning => {
            "warning: a compiler warning in `policy!`; `iam-policy check` exits 1 only with `--deny-warnings`."
        }
        Severity::Suggestion => {
            "suggestion: a compiler warning in `policy!`; `iam-policy check` reports it and exits 0."
        }
    }
}

/// Word-wraps a paragraph at `width` columns.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use iam_policy_core::validate::{Options, PolicyType};

    /// Codes whose example is a sketch (a policy too large to show).
    const SKETCHES: &[&str] = &[
        "POLICY_TOO_LARGE",
        "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA",
        "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA",
        "POLICY_SIZE_EXCEEDS_RCP_QUOTA",
        "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA",
        "POLICY_SIZE_EXCEEDS_SCP_QUOTA",
        "POLICY_SIZE_EXCEEDS_SESSION_POLICY_QUOTA",
        "POLICY_SIZE_EXCEEDS_VPC_ENDPOINT_POLICY_QUOTA",
    ];

    /// The policy type an explanation's example is checked as: a `<!-- policy-type: NAME -->` line
    /// in the file, else an identity policy.
    fn example_policy_type(code: Code) -> PolicyType {
        let Some(rest) = code.explanation().split("<!-- policy-type:").nth(1) else {
            return PolicyType::default();
        };
        let name = rest.split("-->").next().unwrap_or_default().trim();
        PolicyType::from_name(&name.to_ascii_lowercase())
            .unwrap_or_else(|| panic!("{code}: unknown policy type `{name}`"))
    }

    /// The extra actions an explanation's example is checked with: a
    /// `<!-- extra-actions: NAME ... -->` line in the file, else none.
    fn example_extras(code: Code) -> iam_policy_core::extras::Extras {
        let mut extras = iam_policy_core::extras::Extras::new();
        if let Some(rest) = code.explanation().split("<!-- extra-actions:").nth(1) {
            for name in rest
                .split("-->")
                .next()
                .unwrap_or_default()
                .split_whitespace()
            {
                extras
                    .add_action(name)
                    .unwrap_or_else(|e| panic!("{code}: {e}"));
            }
        }
        extras
    }

    /// Each example gets the finding it explains, at the severity the registry states.
    #[test]
    fn examples_trigger_their_code() {
        for &code in codes::ALL.iter().filter(|c| !SKETCHES.contains(&c.name())) {
            let example = code.example().expect("checked by the registry's tests");
            let options = Options::new()
                .with_policy_type(example_policy_type(code))
                .with_extras(example_extras(code));
            let findings = crate::report::diagnose(example, &options);
            match findings.iter().find(|d| d.code() == code.name()) {
                Some(d) => assert_eq!(d.severity(), code.severity(), "{code}"),
                None => panic!("the example of {code} does not trigger it: {findings:#?}"),
            }
        }
    }

    #[test]
    fn size_quotas() {
        let statement = r#"{"Effect":"Allow","Action":"ssm:StartSession","Resource":"arn:aws:ec2:*:*:instance/i-0123456789abcdef0"}"#;
        let text = format!(
            r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
            vec![statement; 120].join(",")
        );
        for (policy_type, code) in [
            (
                PolicyType::Managed,
                codes::POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA,
            ),
            (
                PolicyType::Trust,
                codes::POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA,
            ),
            (PolicyType::Scp, codes::POLICY_SIZE_EXCEEDS_SCP_QUOTA),
            (PolicyType::Rcp, codes::POLICY_SIZE_EXCEEDS_RCP_QUOTA),
            (
                PolicyType::Session,
                codes::POLICY_SIZE_EXCEEDS_SESSION_POLICY_QUOTA,
            ),
            (
                PolicyType::SqsQueue,
                codes::POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA,
            ),
        ] {
            let findings = crate::report::diagnose(
                &text,
                &Options::new()
                    .with_policy_type(policy_type)
                    .with_catalog(false),
            );
            let found = findings
                .iter()
                .find(|d| d.code() == code.name())
                .unwrap_or_else(|| panic!("{code}"));
            assert_eq!(found.severity(), code.severity(), "{code}");
        }
    }

    /// `--list` names every code, then every Access Analyzer code left out with its reason.
    #[test]
    fn list_names_the_codes_left_out() {
        let text = list(Style { enabled: false });
        for code in codes::ALL {
            assert!(text.contains(code.name()), "{code}");
        }
        let (_, left) = text
            .split_once("Access Analyzer codes not reported, and why:\n")
            .expect("the left-out section");
        for (name, reason) in codes::LEFT_OUT {
            assert!(
                left.lines()
                    .any(|l| l.starts_with(name) && l.ends_with(reason)),
                "{name}"
            );
        }
    }

    #[test]
    fn renders_every_section() {
        let text = render(codes::MISSING_VERSION, Style { enabled: false });
        assert!(
            text.starts_with("warning[MISSING_VERSION]: the policy has no `Version`\n"),
            "{text}"
        );
        for part in ["Example:", "Fix:", "Severity:", "2008-10-17", "    {"] {
            assert!(text.contains(part), "{part}: {text}");
        }
    }
}
