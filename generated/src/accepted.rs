//! An operation the service accepts (202) and carries out later: where to
//! ask how it goes (its `Location`), and waiting for it to be done by
//! asking there.

use std::fmt;
use std::marker::PhantomData;
use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;
use tokio::time::Instant;

use crate::call::Call;
use crate::decode::Payload;
use crate::error::{Cause, Error, OperationError};
use crate::request::Request;
use crate::response::Response;
use crate::{Client, Json};

/// How an accepted operation is followed, as the spec states it: where its
/// `Location` is relative to, and which values of which property of the
/// answer there say it is done.
#[derive(Debug)]
// A spec without accepted operations builds none.
#[allow(dead_code)]
pub(crate) struct Poll {
    /// The name of the operation the `Location` addresses, as its
    /// requests are traced.
    pub(crate) operation: &'static str,
    /// That operation's path, as the spec writes it (for traces).
    pub(crate) path: &'static str,
    pub(crate) relative_to: &'static str,
    pub(crate) property: &'static str,
    pub(crate) done: &'static [&'static str],
}

/// The first wait between two looks at an accepted operation, doubled
/// after each look up to [`MAX_POLL_INTERVAL`], unless the service says how
/// long (`Retry-After`): the documents give no interval.
pub const POLL_INTERVAL: Duration = Duration::from_secs(5);

/// The longest wait between two looks at an accepted operation.
pub const MAX_POLL_INTERVAL: Duration = Duration::from_secs(60);

/// An operation the service has accepted (HTTP 202) and carries out later:
/// [`Accepted::location`] is where it tells how it goes, an answer of type
/// `T`; [`Accepted::poll`] asks once, [`Accepted::wait`] asks until the
/// answer says it is done. Each look is a call of its own (`E` its
/// failures), with the client's retries and timeouts.
#[must_use = "an accepted operation is done only when its status says so"]
pub struct Accepted<T, E> {
    location: String,
    poll: &'static Poll,
    _answer: PhantomData<fn() -> (T, E)>,
}

impl<T, E> Accepted<T, E>
where
    T: DeserializeOwned + Serialize + Send + 'static,
    E: OperationError,
{
    #[allow(dead_code)]
    pub(crate) fn new(location: &str, poll: &'static Poll) -> Self {
        Accepted {
            location: location.to_string(),
            poll,
            _answer: PhantomData,
        }
    }

    /// Where the service tells how the operation goes, as it gave it (the
    /// response's `Location`, relative to the API's base URL and version).
    pub fn location(&self) -> &str {
        &self.location
    }

    /// Asks once how the operation goes.
    pub async fn poll(&self, client: &Client) -> Result<Response<T>, E> {
        let base = &client.inner.base_url;
        let url = crate::paging::resolve(base, self.poll.relative_to, &self.location).map_err(
            |reason| {
                E::from_error(Error::InvalidNextLink {
                    uri: self.location.clone(),
                    reason,
                })
            },
        )?;
        let request = Request::to_url(http::Method::GET, self.poll.operation, self.poll.path, url);
        Call::new(client, request, crate::decode::json).send().await
    }

    /// Whether an answer says the operation is done.
    pub fn is_done(&self, answer: &T) -> bool {
        let state = Json::from_value(answer).ok();
        let state = state.as_ref().and_then(|s| s.text_of(self.poll.property));
        state.is_some_and(|s| self.poll.done.iter().any(|d| d.eq_ignore_ascii_case(s)))
    }

    /// Asks until the answer says the operation is done, and gives that
    /// answer; waits [`POLL_INTERVAL`], doubling to [`MAX_POLL_INTERVAL`],
    /// or the `Retry-After` the service gives, between two looks; gives up
    /// with [`Error::Timeout`] after `limit`.
    pub async fn wait(&self, client: &Client, limit: Duration) -> Result<Response<T>, E> {
        let deadline = Instant::now().checked_add(limit);
        let mut interval = POLL_INTERVAL;
        loop {
            let answer = self.poll(client).await?;
            if self.is_done(answer.value()) {
                return Ok(answer);
            }
            let retry_after = answer.meta().header(http::header::RETRY_AFTER.as_str());
            let wait = retry_after
                .and_then(crate::retry::parse_retry_after)
                .unwrap_or(interval);
            interval = (interval * 2).min(MAX_POLL_INTERVAL);
            let past = match (Instant::now().checked_add(wait), deadline) {
                (Some(end), Some(deadline)) => end >= deadline,
                (None, _) => true,
                (Some(_), None) => false,
            };
            if past {
                let meta = Some(answer.meta().clone());
                let call = *answer.call();
                return Err(E::from_error(Error::Timeout { meta, call }));
            }
            tokio::time::sleep(wait).await;
        }
    }
}

impl<T, E> fmt::Debug for Accepted<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Accepted")
            .field("location", &self.location)
            .finish_non_exhaustive()
    }
}

/// The value of an accepted operation's 202: where it tells how it goes,
/// and how to follow it (`poll`).
#[allow(dead_code)]
#[inline]
pub(crate) fn decode<T, E>(
    status: u16,
    payload: &Payload<'_>,
    poll: &'static Poll,
) -> Option<Result<Accepted<T, E>, Cause>>
where
    T: DeserializeOwned + Serialize + Send + 'static,
    E: OperationError,
{
    (status == 202).then(|| match payload.location {
        Some(location) => Ok(Accepted::new(location, poll)),
        None => Err(Cause::new("the 202 names no Location to follow")),
    })
}
