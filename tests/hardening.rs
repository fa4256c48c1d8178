//! Every library and binary crate of the project forbids unsafe code (`SECURITY.md`): the
//! attribute is at each crate root, so no module can opt out with `allow`.

use std::path::Path;

#[test]
fn every_crate_root_forbids_unsafe_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    for crate_root in [
        "core/src/lib.rs",
        "macros/src/lib.rs",
        "actions/src/lib.rs",
        "runtime/src/lib.rs",
        "cli/src/main.rs",
    ] {
        let text = std::fs::read_to_string(root.join(crate_root)).unwrap();
        assert!(
            text.lines().any(|l| l.trim() == "#![forbid(unsafe_code)]"),
            "{crate_root} does not forbid unsafe code"
        );
    }
}
