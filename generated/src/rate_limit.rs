//! A client-side rate limit, counted for each scope apart (the partner, each
//! customer: [`Scope`]), so that a bulk sync stays under Partner Center's
//! limits instead of learning them from 429s. Off unless the builder sets one.
//!
//! Each scope counts its requests in a sliding window cut into [`SLOTS`]
//! slots: a request is counted in the slot of the moment it is let through
//! and stops counting once its slot is a whole window (and one slot more)
//! old. Any two requests `requests` apart are thus more than the window
//! plus a slot apart, so a service that counts over the same window sees at
//! most `requests` of them in any window, even if their trips to it vary by
//! up to a slot. A scope costs a fixed few hundred bytes whatever the limit.
//!
//! Waiting calls are not queued: each is told when room may come and asks
//! again then, so a burst may let them through in any order.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

use crate::throttle::Scope;

/// At most [`requests`](RateLimit::requests) requests in any span of
/// [`per`](RateLimit::per), in each scope: the limit a client keeps to when
/// [`ClientBuilder::rate_limit`](crate::ClientBuilder::rate_limit) sets one.
///
/// The limits the documents state are in [`rate_limits`](crate::rate_limits),
/// one per resource; any other is made with [`RateLimit::new`],
/// [`RateLimit::per_second`] or [`RateLimit::per_minute`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RateLimit {
    requests: u32,
    per: Duration,
}

impl RateLimit {
    /// The longest span a limit may count over: a year (of 366 days).
    pub const MAX_SPAN: Duration = Duration::from_secs(366 * 24 * 60 * 60);

    /// At most `requests` requests in any span of `per`. A limit of no
    /// requests, or a span that is zero or longer than [`RateLimit::MAX_SPAN`],
    /// is refused when the client is built ([`crate::BuildError::InvalidRateLimit`]).
    pub const fn new(requests: u32, per: Duration) -> RateLimit {
        RateLimit { requests, per }
    }

    /// At most `requests` requests in any second.
    pub const fn per_second(requests: u32) -> RateLimit {
        RateLimit::new(requests, Duration::from_secs(1))
    }

    /// At most `requests` requests in any minute.
    pub const fn per_minute(requests: u32) -> RateLimit {
        RateLimit::new(requests, Duration::from_secs(60))
    }

    /// How many requests a span may hold.
    pub const fn requests(self) -> u32 {
        self.requests
    }

    /// The span they are counted over.
    pub const fn per(self) -> Duration {
        self.per
    }

    /// Why the limit cannot be kept to, if it cannot.
    pub(crate) fn problem(self) -> Option<&'static str> {
        if self.requests == 0 {
            Some("a limit of no requests would let no call through")
        } else if self.per.is_zero() {
            Some("a span of zero counts nothing")
        } else if self.per > RateLimit::MAX_SPAN {
            Some("the span is longer than RateLimit::MAX_SPAN (a year)")
        } else {
            None
        }
    }
}

/// The slots a window is cut into. More slots let a burst follow the one a
/// window before it sooner (a window and a slot after it, not a window and
/// two); each costs 4 bytes per scope.
const SLOTS: u64 = 64;

/// The slots a scope counts: the window's, the current one's, and one of
/// margin for requests whose trips to the service differ.
const KEPT: usize = SLOTS as usize + 2;

/// The fewest scopes at which ended windows are swept out.
const FIRST_SWEEP: usize = 64;

/// The requests let through in each scope, shared by the calls of a client
/// and its clones.
#[derive(Debug)]
pub(crate) struct Limiter {
    limit: RateLimit,
    /// `limit.requests`, at least 1.
    requests: u32,
    /// The length of a slot in nanoseconds: the window over [`SLOTS`],
    /// rounded up so that `SLOTS` slots cover the whole window.
    slot: u64,
    scopes: Mutex<Scopes>,
}

#[derive(Debug)]
struct Scopes {
    windows: HashMap<Scope, Window>,
    /// The number of scopes at which windows that ended are swept out (when
    /// a new scope comes): twice the scopes left after the last sweep, so
    /// that sweeping costs a constant share of the requests, and the map
    /// never holds more than twice the most scopes that sent within one
    /// window (or [`FIRST_SWEEP`]).
    sweep_at: usize,
}

/// The recent requests of one scope.
#[derive(Debug)]
struct Window {
    /// When the scope's slot 0 began: its first request.
    start: Instant,
    /// The newest slot the counts are up to date with; `counts` holds the
    /// slots from `newest - KEPT + 1` to `newest`, each at its index modulo
    /// [`KEPT`].
    newest: u64,
    counts: [u32; KEPT],
}

impl Limiter {
    /// A limiter keeping to `limit` (one [`RateLimit::problem`] found none in).
    pub(crate) fn new(limit: RateLimit) -> Limiter {
        let nanos = limit.per.as_nanos().div_ceil(u128::from(SLOTS));
        Limiter {
            limit,
            requests: limit.requests.max(1),
            slot: u64::try_from(nanos).unwrap_or(u64::MAX).max(1),
            scopes: Mutex::new(Scopes {
                windows: HashMap::new(),
                sweep_at: FIRST_SWEEP,
            }),
        }
    }

    /// The limit kept to.
    pub(crate) fn limit(&self) -> RateLimit {
        self.limit
    }

    /// Lets a request of `scope` through now and counts it, or says when
    /// the scope's window may have room for it (another call may take the
    /// room first: ask again then).
    pub(crate) fn admit(&self, scope: &Scope) -> Result<(), Instant> {
        self.admit_at(scope, Instant::now())
    }

    fn admit_at(&self, scope: &Scope, now: Instant) -> Result<(), Instant> {
        let mut scopes = self.scopes.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(window) = scopes.windows.get_mut(scope) {
            return window.admit(now, self.requests, self.slot);
        }
        if scopes.windows.len() >= scopes.sweep_at {
            scopes.sweep(now, self.slot);
        }
        let mut window = Window {
            start: now,
            newest: 0,
            counts: [0; KEPT],
        };
        let admitted = window.admit(now, self.requests, self.slot);
        scopes.windows.insert(scope.clone(), window);
        admitted
    }

    /// The scopes counted now.
    #[cfg(test)]
    fn scopes(&self) -> usize {
        self.scopes.lock().unwrap().windows.len()
    }
}

impl Scopes {
    /// Forgets the scopes none of whose requests count any more.
    fn sweep(&mut self, now: Instant, slot: u64) {
        self.windows
            .retain(|_, w| w.slot_of(now, slot) < w.newest.saturating_add(KEPT as u64));
        let left = self.windows.len();
        self.sweep_at = (2 * left).max(FIRST_SWEEP);
        if self.windows.capacity() > 4 * self.sweep_at {
            self.windows.shrink_to(self.sweep_at);
        }
    }
}

impl Window {
    /// The slot `now` falls in.
    fn slot_of(&self, now: Instant, slot: u64) -> u64 {
        let nanos = now.saturating_duration_since(self.start).as_nanos() / u128::from(slot);
        u64::try_from(nanos).unwrap_or(u64::MAX)
    }

    fn admit(&mut self, now: Instant, requests: u32, slot: u64) -> Result<(), Instant> {
        let current = self.slot_of(now, slot).max(self.newest);
        // Slots that have left the window are emptied for the new ones.
        let moved = current - self.newest;
        if moved >= KEPT as u64 {
            self.counts = [0; KEPT];
        } else {
            for s in self.newest + 1..=current {
                self.counts[ring(s)] = 0;
            }
        }
        self.newest = current;
        let counted: u64 = self.counts.iter().map(|&c| u64::from(c)).sum();
        if counted < u64::from(requests) {
            self.counts[ring(current)] += 1;
            return Ok(());
        }
        // Room comes when enough of the oldest slots have left.
        let oldest = current.saturating_sub(KEPT as u64 - 1);
        let mut left = counted;
        let mut free_at = current + 1;
        for s in oldest..=current {
            left -= u64::from(self.counts[ring(s)]);
            if left < u64::from(requests) {
                free_at = s + KEPT as u64;
                break;
            }
        }
        let offset = Duration::from_nanos(free_at.saturating_mul(slot));
        // Past any clock: as far as a clock goes (a deadline ends the wait).
        Err(self
            .start
            .checked_add(offset)
            .unwrap_or_else(|| now + RateLimit::MAX_SPAN))
    }
}

fn ring(slot: u64) -> usize {
    (slot % KEPT as u64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    const WINDOW: Duration = Duration::from_secs(60);

    fn customer(n: u32) -> Scope {
        Scope::Customer(format!("customer-{n}"))
    }

    /// The times `calls` requests of one scope get through when each asks
    /// as soon as it may: the first ones at `arrivals`, then at once.
    fn run(limiter: &Limiter, start: Instant, calls: usize, arrivals: &[Duration]) -> Vec<Instant> {
        let mut admitted = Vec::new();
        let mut now = start;
        for i in 0..calls {
            if let Some(at) = arrivals.get(i) {
                now = now.max(start + *at);
            }
            loop {
                match limiter.admit_at(&customer(0), now) {
                    Ok(()) => break,
                    Err(then) => {
                        assert!(then > now, "a wait must end later than it starts");
                        now = then;
                    }
                }
            }
            admitted.push(now);
        }
        admitted
    }

    #[test]
    fn a_burst_of_the_limit_then_the_next_a_window_and_a_slot_later() {
        let limiter = Limiter::new(RateLimit::per_minute(100));
        let start = Instant::now();
        let times = run(&limiter, start, 300, &[]);
        assert!(times[..100].iter().all(|t| *t == start));
        let slot = WINDOW / SLOTS as u32;
        assert_eq!(times[100] - start, WINDOW + 2 * slot);
        assert!(times[100..200].iter().all(|t| *t == times[100]));
        assert_eq!(times[200] - start, 2 * (WINDOW + 2 * slot));
    }

    #[test]
    fn no_window_and_slot_holds_more_than_the_limit_whenever_calls_come() {
        for requests in [1, 7, 100] {
            let limiter = Limiter::new(RateLimit::new(requests, Duration::from_millis(500)));
            let slot = Duration::from_millis(500) / SLOTS as u32;
            // Arrivals scattered by a fixed pseudo-random sequence.
            let mut seed = 0x2545_f491_u64;
            let arrivals: Vec<Duration> = (0..2_000)
                .scan(Duration::ZERO, |at, _| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    *at += Duration::from_micros((seed >> 33) % 2_000);
                    Some(*at)
                })
                .collect();
            let start = Instant::now();
            let times = run(&limiter, start, arrivals.len(), &arrivals);
            let n = requests as usize;
            for pair in times.windows(n + 1) {
                let apart = pair[n] - pair[0];
                assert!(
                    apart > Duration::from_millis(500) + slot,
                    "{requests}: {apart:?}"
                );
            }
        }
    }

    #[test]
    fn scopes_have_their_own_budgets() {
        let limiter = Limiter::new(RateLimit::per_minute(2));
        let now = Instant::now();
        assert!(limiter.admit_at(&customer(1), now).is_ok());
        assert!(limiter.admit_at(&customer(1), now).is_ok());
        assert!(limiter.admit_at(&customer(1), now).is_err());
        assert!(limiter.admit_at(&customer(2), now).is_ok());
        assert!(limiter.admit_at(&Scope::Partner, now).is_ok());
        assert!(limiter.admit_at(&Scope::Partner, now).is_ok());
        assert!(limiter.admit_at(&Scope::Partner, now).is_err());
    }

    #[test]
    fn ten_thousand_customers_are_forgotten_once_their_windows_end() {
        let limiter = Limiter::new(RateLimit::per_minute(500));
        let start = Instant::now();
        // A sync touches 10,000 customers once each within a minute...
        for n in 0..10_000 {
            let at = start + Duration::from_millis(u64::from(n) * 5);
            assert!(limiter.admit_at(&customer(n), at).is_ok());
        }
        assert!(limiter.scopes() <= 2 * 10_000, "{}", limiter.scopes());
        // ...then the next 10,000, two minutes later: the first are gone.
        let later = start + 2 * WINDOW;
        for n in 10_000..20_000 {
            let at = later + Duration::from_millis(u64::from(n - 10_000) * 5);
            assert!(limiter.admit_at(&customer(n), at).is_ok());
        }
        assert!(limiter.scopes() <= 2 * 10_000, "{}", limiter.scopes());
        let first_left = (0..10_000)
            .filter(|n| {
                let scopes = limiter.scopes.lock().unwrap();
                scopes.windows.contains_key(&customer(*n))
            })
            .count();
        assert_eq!(
            first_left, 0,
            "customers of the first minute are remembered"
        );
    }

    #[test]
    fn a_limit_that_cannot_be_kept_is_named() {
        assert!(RateLimit::per_second(0).problem().is_some());
        assert!(RateLimit::new(1, Duration::ZERO).problem().is_some());
        assert!(RateLimit::new(1, RateLimit::MAX_SPAN).problem().is_none());
        let longer = RateLimit::MAX_SPAN + Duration::from_secs(1);
        assert!(RateLimit::new(1, longer).problem().is_some());
        assert_eq!(RateLimit::per_minute(500).per(), WINDOW);
        assert_eq!(RateLimit::per_minute(500).requests(), 500);
    }
}
