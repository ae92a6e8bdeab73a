//! Scripting the test server: answers queued for the next requests of an
//! operation (or of any), and values that replace an operation's success.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use serde_json::value::RawValue;

use super::TestServer;
use super::answers::sealed::Sealed;
use super::answers::{Answers, Scripted, Scripting, Times};
use crate::error::{ApiError, OperationError};
use crate::paging::Paged;

/// Scripts what the [`TestServer`] answers to one operation (from the
/// server's method named like the client's, e.g.
/// `server.agreement_status()`) or to every operation ([`TestServer::all`]).
///
/// **One rule for every answer**: each method scripts one answer
/// ([`fail`](Script::fail), [`not_found`](Script::not_found),
/// [`status`](Script::status), [`answer`](Script::answer),
/// [`throttle`](Script::throttle), [`delay`](Script::delay),
/// [`drop_connection`](Script::drop_connection), [`respond`](Script::respond),
/// [`items`](Script::items)), which is given **once** unless it says
/// otherwise on the [`Scripted`] it returns: [`times(n)`](Scripted::times)
/// for the next `n` requests, [`always`](Scripted::always) for every
/// request until [`TestServer::reset`].
///
/// Answers given a number of times come first, in the order they were
/// scripted (a retry is a request too), an operation's own before those of
/// every operation; when none is left, the operation's `always` answer (the
/// last one scripted: it replaces any earlier), then the one of every
/// operation, then the documented success. A listing ([`items`](Script::items))
/// is one answer however many pages it has: a request for a next page it
/// linked to gets that page, unless another answer is queued before it.
///
/// ```
/// # use std::time::Duration;
/// # use partner_center::{Customer, TestServer};
/// # fn script(server: &TestServer, customer: &Customer) {
/// // The next call fails twice with a 503, then gets `customer` every time.
/// server.get_customer().status(503, "").times(2);
/// server.get_customer().respond(customer).always();
/// // Every operation is slow until the server is reset.
/// server.all().delay(Duration::from_millis(50)).always();
/// # }
/// ```
///
/// `T` is the value the client's call gives and `E` its error type, so that
/// what is scripted is what the client decodes.
pub struct Script<'s, T, E> {
    server: &'s TestServer,
    /// The operation's index among the routes; `None` for every operation.
    route: Option<usize>,
    types: PhantomData<fn() -> (T, E)>,
}

/// The type parameters of a [`Script`] of every operation: only answers
/// that fit any operation can be scripted with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllOperations {}

/// A scripted answer.
#[derive(Debug, Clone)]
pub(crate) enum Queued {
    /// The documented failure of this index of the route's errors.
    Failure(usize),
    /// The catalogue's answer to a path no operation has (404).
    NotFound,
    /// A status, headers and a body.
    Raw(u16, Vec<(String, String)>, String),
    Throttle(Duration),
    Delay(Duration),
    Drop,
    /// The success, with this body (and this status when the value decides it).
    Value(Option<u16>, String),
    /// A listing of these items (each as JSON), `per_page` a page.
    Items(Listing),
}

/// The items of a scripted listing (each as JSON) and how many a page has.
pub(crate) type Listing = (Arc<[Arc<RawValue>]>, usize);

/// A value an operation answers with: the body it is sent as, and the
/// status when the value decides it (an outcome of an operation with
/// several, such as `VerifyDomainAvailabilityResponse::Available`).
///
/// Implemented for every serializable value (the models the client
/// decodes) and for each operation's outcome enum.
pub trait Answer {
    /// The status of this value, if it decides one, and its body as JSON
    /// (empty for none).
    fn answer(&self) -> (Option<u16>, String);
}

impl<T: Serialize> Answer for T {
    fn answer(&self) -> (Option<u16>, String) {
        let body = serde_json::to_string(self)
            .unwrap_or_else(|e| format!("the test server cannot write this value: {e}"));
        (None, body)
    }
}

/// Everything scripted on a server.
#[derive(Debug, Default)]
pub(crate) struct Scripts {
    /// By route; `None` for every operation.
    answers: HashMap<Option<usize>, Answers<Queued>>,
    /// The id of the next answer scripted.
    next_id: u64,
    /// The listing each route gave last: its next pages are asked of it.
    listings: HashMap<usize, Listing>,
}

impl Scripts {
    /// The answer to a request of `route`: `continuing` when it asks for a
    /// next page of a listing this server gave, `delayed` when a delay was
    /// waited already (an `always` one is not waited twice).
    pub(crate) fn next(&mut self, route: usize, continuing: bool, delayed: bool) -> Option<Queued> {
        let listing = self.listings.get(&route).filter(|_| continuing).cloned();
        let keys = [Some(route), None];
        let counted = keys.iter().find_map(|key| {
            let answer = self.answers.get(key)?.counted()?;
            Some((*key, matches!(answer, Queued::Items(_))))
        });
        let answer = match (counted, listing) {
            // The next page of a listing, before another listing queued.
            (Some((_, true)), Some(listing)) | (None, Some(listing)) => Queued::Items(listing),
            (Some((key, _)), None) | (Some((key, false)), Some(_)) => {
                self.answers.get_mut(&key)?.take_counted()?
            }
            (None, None) => keys.iter().find_map(|key| {
                let waited = |a: &Queued| delayed && matches!(a, Queued::Delay(_));
                self.answers.get(key)?.always(waited).cloned()
            })?,
        };
        if let Queued::Items(listing) = &answer {
            self.listings.insert(route, listing.clone());
        }
        Some(answer)
    }
}

impl<'s, T, E> Script<'s, T, E> {
    /// The script of the operation `id` (the generated code's own).
    pub(crate) fn new(server: &'s TestServer, id: &str) -> Self {
        let route = server.routes().operations.iter().position(|r| r.id == id);
        Script {
            server,
            // A route the generated code does not have matches no request.
            route: Some(route.unwrap_or(usize::MAX)),
            types: PhantomData,
        }
    }

    /// The script of every operation.
    pub(crate) fn all(server: &'s TestServer) -> Self {
        Script {
            server,
            route: None,
            types: PhantomData,
        }
    }

    fn queue(&self, answer: Queued) -> Scripted<'_, Self> {
        let mut scripts = self.server.scripts();
        let id = scripts.next_id;
        scripts.next_id += 1;
        scripts
            .answers
            .entry(self.route)
            .or_default()
            .push(id, answer);
        Scripted::new(self, id)
    }

    /// Answers the catalogue's 404, as to a path no operation has: "not
    /// found" for any operation, also one whose page documents no failure
    /// (the client's error `is_not_found()`).
    pub fn not_found(&self) -> Scripted<'_, Self> {
        self.queue(Queued::NotFound)
    }

    /// Answers `status` with `body` (JSON when it is not empty), e.g. a
    /// 5xx. A status outside 200-999 is answered as 500.
    pub fn status(&self, status: u16, body: impl Into<String>) -> Scripted<'_, Self> {
        self.answer(status, &[], body)
    }

    /// Answers `status` with these headers and `body`, e.g. a 503 with a
    /// `Retry-After`. The caller's ids are echoed besides, and a body
    /// without a `Content-Type` is sent as JSON.
    pub fn answer(
        &self,
        status: u16,
        headers: &[(&str, &str)],
        body: impl Into<String>,
    ) -> Scripted<'_, Self> {
        let headers = headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        self.queue(Queued::Raw(status, headers, body.into()))
    }

    /// Answers the documented throttled response (429), with `Retry-After`
    /// set to `retry_after` in whole seconds, rounded up.
    pub fn throttle(&self, retry_after: Duration) -> Scripted<'_, Self> {
        self.queue(Queued::Throttle(retry_after))
    }

    /// Waits `by`, then gives the next answer (or the one the request gets
    /// without a script): `.delay(d).status(503, "")` is a slow failure. A
    /// delay given `always` is waited once per request, before the rest.
    pub fn delay(&self, by: Duration) -> Scripted<'_, Self> {
        self.queue(Queued::Delay(by))
    }

    /// Closes the connection without an answer.
    pub fn drop_connection(&self) -> Scripted<'_, Self> {
        self.queue(Queued::Drop)
    }
}

impl<'s, T, E: OperationError> Script<'s, T, E> {
    /// Answers the documented failure `failure`, named by its variant: e.g.
    /// `server.agreement_status().fail(AgreementStatusError::MpaNotSigned)`
    /// answers the response the page shows for it.
    ///
    /// # Panics
    ///
    /// When `failure` makes no documented failure of the operation (a
    /// closure that makes `Other`): the test would not test what it says.
    pub fn fail(&self, failure: fn(ApiError) -> E) -> Scripted<'_, Self> {
        let routes = self.server.routes();
        let placeholder = failure(ApiError::placeholder(routes.protocol));
        let route = self.route.and_then(|i| routes.operations.get(i));
        let found = placeholder
            .documented_entry()
            .and_then(|entry| route?.errors.iter().position(|f| f.id == entry.id));
        match found {
            Some(index) => self.queue(Queued::Failure(index)),
            None => panic!(
                "Script::fail: the function given makes no failure that `{}` documents: pass a variant of its error type",
                route.map_or("the operation", |r| r.id)
            ),
        }
    }
}

impl<'s, T: Answer, E> Script<'s, T, E> {
    /// Answers `value` instead of the documented success: with the
    /// success's status and headers, or with the status of the outcome
    /// when `value` is one.
    pub fn respond(&self, value: &T) -> Scripted<'_, Self> {
        let (status, body) = value.answer();
        self.queue(Queued::Value(status, body))
    }
}

impl<'s, T, E> Script<'s, T, E>
where
    T: Paged,
    T::Item: Serialize,
{
    /// Answers a listing of `items`, `per_page` (at least 1) a page: each
    /// page links to the next as the documents show it (its URI with
    /// `seekOperation=Next`, and an `MS-ContinuationToken` header), and the
    /// last page has no next link. The listing is one answer, all its pages
    /// included.
    pub fn items(
        &self,
        items: impl IntoIterator<Item = T::Item>,
        per_page: usize,
    ) -> Scripted<'_, Self> {
        // As JSON text: exact decimals stay exact.
        let items: Vec<Arc<RawValue>> = items
            .into_iter()
            .filter_map(|item| serde_json::value::to_raw_value(&item).ok())
            .map(Arc::from)
            .collect();
        self.queue(Queued::Items((items.into(), per_page.max(1))))
    }
}

impl<T, E> Sealed for Script<'_, T, E> {
    fn set_times(&self, id: u64, times: Times) {
        let mut scripts = self.server.scripts();
        scripts.answers.values_mut().any(|a| a.set(id, times));
    }

    fn times_of(&self, id: u64) -> Option<Times> {
        let scripts = self.server.scripts();
        scripts.answers.values().find_map(|a| a.times(id))
    }
}

impl<T, E> Scripting for Script<'_, T, E> {}

impl<T, E> fmt::Debug for Script<'_, T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let operation = match self.route {
            Some(i) => self.server.routes().operations.get(i).map_or("?", |r| r.id),
            None => "every operation",
        };
        f.debug_struct("Script")
            .field("operation", &operation)
            .finish()
    }
}
