//! Where a value of a policy document stands: its JSON path and its source location.

use std::fmt;

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
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct JsonPath(pub Vec<PathSegment>);

impl JsonPath {
    /// The path of the document itself (no segment).
    #[must_use]
    pub fn root() -> Self {
        JsonPath(Vec::new())
    }
    /// True for the document's own path.
    #[must_use]
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
    /// This path extended with the member `key`.
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        let mut path = self.clone();
        path.0.push(PathSegment::Key(key.to_owned()));
        path
    }
    /// This path extended with the array element `index`.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        let mut path = self.clone();
        path.0.push(PathSegment::Index(index));
        path
    }
    /// The steps from the root, in order.
    #[must_use]
    pub fn segments(&self) -> &[PathSegment] {
        &self.0
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                PathSegment::Key(key) if i == 0 => f.write_str(key)?,
                PathSegment::Key(key) => write!(f, ".{key}")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
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
