//! Entries and statements that add nothing: `REDUNDANT_ACTION` (an action pattern inside another
//! of the same list), `REDUNDANT_RESOURCE` (the same for resources) and `REDUNDANT_STATEMENT` (a
//! statement equal to an earlier one, `Sid` aside).
//!
//! Inclusion is decided on the patterns themselves, exactly (as automata, [`crate::access`]), not
//! on the catalog's list of actions: removing an entry reported here never changes what the policy
//! grants, today or once AWS adds actions. A pattern that names a policy variable is read as every
//! value the variable can take when it is the one tested (so "included" stays true whatever the
//! request), and is never the including one unless both are written alike.

use std::collections::HashMap;

use super::Validator;
use super::document::{Block, Document, Located, StatementModel};
use crate::access::automaton::{self, Pattern, Search, Step};
use crate::access::chars::CharTest;
use crate::access::language::{FreeVariables, Translator};
use crate::access::witness::Context;
use crate::codes;
use crate::compiled::{ActionPattern, Glob, ResourcePattern, Segment};
use crate::diagnostic::Finding;
use crate::pattern::Case;

/// How many automaton states the redundancy checks of one policy may visit in all. The managed
/// policies need far fewer; a hostile list whose entries all pass the cheap tests would otherwise
/// cost up to [`automaton::STATE_BUDGET`] per pair. Past it, inclusions are not reported (a missed
/// suggestion, never a wrong one).
pub(crate) const STATES_PER_POLICY: usize = 200_000;

pub(crate) fn check(v: &mut Validator, document: &Document) {
    let mut budget = STATES_PER_POLICY;
    for s in &document.statements {
        check_actions(v, &s.actions, &mut budget);
        check_resources(v, &s.resources, &mut budget);
    }
    check_statements(v, document);
}

/// One entry of a list, ready to be compared.
struct Entry {
    /// The one text of an entry without wildcards or variables (most entries): inclusion is then a
    /// match, not a search, and no automaton is built.
    literal: Option<String>,
    /// The other entries' language, two ways: widened (variables read as `*`: a superset, for the
    /// entry tested) and strict (`None` when it names a variable: it cannot stand for a superset).
    widened: Option<Pattern>,
    strict: Option<Pattern>,
    /// The literal characters the entry starts with, and those it ends with (reversed), folded: a
    /// cheap necessary condition of inclusion that most pairs (`describe*`, `get*`) fail.
    head: String,
    tail: String,
    /// The entry as read: equal for entries written alike.
    same: String,
    /// For an ARN with wildcards, the head and tail of each of its five fields before the
    /// resource, and of the resource: a field of one ARN is inside the same field of another only
    /// if the other's literal head and tail are its own head's and tail's (a wildcard can always
    /// be filled with a character the other does not allow there). Most ARN lists share the whole
    /// ARN's head (`arn:aws:ssm:`) and differ only inside the resource, where this tells them
    /// apart without building the product automaton. Empty for actions and texts.
    fields: Vec<(String, String)>,
    /// The shape of each field (an action's name; an ARN's five fields), for deciding inclusion
    /// without an automaton in the common cases ([`shapes_include`]). Empty when not known.
    shapes: Vec<Shape>,
}

impl Entry {
    /// `patterns` builds the widened and the strict automata, for an entry that is not a text.
    fn new(
        debug: impl FnOnce() -> String,
        literal: Option<String>,
        patterns: impl FnOnce() -> (Pattern, Option<Pattern>),
    ) -> Entry {
        match literal {
            // A text's head and tail are the text: folded only when compared.
            Some(text) => Entry {
                head: String::new(),
                tail: String::new(),
                fields: Vec::new(),
                shapes: Vec::new(),
                same: format!("={text}"),
                literal: Some(text),
                widened: None,
                strict: None,
            },
            None => {
                let (widened, strict) = patterns();
                let steps = widened.steps.as_deref().unwrap_or_default();
                Entry {
                    head: literal_run(steps.iter()),
                    tail: literal_run(steps.iter().rev()),
                    fields: Vec::new(),
                    shapes: Vec::new(),
                    same: format!("~{}", debug()),
                    literal: None,
                    widened: Some(widened),
                    strict,
                }
            }
        }
    }
}

fn check_actions(v: &mut Validator, block: &Block<ActionPattern>, budget: &mut usize) {
    // Only entries of one service can include each other, apart from `*`.
    let mut by_service: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut any: Option<usize> = None;
    for (i, e) in block.entries.iter().enumerate() {
        match &e.value {
            ActionPattern::Any => {
                any.get_or_insert(i);
            }
            ActionPattern::Named { service, .. } => {
                by_service.entry(service.as_ref()).or_default().push(i)
            }
        }
    }
    let mut redundant: Vec<(usize, usize)> = Vec::new();
    if let Some(first_any) = any {
        redundant.extend(
            (0..block.entries.len())
                .filter(|&i| i != first_any)
                .map(|i| (i, first_any)),
        );
    } else {
        for indexes in by_service.values() {
            let entries: Vec<(usize, Entry)> = indexes
                .iter()
                .filter_map(|&i| match &block.entries[i].value {
                    ActionPattern::Named { name, .. } => Some((i, action_entry(name))),
                    ActionPattern::Any => None,
                })
                .collect();
            redundant.extend(included_entries(&entries, budget));
        }
    }
    redundant.sort_unstable();
    if redundant.is_empty() {
        return;
    }
    let count = redundant.len();
    for (i, by) in redundant {
        let (e, other) = (&block.entries[i], &block.entries[by]);
        v.report(
            Finding::new(
                codes::REDUNDANT_ACTION,
                format!(
                    "the action `{}` is redundant: `{}` already matches every action it matches ({count} redundant in this list)",
                    e.text, other.text
                ),
            )
            .with_help(format!("remove `{}`", e.text)),
            &e.path,
            e.loc,
        );
    }
}

fn check_resources(v: &mut Validator, block: &Block<ResourcePattern>, budget: &mut usize) {
    let mut entries: Vec<(usize, Entry)> = Vec::new();
    let mut any: Option<usize> = None;
    let translator = Translator {
        fixed: &Context::default(),
        free: FreeVariables::Widen,
    };
    let strict = Translator {
        fixed: &Context::default(),
        free: FreeVariables::Refuse,
    };
    for (i, e) in block.entries.iter().enumerate() {
        match &e.value {
            ResourcePattern::Any => {
                any.get_or_insert(i);
            }
            ResourcePattern::Arn(arn) => {
                let parts = [
                    &arn.partition,
                    &arn.service,
                    &arn.region,
                    &arn.account,
                    &arn.resource,
                ];
                let literal = parts.iter().all(|g| literal_text(g).is_some()).then(|| {
                    let texts: Vec<String> = parts.iter().filter_map(|g| literal_text(g)).collect();
                    format!("arn:{}", texts.join(":"))
                });
                let patterns = || {
                    // Widening never refuses a variable.
                    let widened = translator.arn(arn).unwrap_or_else(|_| Pattern::any());
                    (widened, strict.arn(arn).ok())
                };
                let mut entry = Entry::new(|| format!("{arn:?}"), literal, patterns);
                if entry.literal.is_none() {
                    entry.fields = parts.iter().map(|g| glob_ends(g)).collect();
                    entry.shapes = parts.iter().map(|g| shape(g)).collect();
                }
                entries.push((i, entry));
            }
            // Not an ARN: reported by the syntax checks.
            ResourcePattern::Never => {}
        }
    }
    let mut redundant: Vec<(usize, usize)> = match any {
        Some(first_any) => (0..block.entries.len())
            .filter(|&i| i != first_any && !is_never(&block.entries[i]))
            .map(|i| (i, first_any))
            .collect(),
        None => included_entries(&entries, budget),
    };
    redundant.sort_unstable();
    let count = redundant.len();
    for (i, by) in redundant {
        let (e, other) = (&block.entries[i], &block.entries[by]);
        v.report(
            Finding::new(
                codes::REDUNDANT_RESOURCE,
                format!(
                    "the resource `{}` is redundant: `{}` already matches every resource it matches ({count} redundant in this list)",
                    e.text, other.text
                ),
            )
            .with_help(format!(
                "remove `{}`, or narrow the wildcards of `{}` if it grants more than you meant",
                e.text, other.text
            )),
            &e.path,
            e.loc,
        );
    }
}

fn is_never(e: &Located<ResourcePattern>) -> bool {
    matches!(e.value, ResourcePattern::Never)
}

/// An action name (lowercased by the reader) as an entry.
fn action_entry(name: &Glob) -> Entry {
    let mut entry = action_entry_unshaped(name);
    if entry.literal.is_none() {
        entry.shapes = vec![shape(name)];
    }
    entry
}

fn action_entry_unshaped(name: &Glob) -> Entry {
    let fixed = Context::default();
    let translate = |free| {
        Translator {
            fixed: &fixed,
            free,
        }
        .glob(name, Case::Insensitive)
    };
    Entry::new(
        || format!("{name:?}"),
        literal_text(name),
        || {
            (
                translate(FreeVariables::Widen).unwrap_or_else(|_| Pattern::any()),
                translate(FreeVariables::Refuse).ok(),
            )
        },
    )
}

/// What one field of an entry is, as far as [`field_includes`] needs: most lists are made of
/// literals, `prefix*` and `*`, whose inclusions are decided by comparing texts. Texts keep their
/// case: action names are already lowercase, ARNs compare case-sensitively.
#[derive(Debug)]
enum Shape {
    /// `*`.
    Any,
    /// No wildcard and no variable.
    Literal(String),
    /// Literal text, then one `*` at the end.
    Prefix(String),
    /// Anything else; `head` is the literal text it starts with (a variable, widened, is a
    /// wildcard).
    Other { head: String },
}

fn shape(glob: &Glob) -> Shape {
    let head: String = glob
        .segments
        .iter()
        .map_while(|s| match s {
            Segment::Literal(text) => Some(&**text),
            _ => None,
        })
        .collect();
    let literals = glob
        .segments
        .iter()
        .take_while(|s| matches!(s, Segment::Literal(_)))
        .count();
    match &glob.segments[literals..] {
        [] => Shape::Literal(head),
        [Segment::AnyRun] if head.is_empty() => Shape::Any,
        [Segment::AnyRun] => Shape::Prefix(head),
        _ => Shape::Other { head },
    }
}

/// Whether every text of the field `small` is in the field `big`, when their shapes decide it.
/// A pattern's texts all start with its literal head, and a wildcard (or a widened variable) can
/// always be filled with a character that another literal does not have there: so `small` is
/// inside `prefix*` exactly when its head starts with `prefix`, and inside a literal exactly when
/// it is that literal.
fn field_includes(big: &Shape, small: &Shape) -> Option<bool> {
    match big {
        Shape::Any => Some(true),
        Shape::Literal(b) => Some(matches!(small, Shape::Literal(s) if s == b)),
        Shape::Prefix(p) => Some(match small {
            Shape::Any => false,
            Shape::Literal(s) | Shape::Prefix(s) | Shape::Other { head: s } => s.starts_with(p),
        }),
        Shape::Other { .. } => None,
    }
}

/// [`field_includes`] over every field: an ARN is inside another exactly when each of its fields
/// is inside the other's (the fields are matched each on its own). `None` when a field's shapes
/// do not decide and no other field says no.
fn shapes_include(big: &[Shape], small: &[Shape]) -> Option<bool> {
    if big.is_empty() || big.len() != small.len() {
        return None;
    }
    let mut decided = true;
    for (b, s) in big.iter().zip(small) {
        match field_includes(b, s) {
            Some(false) => return Some(false),
            Some(true) => {}
            None => decided = false,
        }
    }
    decided.then_some(true)
}

/// The literal text a glob starts with, and the one it ends with (reversed), folded as
/// [`literal_run`] folds: a variable or a wildcard ends each.
fn glob_ends(glob: &Glob) -> (String, String) {
    let run = |segments: &mut dyn Iterator<Item = &Segment>, reverse: bool| -> String {
        let mut text = String::new();
        for segment in segments {
            let Segment::Literal(literal) = segment else {
                break;
            };
            if reverse {
                text.extend(literal.chars().rev().flat_map(char::to_lowercase));
            } else {
                text.extend(literal.chars().flat_map(char::to_lowercase));
            }
        }
        text
    };
    (
        run(&mut glob.segments.iter(), false),
        run(&mut glob.segments.iter().rev(), true),
    )
}

/// The text of a glob made only of literal segments (an empty glob is the empty text).
fn literal_text(glob: &Glob) -> Option<String> {
    let mut text = String::new();
    for s in glob.segments.iter() {
        match s {
            Segment::Literal(l) => text.push_str(l),
            _ => return None,
        }
    }
    Some(text)
}

/// How many entries with wildcards one entry is compared with, at most: the check stays linear in
/// the size of the list (a hostile list of thousands of wildcards is left partly unchecked; what
/// is reported stays true).
const CANDIDATES_PER_ENTRY: usize = 256;

/// The entries (index into the list, and the index of one entry that includes it) whose language
/// is inside another entry's. Of two entries with the same language, the later is reported.
fn included_entries(entries: &[(usize, Entry)], budget: &mut usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Entries written alike (most duplicates) are found by hashing, not by comparing pairs.
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    let wildcards: Vec<&(usize, Entry)> = entries
        .iter()
        .filter(|(_, e)| e.literal.is_none() && e.strict.is_some())
        .collect();
    for (i, small) in entries {
        if let Some(&j) = first_of.get(small.same.as_str()) {
            out.push((*i, j));
            continue;
        }
        first_of.insert(&small.same, *i);
        if wildcards.is_empty() {
            continue;
        }
        let folded = |chars: &mut dyn Iterator<Item = char>| -> String {
            chars.flat_map(char::to_lowercase).collect()
        };
        let (head, tail) = match &small.literal {
            Some(text) => (folded(&mut text.chars()), folded(&mut text.chars().rev())),
            None => (small.head.clone(), small.tail.clone()),
        };
        let candidates = wildcards
            .iter()
            .filter(|(j, _)| j != i)
            .take(CANDIDATES_PER_ENTRY);
        let by = candidates.into_iter().find_map(|(j, big)| {
            crate::work::add(crate::work::Counter::InclusionTests, 1);
            let big_strict = big.strict.as_ref()?;
            if !head.starts_with(&big.head) || !tail.starts_with(&big.tail) {
                return None;
            }
            if small.fields.len() == big.fields.len()
                && small
                    .fields
                    .iter()
                    .zip(&big.fields)
                    .any(|((sh, st), (bh, bt))| {
                        !sh.starts_with(bh.as_str()) || !st.starts_with(bt.as_str())
                    })
            {
                return None;
            }
            let (included, mutual) = match &small.literal {
                // One text in a pattern: a match.
                Some(text) => (big_strict.accepts(text), false),
                None => {
                    let (Some(small_widened), Some(big_widened)) = (&small.widened, &big.widened)
                    else {
                        return None;
                    };
                    let included = shapes_include(&big.shapes, &small.shapes)
                        .unwrap_or_else(|| includes(big_strict, small_widened, budget));
                    let mutual = included
                        && small.strict.as_ref().is_some_and(|s| {
                            shapes_include(&small.shapes, &big.shapes)
                                .unwrap_or_else(|| includes(s, big_widened, budget))
                        });
                    (included, mutual)
                }
            };
            // Same language both ways (`a*` and `a**`): only the later entry is redundant.
            (included && (!mutual || *j < *i)).then_some(*j)
        });
        if let Some(j) = by {
            out.push((*i, j));
        }
    }
    out
}

/// True when every text of `small` is in `big`, decided exactly; false when the search gives up
/// or the policy's `budget` of automaton states is spent.
fn includes(big: &Pattern, small: &Pattern, budget: &mut usize) -> bool {
    if samples(small).iter().any(|text| !big.accepts(text)) {
        // A text of `small` that `big` refuses: most pairs that pass the heads and tails end
        // here, without the product automaton (a few hundred thousand instructions each).
        return false;
    }
    let before = *budget;
    let found = automaton::find_within(&[small, big], &|m| m[0] && !m[1], budget);
    crate::work::add(
        crate::work::Counter::AutomatonStates,
        (before - *budget) as u64,
    );
    found == Search::Empty
}

/// Two texts of a pattern: every run empty, then every run one character; each single wildcard
/// a control character no policy writes, so that a pattern written for real text refuses it.
fn samples(pattern: &Pattern) -> Vec<String> {
    const RARE: char = '\u{1}';
    let Some(steps) = &pattern.steps else {
        return Vec::new();
    };
    let text = |run: bool| -> Option<String> {
        let mut text = String::new();
        for step in steps {
            match *step {
                Step::One(CharTest::Exact(c) | CharTest::Fold(c)) => text.push(c),
                Step::One(test) if test.matches(RARE) => text.push(RARE),
                // A wildcard that refuses the rare character: no sample (the automaton decides).
                Step::One(_) => return None,
                Step::Run(test) if run && test.matches(RARE) => text.push(RARE),
                Step::Run(_) => {}
            }
        }
        Some(text)
    };
    [text(false), text(true)].into_iter().flatten().collect()
}

/// The characters a pattern reads one literal at a time from where `steps` starts, folded.
fn literal_run<'a>(steps: impl Iterator<Item = &'a Step>) -> String {
    steps
        .map_while(|step| match *step {
            Step::One(CharTest::Exact(c)) | Step::One(CharTest::Fold(c)) => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Statements equal in everything but `Sid` (entries and values compared as sets, condition keys
/// in any case): all but the first are reported.
fn check_statements(v: &mut Validator, document: &Document) {
    // Only statements alike in their counts can be equal: the others are not spelled out.
    let shape = |s: &StatementModel| {
        (
            s.effect == crate::compiled::Effect::Allow,
            s.actions.entries.len(),
            s.resources.entries.len(),
            s.conditions.len(),
        )
    };
    let mut shapes: HashMap<(bool, usize, usize, usize), usize> = HashMap::new();
    for s in &document.statements {
        *shapes.entry(shape(s)).or_default() += 1;
    }
    // Statements by the hash of their canonical text (a few bytes each, not the text: memory
    // stays within a small factor of the input); a hash met again is confirmed on the texts.
    let mut first: HashMap<u64, Vec<usize>> = HashMap::new();
    for (position, s) in document.statements.iter().enumerate() {
        if shapes[&shape(s)] < 2 {
            continue;
        }
        let key = canonical(s);
        let hash = {
            use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
            BuildHasherDefault::<DefaultHasher>::default().hash_one(&key)
        };
        let earlier = first.get(&hash).and_then(|positions| {
            positions
                .iter()
                .find(|&&p| canonical(&document.statements[p]) == key)
                .map(|&p| document.statements[p].index)
        });
        match earlier {
            Some(earlier) => v.report(
                Finding::new(
                    codes::REDUNDANT_STATEMENT,
                    format!(
                        "this statement is the same as statement {earlier}, `Sid` aside: it grants or denies nothing more"
                    ),
                )
                .with_help("remove one of the two statements, so that a later edit cannot change one and not the other"),
                &s.path,
                s.loc,
            ),
            None => first.entry(hash).or_default().push(position),
        }
    }
}

/// A text equal for two statements exactly when they have the same effect, principals, actions,
/// resources and conditions, whatever the order of entries and values.
fn canonical(s: &StatementModel) -> String {
    fn set<T: std::fmt::Debug>(negated: bool, entries: &[Located<T>]) -> String {
        let mut items: Vec<String> = entries.iter().map(|e| format!("{:?}", e.value)).collect();
        items.sort_unstable();
        items.dedup();
        format!("{negated}{items:?}")
    }
    let principals = s
        .principals
        .as_ref()
        .map(|p| set(p.negated, &p.entries))
        .unwrap_or_default();
    let mut conditions: Vec<String> = s
        .conditions
        .iter()
        .map(|c| {
            let mut texts: Vec<&str> = c.value_texts.iter().map(|t| t.text.as_ref()).collect();
            texts.sort_unstable();
            texts.dedup();
            format!(
                "{:?}|{}|{texts:?}",
                c.operator.value,
                c.key.text.to_ascii_lowercase()
            )
        })
        .collect();
    conditions.sort_unstable();
    conditions.dedup();
    format!(
        "{:?}\n{principals}\n{}\n{}{}\n{conditions:?}",
        s.effect,
        set(s.actions.negated, &s.actions.entries),
        s.resource_omitted,
        set(s.resources.negated, &s.resources.entries),
    )
}

#[cfg(test)]
mod tests {
    use crate::validate::{self, Options, PolicyType};

    fn codes(text: &str, policy_type: PolicyType) -> Vec<(&'static str, String)> {
        let root = crate::json::parse(text).expect("JSON");
        let options = Options {
            policy_type,
            catalog: false,
            ..Options::default()
        };
        validate::validate(&root, &options)
            .diagnostics
            .iter()
            .map(|d| (d.code(), d.path.to_string()))
            .collect()
    }

    fn actions(list: &str) -> Vec<String> {
        let text = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":{list},"Resource":"*"}}]}}"#
        );
        codes(&text, PolicyType::Managed)
            .into_iter()
            .filter(|(c, _)| *c == "REDUNDANT_ACTION")
            .map(|(_, p)| p)
            .collect()
    }

    fn resources(list: &str) -> Vec<String> {
        let text = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"s3:GetObject","Resource":{list}}}]}}"#
        );
        codes(&text, PolicyType::Managed)
            .into_iter()
            .filter(|(c, _)| *c == "REDUNDANT_RESOURCE")
            .map(|(_, p)| p)
            .collect()
    }

    #[test]
    fn samples_are_texts_of_their_pattern_and_never_change_an_answer() {
        use super::{action_entry_unshaped, includes, samples};
        use crate::access::automaton::{self, Search};
        use crate::compiled::{Glob, Segment};
        use std::borrow::Cow;
        let pieces = [
            Segment::Literal(Cow::Borrowed("a")),
            Segment::Literal(Cow::Borrowed("ab")),
            Segment::AnyRun,
            Segment::AnyOne,
        ];
        let mut globs = vec![Vec::new()];
        for _ in 0..3 {
            let longer: Vec<Vec<Segment>> = globs
                .iter()
                .flat_map(|g: &Vec<Segment>| {
                    pieces.iter().map(move |p| {
                        let mut g = g.clone();
                        g.push(p.clone());
                        g
                    })
                })
                .collect();
            globs.extend(longer);
        }
        globs.sort_by_key(|g| format!("{g:?}"));
        globs.dedup();
        let entries: Vec<_> = globs
            .iter()
            .map(|g| {
                action_entry_unshaped(&Glob {
                    segments: Cow::Owned(g.clone()),
                })
            })
            .collect();
        for big in entries.iter().filter_map(|e| e.strict.as_ref()) {
            for small in entries.iter().filter_map(|e| e.widened.as_ref()) {
                for text in samples(small) {
                    assert!(small.accepts(&text), "{text:?} of {small:?}");
                }
                let exact = automaton::find(&[small, big], &|m| m[0] && !m[1]) == Search::Empty;
                assert_eq!(
                    includes(big, small, &mut { usize::MAX }),
                    exact,
                    "{small:?} in {big:?}"
                );
            }
        }
    }

    #[test]
    fn the_states_budget_is_taken_and_a_spent_one_reports_nothing() {
        use super::{action_entry_unshaped, includes};
        use crate::compiled::{Glob, Segment};
        use std::borrow::Cow;
        let glob = |text: &str| Glob {
            segments: Cow::Owned(
                text.chars()
                    .map(|c| match c {
                        '*' => Segment::AnyRun,
                        '?' => Segment::AnyOne,
                        c => Segment::Literal(Cow::Owned(c.to_string())),
                    })
                    .collect(),
            ),
        };
        // One language spelt two ways: the samples pass, only the automaton decides.
        let big = action_entry_unshaped(&glob("a*b?c*d?e*"));
        let small = action_entry_unshaped(&glob("a**b?c*d?e**"));
        let (big, small) = (big.strict.unwrap(), small.widened.unwrap());
        let mut budget = usize::MAX;
        assert!(includes(&big, &small, &mut budget));
        let needed = usize::MAX - budget;
        assert!(needed > 3, "{needed} states");
        // Too small a budget: no answer but "not included", and the budget is spent, not overdrawn.
        let mut budget = 3;
        assert!(!includes(&big, &small, &mut budget));
        assert_eq!(budget, 0);
        let mut budget = 0;
        assert!(!includes(&big, &small, &mut budget));
        assert_eq!(budget, 0);
    }

    #[test]
    fn shapes_decide_inclusion_as_the_automaton_does() {
        use super::{action_entry_unshaped, includes, shape, shapes_include};
        use crate::compiled::{Glob, Segment};
        use std::borrow::Cow;
        // Every glob of up to three segments over `a`, `b`, `ab`, `*` and `?`, against every
        // other: where the shapes decide, the automaton agrees; and they decide the common
        // shapes (literal, `prefix*`, `*` on the big side).
        let pieces = || {
            [
                Segment::Literal(Cow::Borrowed("a")),
                Segment::Literal(Cow::Borrowed("b")),
                Segment::Literal(Cow::Borrowed("ab")),
                Segment::AnyRun,
                Segment::AnyOne,
            ]
        };
        let mut globs: Vec<Glob> = vec![Glob {
            segments: Cow::Owned(Vec::new()),
        }];
        for len in 1..=3 {
            let mut at = vec![0usize; len];
            loop {
                let segments = at.iter().map(|&i| pieces()[i].clone()).collect::<Vec<_>>();
                globs.push(Glob {
                    segments: Cow::Owned(segments),
                });
                let mut k = 0;
                while k < len {
                    at[k] += 1;
                    if at[k] < pieces().len() {
                        break;
                    }
                    at[k] = 0;
                    k += 1;
                }
                if k == len {
                    break;
                }
            }
        }
        let entries: Vec<_> = globs.iter().map(action_entry_unshaped).collect();
        let mut decided = 0;
        for (big_glob, big) in globs.iter().zip(&entries) {
            for (small_glob, small) in globs.iter().zip(&entries) {
                let Some(answer) = shapes_include(&[shape(big_glob)], &[shape(small_glob)]) else {
                    continue;
                };
                decided += 1;
                let exact = match (&small.literal, &big.strict, &small.widened) {
                    (Some(text), Some(big), _) => big.accepts(text),
                    (None, Some(big), Some(small)) => includes(big, small, &mut { usize::MAX }),
                    _ => continue,
                };
                assert_eq!(answer, exact, "{small_glob:?} in {big_glob:?}");
            }
        }
        assert!(decided > 5_000, "{decided} pairs decided by shape");
    }

    #[test]
    fn actions_included_in_another_entry() {
        let at = |i: usize| format!("Statement[0].Action[{i}]");
        assert_eq!(actions(r#"["iam:Get*","iam:GetUser"]"#), [at(1)]);
        assert_eq!(actions(r#"["iam:GetUser","iam:Get*"]"#), [at(0)]);
        // Equal languages: the later one only.
        assert_eq!(actions(r#"["iam:Get*","iam:Get**"]"#), [at(1)]);
        assert_eq!(actions(r#"["iam:GetUser","IAM:getuser"]"#), [at(1)]);
        // `?` is one character: `Get?ser` is inside `Get*`, not the other way.
        assert_eq!(actions(r#"["iam:Get?ser","iam:Get*"]"#), [at(0)]);
        assert!(actions(r#"["iam:Get*","iam:*User"]"#).is_empty());
        assert_eq!(actions(r#"["iam:Get*","iam:G?t*"]"#), [at(0)]);
        assert_eq!(actions(r#"["iam:G?t*","iam:Get*"]"#), [at(1)]);
        assert!(actions(r#"["iam:Get*","iam:Gt*"]"#).is_empty());
        assert!(actions(r#"["iam:Get*User","iam:Get*Role"]"#).is_empty());
        assert_eq!(actions(r#"["iam:Get*User","iam:Get*"]"#), [at(0)]);
        assert_eq!(actions(r#"["s3:GetObject","*"]"#), [at(0)]);
        assert!(actions(r#"["s3:GetObject","ec2:GetObject"]"#).is_empty());
    }

    #[test]
    fn resources_included_in_another_entry() {
        let at = |i: usize| format!("Statement[0].Resource[{i}]");
        assert_eq!(
            resources(r#"["arn:aws:s3:::b/x/y","arn:aws:s3:::b/*"]"#),
            [at(0)]
        );
        // ARNs compare in case.
        assert!(resources(r#"["arn:aws:s3:::b/X","arn:aws:s3:::b/x"]"#).is_empty());
        // `*` in the first fields stays inside its field.
        assert!(resources(r#"["arn:aws:s3:::b","arn:aws:*"]"#).is_empty());
        assert_eq!(
            resources(r#"["arn:aws:s3:::b","arn:aws:s3:*:*:*"]"#),
            [at(0)]
        );
        // A variable is every value: inside `*`, and including nothing but its own copy.
        assert_eq!(
            resources(r#"["arn:aws:s3:::b/${aws:username}","arn:aws:s3:::b/*"]"#),
            [at(0)]
        );
        assert!(
            resources(r#"["arn:aws:s3:::b/jane","arn:aws:s3:::b/${aws:username}"]"#).is_empty()
        );
        assert_eq!(
            resources(r#"["arn:aws:s3:::b/${aws:username}","arn:aws:s3:::b/${aws:username}"]"#),
            [at(1)]
        );
        assert_eq!(resources(r#"["*","arn:aws:s3:::b"]"#), [at(1)]);
    }

    #[test]
    fn statements_equal_but_for_order_and_sid() {
        let two = |a: &str, b: &str| {
            let text = format!(r#"{{"Version":"2012-10-17","Statement":[{{{a}}},{{{b}}}]}}"#);
            codes(&text, PolicyType::Managed)
                .into_iter()
                .filter(|(c, _)| *c == "REDUNDANT_STATEMENT")
                .map(|(_, p)| p)
                .collect::<Vec<_>>()
        };
        let s = r#""Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":["a","b"]}}"#;
        let reordered = r#""Sid":"Other","Condition":{"StringEquals":{"AWS:principaltag/team":["b","a"]}},"Resource":["*"],"Action":["s3:PutObject","s3:GetObject"],"Effect":"Allow""#;
        assert_eq!(two(s, reordered), ["Statement[1]"]);
        let other_value = s.replace(r#"["a","b"]"#, r#"["a","c"]"#);
        assert!(two(s, &other_value).is_empty());
        let resource_instead = s.replace(r#""Resource":"*""#, r#""NotResource":"*""#);
        assert!(two(s, &resource_instead).is_empty());
    }

    #[test]
    fn duplicate_sids_by_policy_type() {
        let text = r#"{"Version":"2012-10-17","Statement":[
            {"Sid":"S","Effect":"Deny","Action":"s3:GetObject","Resource":"*"},
            {"Sid":"S","Effect":"Deny","Action":"s3:PutObject","Resource":"*"}]}"#;
        let sid_code = |t| {
            codes(text, t)
                .into_iter()
                .find(|(c, _)| c.starts_with("UNIQUE_SIDS"))
                .map(|(c, _)| c)
        };
        for t in [PolicyType::Managed, PolicyType::Role, PolicyType::Session] {
            assert_eq!(sid_code(t), Some("UNIQUE_SIDS_REQUIRED"), "{t}");
        }
        for t in [PolicyType::Scp, PolicyType::VpcEndpoint] {
            assert_eq!(sid_code(t), Some("UNIQUE_SIDS_RECOMMENDED"), "{t}");
        }
    }
}
