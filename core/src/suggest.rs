//! "did you mean" suggestions.

/// The candidate closest to `input`, compared case-insensitively, if it is close enough to be a
/// plausible typo: a Damerau-Levenshtein distance of at most a third of the input's length (min
/// 2), and at most half the length of the shorter of the two (`Foo` is not a typo of `Bool`).
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let needle = input.to_ascii_lowercase();
    let limit = (needle.chars().count() / 3).max(2);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let distance = strsim::damerau_levenshtein(&needle, &candidate.to_ascii_lowercase());
        let shorter = needle.chars().count().min(candidate.chars().count());
        let plausible = distance <= limit && distance * 2 <= shorter;
        if plausible && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn finds_a_typo_and_refuses_a_stranger() {
        let names = ["StartSession", "TerminateSession", "ResumeSession"];
        assert_eq!(closest("StartSesion", names), Some("StartSession"));
        assert_eq!(closest("terminatesession", names), Some("TerminateSession"));
        assert_eq!(closest("ListBuckets", names), None);
        // Two edits of three letters is not a typo.
        assert_eq!(closest("Foo", ["Bool", "Null"]), None);
        assert_eq!(closest("s4", ["s3", "ssm"]), Some("s3"));
    }
}
