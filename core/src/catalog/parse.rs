//! Reads `catalog.txt` into a [`Catalog`].
//!
//! The file is line-oriented so that it parses in one pass without a JSON parser. Every name is a
//! slice of the embedded text; numbers are indices into tables built on the way. Lines (fields
//! separated by TAB, lists by `,`, ARN templates by a space, `#` starts a comment):
//!
//! ```text
//! V <version> <updatedAt>
//! K <type> <key>                     condition key; the K lines, counted from 0, form the key table
//! S <prefix> <name> <key refs>       starts a service
//! R <name> <arn templates> <key refs>   resource type of the current service
//! A <name> <L|R|W|T|P> <type refs> <key refs>   action of the current service;
//!                                    type refs index the service's R lines, `!` marks required
//! ```
//!
//! Services, resource types, actions and keys are sorted case-insensitively so that lookups can
//! binary-search; the parser checks the order, since a wrong order would make lookups miss.

use std::fmt;

use super::model::{ActionData, Catalog, KeyData, ResourceData, ServiceData, Span};
use super::order::cmp_ignore_case;
use super::pattern::is_key_template;
use super::types::{AccessLevel, ConditionKeyType};

/// Why a catalog text is not valid. Only a broken generator or a hand edit produces one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong on that line.
    pub message: &'static str,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "catalog line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

impl Catalog {
    /// Parses a catalog text in the format of `catalog.txt`.
    pub fn parse(text: &'static str) -> Result<Catalog, ParseError> {
        let mut parser = Parser {
            catalog: Catalog::default(),
            line: 0,
        };
        for (index, line) in lines(text).enumerate() {
            parser.line = index + 1;
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            parser.record(line)?;
        }
        parser.finish()
    }
}

struct Parser {
    catalog: Catalog,
    line: usize,
}

impl Parser {
    fn fail<T>(&self, message: &'static str) -> Result<T, ParseError> {
        Err(ParseError {
            line: self.line,
            message,
        })
    }

    fn record(&mut self, line: &'static str) -> Result<(), ParseError> {
        let mut fields = Fields(Some(line));
        let kind = fields.next().unwrap_or_default();
        let mut next = || fields.next();
        match kind {
            "V" => {
                let (Some(version), Some(updated)) = (next(), next()) else {
                    return self.fail("V needs a version and a date");
                };
                self.catalog.version = version;
                self.catalog.updated_at = updated;
            }
            "K" => {
                let (Some(kind), Some(name)) = (next(), next()) else {
                    return self.fail("K needs a type and a key");
                };
                let Some(key_type) = ConditionKeyType::from_name(kind) else {
                    return self.fail("unknown key type");
                };
                if !self.catalog.services.is_empty() {
                    return self.fail("K after the first S");
                }
                let keys = &self.catalog.keys;
                if keys
                    .last()
                    .is_some_and(|k| cmp_ignore_case(k.name, name).is_gt())
                {
                    return self.fail("keys out of order");
                }
                let index = self.index(keys.len())?;
                let template = is_key_template(name);
                if template {
                    self.catalog.templates.push(index);
                }
                self.catalog.keys.push(KeyData {
                    name,
                    key_type,
                    template,
                });
            }
            "S" => {
                let (Some(prefix), Some(name), keys) = (next(), next(), next()) else {
                    return self.fail("S needs a prefix and a name");
                };
                let services = &self.catalog.services;
                if services
                    .last()
                    .is_some_and(|s| cmp_ignore_case(s.prefix, prefix).is_ge())
                {
                    return self.fail("services out of order");
                }
                let keys = self.key_refs(keys)?;
                let resources = self.index(self.catalog.resources.len())?;
                let actions = self.index(self.catalog.actions.len())?;
                self.catalog.services.push(ServiceData {
                    prefix,
                    name,
                    keys,
                    resources: Span {
                        start: resources,
                        end: resources,
                    },
                    actions: Span {
                        start: actions,
                        end: actions,
                    },
                });
            }
            "R" => {
                let (Some(name), Some(arns), keys) = (next(), next(), next()) else {
                    return self.fail("R needs a name and ARN templates");
                };
                let keys = self.key_refs(keys)?;
                let end = self.index(self.catalog.resources.len() + 1)?;
                let Some(service) = self.catalog.services.last() else {
                    return self.fail("R before any S");
                };
                if service.actions.start != service.actions.end {
                    return self.fail("R after an A of the same service");
                }
                let start = service.resources.start as usize;
                if self.catalog.resources[start..]
                    .last()
                    .is_some_and(|r| cmp_ignore_case(r.name, name).is_ge())
                {
                    return self.fail("resource types out of order");
                }
                self.catalog
                    .resources
                    .push(ResourceData { name, arns, keys });
                if let Some(service) = self.catalog.services.last_mut() {
                    service.resources.end = end;
                }
            }
            "A" => {
                let (Some(name), Some(level), types, keys) = (next(), next(), next(), next())
                else {
                    return self.fail("A needs a name and an access level");
                };
                let Some(level) = AccessLevel::from_code(level) else {
                    return self.fail("unknown access level");
                };
                let keys = self.key_refs(keys)?;
                let types = self.type_refs(types)?;
                let end = self.index(self.catalog.actions.len() + 1)?;
                let Some(service) = self.catalog.services.last() else {
                    return self.fail("A before any S");
                };
                let start = service.actions.start as usize;
                if self.catalog.actions[start..]
                    .last()
                    .is_some_and(|a| cmp_ignore_case(a.name, name).is_ge())
                {
                    return self.fail("actions out of order");
                }
                self.catalog.actions.push(ActionData {
                    name,
                    level,
                    types,
                    keys,
                });
                if let Some(service) = self.catalog.services.last_mut() {
                    service.actions.end = end;
                }
            }
            _ => return self.fail("unknown record"),
        }
        Ok(())
    }

    fn index(&self, value: usize) -> Result<u32, ParseError> {
        u32::try_from(value).or_else(|_| self.fail("table too large"))
    }

    /// Parses `12,7,30` into the shared key-reference table.
    fn key_refs(&mut self, list: Option<&str>) -> Result<Span, ParseError> {
        let start = self.index(self.catalog.key_refs.len())?;
        let count = self.catalog.keys.len();
        for item in numbers(list.unwrap_or_default()) {
            let Some((index, false)) = item else {
                return self.fail("bad key index");
            };
            if index as usize >= count {
                return self.fail("key index out of range");
            }
            self.catalog.key_refs.push(index);
        }
        let end = self.index(self.catalog.key_refs.len())?;
        Ok(Span { start, end })
    }

    /// Parses `0!,3` (resource-type indices of the current service, `!` = required).
    fn type_refs(&mut self, list: Option<&str>) -> Result<Span, ParseError> {
        let start = self.index(self.catalog.type_refs.len())?;
        let count = self
            .catalog
            .services
            .last()
            .map_or(0, |s| (s.resources.end - s.resources.start) as usize);
        for item in numbers(list.unwrap_or_default()) {
            let Some((index, required)) = item else {
                return self.fail("bad resource-type index");
            };
            if index as usize >= count {
                return self.fail("resource-type index out of range");
            }
            self.catalog.type_refs.push((index, required));
        }
        let end = self.index(self.catalog.type_refs.len())?;
        Ok(Span { start, end })
    }

    fn finish(self) -> Result<Catalog, ParseError> {
        if self.catalog.version.is_empty() {
            return self.fail("no V record");
        }
        Ok(self.catalog)
    }
}

/// The lines of a text, split with `memchr` (SIMD; `str::lines` is a third of the parse time).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    ends.filter_map(move |end| {
        let line = text.get(start..end);
        start = end + 1;
        line
    })
}

/// The TAB-separated fields of a line (found with `memchr`, which is much faster than
/// `str::split` on this file).
struct Fields<'a>(Option<&'a str>);

impl<'a> Iterator for Fields<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.0?;
        match memchr::memchr(b'\t', rest.as_bytes()) {
            Some(at) => {
                self.0 = Some(&rest[at + 1..]);
                Some(&rest[..at])
            }
            None => {
                self.0 = None;
                Some(rest)
            }
        }
    }
}

/// The items of a `,`-separated list of decimal numbers, each optionally followed by `!`:
/// `Some((number, bang))`, or `None` for an item that is not one. Empty items are skipped.
fn numbers(list: &str) -> Numbers<'_> {
    Numbers {
        bytes: list.as_bytes(),
        at: 0,
    }
}

/// A hand-rolled scanner: this runs some 80,000 times per load, where `split` and `parse` cost
/// more than the rest of the parse.
struct Numbers<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Iterator for Numbers<'_> {
    type Item = Option<(u32, bool)>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.bytes.get(self.at) == Some(&b',') {
            self.at += 1;
        }
        if self.at >= self.bytes.len() {
            return None;
        }
        let (mut value, mut digits, mut bang, mut valid) = (0u32, 0, false, true);
        while let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            match b {
                b',' => break,
                b'0'..=b'9' if !bang => {
                    digits += 1;
                    match value
                        .checked_mul(10)
                        .and_then(|v| v.checked_add(u32::from(b - b'0')))
                    {
                        Some(v) => value = v,
                        None => valid = false,
                    }
                }
                b'!' if !bang && digits > 0 => bang = true,
                _ => valid = false,
            }
        }
        Some((valid && digits > 0).then_some((value, bang)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "# test\nV\t1\t2026-01-01\nK\tString\tb:One\nK\tArrayOfString\tb:two/${X}\n\
        S\ta\tService A\t\nA\tGo\tW\t\t\n\
        S\tb\tService B\t0,1\nR\tthing\tarn:${Partition}:b:${Region}:${Account}:thing/${Id}\t0\n\
        A\tList\tL\t\t\nA\tPut\tW\t0!\t1\n";

    #[test]
    fn parses_a_small_catalog() {
        let catalog = Catalog::parse(SMALL).unwrap();
        assert_eq!(catalog.version(), "1");
        assert_eq!(catalog.services().count(), 2);
        let b = catalog.service("B").unwrap();
        assert_eq!(b.name(), "Service B");
        let put = b.action("put").unwrap();
        assert_eq!(put.name(), "Put");
        let types: Vec<_> = put.resource_types().map(|(t, r)| (t.name(), r)).collect();
        assert_eq!(types, [("thing", true)]);
        assert_eq!(
            put.condition_keys().map(|k| k.name()).collect::<Vec<_>>(),
            ["b:two/${X}"]
        );
        assert!(catalog.condition_key("b:two/abc").is_some());
    }

    #[test]
    fn splits_lines() {
        assert_eq!(
            lines("a\nb\r\n\nc").collect::<Vec<_>>(),
            ["a", "b\r", "", "c"]
        );
        assert_eq!(lines("").collect::<Vec<_>>(), [""]);
        assert_eq!(lines("a\n").collect::<Vec<_>>(), ["a", ""]);
    }

    #[test]
    fn scans_number_lists() {
        let all: Vec<_> = numbers("1,22!,,333").collect();
        assert_eq!(
            all,
            [Some((1, false)), Some((22, true)), Some((333, false))]
        );
        assert_eq!(numbers("").count(), 0);
        for bad in ["x", "!", "1!!", "1!2", "99999999999", "-1"] {
            assert_eq!(numbers(bad).collect::<Vec<_>>(), [None], "{bad}");
        }
    }

    #[test]
    fn rejects_broken_text() {
        let cases = [
            ("K\tString\tb\n", "no V record"),
            ("V\t1\t2\nK\tNope\tb:x\n", "unknown key type"),
            ("V\t1\t2\nS\tb\tB\t3\n", "key index out of range"),
            ("V\t1\t2\nS\tb\tB\t\nS\ta\tA\t\n", "services out of order"),
            (
                "V\t1\t2\nS\tb\tB\t\nA\tx\tW\t0\t\n",
                "resource-type index out of range",
            ),
            ("V\t1\t2\nA\tx\tW\t\t\n", "A before any S"),
            ("V\t1\t2\nS\tb\tB\t\nA\tx\tQ\t\t\n", "unknown access level"),
            ("V\t1\t2\nK\tString\tb:x\nS\tb\tB\t0!\n", "bad key index"),
            ("V\t1\t2\nS\tb\tB\t99999999999\n", "bad key index"),
            (
                "V\t1\t2\nS\tb\tB\t\nR\tt\tarn\t\nA\tx\tW\t0!!\t\n",
                "bad resource-type index",
            ),
            ("V\t1\t2\nZ\n", "unknown record"),
        ];
        for (text, message) in cases {
            assert_eq!(
                Catalog::parse(text).unwrap_err().message,
                message,
                "{text:?}"
            );
        }
    }
}
