//! The public API's promises, checked at compile time where the type system can check them.

/// Every published crate keeps `#![warn(missing_docs)]`, which CI's `clippy -D warnings` and
/// `RUSTDOCFLAGS="-D warnings" cargo doc` turn into errors: an undocumented public item fails CI.
#[test]
fn every_published_crate_warns_on_missing_docs() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    for lib in [
        "core/src/lib.rs",
        "runtime/src/lib.rs",
        "macros/src/lib.rs",
        "actions/src/lib.rs",
    ] {
        let text = std::fs::read_to_string(format!("{root}/{lib}")).unwrap();
        assert!(
            text.lines()
                .any(|line| line.trim() == "#![warn(missing_docs)]"),
            "{lib} lacks `#![warn(missing_docs)]`"
        );
    }
}
