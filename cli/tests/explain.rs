//! `iam-policy explain`: every code the validator can emit has an explanation. The codes are read
//! from the core's sources at test time, so a new code without an entry fails this test.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::*;

/// SCREAMING_SNAKE string literals in `core/src` that are not diagnostic codes.
const NOT_CODES: &[&str] = &[];

#[test]
fn every_code_of_the_validator_is_explained() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/src");
    let codes = core_codes(&core);
    // The scan must see the codes it is meant to see.
    for known in [
        "JSON_SYNTAX_ERROR",
        "INVALID_ARN_PREFIX",
        "MISSING_VERSION",
        "TYPE_MISMATCH_NUMBER",
        "INVALID_ACTION",
    ] {
        assert!(
            codes.contains(known),
            "the scan of {} missed {known}: {codes:?}",
            core.display()
        );
    }
    assert!(codes.len() >= 40, "{codes:?}");

    let list = run(&["explain", "--list"]);
    assert_eq!(list.status, 0);
    let listed: BTreeSet<String> = list
        .stdout
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    let missing: Vec<&String> = codes.iter().filter(|c| !listed.contains(*c)).collect();
    assert!(
        missing.is_empty(),
        "codes of the validator without an explanation in cli/src/explain.rs: {missing:?} \
         (or, if one is not a code, add it to NOT_CODES in this test)"
    );
    for code in &codes {
        let run = run(&["explain", code]);
        assert_eq!(run.status, 0, "{code}: {run:?}");
        assert!(
            run.stdout.contains(&format!("[{code}]: ")),
            "{code}: {}",
            run.stdout
        );
        for section in ["Example:", "Fix:"] {
            assert!(run.stdout.contains(section), "{code}: {}", run.stdout);
        }
    }
}

#[test]
fn explains_in_any_case() {
    let run = run(&["explain", "invalid-arn-prefix"]);
    assert_eq!(run.status, 0);
    assert!(
        run.stdout
            .starts_with("error[INVALID_ARN_PREFIX]: the resource is not an ARN"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("\"Resource\": \"\""), "{}", run.stdout);
}

#[test]
fn unknown_codes_exit_2_with_a_suggestion() {
    let typo = run(&["explain", "INVALID_ARN_REGON"]);
    assert_eq!((typo.status, typo.stdout.as_str()), (2, ""));
    assert_eq!(
        typo.stderr,
        "error: unknown code `INVALID_ARN_REGON`\nhelp: did you mean `INVALID_ARN_REGION`?\n"
    );
    let stranger = run(&["explain", "E0308"]);
    assert_eq!(stranger.status, 2);
    assert!(
        stranger.stderr.contains("iam-policy explain --list"),
        "{}",
        stranger.stderr
    );
    assert_eq!(run(&["explain"]).status, 2);
}

/// The diagnostic codes in the non-test code of the core: the literal after `Finding::error(`,
/// `Finding::warning(` and `Finding::suggestion(`, and any other string literal shaped like a
/// code (codes chosen in a `match` and passed on, such as the size-quota ones).
fn core_codes(dir: &Path) -> BTreeSet<String> {
    let mut codes = BTreeSet::new();
    let mut files = Vec::new();
    rust_files(dir, &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Unit tests sit at the end of each file.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for constructor in [
            "Finding::error(",
            "Finding::warning(",
            "Finding::suggestion(",
        ] {
            for (at, _) in code.match_indices(constructor) {
                let rest = code[at + constructor.len()..].trim_start();
                if let Some(literal) = rest.strip_prefix('"').and_then(|r| r.split('"').next()) {
                    assert!(
                        is_code(literal),
                        "{}: `{constructor}\"{literal}\"` is not a code",
                        file.display()
                    );
                    codes.insert(literal.to_owned());
                }
            }
        }
        codes.extend(
            string_literals(code)
                .into_iter()
                .filter(|s| is_code(s) && !NOT_CODES.contains(&s.as_str())),
        );
    }
    codes
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `[A-Z][A-Z0-9]*(_[A-Z0-9]+)+`.
fn is_code(text: &str) -> bool {
    let mut words = text.split('_');
    let first_ok = words
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
    first_ok
        && text.contains('_')
        && text.split('_').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        })
}

/// The contents of the string literals of Rust source, skipping comments, character literals
/// and lifetimes (a tiny lexer: enough for finding codes).
fn string_literals(source: &str) -> Vec<String> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !is_ident(bytes[i - 1])) =>
            {
                let hashes = bytes[i + 1..].iter().take_while(|&&b| b == b'#').count();
                let open = i + 1 + hashes;
                if bytes.get(open) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let end = source[open + 1..]
                    .find(&close)
                    .map_or(bytes.len(), |e| open + 1 + e);
                out.push(source[open + 1..end].to_owned());
                i = end + close.len();
            }
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                out.push(source[start..i.min(bytes.len())].to_owned());
                i += 1;
            }
            b'\'' => {
                // A character literal ('"', '\'', '\u{..}'), or a lifetime ('a).
                if bytes.get(i + 1) == Some(&b'\\') {
                    i += 2;
                    while i < bytes.len() && bytes[i] != b'\'' {
                        i += 1;
                    }
                    i += 1;
                } else if let Some(c) = source[i + 1..].chars().next() {
                    let after = i + 1 + c.len_utf8();
                    i = if bytes.get(after) == Some(&b'\'') {
                        after + 1
                    } else {
                        i + 1
                    };
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    out
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[test]
fn the_scanner_reads_rust() {
    let source = r####"
        // "NOT_A_CODE" in a comment
        let q = '"'; let l: &'static str = "ONE_CODE";
        /* "ALSO_NOT" */ let r = r#"RAW_CODE"#; let e = "esc \" QUOTE_X";
        Finding::warning(
            "TWO_CODE",
    "####;
    let literals = string_literals(source);
    assert_eq!(
        literals,
        ["ONE_CODE", "RAW_CODE", "esc \\\" QUOTE_X", "TWO_CODE"]
    );
    assert!(is_code("INVALID_ARN_REGION") && is_code("TYPE_MISMATCH_IP_RANGE"));
    assert!(
        !is_code("Resource")
            && !is_code("ARN")
            && !is_code("_X")
            && !is_code("A__B")
            && !is_code("A_b")
    );
}
