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
    if let Err((line, problem)) = syntax::parse(&text) {
        fail(&format!(
            "{}:{line}: {}\n  help: {}",
            path.display(),
            problem.message,
            problem.help
        ));
    }
    text
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
