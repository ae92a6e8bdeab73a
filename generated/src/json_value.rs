//! Values the documents leave free: an object of whatever keys the service
//! sends (`Dictionary<string, object>`, "object"), kept as JSON.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Any JSON value, as the service sent it (the keys of its objects in name
/// order): a property the documents type as free-form (an object of its own
/// keys, "dynamic attributes"), or a model this crate does not know (a
/// variant the documents do not list).
///
/// Read a part with [`Json::get`] and the `as_` accessors, or the whole as a
/// type of your own with [`Json::to`]; [`Json::from_value`] makes one to
/// send. Its `Display` is its JSON text.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Json(serde_json::Value);

/// Why a value could not be read as JSON, or JSON as a value.
#[derive(Debug)]
pub struct JsonError(serde_json::Error);

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for JsonError {}

impl Json {
    /// JSON `null`.
    pub fn null() -> Json {
        Json(serde_json::Value::Null)
    }

    /// The JSON value of `text`.
    pub fn parse(text: &str) -> Result<Json, JsonError> {
        serde_json::from_str(text).map(Json).map_err(JsonError)
    }

    /// `value` as JSON: any type that serializes.
    pub fn from_value<T: Serialize + ?Sized>(value: &T) -> Result<Json, JsonError> {
        serde_json::to_value(value).map(Json).map_err(JsonError)
    }

    /// The value as a type of yours.
    pub fn to<T: DeserializeOwned>(&self) -> Result<T, JsonError> {
        T::deserialize(&self.0).map_err(JsonError)
    }

    /// The value of `key`, when this is an object that has it.
    pub fn get(&self, key: &str) -> Option<Json> {
        self.0.get(key).cloned().map(Json)
    }

    /// The text of `key`, when this is an object whose `key` is text.
    // Read by the models chosen by a field of their body only.
    #[allow(dead_code)]
    pub(crate) fn text_of(&self, key: &str) -> Option<&str> {
        self.0.get(key)?.as_str()
    }

    /// The keys, when this is an object, in name order.
    pub fn keys(&self) -> Vec<&str> {
        match &self.0 {
            serde_json::Value::Object(map) => map.keys().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// The text, when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        self.0.as_str()
    }

    /// The number, when this is an integer that fits.
    pub fn as_i64(&self) -> Option<i64> {
        self.0.as_i64()
    }

    /// The number, when this is one (as a float: for an exact amount, read it
    /// with [`Json::to`] as a [`crate::Decimal`]).
    pub fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }

    /// The boolean, when this is one.
    pub fn as_bool(&self) -> Option<bool> {
        self.0.as_bool()
    }

    /// Whether this is JSON `null`.
    pub fn is_null(&self) -> bool {
        self.0.is_null()
    }
}

impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Json({})", self.0)
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde_json::Value::deserialize(deserializer).map(Json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_json_is_kept_and_read_by_parts() {
        let j = Json::parse(r#"{"rates": {"0": 0.5}, "name": "x", "n": 2, "on": true}"#).unwrap();
        assert_eq!(j.keys(), ["n", "name", "on", "rates"]);
        assert_eq!(j.get("name").unwrap().as_str(), Some("x"));
        assert_eq!(j.get("n").unwrap().as_i64(), Some(2));
        assert_eq!(j.get("on").unwrap().as_bool(), Some(true));
        assert!(j.get("missing").is_none());
        let rates: std::collections::BTreeMap<String, crate::Decimal> =
            j.get("rates").unwrap().to().unwrap();
        assert_eq!(rates["0"].to_string(), "0.5");
        assert_eq!(
            j.to_string(),
            r#"{"n":2,"name":"x","on":true,"rates":{"0":0.5}}"#
        );
        let back: Json = serde_json::from_str(&serde_json::to_string(&j).unwrap()).unwrap();
        assert_eq!(back, j);
        assert!(Json::parse("{").is_err());
        assert!(Json::null().is_null());
    }
}
