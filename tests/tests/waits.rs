//! The waits between attempts, as a caller sees them: the waits the client
//! chose (its `retrying` events) and the time between the requests a server
//! on 127.0.0.1 received. Backoff doubles from the base delay, half of it
//! fixed and half random, up to the maximum; the defaults are the ones the
//! crate documents; no number of attempts overflows; no wait passes the
//! call's deadline.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

use std::time::Duration;

use partner_center::{
    Client, DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_CALL_TIMEOUT, DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_BODY_SIZE, DEFAULT_MAX_DOWNLOAD_SIZE, DEFAULT_MAX_PAGES, Error, Program, Reseller,
    RetryPolicy,
};
use partner_center_tests::events::Recorder;
use partner_center_tests::fault::{FaultServer, Hit, Step};
use partner_center_tests::{SLOWER, crate_docs};

const OK: &str = r#"{"isAgreementSigned":true}"#;

type Outcome = Result<partner_center::Response<partner_center::AgreementStatus>, Error>;

async fn call(client: &Client) -> Outcome {
    client
        .agreement_status(Program::Csp, Reseller::MpnId(1_234_567))
        .await
        .map_err(Error::from)
}

/// The time between one request and the next, as the server received them.
fn gaps(hits: &[Hit]) -> Vec<Duration> {
    hits.windows(2).map(|w| w[1].at - w[0].at).collect()
}

/// The backoff before retry `n` (1 for the first) of `base`, uncapped:
/// between half of `base * 2^(n-1)` and all of it.
fn backoff_range(base: Duration, n: u32) -> (Duration, Duration) {
    let full = base * 2u32.pow(n - 1);
    (full / 2, full)
}

/// Each wait the client chose is in its range, and each gap between two
/// requests is at least that wait and not much longer than the range allows.
fn assert_waits(waits: &[Duration], gaps: &[Duration], ranges: &[(Duration, Duration)]) {
    assert_eq!(waits.len(), ranges.len(), "one wait per retry: {waits:?}");
    assert_eq!(gaps.len(), ranges.len(), "one gap per retry: {gaps:?}");
    for (i, ((wait, gap), (low, high))) in waits.iter().zip(gaps).zip(ranges).enumerate() {
        // `wait_ms` is whole milliseconds, rounded down.
        assert!(
            *wait + Duration::from_millis(1) > *low && wait <= high,
            "retry {}: chose {wait:?}, not in {low:?}..={high:?} ({waits:?})",
            i + 1
        );
        assert!(
            gap >= wait && *gap <= *high + SLOWER,
            "retry {}: waited {gap:?} for a wait of {wait:?} ({gaps:?})",
            i + 1
        );
    }
}

#[tokio::test]
async fn the_waits_double_from_the_base_delay_with_half_of_each_random() {
    let recorder = Recorder::default();
    let _guard = recorder.install();
    let busy = Step::json(503, "");
    let server =
        FaultServer::start(vec![busy.clone(), busy.clone(), busy, Step::json(200, OK)]).await;
    let base = Duration::from_millis(200);
    let client = server
        .client()
        .retry(
            RetryPolicy::default()
                .base_delay(base)
                .max_delay(Duration::from_secs(10)),
        )
        .build()
        .unwrap();
    assert!(call(&client).await.unwrap().is_agreement_signed);
    let hits = server.hits();
    assert_eq!(hits.len(), 4);
    let ranges: Vec<_> = (1..=3).map(|n| backoff_range(base, n)).collect();
    assert_waits(&recorder.waits(), &gaps(&hits), &ranges);
}

#[tokio::test]
async fn a_wait_is_never_longer_than_the_maximum_delay() {
    let recorder = Recorder::default();
    let _guard = recorder.install();
    let busy = Step::json(503, "");
    let server =
        FaultServer::start(vec![busy.clone(), busy.clone(), busy, Step::json(200, OK)]).await;
    // 100 ms, then 200 and 400 capped at 150.
    let (base, max) = (Duration::from_millis(100), Duration::from_millis(150));
    let client = server
        .client()
        .retry(RetryPolicy::default().base_delay(base).max_delay(max))
        .build()
        .unwrap();
    call(&client).await.unwrap();
    let capped = (max / 2, max);
    let ranges = [backoff_range(base, 1), capped, capped];
    assert_waits(&recorder.waits(), &gaps(&server.hits()), &ranges);
}

/// Clients that failed together do not retry together: the random half of
/// each wait spreads them.
#[tokio::test]
async fn jitter_spreads_the_waits_over_their_random_half() {
    let recorder = Recorder::default();
    let _guard = recorder.install();
    let server = FaultServer::start(vec![Step::json(503, "")]).await;
    // Twenty waits of 20 to 40 ms.
    let wait = Duration::from_millis(40);
    let client = server
        .client()
        .retry(
            RetryPolicy::default()
                .max_attempts(21)
                .base_delay(wait)
                .max_delay(wait),
        )
        .build()
        .unwrap();
    let err = call(&client).await.unwrap_err();
    assert_eq!(err.call().unwrap().attempts(), 21);
    let waits = recorder.waits();
    assert_eq!(waits.len(), 20);
    assert!(
        waits
            .iter()
            .all(|w| *w >= wait / 2 - Duration::from_millis(1) && *w <= wait),
        "{waits:?}"
    );
    // Twenty draws all within 5 ms of each other: about 1 in 10^10.
    let (least, most) = (waits.iter().min().unwrap(), waits.iter().max().unwrap());
    assert!(
        *most - *least >= Duration::from_millis(5),
        "the waits do not vary: {waits:?}"
    );
}

/// Forty attempts: the doubling stops growing long before it could
/// overflow (it would at the 34th).
#[tokio::test]
async fn forty_attempts_do_not_overflow() {
    let recorder = Recorder::default();
    let _guard = recorder.install();
    let server = FaultServer::start(vec![Step::json(503, "")]).await;
    let tick = Duration::from_millis(2);
    let client = server
        .client()
        .retry(
            RetryPolicy::default()
                .max_attempts(40)
                .base_delay(tick)
                .max_delay(tick),
        )
        .build()
        .unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(
        matches!(&err, Error::UnexpectedBody { meta, .. } if meta.status() == 503),
        "{err:?}"
    );
    assert_eq!(err.call().unwrap().attempts(), 40);
    assert_eq!(server.hits().len(), 40);
    let waits = recorder.waits();
    assert_eq!(waits.len(), 39);
    assert!(waits.iter().all(|w| *w <= tick), "{waits:?}");
}

/// A number and its unit, as the crate documentation writes them: "4",
/// "500 ms", "10,000", "4 MiB".
fn amounts(text: &str) -> Vec<(u64, String)> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '(')
        .filter(|w| !w.is_empty())
        .collect();
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let digits = word.trim_end_matches(',').replace(',', "");
        if let Ok(n) = digits.parse::<u64>() {
            let unit = words.get(i + 1).map_or("", |u| u.trim_end_matches(','));
            let unit = if ["ms", "s", "MiB", "GiB"].contains(&unit) {
                unit
            } else {
                ""
            };
            found.push((n, unit.to_string()));
        }
    }
    found
}

fn duration((n, unit): &(u64, String)) -> Duration {
    let n = *n;
    match unit.as_str() {
        "ms" => Duration::from_millis(n),
        "s" => Duration::from_secs(n),
        other => panic!("{n} {other:?} is not a duration"),
    }
}

fn bytes((n, unit): &(u64, String)) -> u64 {
    let n = *n;
    match unit.as_str() {
        "MiB" => n << 20,
        "GiB" => n << 30,
        other => panic!("{n} {other:?} is not a size"),
    }
}

/// The defaults of the crate documentation's table, by setting.
fn documented_default(setting: &str) -> Vec<(u64, String)> {
    let docs = crate_docs();
    let table = docs
        .tables_under("Retries, timeouts, limits")
        .next()
        .expect("the crate documents its defaults");
    assert_eq!(table.header, ["setting", "default", "builder"]);
    let row = table
        .rows
        .iter()
        .find(|r| r.cells[0] == setting)
        .unwrap_or_else(|| panic!("no row {setting:?} in {:?}", table.rows));
    amounts(&row.cells[1])
}

#[test]
fn the_documented_defaults_are_the_crate_s_constants() {
    assert_eq!(
        documented_default("attempts per call"),
        [(u64::from(RetryPolicy::DEFAULT_MAX_ATTEMPTS), String::new())]
    );
    let backoff = documented_default("backoff");
    assert_eq!(backoff.len(), 2, "{backoff:?}");
    assert_eq!(duration(&backoff[0]), RetryPolicy::DEFAULT_BASE_DELAY);
    assert_eq!(duration(&backoff[1]), RetryPolicy::DEFAULT_MAX_DELAY);
    for (setting, constant) in [
        ("connect timeout", DEFAULT_CONNECT_TIMEOUT),
        ("attempt timeout", DEFAULT_ATTEMPT_TIMEOUT),
        ("whole call", DEFAULT_CALL_TIMEOUT),
    ] {
        let documented = documented_default(setting);
        assert_eq!(documented.len(), 1, "{setting}: {documented:?}");
        assert_eq!(duration(&documented[0]), constant, "{setting}");
    }
    let body = documented_default("response body");
    assert_eq!(bytes(&body[0]), DEFAULT_MAX_BODY_SIZE as u64);
    let download = documented_default("a downloaded file");
    assert_eq!(bytes(&download[0]), DEFAULT_MAX_DOWNLOAD_SIZE);
    // No rate limit unless one is set.
    assert_eq!(documented_default("requests per scope"), []);
    assert_eq!(
        documented_default("pages of one listing"),
        [(u64::from(DEFAULT_MAX_PAGES), String::new())]
    );
    // And the policy a client gets without asking is made of them.
    assert_eq!(
        RetryPolicy::default(),
        RetryPolicy::none()
            .max_attempts(RetryPolicy::DEFAULT_MAX_ATTEMPTS)
            .base_delay(RetryPolicy::DEFAULT_BASE_DELAY)
            .max_delay(RetryPolicy::DEFAULT_MAX_DELAY)
    );
}

#[test]
fn a_client_built_without_settings_has_the_documented_defaults() {
    let client = Client::builder(partner_center::Cloud::Global)
        .token("t")
        .build()
        .unwrap();
    let expected = format!(
        "Client {{ base_url: \"https://api.partnercenter.microsoft.com/\", auth: Static(<redacted>), \
         application: None, locale: None, retry: {:?}, attempt_timeout: {:?}, call_timeout: {:?}, \
         max_body_size: {}, max_download_size: {}, max_pages: {}, rate_limit: None }}",
        RetryPolicy::default(),
        DEFAULT_ATTEMPT_TIMEOUT,
        DEFAULT_CALL_TIMEOUT,
        DEFAULT_MAX_BODY_SIZE,
        DEFAULT_MAX_DOWNLOAD_SIZE,
        DEFAULT_MAX_PAGES
    );
    assert_eq!(format!("{client:?}"), expected);
    assert_eq!(
        format!("{:?}", RetryPolicy::default()),
        "RetryPolicy { max_attempts: 4, base_delay: 500ms, max_delay: 30s }"
    );
}

/// Without a retry policy of its own, a client makes the documented four
/// attempts, waiting 250 to 500 ms, then twice and four times that.
#[tokio::test]
async fn the_default_policy_makes_four_attempts_from_half_a_second() {
    let recorder = Recorder::default();
    let _guard = recorder.install();
    let server = FaultServer::start(vec![Step::json(503, "")]).await;
    let client = Client::builder(partner_center::Cloud::Global)
        .base_url(&server.base_url)
        .allow_http_on_loopback()
        .token("t")
        .build()
        .unwrap();
    let err = call(&client).await.unwrap_err();
    assert_eq!(err.call().unwrap().attempts(), 4);
    let hits = server.hits();
    assert_eq!(hits.len(), 4);
    let base = Duration::from_millis(500);
    let ranges: Vec<_> = (1..=3).map(|n| backoff_range(base, n)).collect();
    assert_waits(&recorder.waits(), &gaps(&hits), &ranges);
}

/// The default maximum, 30 s, seen without waiting for it: a wait that
/// would pass the deadline is not waited, and the client says which.
#[tokio::test]
async fn the_default_maximum_delay_is_thirty_seconds() {
    let recorder = Recorder::default();
    let _guard = recorder.install();
    let server = FaultServer::start(vec![Step::json(503, ""), Step::json(200, OK)]).await;
    let client = server
        .client()
        .retry(RetryPolicy::default().base_delay(Duration::from_secs(3600)))
        .call_timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let started = tokio::time::Instant::now();
    let err = call(&client).await.unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "gave up at once"
    );
    assert_eq!(err.call().unwrap().attempts(), 1);
    assert_eq!(server.hits().len(), 1);
    let gave_up = recorder.events("giving up: the wait would pass the deadline");
    assert_eq!(gave_up.len(), 1, "{}", recorder.text());
    let wait = Duration::from_millis(gave_up[0].number("wait_ms").unwrap());
    assert!(
        wait >= Duration::from_secs(15) - Duration::from_millis(1)
            && wait <= Duration::from_secs(30),
        "{wait:?}"
    );
    assert!(recorder.waits().is_empty());
}

/// A call timeout too long to be a deadline is none: retries go on.
#[tokio::test]
async fn a_call_without_a_deadline_is_still_retried() {
    let server = FaultServer::start(vec![Step::json(503, ""), Step::json(200, OK)]).await;
    let client = server.client().call_timeout(Duration::MAX).build().unwrap();
    let status = call(&client).await.unwrap();
    assert_eq!(status.call().attempts(), 2);
    assert_eq!(server.hits().len(), 2);
}

/// A call timeout of zero has passed before the first attempt: nothing is sent.
#[tokio::test]
async fn a_call_timeout_of_zero_sends_nothing() {
    let server = FaultServer::start(vec![Step::json(200, OK)]).await;
    let client = server
        .client()
        .call_timeout(Duration::ZERO)
        .build()
        .unwrap();
    let err = call(&client).await.unwrap_err();
    assert!(matches!(&err, Error::Timeout { meta: None, .. }), "{err:?}");
    assert_eq!(err.call().unwrap().attempts(), 0);
    assert!(server.hits().is_empty());
}
