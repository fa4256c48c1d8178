//! Counters of the work done by the steps whose cost must stay linear in the input (catalog fits,
//! element look-ups, edit-distance cells, position steps, context key comparisons). Complexity
//! regression tests read them at several input sizes: they count work, not seconds.
//!
//! The counters exist only in this crate's own tests and with the `count-work` feature; otherwise
//! [`add`] compiles to nothing.

/// What is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counter {
    /// Policy ARNs compared with catalog ARN templates.
    ResourceFits,
    /// Entries visited when asking whether an element was reported misspelt.
    ElementLookups,
    /// Cells of the edit-distance tables of did-you-mean suggestions.
    EditCells,
    /// Bytes or lines stepped over when placing findings at line and column.
    PositionSteps,
    /// Context key comparisons (building a context, looking a key up, checking ambiguity).
    KeyCompares,
    /// Steps of the glob matcher (text positions times pattern words).
    MatchSteps,
    /// Findings passed over to find the errors among them.
    FindingScans,
    /// Pairs of entries of one `Action` or `Resource` list compared for inclusion.
    InclusionTests,
}

#[cfg(any(test, feature = "count-work"))]
const COUNTERS: usize = 8;

#[cfg(any(test, feature = "count-work"))]
thread_local! {
    static COUNTS: [std::cell::Cell<u64>; COUNTERS] = const { [const { std::cell::Cell::new(0) }; COUNTERS] };
}

/// Adds `n` to a counter of this thread.
#[inline(always)]
pub fn add(counter: Counter, n: u64) {
    #[cfg(any(test, feature = "count-work"))]
    COUNTS.with(|c| {
        let cell = &c[counter as usize];
        cell.set(cell.get().saturating_add(n));
    });
    #[cfg(not(any(test, feature = "count-work")))]
    let _ = (counter, n);
}

/// Reads a counter of this thread and sets it back to zero. Always zero without `count-work`.
#[must_use]
pub fn take(counter: Counter) -> u64 {
    #[cfg(any(test, feature = "count-work"))]
    return COUNTS.with(|c| c[counter as usize].replace(0));
    #[cfg(not(any(test, feature = "count-work")))]
    {
        let _ = counter;
        0
    }
}

/// The work `run` does on this thread, by `counter`.
pub fn measure(counter: Counter, run: impl FnOnce()) -> u64 {
    // Reset: the work counted before `run` is not its own.
    let _ = take(counter);
    run();
    take(counter)
}

/// Asserts that work grows linearly: `counts[i]` measured at `sizes[i]`, each step's ratio of
/// work at most `slack` times its ratio of size. Returns the message with the figures, for the
/// test output (an assertion first: callers may ignore the message).
pub fn assert_linear(what: &str, sizes: &[u64], counts: &[u64], slack: f64) -> String {
    let figures = sizes
        .iter()
        .zip(counts)
        .map(|(s, c)| format!("{s}: {c}"))
        .collect::<Vec<_>>()
        .join(", ");
    for i in 1..sizes.len() {
        let size_ratio = sizes[i] as f64 / sizes[i - 1] as f64;
        let work_ratio = counts[i] as f64 / counts[i - 1].max(1) as f64;
        assert!(
            work_ratio <= size_ratio * slack,
            "{what}: work grows faster than the input ({figures})"
        );
    }
    assert!(
        counts.iter().all(|&c| c > 0),
        "{what}: nothing counted ({figures})"
    );
    let line = format!("{what}: {figures}");
    println!("{line}");
    line
}
