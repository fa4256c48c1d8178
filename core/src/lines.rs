//! Lines and columns of byte offsets in a text, computed once per text so that a file with many
//! findings costs no more than one pass. Lines and columns are 1-based, columns in characters,
//! as [`crate::location::line_col`] counts them.

/// The start of every line of a text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    ascii: bool,
}

impl LineIndex {
    /// Indexes the line starts of `text`, in one pass.
    #[must_use]
    pub fn new(text: &str) -> Self {
        crate::work::add(crate::work::Counter::PositionSteps, text.len() as u64);
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        // Kept with the text while its findings are printed: no spare capacity.
        starts.shrink_to_fit();
        LineIndex {
            starts,
            ascii: text.is_ascii(),
        }
    }

    /// Line and column of `offset` (clamped to the text, moved back to a character boundary).
    #[must_use]
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        let column = if self.ascii {
            offset - start
        } else {
            crate::work::add(crate::work::Counter::PositionSteps, (offset - start) as u64);
            text[start..offset].chars().count()
        };
        (line, column + 1)
    }

    /// The byte range of a line (1-based), without its line ending.
    #[must_use]
    pub fn line_range(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self
            .starts
            .get(line.max(1) - 1)
            .copied()
            .unwrap_or(text.len())
            .min(text.len());
        let mut end = self
            .starts
            .get(line)
            .map_or(text.len(), |next| next - 1)
            .max(start);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        (start, end)
    }

    /// Lines and columns of many offsets in one pass over the text: `offsets` in any order, the
    /// positions in the same order.
    #[must_use]
    pub fn positions(&self, text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
        if self.ascii {
            return offsets.iter().map(|&o| self.position(text, o)).collect();
        }
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&i| offsets[i]);
        let mut out = vec![(1, 1); offsets.len()];
        // Walk forward, counting characters from the last offset on the same line.
        let mut last: Option<(usize, usize, usize)> = None; // (offset, line, column)
        for i in order {
            let offset = floor_boundary(text, offsets[i].min(text.len()));
            let line = self.starts.partition_point(|&start| start <= offset);
            let start = self.starts[line - 1];
            let from = match last {
                Some((at, at_line, _)) if at_line == line && at >= start => at,
                _ => start,
            };
            crate::work::add(crate::work::Counter::PositionSteps, (offset - from) as u64);
            let column = match last {
                Some((at, at_line, at_column)) if at_line == line && at >= start => {
                    at_column + text[at..offset].chars().count()
                }
                _ => text[start..offset].chars().count() + 1,
            };
            last = Some((offset, line, column));
            out[i] = (line, column);
        }
        out
    }
}

fn floor_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::location::line_col;

    #[test]
    fn agrees_with_the_core() {
        for text in ["", "a", "{\n  \"é\": 1,\r\n\t\"x\"\n}\n", "\n\n", "ab\ncd"] {
            let index = LineIndex::new(text);
            for offset in 0..=text.len() + 1 {
                assert_eq!(
                    index.position(text, offset),
                    line_col(text, offset),
                    "{text:?} at {offset}"
                );
            }
        }
    }

    #[test]
    fn many_positions_agree_with_the_core() {
        let text = "{\n  \"é\": \"ü→x\",\r\n\t\"x\"\n}\n";
        let index = LineIndex::new(text);
        let offsets: Vec<usize> = (0..=text.len() + 1).rev().collect();
        let expected: Vec<_> = offsets.iter().map(|&o| line_col(text, o)).collect();
        assert_eq!(index.positions(text, &offsets), expected);
    }

    #[test]
    fn lines_without_endings() {
        let text = "one\r\ntwo\nthree";
        let index = LineIndex::new(text);
        let line = |n| {
            let (start, end) = index.line_range(text, n);
            &text[start..end]
        };
        assert_eq!(line(1), "one");
        assert_eq!(line(2), "two");
        assert_eq!(line(3), "three");
        assert_eq!(line(4), "");
    }
}
