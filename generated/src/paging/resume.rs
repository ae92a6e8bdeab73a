//! Starting a listing: from its first page, or again from where an earlier
//! listing was (a [`ListingPosition`] it gave).

use super::{Items, Like, NextLink, Paged, Pages, follow};
use crate::call::Call;
use crate::error::{Error, OperationError};
use crate::position::ListingPosition;

impl<T, E> Call<T, E>
where
    T: Paged + 'static,
    E: OperationError,
{
    /// Every page of the listing, starting with this call's: a [`Stream`]
    /// to pin before reading it ([`Pages`] says why).
    ///
    /// [`Stream`]: futures_core::Stream
    pub fn pages(self) -> Pages<T, E> {
        let operation = self.request.operation;
        let at = ListingPosition::first(operation, self.correlation_id);
        Pages::new(Ok(self), operation, at)
    }

    /// Every item of every page of the listing: a [`Stream`] to pin before
    /// reading it ([`Items`] says why).
    ///
    /// [`Stream`]: futures_core::Stream
    pub fn items(self) -> Items<T, E> {
        Items::new(self.pages(), 0)
    }

    /// The pages of the listing from `position`, which a listing of the
    /// same operation gave ([`Pages::position`] or [`Items::position`]),
    /// maybe in another process: this call's arguments and optional inputs
    /// make its first page, its client asks for the pages. A position in
    /// the middle of a page gives that page whole.
    ///
    /// The stored page is checked as a next link is: a URI off this
    /// client's origin (a position stored by a client of another base URL)
    /// ends the listing with [`Error::InvalidNextLink`], and a position of
    /// another operation's listing with [`Error::InvalidInput`], before
    /// anything is sent. The listing sends the position's
    /// `MS-CorrelationId` unless this call was given one.
    pub fn pages_from(self, position: &ListingPosition) -> Pages<T, E> {
        let operation = self.request.operation;
        Pages::new(self.resumed(position), operation, position.clone())
    }

    /// The items of the listing from `position`, as
    /// [`pages_from`](Call::pages_from) gives their pages, without the
    /// items of its page that were given before it.
    pub fn items_from(self, position: &ListingPosition) -> Items<T, E> {
        Items::new(self.pages_from(position), position.items_given())
    }

    /// This call, asking for the page `position` is at.
    fn resumed(mut self, position: &ListingPosition) -> Result<Self, Error> {
        let operation = self.request.operation;
        if position.operation() != operation {
            return Err(Error::InvalidInput {
                message: format!(
                    "{operation}: the listing position is one of {}, not of this operation",
                    position.operation()
                ),
                source: None,
            });
        }
        if let Some(problem) = self.request.problem() {
            return Err(problem);
        }
        if self.correlation_id.is_none() {
            self.correlation_id = position.correlation_id();
        }
        let Some(page) = position.page() else {
            return Ok(self);
        };
        let mut link = NextLink::new(&page.uri);
        link.headers = page
            .headers
            .iter()
            .map(|(key, value)| (key.as_str(), value.as_str()))
            .collect();
        let inner = &self.client.inner;
        let like = Like::first(&self.request);
        self.request =
            follow::<T>(&inner.base_url, &inner.names, &link, &like).map_err(|e| match e {
                Error::InvalidNextLink { uri, reason } => Error::InvalidNextLink {
                    uri,
                    reason: format!("{reason} (a stored listing position)"),
                },
                other => other,
            })?;
        Ok(self)
    }
}
