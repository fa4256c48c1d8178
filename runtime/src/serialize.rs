//! `serde::Serialize` for [`Policy`]: the document as written, key order kept.

use iam_policy_core::compiled::JsonValue;
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
