//! What a success response's body becomes: the operation's decoder gets the
//! status and the body, and gives the operation's value. Most operations
//! decode with one of the two decoders here; an operation with several
//! documented answers has its own.

use serde::de::DeserializeOwned;

use crate::error::Cause;

/// A success response's body, as the operation's decoder sees it.
pub(crate) struct Payload<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) content_type: Option<&'a str>,
    /// The model the request chose, for a model chosen by the request.
    pub(crate) choice: Option<&'static str>,
    /// Where an accepted operation tells how it goes (`Location`).
    pub(crate) location: Option<&'a str>,
    /// The body of a file, not yet read: the download's decoder takes it.
    pub(crate) download: std::cell::Cell<Option<crate::Download>>,
}

impl Payload<'_> {
    /// The body as JSON of type `T`. A byte-order mark before it is passed over.
    pub(crate) fn json<T: DeserializeOwned>(&self) -> Result<T, Cause> {
        if let Some(t) = self.content_type
            && !t
                .as_bytes()
                .windows(4)
                .any(|w| w.eq_ignore_ascii_case(b"json"))
        {
            return Err(Cause::new(format!("content type is {t}, not JSON")));
        }
        crate::json::choosing(self.choice, || {
            serde_json::from_slice(without_bom(self.bytes)).map_err(Cause::new)
        })
    }
}

/// Bytes after a UTF-8 byte-order mark, if they start with one.
pub(crate) fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Turns a success response into the operation's value: `None` when the
/// status is not one of its documented answers.
pub(crate) type Decoder<T> = fn(u16, &Payload<'_>) -> Option<Result<T, Cause>>;

// A spec whose operations all answer one way leaves the other decoder unused.

/// The decoder of an operation that answers one JSON body on success.
#[allow(dead_code)]
#[inline]
pub(crate) fn json<T: DeserializeOwned>(
    status: u16,
    payload: &Payload<'_>,
) -> Option<Result<T, Cause>> {
    (200..=299).contains(&status).then(|| payload.json())
}

/// The decoder of an operation that answers success without a body.
#[allow(dead_code)]
#[inline]
pub(crate) fn empty(status: u16, _: &Payload<'_>) -> Option<Result<(), Cause>> {
    (200..=299).contains(&status).then_some(Ok(()))
}

/// The decoder of an operation that answers a file: the body, to be read
/// as it arrives.
#[allow(dead_code)]
#[inline]
pub(crate) fn download(
    status: u16,
    payload: &Payload<'_>,
) -> Option<Result<crate::Download, Cause>> {
    if !(200..=299).contains(&status) {
        return None;
    }
    Some(
        payload
            .download
            .take()
            .ok_or_else(|| Cause::new("the body of the file was read already")),
    )
}
