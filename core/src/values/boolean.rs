//! Booleans for the `Bool` operator.

use super::{ValueError, quote};

/// Parses `true`/`false`, ASCII case-insensitive as IAM compares them; used for policy and request
/// values alike (no allocation).
#[must_use]
pub fn parse_bool(s: &str) -> Option<bool> {
    if s.eq_ignore_ascii_case("true") {
        Some(true)
    } else if s.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// Parses a policy boolean like [`parse_bool`], explaining what is wrong on failure.
pub fn parse_bool_policy(s: &str) -> Result<bool, ValueError> {
    parse_bool(s).ok_or_else(|| {
        let hint = match s.trim().to_ascii_lowercase().as_str() {
            "true" | "false" => ", remove the whitespace",
            "yes" | "1" | "on" | "t" | "y" => ", write `true`",
            "no" | "0" | "off" | "f" | "n" => ", write `false`",
            _ => "",
        };
        ValueError::new(format!(
            "{} is not a boolean, expected `true` or `false`{hint}",
            quote(s)
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_any_ascii_case() {
        for s in ["true", "TRUE", "True", "tRuE"] {
            assert_eq!(parse_bool(s), Some(true), "{s}");
            assert_eq!(parse_bool_policy(s), Ok(true), "{s}");
        }
        for s in ["false", "FALSE", "False", "fAlSe"] {
            assert_eq!(parse_bool(s), Some(false), "{s}");
            assert_eq!(parse_bool_policy(s), Ok(false), "{s}");
        }
    }

    #[test]
    fn rejects_everything_else() {
        for s in [
            "", "t", "f", "1", "0", "yes", "no", " true", "true ", "truee", "fals", "\"true\"",
            "TRUΕ", "ｔrue",
        ] {
            assert_eq!(parse_bool(s), None, "{s:?}");
            assert!(parse_bool_policy(s).is_err(), "{s:?}");
        }
    }

    #[test]
    fn messages() {
        assert_eq!(
            parse_bool_policy("maybe").unwrap_err().message(),
            "`maybe` is not a boolean, expected `true` or `false`"
        );
        assert!(
            parse_bool_policy(" true")
                .unwrap_err()
                .message()
                .ends_with("remove the whitespace")
        );
        assert!(
            parse_bool_policy("yes")
                .unwrap_err()
                .message()
                .ends_with("write `true`")
        );
        assert!(
            parse_bool_policy("0")
                .unwrap_err()
                .message()
                .ends_with("write `false`")
        );
    }
}
