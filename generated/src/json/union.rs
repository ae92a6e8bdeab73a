//! Models that are one of several: a variant per model, chosen by a field of
//! the body or by the request (a listing's provider and kind, which the
//! JSON of its items does not say), and `Other` for a kind the documents do
//! not list.

use std::cell::Cell;

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
    use crate::json::object;

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
