//! A `RUSTC_WORKSPACE_WRAPPER` for `tests/compile_memory.rs`: runs rustc and appends
//! `<crate name> <peak resident KiB>` to the file named by `RUSTC_PEAK_FILE`. The peak is the
//! kernel's high-water mark (`VmHWM` in `/proc/<pid>/status`), read until rustc exits (Linux).

use std::io::Write as _;
use std::process::{Command, ExitCode};
use std::time::Duration;

fn high_water_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(rustc) = args.next() else {
        eprintln!("rustc-peak: expected the path of rustc and its arguments");
        return ExitCode::FAILURE;
    };
    let args: Vec<_> = args.collect();
    let crate_name = args
        .iter()
        .position(|a| a == "--crate-name")
        .and_then(|i| args.get(i + 1))
        .map(|a| a.to_string_lossy().into_owned());
    let mut child = match Command::new(&rustc).args(&args).spawn() {
        Ok(child) => child,
        Err(error) => {
            eprintln!(
                "rustc-peak: cannot run {}: {error}",
                rustc.to_string_lossy()
            );
            return ExitCode::FAILURE;
        }
    };
    let mut peak = 0;
    let status = loop {
        if let Some(kib) = high_water_kib(child.id()) {
            peak = peak.max(kib);
        }
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(error) => {
                eprintln!("rustc-peak: waiting for rustc: {error}");
                return ExitCode::FAILURE;
            }
        }
    };
    if let (Some(name), Some(path)) = (crate_name, std::env::var_os("RUSTC_PEAK_FILE")) {
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut file| writeln!(file, "{name} {peak}"));
        if let Err(error) = written {
            eprintln!(
                "rustc-peak: cannot write {}: {error}",
                path.to_string_lossy()
            );
            return ExitCode::FAILURE;
        }
    }
    ExitCode::from(status.code().unwrap_or(1).clamp(0, 255) as u8)
}
