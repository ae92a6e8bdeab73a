//! Where a listing is, as a value the caller can store and a listing can
//! start again from, later, in another process.

use serde::{Deserialize, Deserializer, Serialize};
use uuid::Uuid;

/// The format of the serialized position this crate writes and reads.
const FORMAT: u32 = 1;

/// Where a listing is: the page it asks for next, and how many items of that
/// page were given already. [`Pages::position`](crate::Pages::position) and
/// [`Items::position`](crate::Items::position) give it;
/// [`Call::pages_from`](crate::Call::pages_from) and
/// [`Call::items_from`](crate::Call::items_from) start the listing again from
/// it, with any client of the same base URL.
///
/// It is plain data for `serde`: store it as JSON (or any format serde
/// writes) between runs. It holds the operation's id, the next page's URI
/// (absolute, on the base URL of the client that listed) and continuation
/// headers as the service gave them, the number of items of that page already
/// given, and the listing's `MS-CorrelationId`; it holds no token. The
/// format is versioned: a position written in another format is refused when
/// read, never misread.
///
/// ```json
/// {"format":1,"operation":"ListCustomers",
///  "page":{"uri":"https://api.partnercenter.microsoft.com/v1/customers?size=100&seekOperation=Next",
///          "headers":[["MS-ContinuationToken","..."]]},
///  "skip":0,"correlation_id":"f7a8..."}
/// ```
///
/// A resumed listing checks the stored page as it checks a next link the
/// service gives: on the client's origin only, with the continuation headers
/// the spec names and no other; a stored URI on another host ends the listing
/// with [`Error::InvalidNextLink`](crate::Error::InvalidNextLink) before
/// anything is sent. A position of another operation's listing is
/// [`Error::InvalidInput`](crate::Error::InvalidInput).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingPosition {
    #[serde(deserialize_with = "known_format")]
    format: u32,
    /// The id of the listing's operation (`Request::operation`).
    operation: String,
    /// The page to ask for; `None` for the listing's first page, which is
    /// the call's own request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    page: Option<PageLink>,
    /// Items of that page already given: a listing of items passes over them.
    #[serde(default)]
    skip: usize,
    /// The `MS-CorrelationId` every page of the listing sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    correlation_id: Option<Uuid>,
}

/// A page after the first: its URI and the continuation headers to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct PageLink {
    pub(crate) uri: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) headers: Vec<(String, String)>,
}

fn known_format<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let format = u32::deserialize(deserializer)?;
    if format != FORMAT {
        return Err(serde::de::Error::custom(format!(
            "a listing position of format {format}: this version of partner-center reads format {FORMAT}"
        )));
    }
    Ok(format)
}

impl ListingPosition {
    /// The first page of `operation`'s listing.
    pub(crate) fn first(operation: &str, correlation_id: Option<Uuid>) -> Self {
        ListingPosition {
            format: FORMAT,
            operation: operation.to_string(),
            page: None,
            skip: 0,
            correlation_id,
        }
    }

    /// A page of `operation`'s listing after the first.
    pub(crate) fn link(operation: &str, page: PageLink, correlation_id: Option<Uuid>) -> Self {
        ListingPosition {
            page: Some(page),
            ..ListingPosition::first(operation, correlation_id)
        }
    }

    /// The id of the operation whose listing this is, e.g. `"ListCustomers"`.
    pub fn operation(&self) -> &str {
        &self.operation
    }

    /// Whether the position is the listing's first page (nothing read, or
    /// the first page not read in full).
    pub fn is_first_page(&self) -> bool {
        self.page.is_none()
    }

    /// How many items of the page it points at were given already: a
    /// listing of items started from it passes over them, a listing of
    /// pages gives that page whole.
    pub fn items_given(&self) -> usize {
        self.skip
    }

    pub(crate) fn page(&self) -> Option<&PageLink> {
        self.page.as_ref()
    }

    pub(crate) fn correlation_id(&self) -> Option<Uuid> {
        self.correlation_id
    }

    pub(crate) fn set_correlation_id(&mut self, id: Uuid) {
        self.correlation_id = Some(id);
    }

    pub(crate) fn with_skip(mut self, skip: usize) -> Self {
        self.skip = skip;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_position_reads_back_as_written_and_another_format_is_refused() {
        let page = PageLink {
            uri: "https://api.example.com/v1/customers?seekOperation=Next".into(),
            headers: vec![("MS-ContinuationToken".into(), "t2".into())],
        };
        let at = ListingPosition::link("ListCustomers", page, Some(Uuid::nil())).with_skip(3);
        let text = serde_json::to_string(&at).unwrap();
        assert_eq!(serde_json::from_str::<ListingPosition>(&text).unwrap(), at);
        assert_eq!(at.operation(), "ListCustomers");
        assert_eq!(at.items_given(), 3);
        assert!(!at.is_first_page());

        let first = ListingPosition::first("ListCustomers", None);
        let text = serde_json::to_string(&first).unwrap();
        assert_eq!(text, r#"{"format":1,"operation":"ListCustomers","skip":0}"#);

        let later = text.replace("\"format\":1", "\"format\":2");
        let err = serde_json::from_str::<ListingPosition>(&later).unwrap_err();
        assert!(err.to_string().contains("format 2"), "{err}");
    }
}
