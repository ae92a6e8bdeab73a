//! A decimal with any serde format: serde_json writes and reads the number
//! digit for digit (through its raw values), every other format a string,
//! and any format may hand a number or a string to read.

use std::fmt;

use ::serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use ::serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use super::Decimal;

/// The name under which serde_json hands a value's raw text to a visitor
/// (as a map of this one key to the text), the way `RawValue` reads it.
const RAW_VALUE: &str = "$serde_json::private::RawValue";

/// Whether `S` is serde_json's writer or its `Value` builder: the formats
/// that take a raw JSON number. Only those: anything else, serde_json's map
/// keys or a wrapper around serde_json included, gets a string.
fn takes_raw_json<S>() -> bool {
    let name = std::any::type_name::<S>();
    let name = name.strip_prefix("&mut ").unwrap_or(name);
    name.starts_with("serde_json::ser::Serializer<") || name == "serde_json::value::ser::Serializer"
}

impl Serialize for Decimal {
    /// A JSON number, digit for digit, with serde_json; a string holding
    /// the number with any other format.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.text.strip_prefix('+').unwrap_or(&self.text);
        if !takes_raw_json::<S>() {
            return serializer.serialize_str(text);
        }
        match RawValue::from_string(text.to_string()) {
            Ok(raw) => raw.serialize(serializer),
            Err(e) => Err(::serde::ser::Error::custom(e)),
        }
    }
}

impl<'de> Deserialize<'de> for Decimal {
    /// From a JSON number, digit for digit (serde_json gives its raw text),
    /// and from a number or a string holding one in any format.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // serde_json answers this name with the value's raw text; other
        // formats take it as any newtype and hand over what they hold.
        deserializer.deserialize_newtype_struct(RAW_VALUE, DecimalVisitor)
    }
}

struct DecimalVisitor;

impl DecimalVisitor {
    fn parse<E: de::Error>(text: &str) -> Result<Decimal, E> {
        text.parse().map_err(E::custom)
    }
}

impl<'de> Visitor<'de> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number, or a string holding one")
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, inner: D) -> Result<Decimal, D::Error> {
        // A format that describes its data says what it holds; one that
        // does not (bincode, postcard) holds what `serialize` wrote: a string.
        if inner.is_human_readable() {
            inner.deserialize_any(self)
        } else {
            inner.deserialize_str(self)
        }
    }

    /// serde_json's raw text: a number, or a JSON string holding one.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Decimal, A::Error> {
        match map.next_key::<String>()? {
            Some(key) if key == RAW_VALUE => {}
            _ => return Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
        let raw = map.next_value::<String>()?;
        if raw.starts_with('"') {
            let text = serde_json::from_str::<String>(&raw).map_err(de::Error::custom)?;
            Self::parse(&text)
        } else {
            Self::parse(&raw)
        }
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
        Self::parse(text)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Decimal, E> {
        Self::parse(&n.to_string())
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Decimal, E> {
        Self::parse(&n.to_string())
    }

    fn visit_u128<E: de::Error>(self, n: u128) -> Result<Decimal, E> {
        Self::parse(&n.to_string())
    }

    fn visit_i128<E: de::Error>(self, n: i128) -> Result<Decimal, E> {
        Self::parse(&n.to_string())
    }

    /// The shortest text that reads back as this `f64` (`12.5`, never
    /// `12.499999...`); not a number and the infinities are refused.
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Decimal, E> {
        if !n.is_finite() {
            return Err(E::invalid_value(de::Unexpected::Float(n), &self));
        }
        Self::parse(&n.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn serde_json_writes_the_number_digit_for_digit() {
        let v = d("+1234567890123456789.123456789");
        let json = "1234567890123456789.123456789";
        assert_eq!(serde_json::to_string(&v).unwrap(), json);
        assert_eq!(
            serde_json::to_string_pretty(&[&v]).unwrap(),
            format!("[\n  {json}\n]")
        );
        let mut out = Vec::new();
        serde_json::to_writer(&mut out, &v).unwrap();
        assert_eq!(out, json.as_bytes());
        assert_eq!(
            serde_json::to_value(d("12")).unwrap(),
            serde_json::json!(12)
        );
        // A map key is a string in JSON: the number goes there as text.
        let keyed = std::collections::HashMap::from([(d("1.50"), 1)]);
        assert_eq!(serde_json::to_string(&keyed).unwrap(), r#"{"1.50":1}"#);
    }

    #[test]
    fn serde_json_reads_the_number_digit_for_digit() {
        for json in ["12.50", "-0.001", "1.5E3", "1234567890123456789.123456789"] {
            let v: Decimal = serde_json::from_str(json).unwrap();
            assert_eq!(v.as_str(), json);
            let v: Decimal = serde_json::from_reader(json.as_bytes()).unwrap();
            assert_eq!(v.as_str(), json);
        }
        let v: Decimal = serde_json::from_str(r#""0.10""#).unwrap();
        assert_eq!(v.as_str(), "0.10");
        let v: Decimal = serde_json::from_value(serde_json::json!(7)).unwrap();
        assert_eq!(v.as_str(), "7");
        for bad in ["true", "{}", "[]", r#""x""#, "null"] {
            assert!(serde_json::from_str::<Decimal>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn numbers_of_a_self_describing_format_are_read() {
        use ::serde::de::value::{Error, F64Deserializer, U64Deserializer};
        let v = Decimal::deserialize(U64Deserializer::<Error>::new(42)).unwrap();
        assert_eq!(v.as_str(), "42");
        let v = Decimal::deserialize(F64Deserializer::<Error>::new(12.5)).unwrap();
        assert_eq!(v.as_str(), "12.5");
        assert!(Decimal::deserialize(F64Deserializer::<Error>::new(f64::NAN)).is_err());
    }
}
