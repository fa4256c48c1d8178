//! The Session Manager seed policies: every valid one compiles unchanged, reads the same at run
//! time, and exports equal JSON; the defective ones are rejected as IAM rejects them.

use iam_policy::Policy;
use iam_policy_tests::{INVALID_SEEDS, VALID_SEEDS};

#[test]
fn valid_seeds_export_the_json_they_were_written_as() {
    for seed in VALID_SEEDS {
        // Same value, same key order, same string-or-array shapes.
        let original: serde_json::Value = serde_json::from_str(seed.text).unwrap();
        assert_eq!(
            seed.compiled.to_json(),
            serde_json::to_string(&original).unwrap(),
            "{}",
            seed.name
        );
        // The seed files are in AWS's layout, which the pretty form reproduces byte for byte.
        assert_eq!(
            seed.compiled.to_json_pretty(),
            seed.text.trim_end(),
            "{}",
            seed.name
        );
        // serde::Serialize gives the same document.
        assert_eq!(
            serde_json::to_value(seed.compiled).unwrap(),
            original,
            "{}",
            seed.name
        );
        // And the run-time path reads the same policy.
        let loaded = Policy::from_json(seed.text).unwrap_or_else(|e| panic!("{}: {e}", seed.name));
        assert_eq!(loaded.compiled(), seed.compiled.compiled(), "{}", seed.name);
        assert!(seed.compiled.is_specialized());
        assert!(!loaded.is_specialized());
    }
}

#[test]
fn exported_json_reads_back_to_the_same_policy() {
    for seed in VALID_SEEDS {
        for text in [seed.compiled.to_json(), seed.compiled.to_json_pretty()] {
            let again = Policy::from_json(&text).unwrap();
            assert_eq!(again.compiled(), seed.compiled.compiled(), "{}", seed.name);
        }
    }
}

#[test]
fn defective_seeds_are_rejected_with_their_finding() {
    for (name, text, codes) in INVALID_SEEDS {
        let error = Policy::from_json(text).expect_err(name);
        let found: Vec<&str> = error.errors().map(|d| d.diagnostic.code()).collect();
        assert_eq!(&found, codes, "{name}: {error}");
        if codes == &["INVALID_ARN_PREFIX"] {
            let d = &error.errors().next().unwrap().diagnostic;
            assert!(
                d.message().contains("must be an ARN or `\"*\"`"),
                "{}",
                d.message()
            );
            assert!(d.help().unwrap().contains("`\"*\"`"), "{:?}", d.help());
        }
    }
}

#[test]
fn corrected_empty_resource_seeds_are_valid() {
    // AWS later published these with `"*"` in place of `""`.
    for (name, text, codes) in INVALID_SEEDS {
        if codes != &["INVALID_ARN_PREFIX"] {
            continue;
        }
        let corrected = text.replace(r#""Resource": """#, r#""Resource": "*""#);
        assert_ne!(&corrected, text);
        Policy::from_json(&corrected).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}
