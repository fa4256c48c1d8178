//! Values for policy variables that make a pattern match a text: how a request found with a
//! variable read as `*` gets the context value the variable stands for.

use crate::compiled::{Glob, Segment};

use super::witness::{Context, key_eq};

/// Matches `text` against `glob` (case-sensitively, as ARN parts compare), choosing values for
/// the variables that neither `fixed` nor `bound` sets; adds them to `bound`.
pub fn bind(glob: &Glob, text: &str, fixed: &Context, bound: &mut Vec<(String, String)>) -> bool {
    let before = bound.len();
    if walk(&glob.segments, text, fixed, bound) {
        return true;
    }
    bound.truncate(before);
    false
}

fn walk(
    segments: &[Segment],
    text: &str,
    fixed: &Context,
    bound: &mut Vec<(String, String)>,
) -> bool {
    let Some((first, rest)) = segments.split_first() else {
        return text.is_empty();
    };
    match first {
        Segment::Literal(literal) => text
            .strip_prefix(literal.as_ref())
            .is_some_and(|after| walk(rest, after, fixed, bound)),
        Segment::AnyOne => {
            let mut chars = text.chars();
            chars.next().is_some() && walk(rest, chars.as_str(), fixed, bound)
        }
        Segment::AnyRun => boundaries(text).any(|i| walk(rest, &text[i..], fixed, bound)),
        Segment::Variable(variable) => {
            let known = fixed
                .lookup(&variable.key)
                .map(|v| {
                    v.single()
                        .or(variable.default.as_deref())
                        .map(str::to_owned)
                })
                .or_else(|| {
                    bound
                        .iter()
                        .find(|(k, _)| key_eq(k, &variable.key))
                        .map(|(_, v)| Some(v.clone()))
                });
            match known {
                Some(Some(value)) => text
                    .strip_prefix(value.as_str())
                    .is_some_and(|after| walk(rest, after, fixed, bound)),
                Some(None) => false,
                None => {
                    // Shortest value first, but never empty when a longer one works: an empty
                    // user name is not a useful example.
                    for i in boundaries(text).skip(1).chain(std::iter::once(0)) {
                        bound.push((variable.key.to_string(), text[..i].to_owned()));
                        if walk(rest, &text[i..], fixed, bound) {
                            return true;
                        }
                        bound.pop();
                    }
                    false
                }
            }
        }
    }
}

fn boundaries(text: &str) -> impl Iterator<Item = usize> + '_ {
    (0..=text.len()).filter(|&i| text.is_char_boundary(i))
}
