//! What the spec already has that a draft needs: the clouds its "Applies
//! to" lines name, the request headers every call sends, the collection
//! envelopes, and the ids, names and documents a draft must not add again.

use serde_json::Value;

use crate::spec::Loaded;
use crate::spec::raw::Direction;

/// The name of the envelope a listing gets when the spec has none.
const DEFAULT_COLLECTION: &str = "ResourceCollection";

/// A collection envelope of the spec.
#[derive(Debug, Clone)]
pub struct Collection {
    /// Its name, e.g. `ResourceCollection`.
    pub name: String,
    /// Its properties and their types (`items`: `[T]`).
    pub properties: Vec<(String, String)>,
}

impl Collection {
    /// The property that holds the items (`items`, `Value`, `results`).
    fn items(&self) -> Option<&str> {
        self.properties
            .iter()
            .find(|(_, ty)| ty == "[T]")
            .map(|(name, _)| name.as_str())
    }
}

/// What the spec already has that a draft needs: the clouds the "Applies
/// to" line names, the request headers, the collection envelope, and the
/// names a draft must not take again.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Each cloud's `id` and `name`.
    pub clouds: Vec<(String, String)>,
    /// Request headers: name, and whether every call sends it (the client's
    /// own), so that an operation does not list it.
    pub headers: Vec<(String, bool)>,
    /// The collection envelopes, in the spec's order.
    pub collections: Vec<Collection>,
    pub operations: Vec<String>,
    pub models: Vec<String>,
    pub documents: Vec<String>,
}

impl Known {
    /// What the loaded spec `loaded` knows.
    pub fn of(loaded: &Loaded) -> Known {
        let parts = || loaded.parts.iter();
        Known {
            clouds: parts()
                .flat_map(|p| &p.clouds)
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect(),
            headers: parts()
                .flat_map(|p| &p.headers)
                .filter(|h| h.direction == Direction::Request)
                .map(|h| (h.name.clone(), h.semantics.is_some() || h.default.is_some()))
                .collect(),
            collections: parts()
                .flat_map(|p| &p.collections)
                .map(|c| Collection {
                    name: c.name.clone(),
                    properties: c
                        .properties
                        .iter()
                        .map(|p| (p.name.clone(), p.ty.clone()))
                        .collect(),
                })
                .collect(),
            operations: parts()
                .flat_map(|p| &p.operations)
                .map(|o| o.id.clone())
                .collect(),
            models: parts()
                .flat_map(|p| &p.models)
                .map(|m| m.name.clone())
                .collect(),
            documents: parts()
                .flat_map(|p| &p.documents)
                .map(|d| d.file.clone())
                .collect(),
        }
    }
}

impl Known {
    /// The envelope a listing without an example gets: the spec's
    /// `ResourceCollection`, else its first envelope.
    pub fn default_collection(&self) -> &str {
        self.collections
            .iter()
            .find(|c| c.name == DEFAULT_COLLECTION)
            .or(self.collections.first())
            .map_or(DEFAULT_COLLECTION, |c| c.name.as_str())
    }

    /// The envelope an example body is a page of, and the name of its items'
    /// property: the envelope whose items' property holds an array there
    /// and most of whose properties the body has; `items` of the default
    /// envelope when the spec has none.
    pub fn collection_of<'v>(&self, body: &'v Value) -> Option<(&str, &'v Vec<Value>)> {
        if self.collections.is_empty() {
            let items = body.get("items")?.as_array()?;
            return Some((DEFAULT_COLLECTION, items));
        }
        self.collections
            .iter()
            .filter_map(|c| {
                let items = body.get(c.items()?)?.as_array()?;
                let shared = c.properties.iter().filter(|(n, _)| body.get(n).is_some());
                Some((shared.count(), c.name.as_str(), items))
            })
            .fold(
                None,
                |best: Option<(usize, &str, &Vec<Value>)>, x| match best {
                    Some(b) if b.0 >= x.0 => Some(b),
                    _ => Some(x),
                },
            )
            .map(|(_, name, items)| (name, items))
    }

    /// The envelope `ty` writes (`ResourceCollection<Customer>`) and its item
    /// type (`Customer`).
    pub fn collection_type<'t>(&self, ty: &'t str) -> Option<(&Collection, &'t str)> {
        let (name, rest) = ty.split_once('<')?;
        let item = rest.strip_suffix('>')?;
        self.collections
            .iter()
            .find(|c| c.name == name)
            .map(|c| (c, item))
    }
}
