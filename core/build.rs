//! Embeds the crate-wide extras: the file named by `IAM_POLICY_EXTRAS`, if set, declares actions
//! and condition keys AWS released after the service catalog (see `src/extras/mod.rs`). Checked
//! here, so that a mistake in it fails the build with its line; cargo reruns this when the
//! variable or the file changes, which rebuilds every policy of the build.

use std::path::{Path, PathBuf};

#[path = "src/extras/syntax.rs"]
#[allow(dead_code)]
mod syntax;

const VARIABLE: &str = "IAM_POLICY_EXTRAS";

fn main() {
    println!("cargo::rerun-if-env-changed={VARIABLE}");
    println!("cargo::rerun-if-changed=src/extras/syntax.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let text = match std::env::var_os(VARIABLE) {
        None => String::new(),
        Some(path) if path.is_empty() => String::new(),
        Some(path) => read(Path::new(&path)),
    };
    std::fs::write(out.join("extras.txt"), text).expect("OUT_DIR is writable");
}

fn read(path: &Path) -> String {
    if !path.is_absolute() {
        fail(&format!(
            "`{VARIABLE}` is `{}`, a relative path; it must be absolute (in `.cargo/config.toml`, \
             `[env] {VARIABLE} = {{ value = \"iam-policy-extras.txt\", relative = true }}` makes \
             it relative to the folder holding `.cargo/`)",
            path.display()
        ));
    }
    println!("cargo::rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| {
        fail(&format!(
            "cannot read the extras file `{}` named by `{VARIABLE}`: {error}",
            path.display()
        ))
    });
    let entries = match syntax::parse(&text) {
        Ok(entries) => entries,
        Err((line, problem)) => fail(&format!(
            "{}:{line}: {}\n  help: {}",
            path.display(),
            problem.message,
            problem.help
        )),
    };
    // Decision D38: only an action newer than the catalog can be declared `no-resource`, so
    // that no declaration makes `*` pass for an action that acts on resources. Checked here,
    // where the catalog's text is at hand, so that the request check never reads the catalog (a
    // binary that only uses `policy!` does not carry it).
    let catalog = catalog_actions();
    for entry in entries {
        if let syntax::Entry::Action {
            name,
            no_resource: true,
        } = entry
            && catalog.contains(&name.to_ascii_lowercase())
        {
            fail(&format!(
                "{}: the action `{name}` is in the service catalog, so it cannot be declared `no-resource`\n  help: remove `no-resource` (and the line, once the catalog has the action): the catalog says whether it acts on resources",
                path.display()
            ));
        }
    }
    text
}

/// The catalog's actions, `service:name` in lowercase, from `catalog/catalog.txt` (its `S` lines
/// start a service, its `A` lines name an action of it).
fn catalog_actions() -> std::collections::HashSet<String> {
    println!("cargo::rerun-if-changed=catalog/catalog.txt");
    let text = std::fs::read_to_string("catalog/catalog.txt").unwrap_or_default();
    let mut service = "";
    let mut actions = std::collections::HashSet::new();
    for line in text.lines() {
        let mut fields = line.split('\t');
        match (fields.next(), fields.next()) {
            (Some("S"), Some(prefix)) => service = prefix,
            (Some("A"), Some(name)) => {
                actions.insert(format!("{service}:{name}").to_ascii_lowercase());
            }
            _ => {}
        }
    }
    actions
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
