//! Throttling shared by the calls of one client (and its clones): a 429 with
//! `Retry-After` holds back every call of the same scope until it ends,
//! instead of each call finding the limit alone. Partner Center counts some
//! limits per partner and others per partner and customer
//! (api-throttling-guidance.md): a call under `/customers/{id}` is of that
//! customer's scope, any other of the partner's.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;
use url::Url;

/// Whose requests a limit counts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Scope {
    Partner,
    /// A customer's tenant id, as the path writes it (lowercased).
    Customer(String),
}

impl Scope {
    /// The scope of a request to `url`.
    pub(crate) fn of(url: &Url) -> Scope {
        let mut segments = url.path_segments().into_iter().flatten();
        while let Some(segment) = segments.next() {
            if segment.eq_ignore_ascii_case("customers") {
                return match segments.next() {
                    Some(id) if !id.is_empty() => Scope::Customer(id.to_ascii_lowercase()),
                    _ => Scope::Partner,
                };
            }
        }
        Scope::Partner
    }
}

/// The longest a 429 holds back the other calls of its scope, whatever its
/// `Retry-After` says: a hostile or broken answer cannot stop a client.
pub(crate) const MAX_HOLD: Duration = Duration::from_secs(300);

/// Until when each scope is held back.
#[derive(Debug, Default)]
pub(crate) struct Holds {
    until: Mutex<HashMap<Scope, Instant>>,
}

impl Holds {
    /// Holds `scope` back for `wait` from now, at most [`MAX_HOLD`] (or
    /// longer, if it already is).
    pub(crate) fn hold(&self, scope: &Scope, wait: Duration) {
        let Some(end) = Instant::now().checked_add(wait.min(MAX_HOLD)) else {
            return;
        };
        let mut until = self.until.lock().unwrap_or_else(|e| e.into_inner());
        let entry = until.entry(scope.clone()).or_insert(end);
        *entry = (*entry).max(end);
    }

    /// When `scope` may send again, if it is held back now.
    pub(crate) fn held_until(&self, scope: &Scope) -> Option<Instant> {
        let mut until = self.until.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        // Ended holds go, so that the map holds only live ones.
        until.retain(|_, end| *end > now);
        until.get(scope).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(url: &str) -> Scope {
        Scope::of(&Url::parse(url).unwrap())
    }

    #[test]
    fn a_customer_path_is_the_customer_scope() {
        let id = "0C39AFE8-3C4A-4AD4-A8A9-7B7E1A4C8F3E";
        let lower = Scope::Customer(id.to_ascii_lowercase());
        assert_eq!(scope(&format!("https://h/v1/customers/{id}")), lower);
        assert_eq!(
            scope(&format!("https://h/v1/customers/{id}/users?size=5")),
            lower
        );
        assert_eq!(scope("https://h/v1/customers?size=5"), Scope::Partner);
        assert_eq!(scope("https://h/v1/customers/"), Scope::Partner);
        assert_eq!(scope("https://h/v1/invoices/D0500001"), Scope::Partner);
    }

    #[test]
    fn the_longer_hold_wins_an_ended_one_holds_nothing_and_none_is_endless() {
        let holds = Holds::default();
        let a = Scope::Customer("a".into());
        holds.hold(&a, Duration::from_secs(200));
        holds.hold(&a, Duration::from_secs(2));
        let left = holds.held_until(&a).unwrap() - Instant::now();
        assert!(left > Duration::from_secs(100), "{left:?}");
        assert_eq!(holds.held_until(&Scope::Partner), None);
        let b = Scope::Customer("b".into());
        holds.hold(&b, Duration::ZERO);
        assert_eq!(holds.held_until(&b), None);
        // A wait past any clock holds for MAX_HOLD, not forever.
        holds.hold(&b, Duration::MAX);
        let left = holds.held_until(&b).unwrap() - Instant::now();
        assert!(left <= MAX_HOLD && left > MAX_HOLD / 2, "{left:?}");
    }
}
