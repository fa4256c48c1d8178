//! Memory per input byte (issue 10, item 2): a global allocator that counts the peak of live heap
//! bytes, and the policy the memory tests of `Policy::from_json` and `iam-policy check` load.
//! Bytes counted, not time: the figures do not depend on the machine's load.
#![allow(unsafe_code)] // a global allocator cannot be written without it

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The counting allocator: `#[global_allocator] static GLOBAL: Peak = Peak;` in a test binary.
#[derive(Debug)]
pub struct Peak;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grow(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Ordering::SeqCst) + bytes;
    PEAK.fetch_max(live, Ordering::SeqCst);
}

// SAFETY: forwards to the system allocator unchanged; it only counts live bytes.
unsafe impl GlobalAlloc for Peak {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::SeqCst);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_sub(layout.size(), Ordering::SeqCst);
        grow(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// The peak of live heap bytes above the start while `f` runs (what `f` keeps counts too). Only
/// meaningful when nothing else allocates meanwhile: one test per binary, or `--test-threads=1`.
pub fn peak_of(f: impl FnOnce()) -> usize {
    let start = LIVE.load(Ordering::SeqCst);
    PEAK.store(start, Ordering::SeqCst);
    f();
    PEAK.load(Ordering::SeqCst) - start
}

/// A policy of about `bytes` bytes as real ones are written: statements with a `Sid`, two
/// actions, an object ARN and a bucket ARN, and a tag condition. Each statement also gets a
/// warning (`RESOURCE_MISMATCH`: no action acts on the bucket), so the findings count too.
pub fn policy_of(bytes: usize) -> String {
    let mut statements = Vec::new();
    let mut size = 0;
    let mut i = 0;
    while size < bytes {
        let statement = format!(
            r#"{{"Sid": "S{i}", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": ["arn:aws:s3:::bucket-{i}/*", "arn:aws:s3:::bucket-{i}"], "Condition": {{"StringEquals": {{"aws:PrincipalTag/team": "team-{i}"}}}}}}"#
        );
        size += statement.len() + 2;
        statements.push(statement);
        i += 1;
    }
    format!(
        r#"{{"Version": "2012-10-17", "Statement": [{}]}}"#,
        statements.join(",\n")
    )
}

/// The sizes measured: a growth in the ratio would show a cost above linear.
pub const SIZES: [usize; 3] = [100_000, 300_000, 1_000_000];

/// The most heap a load may take per byte of its input.
pub const MAX_BYTES_PER_INPUT_BYTE: f64 = 10.0;
