//! Memory per input byte of `iam-policy check` (issue 10, item 2): the peak of live heap bytes
//! while the command checks one file (read, validate, place the findings, print them), over the
//! file's size, at three sizes. Counted by a global allocator around the command's own pipeline
//! (`check_one`), not timed.

use std::io;

use iam_policy_core::validate::Options;
use iam_policy_tests::memory::{MAX_BYTES_PER_INPUT_BYTE, Peak, SIZES, peak_of, policy_of};

#[global_allocator]
static GLOBAL: Peak = Peak;

#[test]
fn check_memory_per_input_byte() {
    let dir = std::env::temp_dir().join(format!("iam-policy-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch directory");
    let options = Options::new().with_max_bytes(4 << 20);
    let check = |text: &str| -> (usize, usize) {
        let path = dir.join("policy.json");
        std::fs::write(&path, text).expect("written");
        let mut printed = Counted(0);
        let peak = peak_of(|| {
            iam_policy_cli::check_one(&path, &options, &mut printed).expect("checked");
        });
        (peak, printed.0)
    };
    // The service catalog is parsed once per process, at the first policy: not per byte.
    check(&policy_of(100));
    let mut figures = Vec::new();
    for size in SIZES {
        let text = policy_of(size);
        let (peak, printed) = check(&text);
        // Every statement's warning was printed (the pipeline ran to the end).
        assert!(printed > text.matches("\"Sid\"").count() * 100, "{printed}");
        let ratio = peak as f64 / text.len() as f64;
        figures.push(format!("{} bytes: peak {peak} ({ratio:.1}x)", text.len()));
        assert!(ratio <= MAX_BYTES_PER_INPUT_BYTE, "{}", figures.join("; "));
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!("check peak memory: {}", figures.join("; "));
}

/// Counts what the command prints, keeping nothing.
struct Counted(usize);

impl io::Write for Counted {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
