//! `serde` for [`Policy`]: `Serialize` writes the document as written, key order kept;
//! `Deserialize` reads a document with the validator, so that a policy is never built unchecked.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use iam_policy_core::compiled::JsonValue;
use iam_policy_core::diagnostic::Diagnostics;
use iam_policy_core::json::{self, Member, Node, Value};
use iam_policy_core::location::Loc;
use iam_policy_core::validate::{self, Options};
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::policy::Policy;

impl Serialize for Policy {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Json(&self.source()).serialize(serializer)
    }
}

struct Json<'a>(&'a JsonValue);

impl Serialize for Json<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            JsonValue::Null => serializer.serialize_unit(),
            JsonValue::Bool(b) => serializer.serialize_bool(*b),
            JsonValue::Number(n) => serialize_number(n, serializer),
            JsonValue::String(s) => serializer.serialize_str(s),
            JsonValue::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items.iter() {
                    seq.serialize_element(&Json(item))?;
                }
                seq.end()
            }
            JsonValue::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for member in members.iter() {
                    map.serialize_entry(member.key.as_ref(), &Json(&member.value))?;
                }
                map.end()
            }
        }
    }
}

/// A number as its own type where it fits, so serializers print it as a number.
fn serialize_number<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    if let Ok(i) = text.parse::<i64>() {
        serializer.serialize_i64(i)
    } else if let Ok(u) = text.parse::<u64>() {
        serializer.serialize_u64(u)
    } else {
        match serde_json::from_str::<serde_json::Number>(text) {
            Ok(n) => n.serialize(serializer),
            Err(_) => serializer.serialize_str(text),
        }
    }
}

/// Reads a policy document from any serde format (JSON, YAML, TOML, ...) as an identity policy,
/// with the validator of `policy!` and [`Policy::from_json`]: a document with an error is refused,
/// the error listing every finding; no unchecked policy is ever built. Other types:
/// [`Policy::deserialize_with`].
impl<'de> Deserialize<'de> for Policy {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Policy, D::Error> {
        Policy::deserialize_with(deserializer, &Options::new())
    }
}

impl Policy {
    /// Deserializes a policy validated with `options` (its type, catalog checks, size limit): for
    /// a field that holds a bucket policy, a trust policy, ...
    ///
    /// ```
    /// use iam_policy::{Options, Policy, PolicyType};
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Bucket {
    ///     name: String,
    ///     #[serde(deserialize_with = "bucket_policy")]
    ///     policy: Policy,
    /// }
    ///
    /// fn bucket_policy<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Policy, D::Error> {
    ///     Policy::deserialize_with(d, &Options::new().with_policy_type(PolicyType::S3Bucket))
    /// }
    ///
    /// let bucket: Bucket = serde_json::from_str(r#"{"name": "doc-bucket", "policy": {
    ///     "Version": "2012-10-17",
    ///     "Statement": [{"Effect": "Allow", "Principal": {"AWS": "444455556666"},
    ///         "Action": "s3:GetObject", "Resource": "arn:aws:s3:::doc-bucket/*"}]}}"#).unwrap();
    /// assert_eq!(bucket.policy.policy_type(), PolicyType::S3Bucket);
    /// ```
    ///
    /// Findings name their place as a JSON path (`Statement[0].Effect`); the format's
    /// deserializer may add its own position. Numbers keep their value but not their spelling
    /// (`1.50` exports as `1.5`), and a format that merges duplicate keys hides them from the
    /// validator; [`Policy::from_json_with`] reads a JSON text exactly.
    pub fn deserialize_with<'de, D: Deserializer<'de>>(
        deserializer: D,
        options: &Options,
    ) -> Result<Policy, D::Error> {
        let budget = Budget {
            used: Cell::new(0),
            options,
        };
        let root = NodeSeed {
            depth: 0,
            budget: &budget,
        }
        .deserialize(deserializer)?;
        match iam_policy_core::compile_tree(&root, options) {
            Ok((compiled, _below_error)) => {
                Ok(Policy::from_compiled(compiled, options.policy_type))
            }
            Err(diagnostics) => Err(de::Error::custom(Rejected(diagnostics))),
        }
    }
}

/// The findings of a refused document, printed as [`crate::LoadError`] prints them, less the
/// line and column (a deserializer has no text to count them in).
struct Rejected(Diagnostics);

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.0.errors().count();
        let s = if errors == 1 { "" } else { "s" };
        write!(f, "the policy is not valid ({errors} error{s})")?;
        for diagnostic in self.0.errors() {
            write!(f, "\n{diagnostic}")?;
        }
        Ok(())
    }
}

/// What the document may cost to read: the bytes of its strings, keys and scalars against
/// `options.max_bytes`, as a text is measured before it is parsed.
struct Budget<'o> {
    used: Cell<usize>,
    options: &'o Options,
}

impl Budget<'_> {
    fn spend<E: de::Error>(&self, bytes: usize) -> Result<(), E> {
        let used = self.used.get().saturating_add(bytes);
        self.used.set(used);
        match validate::check_size(used, self.options) {
            None => Ok(()),
            Some(too_large) => {
                let mut diagnostics = Diagnostics::new();
                diagnostics.push(too_large);
                Err(E::custom(Rejected(diagnostics)))
            }
        }
    }
}

/// Reads one value into the tree the validator reads, nesting at most [`json::MAX_DEPTH`] deep
/// as the text reader does, so that hostile input cannot exhaust the stack.
#[derive(Clone, Copy)]
struct NodeSeed<'b, 'o> {
    depth: usize,
    budget: &'b Budget<'o>,
}

impl NodeSeed<'_, '_> {
    fn node<E: de::Error>(self, value: Value<'static>, bytes: usize) -> Result<Node<'static>, E> {
        self.budget.spend(bytes.max(1))?;
        Ok(Node {
            value,
            loc: Loc::default(),
        })
    }
    fn nested<E: de::Error>(self) -> Result<Self, E> {
        if self.depth >= json::MAX_DEPTH {
            return Err(E::custom("the policy document is nested too deeply"));
        }
        Ok(NodeSeed {
            depth: self.depth + 1,
            ..self
        })
    }
}

impl<'de> DeserializeSeed<'de> for NodeSeed<'_, '_> {
    type Value = Node<'static>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node<'static>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NodeSeed<'_, '_> {
    type Value = Node<'static>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an IAM policy document")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Node<'static>, E> {
        self.node(Value::Null, 4)
    }
    fn visit_none<E: de::Error>(self) -> Result<Node<'static>, E> {
        self.node(Value::Null, 4)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node<'static>, D::Error> {
        deserializer.deserialize_any(self)
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Node<'static>, E> {
        self.node(Value::Bool(b), 5)
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Node<'static>, E> {
        self.number(n.to_string())
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Node<'static>, E> {
        self.number(n.to_string())
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Node<'static>, E> {
        if !n.is_finite() {
            return Err(E::custom(format_args!(
                "the number `{n}` is not a JSON number"
            )));
        }
        self.number(n.to_string())
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Node<'static>, E> {
        self.node(Value::String(Cow::Owned(s.to_owned())), s.len())
    }
    fn visit_string<E: de::Error>(self, s: String) -> Result<Node<'static>, E> {
        let bytes = s.len();
        self.node(Value::String(Cow::Owned(s)), bytes)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'static>, A::Error> {
        let inner = self.nested()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        self.node(Value::Array(items), 2)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'static>, A::Error> {
        let inner = self.nested()?;
        let mut members = Vec::new();
        // Every member as the format gives it, duplicates included: the validator reports them.
        while let Some(key) = map.next_key::<String>()? {
            self.budget.spend(key.len().max(1))?;
            let value = map.next_value_seed(inner)?;
            members.push(Member {
                key: Cow::Owned(key),
                key_loc: Loc::default(),
                value,
            });
        }
        self.node(Value::Object(members), 2)
    }
}

impl NodeSeed<'_, '_> {
    fn number<E: de::Error>(self, text: String) -> Result<Node<'static>, E> {
        let bytes = text.len();
        self.node(Value::Number(Cow::Owned(text)), bytes)
    }
}
