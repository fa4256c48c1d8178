//! `iam-policy to-rust`: the printed source compiles with the workspace's `iam-policy`, and the
//! compiled policies are the ones in the files.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

/// Escapes that a Rust string literal writes otherwise: `\/`, `\u00e9`, a quote, a backslash, a tab.
const ESCAPES: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"Reports","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::caf\u00e9\/reports\/*","Condition":{"StringEquals":{"aws:username":"a\"b\\c\td"}}}]}"#;

const SEEDS: [&str; 6] = [
    "ex1_specific_instances.json",
    "ex2_instance_tags.json",
    "ex2c_two_tags.json",
    "ex3m1_username.json",
    "ex3m2d_both_tags.json",
    "ex4_admin.json",
];

fn to_rust(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["to-rust"];
    all.extend_from_slice(args);
    run_in(dir, &all)
}

#[test]
fn prints_a_static_named_after_the_file() {
    let run = to_rust(&seed_dir(), &["ex4_admin.json"]);
    assert_eq!(run.status, 0, "{run:?}");
    assert!(run.stdout.starts_with("pub static EX4_ADMIN: iam_policy::Policy = iam_policy::policy!({\n    \"Version\": \"2012-10-17\",\n"), "{}", run.stdout);
    assert!(run.stdout.ends_with("\n});\n"), "{}", run.stdout);
    let run = to_rust(&seed_dir(), &["--name", "ADMIN", "ex4_admin.json"]);
    assert!(
        run.stdout
            .starts_with("pub static ADMIN: iam_policy::Policy"),
        "{}",
        run.stdout
    );
}

#[test]
fn escapes_become_valid_rust_literals() {
    let dir = scratch("to-rust-escapes");
    write(&dir, "my-escapes.v2.json", ESCAPES);
    let run = to_rust(&dir, &["my-escapes.v2.json"]);
    assert_eq!(run.status, 0, "{run:?}");
    assert!(
        run.stdout.starts_with("pub static MY_ESCAPES_V2: "),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(r#""Resource": "arn:aws:s3:::café/reports/*","#),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(r#""aws:username": "a\"b\\c\td""#),
        "{}",
        run.stdout
    );
}

#[test]
fn refuses_what_policy_would_reject() {
    let dir = scratch("to-rust-bad");
    write(&dir, "trunc.json", "{\"Version\": ");
    let run = to_rust(&dir, &["trunc.json"]);
    assert_eq!((run.status, run.stdout.as_str()), (1, ""));
    assert!(
        run.stderr.contains("error[JSON_SYNTAX_ERROR]") && run.stderr.contains("trunc.json:1:13"),
        "{}",
        run.stderr
    );

    let run = to_rust(&seed_dir(), &["ex3m2a_target_id_empty_resource.json"]);
    assert_eq!((run.status, run.stdout.as_str()), (1, ""));
    assert!(
        run.stderr.contains("error[INVALID_ARN_PREFIX]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("which `policy!` would reject"),
        "{}",
        run.stderr
    );

    assert_eq!(to_rust(&seed_dir(), &["missing.json"]).status, 2);
    let run = to_rust(&seed_dir(), &["--name", "not-an-ident", "ex4_admin.json"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("is not a Rust identifier"),
        "{}",
        run.stderr
    );
}

/// Writes the output of `to-rust` for the seeds and a file full of escapes into a scratch cargo
/// project that depends on the workspace's `iam-policy`, builds it offline (into a target
/// directory inside the workspace's, reused across runs), and runs it: the policies must compile
/// as printed and decide as the files say.
#[test]
fn the_printed_source_compiles() {
    let scratch_root = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let project = scratch_root.join("to-rust-project");
    let _ = std::fs::remove_dir_all(project.join("src"));
    std::fs::create_dir_all(project.join("src")).unwrap();

    let mut source = String::from("#![allow(dead_code)]\n\n");
    let escapes = write(&project, "policies/escapes.json", ESCAPES);
    let mut files: Vec<PathBuf> = SEEDS.iter().map(|s| seed(s)).collect();
    files.push(escapes);
    for file in &files {
        let run = to_rust(&project, &[path_str(file)]);
        assert_eq!(run.status, 0, "{}: {run:?}", file.display());
        source.push_str(&run.stdout);
        source.push('\n');
    }
    source.push_str(
        r##"use iam_policy::{Decision, Request};

fn main() {
    let json = ESCAPES.to_json();
    assert!(json.contains(r"caf\u{e9}/reports/*") || json.contains("café/reports/*"), "{json}");
    assert!(json.contains(r#"a\"b\\c\td"#), "{json}");
    let ctx = [("aws:username", "a\"b\\c\td")];
    let get = Request::new("s3:GetObject", "arn:aws:s3:::café/reports/q1.csv").context(&ctx);
    assert_eq!(ESCAPES.evaluate(&get), Decision::Allowed);
    let ctx = [("aws:username", "alice")];
    let terminate = Request::new("ssm:TerminateSession", "arn:aws:ssm:us-east-2:123456789012:session/alice-0a1b").context(&ctx);
    assert_eq!(EX1_SPECIFIC_INSTANCES.evaluate(&terminate), Decision::Allowed);
    assert_eq!(EX4_ADMIN.evaluate(&Request::new("ssm:DescribeSessions", "*")), Decision::Allowed);
    for policy in [&EX2_INSTANCE_TAGS, &EX2C_TWO_TAGS, &EX3M1_USERNAME, &EX3M2D_BOTH_TAGS] {
        assert!(!policy.statements().is_empty());
    }
    println!("ok");
}
"##,
    );
    std::fs::write(project.join("src/main.rs"), &source).unwrap();

    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let runtime = workspace
        .join("runtime")
        .canonicalize()
        .expect("the runtime crate");
    let manifest = format!(
        "[package]\nname = \"to-rust-check\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\niam-policy = {{ path = {:?} }}\n\n[workspace]\n",
        path_str(&runtime)
    );
    std::fs::write(project.join("Cargo.toml"), manifest).unwrap();
    // The workspace's lock file pins the versions the workspace builds with (offline, they are cached).
    if let Ok(lock) = std::fs::read(workspace.join("Cargo.lock")) {
        std::fs::write(project.join("Cargo.lock"), lock).unwrap();
    }
    let target = scratch_root.join("..").join("to-rust-check");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let build = Command::new(&cargo)
        .args(["build", "--offline", "--quiet"])
        .current_dir(&project)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("cargo runs");
    assert!(
        build.status.success(),
        "the printed source does not compile:\n{}\n--- source ---\n{source}",
        String::from_utf8_lossy(&build.stderr)
    );
    let binary = target
        .join("debug")
        .join(format!("to-rust-check{}", std::env::consts::EXE_SUFFIX));
    let run = Command::new(binary)
        .output()
        .expect("the built program runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&run.stdout), "ok\n");
}
