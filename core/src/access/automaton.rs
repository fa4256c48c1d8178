//! Wildcard patterns as automata, and the search for a text that a Boolean combination of them
//! accepts.
//!
//! A pattern is a sequence of positions, each testing one character (`?` or a literal character)
//! or a run of them (`*`). A set of positions is the state of the pattern's NFA; the product of
//! the NFAs of several patterns, explored breadth first over the alphabet of [`super::chars`],
//! finds the shortest text whose vector of memberships satisfies any predicate: "in this one and
//! in none of those", or any other mix. That is exact: every pattern is a regular language and
//! the alphabet has one character per class that the patterns can tell apart.

use std::collections::HashMap;

use super::chars::{self, CharTest};

/// One position of a pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// Exactly one character passing the test.
    One(CharTest),
    /// Zero or more characters passing the test.
    Run(CharTest),
}

/// A pattern: the language of texts its steps read in full. `steps: None` is the empty language
/// (a pattern that can match nothing, such as an unresolved policy variable).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Pattern {
    /// The positions in order; `None` for the empty language.
    pub steps: Option<Vec<Step>>,
}

impl Pattern {
    /// The pattern reading exactly `steps`, in order.
    #[must_use]
    pub fn new(steps: Vec<Step>) -> Pattern {
        Pattern { steps: Some(steps) }
    }
    /// The empty language: matches no text at all.
    #[must_use]
    pub fn never() -> Pattern {
        Pattern { steps: None }
    }
    /// Every text.
    #[must_use]
    pub fn any() -> Pattern {
        Pattern::new(vec![Step::Run(CharTest::Any)])
    }
    /// Exactly `text`.
    #[must_use]
    pub fn literal(text: &str) -> Pattern {
        Pattern::new(
            text.chars()
                .map(|c| Step::One(CharTest::Exact(c)))
                .collect(),
        )
    }
    /// Direct membership, for checking a known text (a catalog action, a witness).
    #[must_use]
    pub fn accepts(&self, text: &str) -> bool {
        let Some(steps) = &self.steps else {
            return false;
        };
        let mut state = vec![false; steps.len() + 1];
        state[0] = true;
        close(steps, &mut state);
        for c in text.chars() {
            let mut next = vec![false; steps.len() + 1];
            for (i, step) in steps.iter().enumerate() {
                if !state[i] {
                    continue;
                }
                match *step {
                    Step::One(test) if test.matches(c) => next[i + 1] = true,
                    Step::Run(test) if test.matches(c) => next[i] = true,
                    _ => {}
                }
            }
            close(steps, &mut next);
            if !next.iter().any(|&b| b) {
                return false;
            }
            state = next;
        }
        state[steps.len()]
    }
    fn tests(&self) -> impl Iterator<Item = CharTest> + '_ {
        self.steps.iter().flatten().map(|s| match *s {
            Step::One(t) | Step::Run(t) => t,
        })
    }
}

/// Epsilon closure: a run may be skipped.
fn close(steps: &[Step], state: &mut [bool]) {
    for i in 0..steps.len() {
        if state[i] && matches!(steps[i], Step::Run(_)) {
            state[i + 1] = true;
        }
    }
}

/// The outcome of a search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Search {
    /// A text satisfying the predicate.
    Found(String),
    /// No text satisfies the predicate.
    Empty,
    /// The state budget ran out before an answer.
    GaveUp,
}

/// How many product states one search may visit before giving up.
pub const STATE_BUDGET: usize = 50_000;

/// The shortest text (over the class alphabet, readable characters first) whose memberships in
/// `patterns` satisfy `accept`.
pub fn find(patterns: &[&Pattern], accept: &dyn Fn(&[bool]) -> bool) -> Search {
    let alphabet = chars::alphabet(patterns.iter().flat_map(|p| p.tests()));
    // All patterns' positions in one numbering; `ends[k]` is pattern k's accepting position.
    let mut steps: Vec<Option<Step>> = Vec::new();
    let mut ends: Vec<Option<u32>> = Vec::with_capacity(patterns.len());
    let mut start: Vec<u32> = Vec::new();
    for pattern in patterns {
        match &pattern.steps {
            Some(s) => {
                start.push(steps.len() as u32);
                steps.extend(s.iter().copied().map(Some));
                ends.push(Some(steps.len() as u32));
                steps.push(None);
            }
            None => ends.push(None),
        }
    }
    // A state is the sorted set of active positions, closed under skipping runs.
    let close = |state: &mut Vec<u32>| {
        let mut i = 0;
        while i < state.len() {
            let p = state[i];
            if let Some(Step::Run(_)) = steps[p as usize] {
                state.push(p + 1);
            }
            i += 1;
        }
        state.sort_unstable();
        state.dedup();
    };
    let memberships = |state: &[u32]| -> Vec<bool> {
        ends.iter()
            .map(|end| end.is_some_and(|e| state.binary_search(&e).is_ok()))
            .collect()
    };
    close(&mut start);

    // Breadth first, remembering each state's parent and the character that reached it.
    let mut seen: HashMap<Vec<u32>, usize> = HashMap::new();
    let mut states: Vec<(Vec<u32>, usize, char)> = Vec::new();
    seen.insert(start.clone(), 0);
    states.push((start, usize::MAX, '\0'));
    let mut head = 0;
    while head < states.len() {
        if accept(&memberships(&states[head].0)) {
            return Search::Found(spell(&states, head));
        }
        if states.len() > STATE_BUDGET {
            return Search::GaveUp;
        }
        // No active position: every longer text has the same memberships.
        if states[head].0.is_empty() {
            head += 1;
            continue;
        }
        for &c in &alphabet {
            let mut next: Vec<u32> = Vec::new();
            for &p in &states[head].0 {
                match steps[p as usize] {
                    Some(Step::One(test)) if test.matches(c) => next.push(p + 1),
                    Some(Step::Run(test)) if test.matches(c) => next.push(p),
                    _ => {}
                }
            }
            close(&mut next);
            if !seen.contains_key(&next) {
                seen.insert(next.clone(), states.len());
                states.push((next, head, c));
            }
        }
        head += 1;
    }
    Search::Empty
}

fn spell(states: &[(Vec<u32>, usize, char)], mut at: usize) -> String {
    let mut out = Vec::new();
    while states[at].1 != usize::MAX {
        out.push(states[at].2);
        at = states[at].1;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glob(text: &str, fold: bool) -> Pattern {
        Pattern::new(
            text.chars()
                .map(|c| match c {
                    '*' => Step::Run(CharTest::Any),
                    '?' => Step::One(CharTest::Any),
                    c if fold => Step::One(CharTest::Fold(c)),
                    c => Step::One(CharTest::Exact(c)),
                })
                .collect(),
        )
    }

    #[test]
    fn difference_of_globs() {
        let get = glob("get*", true);
        let get_bucket = glob("getbucket*", true);
        let found = find(&[&get, &get_bucket], &|m| m[0] && !m[1]);
        assert_eq!(found, Search::Found("get".to_owned()));
        let found = find(&[&get_bucket, &get], &|m| m[0] && !m[1]);
        assert_eq!(found, Search::Empty);
    }

    #[test]
    fn inclusion_needs_every_shape() {
        // `a*b` is not inside `a*` minus `*c`... but `a?` and `a*` cover each other only one way.
        let a_any = glob("a*", false);
        let a_one = glob("a?", false);
        assert_eq!(find(&[&a_one, &a_any], &|m| m[0] && !m[1]), Search::Empty);
        assert!(matches!(
            find(&[&a_any, &a_one], &|m| m[0] && !m[1]),
            Search::Found(t) if t == "a"
        ));
    }

    #[test]
    fn overlapping_stars() {
        let p = glob("*ab*ab*", false);
        let q = glob("*aba*", false);
        match find(&[&p, &q], &|m| m[0] && !m[1]) {
            Search::Found(t) => {
                assert!(p.accepts(&t) && !q.accepts(&t), "{t}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn never_is_empty() {
        let never = Pattern::never();
        assert_eq!(find(&[&never], &|m| m[0]), Search::Empty);
        assert_eq!(find(&[&never], &|m| !m[0]), Search::Found(String::new()));
    }
}
