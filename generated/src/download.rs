//! A response body that is a file (an invoice statement's PDF, a CSV of
//! margins): read as it arrives, never held whole unless asked, under its
//! own size limit.

use std::fmt;
use std::time::Duration;

use crate::error::{CallInfo, Cause, Error};
use crate::response::ResponseMeta;

/// The body of a response that is a file, not JSON: read it a chunk at a
/// time ([`Download::chunk`]), into a writer of yours
/// ([`Download::write_to`]), or whole ([`Download::bytes`]). Its status and
/// headers (the content type among them) are the [`Response`](crate::Response)'s.
///
/// The body may be as long as [`ClientBuilder::max_download_size`](crate::ClientBuilder::max_download_size)
/// allows; each chunk must arrive within the client's attempt timeout.
/// Once the body has begun, a lost connection is an error of the download,
/// not retried: the caller knows how much it has written.
pub struct Download {
    response: reqwest::Response,
    meta: ResponseMeta,
    call: CallInfo,
    limit: u64,
    idle: Duration,
    read: u64,
}

impl Download {
    pub(crate) fn new(
        response: reqwest::Response,
        meta: ResponseMeta,
        call: CallInfo,
        limit: u64,
        idle: Duration,
    ) -> Download {
        Download {
            response,
            meta,
            call,
            limit,
            idle,
            read: 0,
        }
    }

    /// The content type the service says the body has.
    pub fn content_type(&self) -> Option<&str> {
        self.meta.content_type()
    }

    /// Bytes read so far.
    pub fn bytes_read(&self) -> u64 {
        self.read
    }

    /// The next piece of the body, `None` after the last.
    pub async fn chunk(&mut self) -> Option<Result<Vec<u8>, Error>> {
        let next = match tokio::time::timeout(self.idle, self.response.chunk()).await {
            Ok(Ok(next)) => next?,
            Ok(Err(e)) => return Some(Err(self.lost(Cause::new(e)))),
            Err(_) => {
                let meta = Some(self.meta.clone());
                return Some(Err(Error::Timeout {
                    meta,
                    call: self.call,
                }));
            }
        };
        self.read = self.read.saturating_add(next.len() as u64);
        if self.read > self.limit {
            let error = Error::BodyTooLarge {
                meta: self.meta.clone(),
                limit: usize::try_from(self.limit).unwrap_or(usize::MAX),
                call: self.call,
            };
            return Some(Err(error));
        }
        Some(Ok(next.to_vec()))
    }

    /// Writes the whole body to `out`, a chunk at a time, and says how many
    /// bytes it wrote.
    pub async fn write_to(mut self, out: &mut impl std::io::Write) -> Result<u64, Error> {
        while let Some(chunk) = self.chunk().await {
            out.write_all(&chunk?).map_err(|e| Error::InvalidInput {
                message: "the writer refused the download".into(),
                source: Some(Cause::new(e)),
            })?;
        }
        out.flush().map_err(|e| Error::InvalidInput {
            message: "the writer refused the download".into(),
            source: Some(Cause::new(e)),
        })?;
        Ok(self.read)
    }

    /// The whole body, held in memory.
    pub async fn bytes(mut self) -> Result<Vec<u8>, Error> {
        let mut all = Vec::new();
        while let Some(chunk) = self.chunk().await {
            all.extend_from_slice(&chunk?);
        }
        Ok(all)
    }

    fn lost(&self, source: Cause) -> Error {
        Error::ConnectionLost {
            source,
            meta: Some(self.meta.clone()),
            call: self.call,
        }
    }
}

impl fmt::Debug for Download {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Download")
            .field("content_type", &self.content_type())
            .field("bytes_read", &self.read)
            .field("limit", &self.limit)
            .finish_non_exhaustive()
    }
}
