//! Paged listings: the pages of a collection, one call each, following the
//! link to the next page that each page gives; the items of those pages
//! (`items`); and where a listing is, to take it up again later (`resume`).

mod items;
mod link;
mod resume;

pub use items::Items;
pub(crate) use link::resolve;

use std::collections::HashSet;
use std::fmt;
use std::future::Future;
use std::marker::PhantomPinned;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use pin_project_lite::pin_project;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::call::{Call, CallOptions};
use crate::client::Client;
use crate::decode::Decoder;
use crate::error::{Error, OperationError};
use crate::position::ListingPosition;
use crate::response::Response;
use link::{Like, Target, follow, stored, target};

/// A page of a listing: the collection envelope of the spec implements it.
pub trait Paged: DeserializeOwned + Send + crate::error::sealed::Sealed {
    /// What the page lists.
    type Item;

    /// The path that relative link URIs are relative to, after the base URL
    /// (unless they already start with it).
    const RELATIVE_TO: &'static str;

    /// The headers a link may ask the next request to send (a continuation
    /// token): any other header of a link is not sent.
    const CONTINUATION: &'static [&'static str];

    /// The request for the next page, if there is one.
    fn next_link(&self) -> Option<NextLink<'_>>;

    /// The page's items, in order.
    fn into_items(self) -> Vec<Self::Item>;
}

/// The next page's request, as a page gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NextLink<'a> {
    /// Relative to the base URL and [`Paged::RELATIVE_TO`], or absolute.
    pub uri: &'a str,
    /// The method the link names, if any. A listing follows every link with
    /// the method of its first request: a link that names another is
    /// followed with that one all the same.
    pub method: Option<&'a str>,
    /// Headers to send with it, such as `MS-ContinuationToken`.
    pub headers: Vec<(&'a str, &'a str)>,
}

impl<'a> NextLink<'a> {
    /// A link to `uri`, without method or headers.
    pub fn new(uri: &'a str) -> Self {
        NextLink {
            uri,
            method: None,
            headers: Vec::new(),
        }
    }
}

pin_project! {
    /// The pages of a listing, one call each, in order. Every page's call has
    /// its own retries and deadline and a new `MS-RequestId`; all send the first
    /// call's `MS-CorrelationId` (and the first call's timeout, retry policy and
    /// extra headers).
    ///
    /// A listing is a [`Stream`] of pages, and is read once it is pinned in a
    /// binding of its own, with [`std::pin::pin!`] (or `Box::pin`):
    ///
    /// ```no_run
    /// # async fn run(client: &partner_center::Client) -> Result<(), partner_center::Error> {
    /// use std::pin::pin;
    ///
    /// let mut pages = pin!(client.list_customers(100).pages());
    /// while let Some(page) = pages.next().await {
    ///     println!("{} customers", page?.items.len());
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// Why pinned: a listing is a value that remembers how far it got, and a
    /// loop must read the same one each time. A listing built in the loop's
    /// condition is a new listing every time round, which gives the first page
    /// again and again and never ends; a listing that must be pinned first
    /// cannot be read there by mistake. This does not compile (rustc's help:
    /// pin it "and assign that to a new binding", outside the loop):
    ///
    /// ```compile_fail,E0599
    /// # async fn run(client: &partner_center::Client) {
    /// while let Some(page) = client.list_customers(100).pages().next().await {}
    /// # }
    /// ```
    ///
    /// nor does the same with `futures`' `StreamExt::next`, which wants a
    /// listing that is `Unpin`:
    ///
    /// ```compile_fail,E0277
    /// # async fn run(client: &partner_center::Client) {
    /// use futures_util::StreamExt;
    ///
    /// while let Some(page) = client.list_customers(100).pages().next().await {}
    /// # }
    /// ```
    ///
    /// Everything that consumes the stream whole
    /// (`try_collect`, `for_each`, `buffer_unordered`, ...) needs no pin.
    ///
    /// A listing owns a clone of its client: a function can return one, and
    /// one can be built on a client that is dropped before it is read.
    ///
    /// A link is followed on the client's own origin only, with the method of
    /// the listing's first request and only the continuation headers the spec
    /// names; a link that asks for a page the listing already asked for (a loop)
    /// or one past [`ClientBuilder::max_pages`](crate::ClientBuilder::max_pages)
    /// ends the listing with [`Error::InvalidNextLink`].
    ///
    /// [`Pages::position`] says where the listing is, as a value to store;
    /// [`Call::pages_from`] takes the listing up again from it, later, in this
    /// process or another.
    #[must_use = "a listing asks for nothing until it is read"]
    pub struct Pages<T, E> {
        state: State<T, E>,
        // A listing is read pinned: see above.
        #[pin]
        _pinned: PhantomPinned,
    }
}

/// What a listing knows, none of which needs the pin: [`Pages`] is pinned
/// only so that it is read from one binding.
struct State<T, E> {
    /// What the next page gives: a page's call, or why the listing cannot
    /// go on (reported after the page that gave the link).
    next: Option<Result<Call<T, E>, Error>>,
    /// The page's call that is under way, if one is.
    asking: Option<Asking<T>>,
    /// What every page asked for so far, the next one's included once
    /// following its link worked it out.
    asked: HashSet<Target>,
    /// Pages requested so far.
    pages: u32,
    /// The listing's operation (the request of a next page names none).
    operation: &'static str,
    /// The page the listing asks for, kept when asking for it fails so that
    /// the listing can be taken up there; `None` after the last page.
    at: Option<ListingPosition>,
    /// Where the page that the listing gave last was.
    gave: Option<ListingPosition>,
}

/// A page's call under way, and what the call after it takes from it.
struct Asking<T> {
    answer: Pin<Box<dyn Future<Output = Result<Response<T>, Error>> + Send>>,
    client: Client,
    decode: Decoder<T>,
    choice: Option<&'static str>,
    options: CallOptions,
    like: Like,
    correlation_id: Uuid,
}

impl<T, E> Pages<T, E>
where
    T: Paged + 'static,
    E: OperationError,
{
    /// The pages from `first` (or the reason it cannot be sent) of
    /// `operation`'s listing, which is at `at`.
    pub(crate) fn new(
        first: Result<Call<T, E>, Error>,
        operation: &'static str,
        at: ListingPosition,
    ) -> Self {
        Pages {
            state: State {
                next: Some(first),
                asking: None,
                asked: HashSet::new(),
                pages: 0,
                operation,
                at: Some(at),
                gave: None,
            },
            _pinned: PhantomPinned,
        }
    }

    /// Where the listing is, as a value to store: the page the next `next`
    /// asks for. After an error it is the page that failed (or the link
    /// that could not be followed), so that the listing can be taken up
    /// there with [`Call::pages_from`] or [`Call::items_from`]; `None` once
    /// the last page was given.
    pub fn position(&self) -> Option<ListingPosition> {
        self.state.at.clone()
    }

    /// The next page, or `None` after the last. An error ends the listing.
    /// The listing is pinned first (see [`Pages`]): `pages.next()` on a
    /// `pages` of `pin!`.
    pub async fn next(self: &mut Pin<&mut Self>) -> Option<Result<Response<T>, E>> {
        std::future::poll_fn(|cx| self.as_mut().poll_next(cx)).await
    }

    /// The state, through the pin (nothing in it is pinned).
    fn state(self: Pin<&mut Self>) -> &mut State<T, E> {
        self.project().state
    }

    /// Where the page the listing gave last was.
    fn gave(&self) -> Option<ListingPosition> {
        self.state.gave.clone()
    }

    /// Ends the listing: after an error, nothing more is asked.
    fn end(self: Pin<&mut Self>) {
        let state = self.state();
        state.next = None;
        state.asking = None;
    }
}

impl<T, E> State<T, E>
where
    T: Paged + 'static,
    E: OperationError,
{
    /// Sends the next page's call, if there is one to send.
    fn ask(&mut self) -> Option<Result<(), E>> {
        let mut call = match self.next.take()? {
            Ok(call) => call,
            Err(e) => return Some(Err(E::from_error(e))),
        };
        let correlation_id = *call.correlation_id.get_or_insert_with(Uuid::new_v4);
        if let Some(at) = &mut self.at {
            at.set_correlation_id(correlation_id);
        }
        if self.pages == 0 {
            self.asked
                .insert(target(&call.request, &call.client.inner.base_url));
        }
        self.pages += 1;
        self.asking = Some(Asking {
            client: call.client.clone(),
            decode: call.decode,
            choice: call.choice,
            options: call.options.clone(),
            like: Like::first(&call.request),
            correlation_id,
            answer: Box::pin(call.run()),
        });
        Some(Ok(()))
    }

    /// The page `asking` answered, the next page's call worked out from its
    /// link.
    fn answered(
        &mut self,
        asking: Asking<T>,
        answer: Result<Response<T>, Error>,
    ) -> Result<Response<T>, E> {
        let page = answer.map_err(E::from_error)?;
        let Asking {
            client,
            decode,
            choice,
            options,
            like,
            correlation_id,
            ..
        } = asking;
        self.gave = self.at.take();
        let Some(link) = page.next_link() else {
            return Ok(page);
        };
        let base = &client.inner.base_url;
        let stored = stored::<T>(base, &link);
        self.at = Some(ListingPosition::link(
            self.operation,
            stored,
            Some(correlation_id),
        ));
        let invalid = |reason: String| Error::InvalidNextLink {
            uri: link.uri.to_string(),
            reason,
        };
        let limit = client.inner.max_pages;
        self.next = Some(match follow::<T>(base, &client.inner.names, &link, &like) {
            Ok(_) if self.pages >= limit => Err(invalid(format!(
                "the listing has had {limit} pages, its limit (ClientBuilder::max_pages)"
            ))),
            Ok(request) if !self.asked.insert(target(&request, base)) => Err(invalid(
                "it asks again for a page this listing has asked for".into(),
            )),
            Ok(request) => {
                let mut next = Call::new(&client, request, decode).choosing(choice);
                next.correlation_id = Some(correlation_id);
                next.options = options;
                Ok(next)
            }
            Err(e) => Err(e),
        });
        Ok(page)
    }
}

impl<T, E> Stream for Pages<T, E>
where
    T: Paged + 'static,
    E: OperationError,
{
    type Item = Result<Response<T>, E>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let state = self.state();
        if state.asking.is_none() {
            match state.ask() {
                None => return Poll::Ready(None),
                Some(Err(e)) => return Poll::Ready(Some(Err(e))),
                Some(Ok(())) => {}
            }
        }
        let Some(asking) = &mut state.asking else {
            return Poll::Ready(None);
        };
        let answer = match asking.answer.as_mut().poll(cx) {
            Poll::Ready(answer) => answer,
            Poll::Pending => return Poll::Pending,
        };
        let Some(asking) = state.asking.take() else {
            return Poll::Ready(None);
        };
        Poll::Ready(Some(state.answered(asking, answer)))
    }
}

impl<T, E> fmt::Debug for Pages<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = &self.state;
        let mut pages = f.debug_struct("Pages");
        pages
            .field("next", &state.next)
            .field("pages", &state.pages);
        // Only while a page's call is under way: a listing between two
        // pages shows as it always did.
        if state.asking.is_some() {
            pages.field("asking", &true);
        }
        pages.finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests;
