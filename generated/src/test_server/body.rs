//! A request's body, read within the limits: at most [`MAX_BODY`] bytes,
//! in at most [`BODY_TIMEOUT`].

use bytes::Bytes;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use hyper::body::{Body as _, Incoming};

use super::limits::{BODY_TIMEOUT, MAX_BODY};

/// What became of a request's body.
pub(crate) enum Body {
    /// Read in full (empty when there was none).
    Read(Bytes),
    /// Over [`MAX_BODY`]: declared so by its head, or so once this much arrived.
    TooLarge,
    /// Not in full within [`BODY_TIMEOUT`].
    TooSlow,
    /// Broken off, or not readable as its head declares (a bad chunk).
    Unreadable(String),
}

impl Body {
    /// The bytes read: none unless read in full.
    pub(crate) fn bytes(&self) -> Bytes {
        match self {
            Body::Read(bytes) => bytes.clone(),
            Body::TooLarge | Body::TooSlow | Body::Unreadable(_) => Bytes::new(),
        }
    }
}

/// Reads `body`; one its head declares too large is not read at all, not
/// even asked for (no `100 Continue` is sent).
pub(crate) async fn read(body: Incoming) -> Body {
    let declared = body.size_hint().lower();
    if usize::try_from(declared).map_or(true, |n| n > MAX_BODY) {
        return Body::TooLarge;
    }
    let read = Limited::new(body, MAX_BODY).collect();
    match tokio::time::timeout(BODY_TIMEOUT, read).await {
        Ok(Ok(read)) => Body::Read(read.to_bytes()),
        Ok(Err(e)) if e.is::<LengthLimitError>() => Body::TooLarge,
        Ok(Err(e)) => Body::Unreadable(e.to_string()),
        Err(_) => Body::TooSlow,
    }
}
