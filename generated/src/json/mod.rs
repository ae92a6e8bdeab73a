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
//! 40% of the crate's compile time (BENCHMARKS.md). A model that is one of
//! several (`union!`) is read in `union`.

mod union;

// A spec without models chosen by the request leaves some unused.
#[allow(unused_imports)]
pub(crate) use union::{choose, choosing, chosen, union};

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
