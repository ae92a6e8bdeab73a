//! What the spec already has that a draft needs: the clouds its "Applies
//! to" lines name, the request headers every call sends, the collection
//! envelope, and the ids, names and documents a draft must not add again.

use crate::spec::Loaded;
use crate::spec::raw::Direction;

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
    /// The collection envelope's name, e.g. `ResourceCollection`.
    pub collection: String,
    /// The envelope's properties and their types (`items`: `[T]`).
    pub collection_properties: Vec<(String, String)>,
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
            collection: parts()
                .find_map(|p| p.collections.first().map(|c| c.name.clone()))
                .unwrap_or_else(|| "ResourceCollection".into()),
            collection_properties: parts()
                .filter_map(|p| p.collections.first())
                .flat_map(|c| &c.properties)
                .map(|p| (p.name.clone(), p.ty.clone()))
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
