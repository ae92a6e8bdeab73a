//! The generated client against the limit: a hand-written reqwest call with
//! the same headers and an attempt timeout, decoding into the same models.
//! Three shapes (a small JSON object, a listing of three pages, a POST with
//! a body), one call at a time and 64 at once, on a loopback server that
//! runs on its own thread. After divan's table, the ratios ours/limit of
//! wall time, of the client thread's CPU time and of its allocations per
//! call, from alternated blocks of calls in one run.
#![allow(clippy::unwrap_used)] // benchmark scaffolding

use std::future::Future;
use std::pin::pin;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use divan::Bencher;
use partner_center::{
    AgreementStatus, Client, Customer, CustomerUser, Program, Reseller, ResourceCollection, Uuid,
};
use partner_center_benches::{alloc, join_all, median, pin_to_cpu, quartiles, server, thread_cpu};

#[global_allocator]
static ALLOC: alloc::Counting = alloc::Counting;

/// The attempt timeout both sides set.
const TIMEOUT: Duration = Duration::from_secs(30);

struct Fixture {
    runtime: tokio::runtime::Runtime,
    ours: Client,
    limit: reqwest::Client,
    base_url: String,
    user: CustomerUser,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let server = server::start();
    let ours = Client::builder(partner_center::Cloud::Global)
        .base_url(&server.base_url)
        .allow_http_on_loopback()
        .attempt_timeout(TIMEOUT)
        .token("bench-token")
        .build()
        .unwrap();
    let limit = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let user = CustomerUser::new()
        .with_user_principal_name("ada@contoso.example")
        .with_first_name("Ada")
        .with_last_name("Lovelace");
    Fixture {
        runtime: tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap(),
        ours,
        limit,
        base_url: server.base_url,
        user,
    }
});

/// The shapes measured.
#[derive(Debug, Clone, Copy)]
enum Shape {
    SmallObject,
    Listing,
    Post,
}

const SHAPES: [Shape; 3] = [Shape::SmallObject, Shape::Listing, Shape::Post];

/// A request of the limit, with the headers the client sends.
fn limit_request(method: reqwest::Method, url: &str) -> reqwest::RequestBuilder {
    FIXTURE
        .limit
        .request(method, url)
        .timeout(TIMEOUT)
        .header("Accept", "application/json")
        .header("MS-Contract-Version", "v1")
        .header("Authorization", "Bearer bench-token")
        .header("MS-RequestId", Uuid::new_v4().to_string())
        .header("MS-CorrelationId", Uuid::new_v4().to_string())
}

async fn limit(shape: Shape) -> usize {
    let f = &*FIXTURE;
    match shape {
        Shape::SmallObject => {
            let url = format!(
                "{}/v1/compliance/csp/agreementstatus?mpnId=1234567",
                f.base_url
            );
            let response = limit_request(reqwest::Method::GET, &url)
                .send()
                .await
                .unwrap();
            let status: AgreementStatus =
                response.error_for_status().unwrap().json().await.unwrap();
            usize::from(status.is_agreement_signed)
        }
        Shape::Listing => {
            let mut url = format!("{}/v1/customers?size=10", f.base_url);
            let mut token: Option<String> = None;
            let mut count = 0;
            loop {
                let mut request = limit_request(reqwest::Method::GET, &url);
                if let Some(token) = &token {
                    request = request.header("MS-ContinuationToken", token);
                }
                let response = request.send().await.unwrap().error_for_status().unwrap();
                let page: ResourceCollection<Customer> = response.json().await.unwrap();
                count += page.items.len();
                let Some(next) = page.links.and_then(|l| l.next) else {
                    return count;
                };
                url = format!("{}/v1{}", f.base_url, next.uri);
                token = next.headers.into_iter().next().map(|h| h.value);
            }
        }
        Shape::Post => {
            let url = format!("{}/v1/customers/{}/users", f.base_url, Uuid::nil());
            let response = limit_request(reqwest::Method::POST, &url)
                .json(&f.user)
                .send()
                .await
                .unwrap();
            let user: CustomerUser = response.error_for_status().unwrap().json().await.unwrap();
            usize::from(user.id.is_some())
        }
    }
}

async fn ours(shape: Shape) -> usize {
    let f = &*FIXTURE;
    match shape {
        Shape::SmallObject => {
            let status = f
                .ours
                .agreement_status(Program::Csp, Reseller::MpnId(1_234_567))
                .await
                .unwrap();
            usize::from(status.is_agreement_signed)
        }
        Shape::Listing => {
            let mut pages = pin!(f.ours.list_customers(10).pages());
            let mut count = 0;
            while let Some(page) = pages.next().await {
                count += page.unwrap().items.len();
            }
            count
        }
        Shape::Post => {
            let user = f
                .ours
                .create_customer_user(Uuid::nil(), &f.user)
                .await
                .unwrap();
            usize::from(user.id.is_some())
        }
    }
}

/// `calls` calls of `shape` at once, each by `side`.
fn run<F: Future<Output = usize>>(side: fn(Shape) -> F, shape: Shape, calls: usize) -> usize {
    let f = &*FIXTURE;
    if calls == 1 {
        return f.runtime.block_on(side(shape));
    }
    let futures = (0..calls).map(|_| side(shape)).collect();
    f.runtime.block_on(join_all(futures)).into_iter().sum()
}

macro_rules! benches {
    ($($name:ident: $shape:expr;)*) => {$(
        mod $name {
            use super::*;

            #[divan::bench(args = [1, 64])]
            fn ours(bencher: Bencher, concurrent: usize) {
                bencher.bench_local(|| run(super::ours, $shape, concurrent));
            }

            #[divan::bench(args = [1, 64])]
            fn limit(bencher: Bencher, concurrent: usize) {
                bencher.bench_local(|| run(super::limit, $shape, concurrent));
            }
        }
    )*};
}

benches! {
    small_object: Shape::SmallObject;
    listing: Shape::Listing;
    post: Shape::Post;
}

/// What one block of calls cost the client thread.
struct Block {
    wall: Duration,
    cpu: Duration,
    allocations: u64,
}

fn block<F: Future<Output = usize>>(
    side: fn(Shape) -> F,
    shape: Shape,
    concurrent: usize,
    rounds: usize,
) -> Block {
    let (wall, cpu, allocations) = (Instant::now(), thread_cpu(), alloc::allocations());
    for _ in 0..rounds {
        divan::black_box(run(side, shape, concurrent));
    }
    Block {
        wall: wall.elapsed(),
        cpu: thread_cpu() - cpu,
        allocations: alloc::allocations() - allocations,
    }
}

/// The ratios ours/limit, from `BLOCKS` alternated blocks of each side.
fn ratios() {
    const BLOCKS: usize = 21;
    println!();
    println!("ours/limit, median [quartiles] of {BLOCKS} alternated blocks (client thread only):");
    println!(
        "{:<12} {:>5} {:>21} {:>21} {:>12} {:>12}",
        "shape", "calls", "wall", "cpu", "allocs ours", "allocs limit"
    );
    for shape in SHAPES {
        for concurrent in [1, 64] {
            let rounds = if concurrent == 1 { 800 } else { 12 };
            let calls = (rounds * concurrent) as f64;
            let (mut wall, mut cpu, mut ours_allocs, mut limit_allocs) =
                (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            for i in 0..BLOCKS {
                // Each side goes first in turn.
                let (o, l) = if i % 2 == 0 {
                    let o = block(ours, shape, concurrent, rounds);
                    (o, block(limit, shape, concurrent, rounds))
                } else {
                    let l = block(limit, shape, concurrent, rounds);
                    (block(ours, shape, concurrent, rounds), l)
                };
                wall.push(o.wall.as_secs_f64() / l.wall.as_secs_f64());
                cpu.push(o.cpu.as_secs_f64() / l.cpu.as_secs_f64());
                ours_allocs.push(o.allocations as f64 / calls);
                limit_allocs.push(l.allocations as f64 / calls);
            }
            let spread = |values: &mut Vec<f64>| {
                let (low, mid, high) = quartiles(values);
                format!("{mid:.3} [{low:.3}, {high:.3}]")
            };
            println!(
                "{:<12} {:>5} {:>21} {:>21} {:>12.1} {:>12.1}",
                format!("{shape:?}"),
                concurrent,
                spread(&mut wall),
                spread(&mut cpu),
                median(&mut ours_allocs),
                median(&mut limit_allocs),
            );
        }
    }
}

/// With `PROFILE=<side>[,<shape>[,<calls at once>[,<calls>]]]` in the
/// environment (`PROFILE=ours`, `PROFILE=limit,listing,64`), the bench only
/// makes calls of that side for a profiler to watch:
/// `PROFILE=ours perf record target/release/deps/client-*`. The shape is
/// `small_object` (the default), `listing` or `post`; one call at a time
/// unless a number follows; 20,000 calls in all unless another follows
/// (fewer suit an instruction counter: `valgrind --tool=callgrind`).
fn profile(setting: &str) {
    let (side, shape, concurrent, calls) = match profile_setting(setting) {
        Ok(parsed) => parsed,
        Err(why) => {
            eprintln!("PROFILE={setting}: {why}");
            std::process::exit(2);
        }
    };
    let rounds = calls.div_ceil(concurrent);
    let (started, cpu) = (Instant::now(), thread_cpu());
    for _ in 0..rounds {
        match side {
            Side::Limit => divan::black_box(run(limit, shape, concurrent)),
            Side::Ours => divan::black_box(run(ours, shape, concurrent)),
        };
    }
    println!(
        "{} calls of {side:?} ({shape:?}) in {:?}, client thread CPU {:?}",
        rounds * concurrent,
        started.elapsed(),
        thread_cpu() - cpu
    );
}

/// Which client a profile watches.
#[derive(Debug, Clone, Copy)]
enum Side {
    Ours,
    Limit,
}

/// `<side>[,<shape>[,<calls at once>[,<calls>]]]`.
fn profile_setting(setting: &str) -> Result<(Side, Shape, usize, usize), String> {
    let mut parts = setting.split(',');
    let side = match parts.next().unwrap_or_default() {
        "ours" => Side::Ours,
        "limit" => Side::Limit,
        other => return Err(format!("the side is `ours` or `limit`, not {other:?}")),
    };
    let shape = match parts.next() {
        None | Some("small_object") => Shape::SmallObject,
        Some("listing") => Shape::Listing,
        Some("post") => Shape::Post,
        Some(other) => {
            return Err(format!(
                "the shape is `small_object`, `listing` or `post`, not {other:?}"
            ));
        }
    };
    let mut count = |what: &str, default: usize| match parts.next() {
        None => Ok(default),
        Some(n) => n
            .parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .ok_or(format!("{what} is a number over 0, not {n:?}")),
    };
    let concurrent = count("the calls at once", 1)?;
    let calls = count("the calls in all", 20_000)?;
    if parts.next().is_some() {
        return Err("it has more than four parts".into());
    }
    Ok((side, shape, concurrent, calls))
}

fn main() {
    // The client on the first core, the server on the second.
    pin_to_cpu(0);
    // Both sides have their connections before anything is measured.
    for shape in SHAPES {
        run(ours, shape, 64);
        run(limit, shape, 64);
    }
    if let Ok(setting) = std::env::var("PROFILE") {
        return profile(&setting);
    }
    divan::main();
    ratios();
}
