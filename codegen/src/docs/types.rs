//! The type spellings of the documents' tables ("string", "array of
//! ServicePlan resources", "string in UTC date time format",
//! `IEnumerable<Artifact>`, a model's name), read into one shape. The
//! documents check compares that shape with the spec's types; the importer
//! turns it into the spec's words. Both read a cell through [`read`], so
//! that a spelling is learnt once: [`RULES`] is the one table of them.

/// A type cell, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocType {
    String,
    Guid,
    Int,
    /// `number`: a JSON number, whole or not.
    Number,
    Bool,
    Decimal,
    /// A date with a time (the tables' `date` holds full date-times).
    DateTime,
    /// A date without a time (`yyyy-mm-dd`).
    Date,
    Uri,
    /// `object`: a model the row links to, or free JSON.
    Object,
    /// The items of a list the cell does not type (a bare `IEnumerable`):
    /// any type is one.
    Unstated,
    /// A JSON filter (a query parameter).
    Filter,
    Array(Box<DocType>),
    /// A map from text keys to values of a type: `Dictionary<string, T>`.
    Map(Box<DocType>),
    /// A model, by the name the cell gives (one word).
    Named(String),
    /// A spelling no rule knows, as written.
    Unknown(String),
}

/// What a whole-cell spelling means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    String,
    Guid,
    Int,
    Number,
    Bool,
    Decimal,
    DateTime,
    Date,
    Uri,
    Object,
    Filter,
    /// An array of unknown items (`Array`, `IEnumerable`).
    Array,
    /// Text keys to text values (`key/value pairs`).
    TextMap,
}

/// One rule of the table: how a spelling is recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The whole cell, without case.
    Is(&'static str, Word),
    /// `<prefix><item>`, without case: an array of the item (`array of strings`).
    ArrayPrefix(&'static str),
    /// `<item><suffix>`: an array of the item (`Customer[]`, `string array`).
    ArraySuffix(&'static str),
    /// `<prefix><item>>`, without case: an array of the item (`List<X>`).
    ArrayGeneric(&'static str),
    /// `<prefix><value>>`, without case: a map of the value (`Dictionary<string, T>`).
    MapGeneric(&'static str),
    /// Words around a type that do not change it (`nullable int`, `int?`,
    /// `Address resource`), taken off before the other rules.
    Noise(&'static str),
}

use Rule::*;

/// Every spelling the tables of the 284 pages use, and what it means.
pub const RULES: &[Rule] = &[
    Is("string", Word::String),
    Is("str", Word::String),
    Is("guid", Word::Guid),
    Is("uuid", Word::Guid),
    Is("string (guid)", Word::Guid),
    Is("int", Word::Int),
    Is("integer", Word::Int),
    Is("long", Word::Int),
    Is("number", Word::Number),
    Is("int32", Word::Int),
    Is("int64", Word::Int),
    Is("bool", Word::Bool),
    Is("boolean", Word::Bool),
    Is("decimal", Word::Decimal),
    Is("double", Word::Decimal),
    Is("float", Word::Decimal),
    Is("money", Word::Decimal),
    Is("datetime", Word::DateTime),
    Is("date-time", Word::DateTime),
    Is("datetimeoffset", Word::DateTime),
    // The tables' `date` holds full date-times in the examples.
    Is("date", Word::DateTime),
    Is("string in utc date time format", Word::DateTime),
    Is("string in utc date-time format", Word::DateTime),
    Is("string in utc date-time offset format", Word::DateTime),
    Is("string in utc date time", Word::DateTime),
    Is("string in the utc date-time format", Word::DateTime),
    Is("date (yyyy-mm-dd)", Word::Date),
    Is("uri", Word::Uri),
    Is("url", Word::Uri),
    Is("object", Word::Object),
    Is("filter", Word::Filter),
    Is("array", Word::Array),
    Is("ienumerable", Word::Array),
    Is("key/value pairs", Word::TextMap),
    ArrayPrefix("array of "),
    ArrayPrefix("list of "),
    ArrayPrefix("collection of "),
    ArrayGeneric("ienumerable<"),
    ArrayGeneric("list<"),
    ArraySuffix("[]"),
    ArraySuffix(" array"),
    MapGeneric("dictionary<string, "),
    MapGeneric("dictionary<string,"),
    Noise("nullable "),
    Noise("?"),
    Noise(" resources"),
    Noise(" resource"),
    Noise(" objects"),
    Noise(" object"),
    Noise("."),
];

/// Reads a type cell with [`RULES`].
pub fn read(cell: &str) -> DocType {
    read_at(cell, 0)
}

/// Nesting deeper than this is not a type any table writes.
const MAX_DEPTH: usize = 8;

fn read_at(cell: &str, depth: usize) -> DocType {
    // `array of DeviceUploadDetails resources`: the name before `resources`
    // or `objects` is the model's own, not an English plural.
    let kind_named = {
        let lower = cell.trim().trim_end_matches('.').to_ascii_lowercase();
        [" resources", " resource", " objects", " object"]
            .iter()
            .any(|kind| lower.ends_with(kind))
    };
    let cell = without_noise(cell.trim());
    let lower = cell.to_ascii_lowercase();
    if depth > MAX_DEPTH {
        return DocType::Unknown(cell.to_string());
    }
    for rule in RULES {
        // English plurals follow `array of`; generics and suffixes name the item.
        let item = match *rule {
            Is(word, meaning) if lower == word => return word_type(meaning),
            ArrayPrefix(prefix) => lower.strip_prefix(prefix).map(|rest| {
                let item = &cell[cell.len() - rest.len()..];
                if kind_named && is_name(item) && !item.eq_ignore_ascii_case("objects") {
                    item.to_string()
                } else {
                    singular(item)
                }
            }),
            ArraySuffix(suffix) => cell
                .strip_suffix(suffix)
                .filter(|_| lower.ends_with(suffix))
                .map(str::to_string),
            ArrayGeneric(open) => generic(cell, &lower, open).map(str::to_string),
            MapGeneric(open) => {
                if let Some(value) = generic(cell, &lower, open) {
                    return DocType::Map(Box::new(read_at(value, depth + 1)));
                }
                None
            }
            Is(..) | Noise(_) => None,
        };
        if let Some(item) = item {
            return DocType::Array(Box::new(read_at(&item, depth + 1)));
        }
    }
    if is_name(cell) {
        DocType::Named(cell.to_string())
    } else {
        DocType::Unknown(cell.to_string())
    }
}

fn word_type(word: Word) -> DocType {
    match word {
        Word::String => DocType::String,
        Word::Guid => DocType::Guid,
        Word::Int => DocType::Int,
        Word::Number => DocType::Number,
        Word::Bool => DocType::Bool,
        Word::Decimal => DocType::Decimal,
        Word::DateTime => DocType::DateTime,
        Word::Date => DocType::Date,
        Word::Uri => DocType::Uri,
        Word::Object => DocType::Object,
        Word::Filter => DocType::Filter,
        Word::Array => DocType::Array(Box::new(DocType::Unstated)),
        Word::TextMap => DocType::Map(Box::new(DocType::String)),
    }
}

/// The cell without the [`Rule::Noise`] around it (and backticks), as
/// often as they stand there.
fn without_noise(cell: &str) -> &str {
    let mut cell = cell.trim().trim_matches('`').trim();
    loop {
        let before = cell.len();
        for rule in RULES {
            if let Noise(word) = *rule {
                let lower = cell.to_ascii_lowercase();
                if lower.starts_with(word) && word.ends_with(' ') {
                    cell = cell[word.len()..].trim();
                } else if lower.ends_with(word) && !word.ends_with(' ') {
                    // `array of objects` keeps its item.
                    let rest = cell[..cell.len() - word.len()].trim();
                    if !rest.is_empty() && !rest.to_ascii_lowercase().ends_with(" of") {
                        cell = rest;
                    }
                }
            }
        }
        if cell.len() == before {
            return cell;
        }
    }
}

/// The inside of `<open>inside>`, matched without case.
fn generic<'c>(cell: &'c str, lower: &str, open: &str) -> Option<&'c str> {
    lower.strip_prefix(open)?;
    cell.get(open.len()..)?.strip_suffix('>').map(str::trim)
}

/// One word that can name a model: letters, digits and underscores.
fn is_name(cell: &str) -> bool {
    cell.chars().next().is_some_and(char::is_alphabetic)
        && cell.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// `strings` -> `string`, `ServicePlan resources` -> `ServicePlan`,
/// `KeyValuePairs` -> `KeyValuePair`, `PromotionEligibilities` ->
/// `PromotionEligibility`.
pub fn singular(item: &str) -> String {
    let item = without_noise(item);
    if item.eq_ignore_ascii_case("objects") {
        return "object".into();
    }
    if !is_name(item) {
        return item.to_string();
    }
    if let Some(stem) = item.strip_suffix("ies").filter(|s| s.len() > 1) {
        return format!("{stem}y");
    }
    match item.strip_suffix('s') {
        Some(stem) if !stem.is_empty() && !stem.ends_with(['s', 'u']) => stem.to_string(),
        _ => item.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn array(t: DocType) -> DocType {
        DocType::Array(Box::new(t))
    }

    fn named(n: &str) -> DocType {
        DocType::Named(n.into())
    }

    #[test]
    fn cells_the_documents_write() {
        let cases = [
            ("array of strings", array(DocType::String)),
            (
                "array of ServicePlan resources",
                array(named("ServicePlan")),
            ),
            ("Array of KeyValuePairs", array(named("KeyValuePair"))),
            ("array of objects", array(DocType::Object)),
            ("List of Order objects.", array(named("Order"))),
            (
                "List of PromotionEligibilities",
                array(named("PromotionEligibility")),
            ),
            (
                "IEnumerable<QuantityDetail>",
                array(named("QuantityDetail")),
            ),
            (
                "List<QuantityProvisioningStatus>",
                array(named("QuantityProvisioningStatus")),
            ),
            ("`IEnumerable<string>`", array(DocType::String)),
            ("Customer[]", array(named("Customer"))),
            ("string array", array(DocType::String)),
            ("Array", array(DocType::Unstated)),
            ("IEnumerable", array(DocType::Unstated)),
            (
                "Dictionary<string, object>",
                DocType::Map(Box::new(DocType::Object)),
            ),
            (
                "Dictionary<string, string>",
                DocType::Map(Box::new(DocType::String)),
            ),
            ("key/value pairs", DocType::Map(Box::new(DocType::String))),
            ("string in UTC date time format", DocType::DateTime),
            ("string in UTC date-time format", DocType::DateTime),
            ("date", DocType::DateTime),
            ("DateTime", DocType::DateTime),
            ("nullable int", DocType::Int),
            ("int?", DocType::Int),
            ("long", DocType::Int),
            ("number", DocType::Number),
            ("nullable int", DocType::Int),
            ("array of Device objects", array(named("Device"))),
            (
                "array of DeviceUploadDetails resources",
                array(named("DeviceUploadDetails")),
            ),
            (
                "Dictionary<string, decimal>",
                DocType::Map(Box::new(DocType::Decimal)),
            ),
            ("GUID", DocType::Guid),
            ("string (GUID)", DocType::Guid),
            ("String", DocType::String),
            ("money", DocType::Decimal),
            ("Uri", DocType::Uri),
            ("ErrorDetails resource", named("ErrorDetails")),
            ("UpgradeProduct object", named("UpgradeProduct")),
            ("CustomerCompanyProfile", named("CustomerCompanyProfile")),
            (
                "pairs of strings and dateTime",
                DocType::Unknown("pairs of strings and dateTime".into()),
            ),
        ];
        for (cell, want) in cases {
            assert_eq!(read(cell), want, "{cell}");
        }
        assert!(RULES.len() >= 40, "{}", RULES.len());
    }

    #[test]
    fn deep_or_odd_cells_end() {
        let deep = format!("{}string{}", "List<".repeat(50), ">".repeat(50));
        assert!(matches!(read(&deep), DocType::Array(_)));
        assert_eq!(read(""), DocType::Unknown(String::new()));
        assert_eq!(read("?"), DocType::Unknown("?".into()));
    }
}
