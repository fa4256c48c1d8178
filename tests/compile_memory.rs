//! What users of `policy!` feel: compiling the largest AWS managed policies must keep rustc under
//! 500 MB of resident memory (a CI runner's budget), and not grow faster than the policy. Built
//! as a scratch crate (debug) with `tools/rustc_peak.rs` as rustc's wrapper, which reads the
//! kernel's high-water mark of the rustc process compiling it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use iam_policy::Policy;
use iam_policy_tests::corpus::{package_dir, present_or_skip, workspace_root};

/// The target: rustc's peak resident memory while compiling one managed policy in `policy!`.
const PEAK_LIMIT_MIB: u64 = 500;

const CRATE: &str = "compile_memory_probe";

/// A scratch crate depending on the workspace's `iam-policy`, with the workspace's lock file.
fn scratch_crate() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(CRATE);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let runtime = workspace_root().join("runtime");
    let manifest = format!(
        "[package]\nname = \"{CRATE}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\niam-policy = {{ path = {:?} }}\n\n[workspace]\n",
        runtime.to_string_lossy()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    std::fs::copy(workspace_root().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    dir
}

/// Builds the scratch crate with `main_rs`, returning rustc's peak KiB for the crate itself and
/// the wall time of the build.
fn build(dir: &Path, main_rs: &str) -> (u64, f64) {
    std::fs::write(dir.join("src/main.rs"), main_rs).unwrap();
    let peaks = dir.join("peaks.txt");
    let _ = std::fs::remove_file(&peaks);
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let started = Instant::now();
    let output = Command::new(cargo)
        .arg("build")
        .arg("--quiet")
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env("RUSTC_WORKSPACE_WRAPPER", env!("CARGO_BIN_EXE_rustc-peak"))
        .env("RUSTC_PEAK_FILE", &peaks)
        .output()
        .expect("cargo runs");
    let seconds = started.elapsed().as_secs_f64();
    assert!(
        output.status.success(),
        "the scratch crate did not build:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&peaks).unwrap_or_default();
    let peak = text
        .lines()
        .filter_map(|l| l.split_once(' '))
        .filter(|(name, _)| *name == CRATE)
        .filter_map(|(_, kib)| kib.parse::<u64>().ok())
        .max()
        .unwrap_or_else(|| panic!("no peak recorded for {CRATE} in {text:?}"));
    (peak, seconds)
}

/// The largest policies of the corpus that `policy!` accepts, largest first.
fn largest_valid(count: usize) -> Vec<PathBuf> {
    let mut files: Vec<(u64, PathBuf)> = std::fs::read_dir(package_dir().join("policies"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (std::fs::metadata(&p).unwrap().len(), p))
        .collect();
    files.sort_by(|a, b| b.cmp(a));
    files
        .into_iter()
        .map(|(_, p)| p)
        .filter(|p| Policy::from_json(&std::fs::read_to_string(p).unwrap()).is_ok())
        .take(count)
        .collect()
}

#[test]
fn the_largest_managed_policies_compile_within_the_rustc_memory_target() {
    if !Path::new("/proc/self/status").exists() {
        eprintln!("note: rustc's peak memory is read from /proc: Linux only");
        return;
    }
    let policies = package_dir().join("policies");
    if !present_or_skip(&policies, "the compile-memory test") {
        return;
    }
    let dir = scratch_crate();
    // The dependencies first, and the baseline of an empty crate.
    let (empty, _) = build(&dir, "fn main() {}\n");
    let mut report = vec![format!("empty crate: {} MiB", empty / 1024)];
    let mut targets = largest_valid(2);
    let read_only = policies.join("ReadOnlyAccess.json");
    if !targets.contains(&read_only) {
        targets.push(read_only);
    }
    for path in targets {
        let main_rs = format!(
            "#[allow(deprecated)]\nstatic P: iam_policy::Policy = iam_policy::policy_file!({:?});\n\
             fn main() {{ println!(\"{{}}\", P.statements().len()); }}\n",
            path.to_string_lossy()
        );
        let (peak, seconds) = build(&dir, &main_rs);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let size = std::fs::metadata(&path).unwrap().len();
        report.push(format!(
            "{name} ({size} bytes): rustc peak {} MiB, build {seconds:.2} s",
            peak / 1024
        ));
        assert!(
            peak / 1024 < PEAK_LIMIT_MIB,
            "compiling {name} in policy! took {} MiB of rustc memory (target: under {PEAK_LIMIT_MIB} MiB)\n{}",
            peak / 1024,
            report.join("\n")
        );
    }
    // Past the output capture: the figures docs/performance.md quotes.
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr().lock(), "{}", report.join("\n"));
}
