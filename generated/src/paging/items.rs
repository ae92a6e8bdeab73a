//! The items of a listing's pages, one at a time.

use std::collections::VecDeque;
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use pin_project_lite::pin_project;

use super::{Paged, Pages};
use crate::error::OperationError;
use crate::position::ListingPosition;

pin_project! {
    /// Every item of every page of a listing, in order: a [`Stream`] of
    /// items, read once it is pinned in a binding of its own, as [`Pages`]
    /// are (which says why: a listing built in a loop's condition would
    /// start again every time round).
    ///
    /// ```no_run
    /// # async fn run(client: &partner_center::Client) -> Result<(), partner_center::Error> {
    /// use std::pin::pin;
    ///
    /// let mut customers = pin!(client.list_customers(100).items());
    /// while let Some(customer) = customers.next().await {
    ///     println!("{}", customer?.id);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// ```compile_fail,E0599
    /// # async fn run(client: &partner_center::Client) {
    /// while let Some(customer) = client.list_customers(100).items().next().await {}
    /// # }
    /// ```
    ///
    /// A listing owns a clone of its client: a function can return one
    /// (`impl Stream<Item = Result<Customer, ListCustomersError>>`), and it
    /// can be collected (`try_collect`) or read concurrently
    /// (`buffer_unordered`) with `futures`' combinators.
    ///
    /// [`Items::position`] says where the listing is, down to the item, as a
    /// value to store; [`Call::items_from`](crate::Call::items_from) takes the
    /// listing up again from it.
    #[must_use = "a listing asks for nothing until it is read"]
    pub struct Items<T: Paged, E> {
        #[pin]
        pages: Pages<T, E>,
        buffered: VecDeque<T::Item>,
        // Where the page of the buffered items was, counting the items of
        // it already given.
        page: Option<ListingPosition>,
        // Items of the first page to pass over: those given before the
        // position the listing was taken up from.
        skip: usize,
    }
}

impl<T, E> Items<T, E>
where
    T: Paged + 'static,
    E: OperationError,
{
    /// The items of `pages`, passing over the first `skip` of its first page.
    pub(crate) fn new(pages: Pages<T, E>, skip: usize) -> Self {
        Items {
            pages,
            buffered: VecDeque::new(),
            page: None,
            skip,
        }
    }

    /// Where the listing is, as a value to store: the item the next `next`
    /// gives (its page, and how many of that page's items were given
    /// already). After an error it is where the listing failed, so that it
    /// can be taken up there with [`Call::items_from`](crate::Call::items_from);
    /// `None` once the last item was given.
    pub fn position(&self) -> Option<ListingPosition> {
        if self.buffered.is_empty() {
            self.pages.position()
        } else {
            self.page.clone()
        }
    }

    /// The next item, or `None` after the last of the last page. An error
    /// ends the listing. The listing is pinned first (see [`Items`]):
    /// `items.next()` on an `items` of `pin!`.
    pub async fn next(self: &mut Pin<&mut Self>) -> Option<Result<T::Item, E>> {
        std::future::poll_fn(|cx| self.as_mut().poll_next(cx)).await
    }
}

impl<T, E> Stream for Items<T, E>
where
    T: Paged + 'static,
    E: OperationError,
{
    type Item = Result<T::Item, E>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let mut this = self.project();
        loop {
            if let Some(item) = this.buffered.pop_front() {
                if let Some(page) = this.page.take() {
                    let given = page.items_given() + 1;
                    *this.page = Some(page.with_skip(given));
                }
                return Poll::Ready(Some(Ok(item)));
            }
            let Some(page) = std::task::ready!(this.pages.as_mut().poll_next(cx)) else {
                return Poll::Ready(None);
            };
            match page {
                Ok(page) => {
                    let mut items = page.into_inner().into_items();
                    let skip = std::mem::take(this.skip).min(items.len());
                    items.drain(..skip);
                    *this.page = this.pages.gave().map(|at| at.with_skip(skip));
                    this.buffered.extend(items);
                }
                Err(e) => {
                    this.pages.as_mut().end();
                    return Poll::Ready(Some(Err(e)));
                }
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.buffered.len(), None)
    }
}

impl<T: Paged, E> fmt::Debug for Items<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items")
            .field("pages", &self.pages)
            .field("buffered", &self.buffered.len())
            .finish()
    }
}
