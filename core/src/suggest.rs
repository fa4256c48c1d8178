//! "did you mean" suggestions.

/// Inputs longer than this get no suggestion: no IAM name is this long, and the edit distance
/// costs the product of the two lengths.
pub const MAX_INPUT_CHARS: usize = 256;

/// The candidate closest to `input`, compared case-insensitively, if it is close enough to be a
/// plausible typo: a Damerau-Levenshtein distance of at most a third of the input's length (min
/// 2), and at most half the length of the shorter of the two (`Foo` is not a typo of `Bool`).
///
/// Bounded work: inputs over [`MAX_INPUT_CHARS`] characters get no suggestion, and a candidate
/// whose length differs from the input's by more than the limit is skipped without computing a
/// distance (the distance is at least that difference).
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if input.len() > MAX_INPUT_CHARS * 4 {
        return None;
    }
    let input_chars = input.chars().count();
    if input_chars > MAX_INPUT_CHARS {
        return None;
    }
    let needle = input.to_ascii_lowercase();
    let limit = (input_chars / 3).max(2);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let candidate_chars = candidate.chars().count();
        if candidate_chars.abs_diff(input_chars) > limit {
            continue;
        }
        crate::work::add(
            crate::work::Counter::EditCells,
            (input_chars * candidate_chars) as u64,
        );
        let distance = strsim::damerau_levenshtein(&needle, &candidate.to_ascii_lowercase());
        let shorter = input_chars.min(candidate_chars);
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

    /// `s3:GGG...` of any length: the work stays that of the longest plausible input.
    #[test]
    fn edit_distance_work_is_capped() {
        use crate::work::{Counter, assert_linear, measure};
        let names = ["GetObject", "PutObject", "GetObjectAcl", "ListBucket"];
        let sizes = [100_000u64, 1_000_000, 10_000_000];
        let counts: Vec<u64> = sizes
            .iter()
            .map(|&n| {
                let input = "G".repeat(n as usize);
                measure(Counter::EditCells, || {
                    assert_eq!(closest(&input, names), None)
                }) + measure(Counter::EditCells, || {
                    assert_eq!(closest("GetObjekt", names), Some("GetObject"))
                })
            })
            .collect();
        assert_linear("did-you-mean cells by input length", &sizes, &counts, 1.0);
        assert_eq!(counts[0], counts[2], "the cap makes the work constant");
    }
}
