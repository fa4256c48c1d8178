//! `iam-policy to-rust`: a JSON policy as Rust source, a `static` made by `policy!` that compiles
//! as printed. Every JSON string becomes a Rust string literal (written with `{:?}`, which escapes
//! what Rust needs), numbers keep their text, and the layout is AWS's four-space one.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

use iam_policy_core::json::{self, Node, Value};
use iam_policy_core::validate::{self, Options};

use crate::cli::{ColorChoice, ToRustArgs};
use crate::files;
use crate::output::human;
use crate::report;
use crate::status::Status;
use crate::style::{Style, sanitize};

pub fn run(args: &ToRustArgs, color: ColorChoice) -> Status {
    let err_style = Style::stderr(color);
    let error = |message: &str| eprintln!("{}: {message}", err_style.red("error"));
    let name = match &args.name {
        Some(name) if is_identifier(name) => name.clone(),
        Some(name) => {
            error(&format!(
                "`{}` is not a Rust identifier: use letters, digits and `_`, such as `ADMIN_POLICY`",
                sanitize(name)
            ));
            return Status::Usage;
        }
        None => static_name(&args.file),
    };
    let bytes = match files::read(&args.file, iam_policy_core::validate::DEFAULT_MAX_BYTES) {
        Ok(bytes) => bytes,
        Err(problem) => {
            error(&problem);
            return Status::Usage;
        }
    };
    let file = args.file.display().to_string();
    // The validator of `policy!` (default options): what it rejects would not compile.
    let checked = report::check(file.clone(), bytes, &Options::default());
    if !checked.findings.is_empty() {
        let _ = human::write_report(&mut io::stderr().lock(), &checked, err_style);
    }
    if checked.findings.iter().any(|f| f.diagnostic.is_error()) {
        error(&format!(
            "`{}` has errors, which `policy!` would reject",
            sanitize(&file)
        ));
        return Status::Failure;
    }
    let Ok(root) = json::parse(&checked.text) else {
        return Status::Failure;
    };
    debug_assert!(!validate::validate(&root, &Options::default()).has_errors());
    let source = rust_source(&name, &root);
    let mut out = io::stdout().lock();
    let _ = out.write_all(source.as_bytes());
    let _ = out.flush();
    Status::Success
}

/// The whole item, ending with a line feed.
pub fn rust_source(name: &str, root: &Node) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "pub static {name}: iam_policy::Policy = iam_policy::policy!("
    );
    write_node(&mut out, root, 0);
    out.push_str(");\n");
    out
}

fn write_node(out: &mut String, node: &Node, depth: usize) {
    let indent = |out: &mut String, depth: usize| {
        out.push('\n');
        out.push_str(&"    ".repeat(depth));
    };
    match &node.value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n),
        Value::String(s) => {
            let _ = write!(out, "{s:?}");
        }
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                write_node(out, item, depth + 1);
            }
            indent(out, depth);
            out.push(']');
        }
        Value::Object(members) if members.is_empty() => out.push_str("{}"),
        Value::Object(members) => {
            out.push('{');
            for (i, member) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                let _ = write!(out, "{:?}: ", member.key);
                write_node(out, &member.value, depth + 1);
            }
            indent(out, depth);
            out.push('}');
        }
    }
}

/// The file stem in SCREAMING_SNAKE_CASE: `ex1_specific-instances.json` -> `EX1_SPECIFIC_INSTANCES`,
/// `sessionPolicy.json` -> `SESSION_POLICY`; `POLICY_` in front of a leading digit.
pub fn static_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut name = String::new();
    let mut previous: Option<char> = None;
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            // A word starts at an upper-case letter after a lower-case letter or a digit.
            if c.is_ascii_uppercase()
                && previous.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
            {
                name.push('_');
            }
            name.push(c.to_ascii_uppercase());
        } else if !name.ends_with('_') && !name.is_empty() {
            name.push('_');
        }
        previous = Some(c);
    }
    let name = name.trim_end_matches('_').to_owned();
    if name.is_empty() {
        "POLICY".to_owned()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("POLICY_{name}")
    } else {
        name
    }
}

/// An ASCII Rust identifier usable as a static's name (not a keyword, not `_`).
fn is_identifier(name: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
        "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod",
        "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super",
        "trait", "true", "type", "unsafe", "use", "where", "while", "abstract", "become", "box",
        "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
    ];
    let mut chars = name.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    first_ok
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name != "_"
        && !KEYWORDS.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_file_stems() {
        for (file, name) in [
            ("ex1_specific_instances.json", "EX1_SPECIFIC_INSTANCES"),
            ("dir/sessionPolicy.json", "SESSION_POLICY"),
            ("my-policy.v2.json", "MY_POLICY_V2"),
            ("000_seed.json", "POLICY_000_SEED"),
            ("--.json", "POLICY"),
            ("café.json", "CAF"),
            ("S3ReadOnly.json", "S3_READ_ONLY"),
        ] {
            assert_eq!(static_name(Path::new(file)), name, "{file}");
        }
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("ADMIN"));
        assert!(is_identifier("_x1"));
        assert!(!is_identifier("1A"));
        assert!(!is_identifier("_"));
        assert!(!is_identifier("fn"));
        assert!(!is_identifier("a-b"));
        assert!(!is_identifier(""));
    }

    #[test]
    fn strings_become_rust_literals() {
        let root =
            json::parse(r#"{"a\"b": ["x\/y\u00e9\\", 1.5e3, -2, true, null, {}, []]}"#).unwrap();
        let source = rust_source("P", &root);
        assert!(source.contains(r#""a\"b": ["#), "{source}");
        assert!(source.contains(r#""x/yé\\","#), "{source}");
        assert!(
            source.contains(
                "1.5e3,\n        -2,\n        true,\n        null,\n        {},\n        []"
            ),
            "{source}"
        );
        assert!(
            source.starts_with("pub static P: iam_policy::Policy = iam_policy::policy!({\n    ")
        );
        assert!(source.ends_with("]\n});\n"));
    }
}
