//! The client's rate limit against the fastest its server allows: 2,000
//! calls from 32 tasks over four customers, the client keeping to 100
//! requests per second per customer, against a loopback server that
//! refuses a customer's request past 100 in any second. The least time the
//! server allows is four seconds (each customer's 500 calls in five
//! windows: the last one starts four seconds after the first); each run's
//! wall time is printed beside it, with the server's refusals and the CPU
//! time of the client's thread. Run:
//! `cargo bench -p partner-center-benches --bench rate_limit`.
#![allow(clippy::unwrap_used)] // benchmark scaffolding

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use partner_center::{Client, RateLimit, Uuid};
use partner_center_benches::{limited, median, pin_to_cpu, thread_cpu};

const CALLS: usize = 2_000;
const TASKS: usize = 32;
const CUSTOMERS: usize = 4;
const REQUESTS: usize = 100;
const PER: Duration = Duration::from_secs(1);
const RUNS: usize = 7;

/// The least wall time a server that counts over `PER` allows: a customer's
/// `n`-th request (from 0) cannot come before `n / REQUESTS` windows.
fn minimum() -> Duration {
    let per_customer = CALLS.div_ceil(CUSTOMERS);
    PER * (per_customer.div_ceil(REQUESTS) - 1) as u32
}

/// One sync: `CALLS` calls from `TASKS` tasks over fresh customers.
async fn sync(client: &Client) -> Duration {
    let customers: Arc<[Uuid]> = (0..CUSTOMERS).map(|_| Uuid::new_v4()).collect();
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| {
            let (client, next, customers) = (client.clone(), next.clone(), customers.clone());
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= CALLS {
                        return;
                    }
                    client.get_customer(customers[i % CUSTOMERS]).await.unwrap();
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    started.elapsed()
}

fn main() {
    // The client on the first core, the server on the second.
    pin_to_cpu(0);
    let server = limited::start(REQUESTS, PER);
    let client = Client::builder(partner_center::Cloud::Global)
        .base_url(&server.base_url)
        .allow_http_on_loopback()
        .token("bench-token")
        .rate_limit(RateLimit::new(REQUESTS as u32, PER))
        .build()
        .unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let least = minimum();
    println!(
        "{CALLS} calls, {TASKS} tasks, {CUSTOMERS} customers, {REQUESTS} per {PER:?} each: the server allows it in {least:?} at the least"
    );
    // Connections first, on customers of their own.
    runtime.block_on(async {
        let warm: Vec<_> = (0..TASKS)
            .map(|_| client.get_customer(Uuid::new_v4()))
            .collect();
        partner_center_benches::join_all(warm.into_iter().map(|c| c.send()).collect()).await;
    });
    let mut ratios = Vec::new();
    for run in 1..=RUNS {
        let (refused, cpu) = (server.refused(), thread_cpu());
        let wall = runtime.block_on(sync(&client));
        let cpu = thread_cpu() - cpu;
        let ratio = wall.as_secs_f64() / least.as_secs_f64();
        ratios.push(ratio);
        println!(
            "run {run}: {wall:.3?}, {ratio:.4} of the least; refused {}; client CPU {cpu:.3?}",
            server.refused() - refused
        );
    }
    println!("median: {:.4} of the least", median(&mut ratios));
}
