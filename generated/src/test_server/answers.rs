//! The one rule of scripted answers, for the operations' scripts and the
//! token endpoint alike: each answer is given once unless it says
//! [`.times(n)`](Scripted::times) or [`.always()`](Scripted::always); the
//! answers given a number of times come first, in the order scripted, and
//! the `always` one when none is left.

use std::fmt;
use std::ops::Deref;

/// How many more requests an answer is for.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Times {
    Left(u32),
    Always,
}

/// What can script answers: a [`Script`](super::Script) or the
/// [`TokenEndpoint`](super::TokenEndpoint). Sealed: implemented here only.
pub trait Scripting: sealed::Sealed {}

pub(crate) mod sealed {
    use super::Times;

    /// How a [`Scripted`](super::Scripted) changes its answer.
    pub trait Sealed {
        /// Gives the answer `id` `times`.
        fn set_times(&self, id: u64, times: Times);
        /// How many more requests the answer `id` is for; `None` once given.
        fn times_of(&self, id: u64) -> Option<Times>;
    }
}

/// One scripted answer, given **once** unless told otherwise here. It
/// derefs to what scripted it, so that answers chain:
/// `server.get_customer().status(503, "").throttle(wait)` is two answers,
/// each given once.
pub struct Scripted<'a, S: Scripting> {
    script: &'a S,
    id: u64,
}

impl<'a, S: Scripting> Scripted<'a, S> {
    pub(crate) fn new(script: &'a S, id: u64) -> Self {
        Scripted { script, id }
    }

    /// Gives the answer to the next request only: the default, said out loud.
    pub fn once(self) -> Self {
        self.times(1)
    }

    /// Gives the answer to the next `n` requests (none for 0).
    pub fn times(self, n: u32) -> Self {
        self.script.set_times(self.id, Times::Left(n));
        self
    }

    /// Gives the answer to every request that no counted answer is left
    /// for, until `TestServer::reset` or a later `always` answer of the
    /// same script, which replaces it.
    pub fn always(self) -> Self {
        self.script.set_times(self.id, Times::Always);
        self
    }
}

impl<S: Scripting> Deref for Scripted<'_, S> {
    type Target = S;

    fn deref(&self) -> &S {
        self.script
    }
}

impl<S: Scripting + fmt::Debug> fmt::Debug for Scripted<'_, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scripted")
            .field("script", self.script)
            .field("times", &self.script.times_of(self.id))
            .finish()
    }
}

/// The answers of one script, in the order scripted.
#[derive(Debug)]
pub(crate) struct Answers<A> {
    entries: Vec<Entry<A>>,
}

#[derive(Debug)]
struct Entry<A> {
    id: u64,
    answer: A,
    times: Times,
}

impl<A> Default for Answers<A> {
    fn default() -> Self {
        Answers {
            entries: Vec::new(),
        }
    }
}

impl<A: Clone> Answers<A> {
    /// Adds `answer` as `id`, given once.
    pub(crate) fn push(&mut self, id: u64, answer: A) {
        let times = Times::Left(1);
        self.entries.push(Entry { id, answer, times });
    }

    /// Gives the answer `id` `times`: an `always` one replaces the earlier
    /// `always` answer, and one for no request is forgotten. `false` when
    /// `id` is not one of these answers.
    pub(crate) fn set(&mut self, id: u64, times: Times) -> bool {
        if !self.entries.iter().any(|e| e.id == id) {
            return false;
        }
        if times == Times::Always {
            self.entries
                .retain(|e| e.id == id || e.times != Times::Always);
        }
        self.entries
            .retain(|e| e.id != id || times != Times::Left(0));
        if let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) {
            entry.times = times;
        }
        true
    }

    /// How many more requests the answer `id` is for.
    pub(crate) fn times(&self, id: u64) -> Option<Times> {
        self.entries.iter().find(|e| e.id == id).map(|e| e.times)
    }

    /// The next answer given a number of times, not counted yet.
    pub(crate) fn counted(&self) -> Option<&A> {
        self.entries
            .iter()
            .find(|e| e.times != Times::Always)
            .map(|e| &e.answer)
    }

    /// The next answer given a number of times, counted once.
    pub(crate) fn take_counted(&mut self) -> Option<A> {
        let at = self.entries.iter().position(|e| e.times != Times::Always)?;
        let entry = &mut self.entries[at];
        match &mut entry.times {
            Times::Left(n) if *n > 1 => {
                *n -= 1;
                Some(entry.answer.clone())
            }
            _ => Some(self.entries.remove(at).answer),
        }
    }

    /// The `always` answer, unless `passed` passes over it.
    pub(crate) fn always(&self, passed: impl Fn(&A) -> bool) -> Option<&A> {
        self.entries
            .iter()
            .find(|e| e.times == Times::Always && !passed(&e.answer))
            .map(|e| &e.answer)
    }

    /// The next answer: a counted one, else the `always` one.
    pub(crate) fn next(&mut self) -> Option<A> {
        self.take_counted()
            .or_else(|| self.always(|_| false).cloned())
    }
}
