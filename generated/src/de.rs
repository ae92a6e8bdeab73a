//! Reading models from JSON with little code per model. Each model's
//! generated `Deserialize` lists its fields' JSON names and stores each
//! value it reads; finding a key among the names is done here, once for
//! every model. Unknown keys are passed over; of a repeated key, the last
//! value is kept.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

/// A model's fields, by JSON name: read as an object key, the index of the
/// key among them, `None` for a key the model does not have.
#[derive(Clone, Copy)]
pub(crate) struct Fields(pub(crate) &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Fields {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for Fields {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a property name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Ok(self.0.iter().position(|name| *name == key))
    }

    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<Self::Value, E> {
        Ok(self.0.iter().position(|name| name.as_bytes() == key))
    }
}

/// The value of a required property, or the error of its absence.
pub(crate) fn required<T, E: de::Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(name))
}
