//! When a call is tried again, and how long it waits first.

use std::time::{Duration, SystemTime};

/// How a call is retried. The default retries timeouts, connection failures,
/// 408, 429, 500, 502, 503 and 504, never another 4xx: up to
/// [`RetryPolicy::DEFAULT_MAX_ATTEMPTS`] attempts, waiting `Retry-After` when
/// the service sends it, otherwise an exponential backoff with jitter from
/// [`RetryPolicy::DEFAULT_BASE_DELAY`] up to [`RetryPolicy::DEFAULT_MAX_DELAY`].
/// No wait goes past the call's deadline ([`crate::ClientBuilder::call_timeout`]).
///
/// By default every operation is resent after such a failure, a POST
/// included: each attempt of a call sends the same `MS-RequestId`, which
/// headers.md says the service uses to ensure idempotency ("if there's a
/// timeout, the retry call should include the same value"). A caller who
/// does not rely on it for one call (a POST that must not be sent twice
/// after a lost connection) sets [`RetryPolicy::none`] or
/// [`RetryPolicy::only_unprocessed`] on that call with
/// [`Call::retry`](crate::Call::retry), or on the client with
/// [`ClientBuilder::retry`](crate::ClientBuilder::retry).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    /// Only failures after which the service cannot have acted are retried.
    unprocessed_only: bool,
}

impl RetryPolicy {
    /// Attempts of one call, the first included, unless set otherwise.
    pub const DEFAULT_MAX_ATTEMPTS: u32 = 4;
    /// The first backoff, doubled at each retry.
    pub const DEFAULT_BASE_DELAY: Duration = Duration::from_millis(500);
    /// The longest backoff.
    pub const DEFAULT_MAX_DELAY: Duration = Duration::from_secs(30);

    /// One attempt per call: nothing is retried.
    pub const fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            base_delay: Duration::ZERO,
            max_delay: Duration::ZERO,
            unprocessed_only: false,
        }
    }

    /// At most `attempts` attempts per call, the first included (at least 1).
    pub const fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = if attempts == 0 { 1 } else { attempts };
        self
    }

    /// The first backoff, doubled at each retry up to the maximum.
    pub const fn base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// The longest backoff.
    pub const fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// Retries only the failures after which the service cannot have acted
    /// on the request: a connection that could not be made (nothing was
    /// sent) and a 429 (the service throttles a request instead of acting
    /// on it). A lost connection, a timeout or a 5xx, after which the
    /// request may have been carried out, ends the call: for a POST that
    /// must not be sent twice.
    ///
    /// ```
    /// use partner_center::RetryPolicy;
    ///
    /// let careful = RetryPolicy::default().only_unprocessed();
    /// assert_eq!(careful.attempts(), RetryPolicy::DEFAULT_MAX_ATTEMPTS);
    /// ```
    pub const fn only_unprocessed(mut self) -> Self {
        self.unprocessed_only = true;
        self
    }

    /// Attempts of one call, the first included.
    pub const fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Whether a failure the client would retry is retried by this policy
    /// (the number of attempts aside).
    pub(crate) fn retries(&self, error: &crate::Error) -> bool {
        !self.unprocessed_only
            || matches!(
                error,
                crate::Error::Connect { .. } | crate::Error::Throttled { .. }
            )
    }

    /// The backoff before attempt `next` (2 for the first retry): half of the
    /// exponential delay, plus a random part of the other half, so that
    /// clients that failed together do not retry together.
    pub(crate) fn backoff(&self, next: u32) -> Duration {
        let exponent = next.saturating_sub(2).min(16);
        let full = self
            .base_delay
            .saturating_mul(1 << exponent)
            .min(self.max_delay);
        let half = full / 2;
        let random = (uuid::Uuid::new_v4().as_u128() % 1_000_000) as u32;
        half + half.mul_f64(f64::from(random) / 1_000_000.0)
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: Self::DEFAULT_MAX_ATTEMPTS,
            base_delay: Self::DEFAULT_BASE_DELAY,
            max_delay: Self::DEFAULT_MAX_DELAY,
            unprocessed_only: false,
        }
    }
}

impl std::fmt::Debug for RetryPolicy {
    /// The settings; `only_unprocessed` only when it is set, so that a
    /// policy without it shows as policies always have.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut policy = f.debug_struct("RetryPolicy");
        policy
            .field("max_attempts", &self.max_attempts)
            .field("base_delay", &self.base_delay)
            .field("max_delay", &self.max_delay);
        if self.unprocessed_only {
            policy.field("only_unprocessed", &true);
        }
        policy.finish()
    }
}

/// Statuses worth another attempt: the service may answer differently later.
pub(crate) fn retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// `Retry-After` as seconds or as an HTTP-date, as a wait from now.
pub(crate) fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(
        at.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_takes_seconds_and_dates() {
        assert_eq!(parse_retry_after("57"), Some(Duration::from_secs(57)));
        assert_eq!(parse_retry_after(" 0 "), Some(Duration::ZERO));
        let later = SystemTime::now() + Duration::from_secs(120);
        let wait = parse_retry_after(&httpdate::fmt_http_date(later)).unwrap();
        assert!(
            wait > Duration::from_secs(110) && wait <= Duration::from_secs(120),
            "{wait:?}"
        );
        assert_eq!(
            parse_retry_after("Tue, 21 Jul 2020 04:10:58 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
        assert_eq!(parse_retry_after("-1"), None);
    }

    #[test]
    fn backoff_grows_with_jitter_and_stays_under_the_maximum() {
        let ms = Duration::from_millis;
        let policy = RetryPolicy::default()
            .base_delay(ms(100))
            .max_delay(ms(1000));
        for _ in 0..100 {
            let first = policy.backoff(2);
            assert!(first >= ms(50) && first <= ms(100), "{first:?}");
            let third = policy.backoff(4);
            assert!(third >= ms(200) && third <= ms(400), "{third:?}");
            let capped = policy.backoff(30);
            assert!(capped >= ms(500) && capped <= ms(1000), "{capped:?}");
        }
    }

    /// The random half spreads the waits over all of it: a thousand draws
    /// that missed either tenth of the range would be a one in 10^45 chance.
    #[test]
    fn the_jitter_spreads_over_the_random_half() {
        let policy = RetryPolicy::default().base_delay(Duration::from_millis(100));
        let draws: Vec<Duration> = (0..1000).map(|_| policy.backoff(2)).collect();
        let (least, most) = (draws.iter().min().unwrap(), draws.iter().max().unwrap());
        assert!(*least < Duration::from_millis(55), "{least:?}");
        assert!(*most > Duration::from_millis(95), "{most:?}");
        let mut distinct = draws.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert!(distinct.len() > 900, "{} distinct waits", distinct.len());
    }

    /// However many attempts, the doubling does not overflow: the wait is
    /// the maximum's.
    #[test]
    fn backoff_never_overflows() {
        let policy = RetryPolicy::default();
        for next in [33, 34, 40, 1000, u32::MAX] {
            let wait = policy.backoff(next);
            assert!(
                wait >= RetryPolicy::DEFAULT_MAX_DELAY / 2
                    && wait <= RetryPolicy::DEFAULT_MAX_DELAY,
                "{next}: {wait:?}"
            );
        }
    }

    #[test]
    fn only_transient_statuses_are_retried() {
        for status in [408, 429, 500, 502, 503, 504] {
            assert!(retryable_status(status), "{status}");
        }
        for status in [200, 400, 401, 403, 404, 409, 412, 501] {
            assert!(!retryable_status(status), "{status}");
        }
        assert_eq!(RetryPolicy::none().attempts(), 1);
        assert_eq!(RetryPolicy::default().max_attempts(0).attempts(), 1);
        assert_eq!(RetryPolicy::default().max_attempts(7).attempts(), 7);
        assert_eq!(RetryPolicy::default().attempts(), 4);
    }
}
