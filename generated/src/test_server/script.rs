//! Scripting the test server: answers queued for the next requests of an
//! operation (or of any), and values that replace an operation's success.

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use serde_json::value::RawValue;

use super::TestServer;
use crate::error::{ApiError, OperationError};
use crate::paging::Paged;

/// Scripts what the [`TestServer`] answers to one operation (from the
/// server's method named like the client's, e.g.
/// `server.agreement_status()`) or to every operation ([`TestServer::all`]).
///
/// [`fail`](Script::fail), [`status`](Script::status),
/// [`throttle`](Script::throttle), [`delay`](Script::delay) and
/// [`drop_connection`](Script::drop_connection) each queue one answer: the
/// next request of the operation that keeps the rules of its page gets it
/// (a retry is a request too), then the one after gets the next, and so on;
/// an operation's own queue comes before the one of every operation.
/// [`respond`](Script::respond) and [`items`](Script::items) change what the
/// operation answers when nothing is queued, until [`TestServer::reset`].
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

/// An answer queued for one request.
#[derive(Debug, Clone)]
pub(crate) enum Queued {
    /// The documented failure of this index of the route's errors.
    Failure(usize),
    /// A status, headers and a body.
    Raw(u16, Vec<(String, String)>, String),
    Throttle(Duration),
    Delay(Duration),
    Drop,
}

/// What replaces an operation's documented success.
#[derive(Debug, Clone)]
pub(crate) enum Replaced {
    /// A body, with its own status when the value decides it.
    Value(Option<u16>, String),
    /// A listing of these items (each as JSON), `per_page` a page.
    Items(Vec<Arc<RawValue>>, usize),
}

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
    queued: HashMap<Option<usize>, VecDeque<Queued>>,
    replaced: HashMap<usize, Replaced>,
}

impl Scripts {
    /// The next answer queued for a request of `route`.
    pub(crate) fn next(&mut self, route: usize) -> Option<Queued> {
        [Some(route), None]
            .iter()
            .find_map(|key| self.queued.get_mut(key).and_then(VecDeque::pop_front))
    }

    /// What replaces the success of `route`.
    pub(crate) fn replaced(&self, route: usize) -> Option<&Replaced> {
        self.replaced.get(&route)
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

    fn queue(&self, answer: Queued) -> &Self {
        self.server
            .scripts()
            .queued
            .entry(self.route)
            .or_default()
            .push_back(answer);
        self
    }

    /// Queues a response of `status` with `body` (JSON when it is not
    /// empty), e.g. a 5xx. A status outside 200-999 is answered as 500.
    pub fn status(&self, status: u16, body: impl Into<String>) -> &Self {
        self.answer(status, &[], body)
    }

    /// Queues a response of `status` with these headers and `body`, e.g. a
    /// 503 with a `Retry-After`. The caller's ids are echoed besides, and
    /// a body without a `Content-Type` is sent as JSON.
    pub fn answer(&self, status: u16, headers: &[(&str, &str)], body: impl Into<String>) -> &Self {
        let headers = headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        self.queue(Queued::Raw(status, headers, body.into()))
    }

    /// Queues the documented throttled response (429), with `Retry-After`
    /// set to `retry_after` in whole seconds, rounded up.
    pub fn throttle(&self, retry_after: Duration) -> &Self {
        self.queue(Queued::Throttle(retry_after))
    }

    /// Queues a wait of `by`, then the next queued answer (or the one the
    /// request gets without a script): `.delay(d).status(503, "")` is a
    /// slow failure.
    pub fn delay(&self, by: Duration) -> &Self {
        self.queue(Queued::Delay(by))
    }

    /// Queues closing the connection without an answer.
    pub fn drop_connection(&self) -> &Self {
        self.queue(Queued::Drop)
    }
}

impl<T, E: OperationError> Script<'_, T, E> {
    /// Queues the documented failure `failure`, named by its variant: e.g.
    /// `server.agreement_status().fail(AgreementStatusError::MpaNotSigned)`
    /// answers the response the page shows for it.
    ///
    /// # Panics
    ///
    /// When `failure` makes no documented failure of the operation (a
    /// closure that makes `Other`): the test would not test what it says.
    pub fn fail(&self, failure: fn(ApiError) -> E) -> &Self {
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

impl<T: Answer, E> Script<'_, T, E> {
    /// Answers `value` instead of the documented success, from now on:
    /// with the success's status and headers, or with the status of the
    /// outcome when `value` is one.
    pub fn respond(&self, value: &T) -> &Self {
        let (status, body) = value.answer();
        if let Some(route) = self.route {
            let replaced = Replaced::Value(status, body);
            self.server.scripts().replaced.insert(route, replaced);
        }
        self
    }
}

impl<T, E> Script<'_, T, E>
where
    T: Paged,
    T::Item: Serialize,
{
    /// Answers a listing of `items`, `per_page` (at least 1) a page, from
    /// now on: each page links to the next as the documents show it (its
    /// URI with `seekOperation=Next`, and an `MS-ContinuationToken` header),
    /// and the last page has no next link.
    pub fn items(&self, items: impl IntoIterator<Item = T::Item>, per_page: usize) -> &Self {
        // As JSON text: exact decimals stay exact.
        let items = items
            .into_iter()
            .filter_map(|item| serde_json::value::to_raw_value(&item).ok())
            .map(Arc::from)
            .collect();
        if let Some(route) = self.route {
            self.server
                .scripts()
                .replaced
                .insert(route, Replaced::Items(items, per_page.max(1)));
        }
        self
    }
}

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
