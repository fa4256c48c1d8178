//! Where a statement of a policy text is: the line its object starts on.

use iam_policy_core::json::{self, Node, Value};
use iam_policy_core::location::line_col;

/// The line (1-based) of statement `index` of a policy text, whose `Statement` is an array of
/// statements or a single statement.
pub fn statement_line(text: &str, index: usize) -> Option<usize> {
    let root = json::parse(text).ok()?;
    statement_node(&root, index).map(|node| line_col(text, node.loc.start as usize).0)
}

fn statement_node<'t>(root: &'t Node<'_>, index: usize) -> Option<&'t Node<'t>> {
    let Value::Object(members) = &root.value else {
        return None;
    };
    let statement = &members.iter().find(|m| m.key == "Statement")?.value;
    match &statement.value {
        Value::Array(items) => items.get(index),
        Value::Object(_) if index == 0 => Some(statement),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_statements() {
        let text = "{\"Statement\": [\n  {\"Effect\": \"Allow\"},\n\n  {}\n]}";
        assert_eq!(statement_line(text, 0), Some(2));
        assert_eq!(statement_line(text, 1), Some(4));
        assert_eq!(statement_line(text, 2), None);
        assert_eq!(statement_line("{\"Statement\":\n{}}", 0), Some(2));
        assert_eq!(statement_line("[1]", 0), None);
    }
}
