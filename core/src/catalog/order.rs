//! The order of the catalog's sorted tables, shared by the parser (which checks it) and the
//! model's lookups (which binary-search by it). A leaf: it imports nothing of the catalog.

use std::cmp::Ordering;

/// Byte-wise ASCII case-insensitive order: service prefixes, resource types, actions and condition
/// keys are sorted by it, since IAM matches all of them without regard to case.
pub(crate) fn cmp_ignore_case(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        match x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase()) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    a.len().cmp(&b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_insensitive_order() {
        assert!(cmp_ignore_case("ssm", "SSM").is_eq());
        assert!(cmp_ignore_case("ssm", "ssm-contacts").is_lt());
        assert!(cmp_ignore_case("ssm-contacts", "SSM").is_gt());
        assert!(cmp_ignore_case("S3", "sagemaker").is_lt());
        assert!(cmp_ignore_case("b", "A").is_gt());
        assert!(cmp_ignore_case("", "a").is_lt());
        // Bytes after folding: `_` (0x5f) sorts before every letter (0x61..), `-` before digits.
        assert!(cmp_ignore_case("a_b", "aB").is_lt());
        assert!(cmp_ignore_case("a-b", "a0").is_lt());
    }
}
