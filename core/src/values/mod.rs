//! Parse-and-compare primitives for IAM condition values.
//!
//! Policy values are parsed once, when a policy is compiled or loaded, into types with plain public
//! fields so that the `policy!` macro can emit them as `const`/`static` items. Request values are
//! plain `&str` parsed at evaluation time; every request-side function here borrows or works on the
//! stack and never allocates, so evaluation cost does not depend on the allocator.

pub mod binary;
pub mod boolean;
pub mod date;
pub mod ip;
pub mod numeric;

use std::fmt;

pub use binary::{base64_equals, decode_base64_policy};
pub use boolean::{parse_bool, parse_bool_policy};
pub use date::{Timestamp, parse_date, parse_date_policy};
pub use ip::{IpNet, ip_in, is_private, parse_cidr, parse_ip};
pub use numeric::{Decimal, DecimalRef, compare_decimal, parse_decimal, parse_decimal_ref};

/// Why a policy value could not be parsed.
///
/// Carries one lowercase line (for example "`abc` is not a number") that diagnostics show as is, so
/// the parsers decide the wording in one place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueError {
    message: String,
}

impl ValueError {
    /// Wraps a message; it should be one lowercase line without a trailing period.
    pub fn new(message: impl Into<String>) -> Self {
        ValueError {
            message: message.into(),
        }
    }

    /// The human-readable message.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ValueError {}

/// Quotes a policy value for a message, with control characters escaped and shortened so that a
/// long value (a base64 blob, say) keeps the message on one readable line.
pub(crate) fn quote(s: &str) -> String {
    const MAX: usize = 48;
    let mut out = String::with_capacity(s.len().min(MAX) + 5);
    out.push('`');
    for (i, c) in s.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out.push('`');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_error_message_and_display() {
        let e = ValueError::new("`abc` is not a number");
        assert_eq!(e.message(), "`abc` is not a number");
        assert_eq!(e.to_string(), "`abc` is not a number");
        let boxed: Box<dyn std::error::Error> = Box::new(e.clone());
        assert_eq!(boxed.to_string(), e.message());
    }

    #[test]
    fn quote_short_and_long() {
        assert_eq!(quote("abc"), "`abc`");
        assert_eq!(quote(""), "``");
        let long = "é".repeat(60);
        let q = quote(&long);
        assert_eq!(q, format!("`{}…`", "é".repeat(48)));
        assert_eq!(quote(&"a".repeat(48)), format!("`{}`", "a".repeat(48)));
        assert_eq!(quote("a\nb\tc"), "`a\\nb\\tc`");
    }
}
