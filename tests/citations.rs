//! The citations of `docs/semantics.md` stay true: every decision case file's `why` that names a
//! section or a decision (`D9`) names one that the document has, and nothing in the repository
//! still cites the semantics reference that lived outside it, in the project's shared folder.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is inside the repository")
        .to_path_buf()
}

fn semantics() -> String {
    std::fs::read_to_string(root().join("docs/semantics.md")).expect("docs/semantics.md exists")
}

/// The decisions of `docs/semantics.md`: the first cell of a table row, `| D9 |` or `| D1* |`.
fn decisions(text: &str) -> BTreeSet<u32> {
    text.lines()
        .filter_map(|line| line.strip_prefix("| D"))
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let after = &rest[digits.len()..];
            (after.starts_with(" |") || after.starts_with("* |")).then(|| digits.parse().ok())?
        })
        .collect()
}

/// The numbered top-level sections of `docs/semantics.md`: `## 3 Resource ...`.
fn sections(text: &str) -> BTreeSet<u32> {
    text.lines()
        .filter_map(|line| line.strip_prefix("## "))
        .filter_map(|rest| rest.split(' ').next()?.parse().ok())
        .collect()
}

/// The numbers that follow `word` in `text` (`section 6`, `sections 5 and 7` gives 5 only).
fn numbers_after<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = u32> + 'a {
    text.match_indices(word).filter_map(move |(at, _)| {
        let digits: String = text[at + word.len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    })
}

/// `D` followed by digits, as a word.
fn decision_refs(text: &str) -> Vec<u32> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (at, _) in text.match_indices('D') {
        let before_ok = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let digits: String = text[at + 1..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let after = text[at + 1 + digits.len()..].chars().next();
        if before_ok && !digits.is_empty() && !after.is_some_and(|c| c.is_ascii_alphanumeric()) {
            out.push(digits.parse().expect("digits"));
        }
    }
    out
}

/// The numbers of the sentence "Numbers given out to work that has not landed its row yet: D35,
/// D36." of `docs/semantics.md`: decisions numbered in parallel branches land in any order.
fn given_out(text: &str) -> BTreeSet<u32> {
    const SENTENCE: &str = "Numbers given out to work that has not landed its row yet:";
    text.find(SENTENCE)
        .map(|at| {
            let rest = &text[at + SENTENCE.len()..];
            decision_refs(&rest[..rest.find('.').unwrap_or(rest.len())])
                .into_iter()
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_document_numbers_its_decisions_and_sections() {
    let text = semantics();
    let decisions = decisions(&text);
    // D1 up to the last, none missing in between (a number is never dropped or reused), but for
    // the numbers given out to work that has not landed yet.
    let last = decisions.last().copied().unwrap_or(0);
    assert!(last >= 29, "docs/semantics.md has decisions up to D{last}");
    let pending = given_out(&text);
    let missing: Vec<u32> = (1..=last)
        .filter(|n| !decisions.contains(n) && !pending.contains(n))
        .collect();
    assert!(
        missing.is_empty(),
        "decision rows of docs/semantics.md: no row for {missing:?}"
    );
    assert_eq!(
        sections(&text),
        (1..=9).collect(),
        "sections of docs/semantics.md"
    );
    assert_eq!(decision_refs("D9, D13; D2*"), [9, 13, 2]);
    assert_eq!(
        given_out(
            "x. Numbers given out to work that has not landed its row yet: D35, D36. Then D1."
        ),
        [35, 36].into()
    );
    assert!(decision_refs("DD9 D9x AD1").is_empty());
}

#[test]
fn case_files_cite_what_docs_semantics_has() {
    let text = semantics();
    let (decisions, sections) = (decisions(&text), sections(&text));
    let dir = root().join("tests/cases");
    let mut cited = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/cases is readable") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_none_or(|e| e != "jsonl") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let file = std::fs::read_to_string(&path).expect("a case file");
        for (number, line) in file.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
            let case: serde_json::Value = serde_json::from_str(line).expect("a JSON case");
            let Some(why) = case.get("why").and_then(|w| w.as_str()) else {
                continue;
            };
            let at = format!("{name}:{}: {why:?}", number + 1);
            assert!(
                !why.contains("iam-semantics"),
                "{at}: cite docs/semantics.md"
            );
            for d in decision_refs(why) {
                assert!(
                    decisions.contains(&d),
                    "{at}: docs/semantics.md has no D{d}"
                );
                cited += 1;
            }
            for s in numbers_after(why, "section ") {
                assert!(
                    sections.contains(&s),
                    "{at}: docs/semantics.md has no section {s}"
                );
                cited += 1;
            }
        }
    }
    assert!(cited > 400, "only {cited} citations found in tests/cases");
}

#[test]
fn nothing_cites_the_semantics_reference_outside_the_repository() {
    let root = root();
    let mut stack: Vec<PathBuf> = [
        "core", "macros", "runtime", "actions", "cli", "tests", "examples", "scripts", "docs",
    ]
    .iter()
    .map(|dir| root.join(dir))
    .collect();
    let mut files = vec![root.join("README.md")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let file_type = entry.file_type().expect("a file type");
            if file_type.is_dir() && entry.file_name() != "target" {
                stack.push(path);
            } else if file_type.is_file()
                && path
                    .extension()
                    .is_some_and(|e| ["rs", "md", "jsonl", "py", "toml"].iter().any(|x| e == *x))
            {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 100, "{} files", files.len());
    // Spelt in two pieces so that this file does not find itself.
    let old = format!("iam-{}.md", "semantics");
    let offenders: Vec<_> = files
        .iter()
        .filter(|path| std::fs::read_to_string(path).is_ok_and(|text| text.contains(&old)))
        .map(|path| {
            path.strip_prefix(&root)
                .unwrap_or(path)
                .display()
                .to_string()
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "cite `docs/semantics.md` (section or D-number) instead of {old}: {offenders:?}"
    );
}
