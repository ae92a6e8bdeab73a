//! The items of a listing's pages, one at a time.

use std::collections::VecDeque;
use std::fmt;

use super::{Paged, Pages};
use crate::error::OperationError;
use crate::position::ListingPosition;

/// Every item of every page of a listing, in order: `while let Some(item) =
/// items.next().await`.
///
/// [`Items::position`] says where the listing is, down to the item, as a
/// value to store; [`Call::items_from`](crate::Call::items_from) takes the
/// listing up again from it.
#[must_use = "items are requested when `next` is awaited"]
pub struct Items<'c, T: Paged, E> {
    pages: Pages<'c, T, E>,
    buffered: VecDeque<T::Item>,
    /// Where the page of the buffered items was, counting the items of it
    /// already given.
    page: Option<ListingPosition>,
    /// Items of the first page to pass over: those given before the
    /// position the listing was taken up from.
    skip: usize,
}

impl<'c, T, E> Items<'c, T, E>
where
    T: Paged + 'c,
    E: OperationError,
{
    /// The items of `pages`, passing over the first `skip` of its first page.
    pub(crate) fn new(pages: Pages<'c, T, E>, skip: usize) -> Self {
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
    /// ends the listing.
    pub async fn next(&mut self) -> Option<Result<T::Item, E>> {
        loop {
            if let Some(item) = self.buffered.pop_front() {
                if let Some(page) = self.page.take() {
                    let given = page.items_given() + 1;
                    self.page = Some(page.with_skip(given));
                }
                return Some(Ok(item));
            }
            match self.pages.next().await? {
                Ok(page) => {
                    let mut items = page.into_inner().into_items();
                    let skip = std::mem::take(&mut self.skip).min(items.len());
                    items.drain(..skip);
                    self.page = self.pages.gave.clone().map(|at| at.with_skip(skip));
                    self.buffered.extend(items);
                }
                Err(e) => {
                    self.pages.next = None;
                    return Some(Err(e));
                }
            }
        }
    }
}

impl<T: Paged, E> fmt::Debug for Items<'_, T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items")
            .field("pages", &self.pages)
            .field("buffered", &self.buffered.len())
            .finish()
    }
}
