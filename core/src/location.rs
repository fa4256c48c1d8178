//! Where a value of a policy document stands: its JSON path and its source location.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// A source location. For a text it is a byte range; for `policy!` both ends are the index of
/// the token in the macro's span table. Opaque to the validator: it only carries it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Loc {
    /// The start of the value: its first byte in a text, a token index in `policy!`.
    pub start: u32,
    /// The end of the value: one past its last byte in a text, a token index in `policy!`.
    pub end: u32,
}

impl Loc {
    /// The range from `start` to `end`.
    #[must_use]
    pub const fn new(start: u32, end: u32) -> Self {
        Loc { start, end }
    }
}

/// One step of a JSON path.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PathSegment {
    /// A member of an object, by name: `.Effect`.
    Key(String),
    /// An element of an array, by position: `[0]`.
    Index(usize),
}

/// The path from the document root to a value, e.g. `Statement[0].Condition.StringLike`.
///
/// A chain of shared steps and a last index kept inline: a path extended by a key shares its
/// parent's steps rather than copying them, the path of an array's item allocates nothing, and a
/// clone is a reference count. The validator keeps a path for every value of a document.
#[derive(Clone, Default)]
pub struct JsonPath {
    steps: Option<Arc<Step>>,
    index: Option<u32>,
}

struct Step {
    parent: Option<Arc<Step>>,
    segment: PathSegment,
}

/// One step of a path, borrowed.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

impl JsonPath {
    /// The path of the document itself (no segment).
    #[must_use]
    pub fn root() -> Self {
        JsonPath::default()
    }
    /// True for the document's own path.
    #[must_use]
    pub fn is_root(&self) -> bool {
        self.steps.is_none() && self.index.is_none()
    }
    /// The steps, the inline index included: what a key is added to.
    fn chain(&self) -> Option<Arc<Step>> {
        match self.index {
            None => self.steps.clone(),
            Some(index) => Some(Arc::new(Step {
                parent: self.steps.clone(),
                segment: PathSegment::Index(index as usize),
            })),
        }
    }
    /// This path extended with the member `key`.
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        JsonPath {
            steps: Some(Arc::new(Step {
                parent: self.chain(),
                segment: PathSegment::Key(key.to_owned()),
            })),
            index: None,
        }
    }
    /// This path extended with the array element `index`.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        match u32::try_from(index) {
            Ok(inline) => JsonPath {
                steps: self.chain(),
                index: Some(inline),
            },
            Err(_) => JsonPath {
                steps: Some(Arc::new(Step {
                    parent: self.chain(),
                    segment: PathSegment::Index(index),
                })),
                index: None,
            },
        }
    }
    /// The same path with its last index made a shared step, for a value whose members are
    /// keyed many times (a statement): each key then shares it.
    #[must_use]
    pub fn shared(&self) -> Self {
        JsonPath {
            steps: self.chain(),
            index: None,
        }
    }
    /// The steps from the last to the first.
    fn reversed(&self) -> impl Iterator<Item = Seg<'_>> {
        let mut at = self.steps.as_deref();
        let last = self.index.map(|index| Seg::Index(index as usize));
        last.into_iter().chain(std::iter::from_fn(move || {
            let step = at?;
            at = step.parent.as_deref();
            Some(match &step.segment {
                PathSegment::Key(key) => Seg::Key(key),
                PathSegment::Index(index) => Seg::Index(*index),
            })
        }))
    }
    /// The steps from the root, in order.
    #[must_use]
    pub fn segments(&self) -> Vec<PathSegment> {
        let mut segments: Vec<PathSegment> = self
            .reversed()
            .map(|segment| match segment {
                Seg::Key(key) => PathSegment::Key(key.to_owned()),
                Seg::Index(index) => PathSegment::Index(index),
            })
            .collect();
        segments.reverse();
        segments
    }
}

/// Equal when the steps are, however they are stored (a last index inline or shared).
impl PartialEq for JsonPath {
    fn eq(&self, other: &Self) -> bool {
        self.reversed().eq(other.reversed())
    }
}

impl Eq for JsonPath {}

impl Hash for JsonPath {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for segment in self.reversed() {
            segment.hash(state);
        }
    }
}

impl FromIterator<PathSegment> for JsonPath {
    fn from_iter<I: IntoIterator<Item = PathSegment>>(segments: I) -> Self {
        segments
            .into_iter()
            .fold(JsonPath::root(), |path, segment| match segment {
                PathSegment::Key(key) => path.key(&key),
                PathSegment::Index(index) => path.index(index),
            })
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut segments: Vec<Seg<'_>> = self.reversed().collect();
        segments.reverse();
        for (i, segment) in segments.into_iter().enumerate() {
            match segment {
                Seg::Key(key) if i == 0 => f.write_str(key)?,
                Seg::Key(key) => write!(f, ".{key}")?,
                Seg::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

impl fmt::Debug for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "JsonPath(`{self}`)")
    }
}

/// Line and column (both 1-based, the column counted in characters) of a byte offset in a text.
#[must_use]
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use std::hash::BuildHasher;

    use super::*;

    #[test]
    fn paths_equal_however_their_last_index_is_stored() {
        let statement = JsonPath::root().key("Statement").index(3);
        let shared = statement.shared();
        assert_eq!(statement, shared);
        assert_eq!(statement.to_string(), "Statement[3]");
        assert_eq!(
            shared.key("Action").index(1).to_string(),
            "Statement[3].Action[1]"
        );
        assert_eq!(shared.key("Action"), statement.key("Action"));
        assert_ne!(statement, JsonPath::root().key("Statement").index(4));
        let state = std::collections::hash_map::RandomState::new();
        assert_eq!(state.hash_one(&statement), state.hash_one(&shared));
        assert_eq!(
            statement.segments(),
            [PathSegment::Key("Statement".into()), PathSegment::Index(3)]
        );
        assert_eq!(
            statement.segments().into_iter().collect::<JsonPath>(),
            statement
        );
    }
}
