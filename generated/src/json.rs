//! Models to and from JSON, with little code per model. A model's
//! `Serialize` and `Deserialize` are one [`object!`] invocation that lists
//! its fields, whether each is required, and their JSON names.
//!
//! Reading, the visitor it expands to stores each value it reads and builds
//! the struct; finding a key among the names is done here, once for every
//! model. Unknown keys are passed over; of a repeated key, the last value is
//! kept; an optional property may be absent or `null`. Writing, an optional
//! property that is `None` is left out.
//!
//! Serde's derive would do the same with several times the code: it was
//! 40% of the crate's compile time (BENCHMARKS.md).

use std::cell::Cell;
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

/// How a required property is read and written.
pub(crate) mod required {
    use serde::ser::SerializeStruct;

    /// Its value, or the error of its absence.
    pub(crate) fn read<T, E: serde::de::Error>(
        value: Option<T>,
        name: &'static str,
    ) -> Result<T, E> {
        value.ok_or_else(|| E::missing_field(name))
    }

    /// Always written.
    pub(crate) fn present<T>(_: &T) -> bool {
        true
    }

    pub(crate) fn write<S: SerializeStruct, T: serde::Serialize>(
        object: &mut S,
        name: &'static str,
        value: &T,
    ) -> Result<(), S::Error> {
        object.serialize_field(name, value)
    }
}

/// How an optional property (an `Option` field) is read and written.
pub(crate) mod optional {
    use serde::ser::SerializeStruct;

    /// Its value: absent and `null` are both `None`.
    pub(crate) fn read<T, E>(
        value: Option<Option<T>>,
        _name: &'static str,
    ) -> Result<Option<T>, E> {
        Ok(value.flatten())
    }

    /// Written when it is `Some`.
    pub(crate) fn present<T>(value: &Option<T>) -> bool {
        value.is_some()
    }

    pub(crate) fn write<S: SerializeStruct, T: serde::Serialize>(
        object: &mut S,
        name: &'static str,
        value: &Option<T>,
    ) -> Result<(), S::Error> {
        match value {
            Some(value) => object.serialize_field(name, value),
            None => object.skip_field(name),
        }
    }
}

/// `impl Serialize` and `impl Deserialize` for a model struct from its
/// fields, each `required` or `optional` (an `Option` field) and its JSON
/// name, in the struct's order:
///
/// ```ignore
/// crate::json::object!(Link {
///     required uri = "uri",
///     optional method = "method",
/// });
/// ```
///
/// A generic model names its one type parameter: `Collection<T> { .. }`.
macro_rules! object {
    ($ty:ident $(<$t:ident>)? { $($kind:ident $field:ident = $json:literal),* $(,)? }) => {
        impl$(<$t: serde::Serialize>)? serde::Serialize for $ty $(<$t>)? {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct as _;
                let len = 0 $(+ usize::from(crate::json::$kind::present(&self.$field)))*;
                let mut object = serializer.serialize_struct(stringify!($ty), len)?;
                $(crate::json::$kind::write(&mut object, $json, &self.$field)?;)*
                object.end()
            }
        }

        impl<'de $(, $t: serde::Deserialize<'de>)?> serde::Deserialize<'de> for $ty $(<$t>)? {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor $(<$t>(std::marker::PhantomData<$t>))?;

                impl<'de $(, $t: serde::Deserialize<'de>)?> serde::de::Visitor<'de> for Visitor $(<$t>)? {
                    type Value = $ty $(<$t>)?;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("a ", stringify!($ty), " object"))
                    }

                    // The last field's count is not read again.
                    #[allow(unused_assignments)]
                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<Self::Value, A::Error> {
                        const FIELDS: crate::json::Fields = crate::json::Fields(&[$($json),*]);
                        $(let mut $field = None;)*
                        while let Some(key) = map.next_key_seed(FIELDS)? {
                            // The fields in order: the n-th name is the n-th field.
                            #[allow(unused_mut)]
                            let mut n = 0usize;
                            $(
                                if key == Some(n) {
                                    $field = Some(map.next_value()?);
                                    continue;
                                }
                                n += 1;
                            )*
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                        Ok($ty { $($field: crate::json::$kind::read($field, $json)?,)* })
                    }
                }

                deserializer.deserialize_map(Visitor $((std::marker::PhantomData::<$t>))?)
            }
        }
    };
}
pub(crate) use object;

/// What an open enum of the documents has besides its variants: the value
/// each is written as (`as_str`, `Display`), reading any text into it
/// (`From<&str>`, `From<String>`, `FromStr`; a value the documents do not
/// name is kept as `Other`), equality and hashing without regard to ASCII
/// case (as the service reads values), and `Serialize`/`Deserialize` as
/// that text:
///
/// ```ignore
/// pub enum TargetType { User, Tenant, Other(String) }
/// crate::json::open_enum!(TargetType { User = "User", Tenant = "Tenant" });
/// ```
macro_rules! open_enum {
    ($ty:ident { $($variant:ident = $value:literal),* $(,)? }) => {
        impl $ty {
            /// The value as written on the wire.
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    $($ty::$variant => $value,)*
                    $ty::Other(value) => value,
                }
            }
        }

        impl From<&str> for $ty {
            #[inline]
            fn from(value: &str) -> Self {
                $(if value.eq_ignore_ascii_case($value) {
                    return $ty::$variant;
                })*
                $ty::Other(value.to_owned())
            }
        }

        impl From<String> for $ty {
            #[inline]
            fn from(value: String) -> Self {
                match $ty::from(value.as_str()) {
                    $ty::Other(_) => $ty::Other(value),
                    known => known,
                }
            }
        }

        impl std::str::FromStr for $ty {
            type Err = std::convert::Infallible;


            #[inline]
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok($ty::from(value))
            }
        }

        impl std::fmt::Display for $ty {
            #[inline]
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl PartialEq for $ty {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                self.as_str().eq_ignore_ascii_case(other.as_str())
            }
        }

        impl Eq for $ty {}

        impl std::hash::Hash for $ty {
            #[inline]
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                for byte in self.as_str().bytes() {
                    state.write_u8(byte.to_ascii_lowercase());
                }
            }
        }

        impl serde::Serialize for $ty {
            #[inline]
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            #[inline]
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <String as serde::Deserialize>::deserialize(deserializer).map($ty::from)
            }
        }
    };
}
pub(crate) use open_enum;

thread_local! {
    /// The model the request of the body being read chose: a model chosen
    /// by the request reads it, since its JSON does not say.
    static CHOICE: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// `read` with `choice` as the request's choice of model: the body of a
/// response is read on one thread, in one go.
pub(crate) fn choosing<R>(choice: Option<&'static str>, read: impl FnOnce() -> R) -> R {
    /// Puts the choice before back, however `read` ends.
    struct Restore(Option<&'static str>);
    impl Drop for Restore {
        fn drop(&mut self) {
            CHOICE.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CHOICE.with(|c| c.replace(choice)));
    read()
}

/// The request's choice of model while a body is read, if any.
// Read by the models chosen by the request only.
#[allow(dead_code)]
pub(crate) fn chosen() -> Option<&'static str> {
    CHOICE.with(Cell::get)
}

// A spec without models chosen by the request leaves it unused.
#[allow(dead_code)]
/// The variant the request's `values` choose among `choices` (a variant's
/// name and the values that choose it, compared without regard to ASCII
/// case): how an operation's method works out its choice.
pub(crate) fn choose(
    choices: &[(&'static str, &[(&str, &str)])],
    values: &[(&str, String)],
) -> Option<&'static str> {
    choices.iter().find_map(|(variant, when)| {
        when.iter()
            .all(|(name, wanted)| {
                values
                    .iter()
                    .any(|(n, v)| n.eq_ignore_ascii_case(name) && v.eq_ignore_ascii_case(wanted))
            })
            .then_some(*variant)
    })
}

/// `Serialize` and `Deserialize` for a model that is one of several: an
/// enum of a variant per model, each holding it, and `Other(Json)` for a
/// kind the documents do not list (kept, never a decoding failure).
///
/// By a field of the body, its value naming the variant:
///
/// ```ignore
/// crate::json::union!(Artifact by "artifactType" {
///     ReservedInstanceArtifact = "reservedinstance",
/// });
/// ```
///
/// By the request (`by request`): the variant the request chose
/// ([`choosing`]), named as the variant.
// A spec without such models leaves it unused: the runtime serves any spec.
#[allow(unused_macros)]
macro_rules! union {
    ($ty:ident by request { $($variant:ident),* $(,)? }) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                // Read from the text, not from a JSON value: a value holds a
                // number as a float, and a decimal of the variant would lose
                // its digits beyond a float's.
                let raw = <Box<serde_json::value::RawValue> as serde::Deserialize>::deserialize(deserializer)?;
                $(
                    if crate::json::chosen() == Some(stringify!($variant)) {
                        return serde_json::from_str(raw.get())
                            .map($ty::$variant)
                            .map_err(serde::de::Error::custom);
                    }
                )*
                serde_json::from_str(raw.get())
                    .map($ty::Other)
                    .map_err(serde::de::Error::custom)
            }
        }

        crate::json::union!(@serialize $ty { $($variant),* });
    };
    ($ty:ident by $field:literal { $($variant:ident = $value:literal),* $(,)? }) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                // The variant is read from the text (its decimals exact);
                // the value only says which.
                let raw = <Box<serde_json::value::RawValue> as serde::Deserialize>::deserialize(deserializer)?;
                let value: crate::Json =
                    serde_json::from_str(raw.get()).map_err(serde::de::Error::custom)?;
                let kind = value.text_of($field).unwrap_or_default();
                $(
                    if kind.eq_ignore_ascii_case($value) {
                        return serde_json::from_str(raw.get())
                            .map($ty::$variant)
                            .map_err(serde::de::Error::custom);
                    }
                )*
                Ok($ty::Other(value))
            }
        }

        crate::json::union!(@serialize $ty { $($variant),* });
    };
    (@serialize $ty:ident { $($variant:ident),* }) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $($ty::$variant(value) => serde::Serialize::serialize(value, serializer),)*
                    $ty::Other(value) => serde::Serialize::serialize(value, serializer),
                }
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use union;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_is_read_within_its_reading_only() {
        assert_eq!(chosen(), None);
        let inside = choosing(Some("Billing"), || {
            let nested = choosing(None, chosen);
            (chosen(), nested)
        });
        assert_eq!(inside, (Some("Billing"), None));
        assert_eq!(chosen(), None);
    }

    #[test]
    fn the_request_s_values_choose_a_variant_whatever_their_case() {
        let choices: &[(&str, &[(&str, &str)])] = &[
            (
                "Billing",
                &[("provider", "office"), ("type", "billinglineitems")],
            ),
            (
                "Usage",
                &[("provider", "azure"), ("type", "usagelineitems")],
            ),
        ];
        let values = [
            ("Provider", "Azure".to_string()),
            ("type", "UsageLineItems".into()),
            ("size", "10".into()),
        ];
        assert_eq!(choose(choices, &values), Some("Usage"));
        assert_eq!(choose(choices, &[("provider", "office".into())]), None);
    }

    // A union of each kind, as the generated models write them.
    #[derive(Debug, Clone, PartialEq, Eq)]
    struct Circle {
        kind: String,
        radius: i64,
    }
    object!(Circle {
        required kind = "kind",
        required radius = "radius",
    });

    #[derive(Debug, Clone, PartialEq, Eq)]
    struct Square {
        kind: String,
        side: Option<i64>,
    }
    object!(Square {
        required kind = "kind",
        optional side = "side",
    });

    #[derive(Debug, Clone, PartialEq, Eq)]
    enum Shape {
        Circle(Circle),
        Square(Square),
        Other(crate::Json),
    }
    union!(Shape by "kind" {
        Circle = "circle",
        Square = "SQUARE",
    });

    #[derive(Debug, Clone, PartialEq, Eq)]
    enum Chosen {
        Circle(Circle),
        Square(Square),
        Other(crate::Json),
    }
    union!(Chosen by request { Circle, Square });

    #[derive(Debug, Clone, PartialEq, Eq)]
    struct Priced {
        amount: crate::Decimal,
    }
    object!(Priced {
        required amount = "amount",
    });

    #[derive(Debug, Clone, PartialEq, Eq)]
    enum Charge {
        Priced(Priced),
        Other(crate::Json),
    }
    union!(Charge by request { Priced });

    #[derive(Debug, Clone, PartialEq, Eq)]
    enum Tagged {
        Priced(Priced),
        Other(crate::Json),
    }
    union!(Tagged by "kind" { Priced = "priced" });

    #[test]
    fn a_union_s_variant_keeps_every_digit_of_its_decimals() {
        // More digits than a float holds, in a page's array as a body has them.
        let text = r#"[{"kind": "priced", "amount": 0.1999968000511991808131}]"#;
        let chosen: Vec<Charge> = choosing(Some("Priced"), || serde_json::from_str(text)).unwrap();
        let [Charge::Priced(priced)] = &chosen[..] else {
            panic!("{chosen:?}")
        };
        assert_eq!(priced.amount.as_str(), "0.1999968000511991808131");
        let tagged: Vec<Tagged> = serde_json::from_str(text).unwrap();
        let [Tagged::Priced(priced)] = &tagged[..] else {
            panic!("{tagged:?}")
        };
        assert_eq!(priced.amount.as_str(), "0.1999968000511991808131");
    }

    #[test]
    fn a_union_reads_the_variant_its_field_names_and_keeps_any_other() {
        let read = |text: &str| serde_json::from_str::<Vec<Shape>>(text);
        let shapes = read(
            r#"[{"kind": "circle", "radius": 2}, {"kind": "square"}, {"kind": "hexagon", "n": 6}]"#,
        )
        .unwrap();
        let circle = Circle {
            kind: "circle".into(),
            radius: 2,
        };
        assert_eq!(shapes[0], Shape::Circle(circle.clone()));
        assert_eq!(
            shapes[1],
            Shape::Square(Square {
                kind: "square".into(),
                side: None
            })
        );
        let Shape::Other(other) = &shapes[2] else {
            panic!("{shapes:?}")
        };
        assert_eq!(other.get("n").and_then(|n| n.as_i64()), Some(6));
        // A documented kind that does not decode is an error, not `Other`.
        let bad = read(r#"[{"kind": "circle", "radius": "wide"}]"#).unwrap_err();
        assert!(bad.to_string().contains("expected i64"), "{bad}");
        // Written back as the variant's own JSON.
        let back: Vec<Shape> =
            serde_json::from_str(&serde_json::to_string(&shapes).unwrap()).unwrap();
        assert_eq!(back, shapes);
    }

    #[test]
    fn a_union_the_request_chooses_reads_the_variant_chosen() {
        let text = r#"{"kind": "anything", "radius": 3}"#;
        let chosen: Chosen = choosing(Some("Circle"), || serde_json::from_str(text)).unwrap();
        assert_eq!(
            chosen,
            Chosen::Circle(Circle {
                kind: "anything".into(),
                radius: 3
            })
        );
        let unchosen: Chosen = serde_json::from_str(text).unwrap();
        assert!(matches!(unchosen, Chosen::Other(_)), "{unchosen:?}");
        let other: Chosen = choosing(Some("Triangle"), || serde_json::from_str(text)).unwrap();
        assert!(matches!(other, Chosen::Other(_)), "{other:?}");
    }
}
