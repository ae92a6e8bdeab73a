//! `cargo codegen docs`: the spec compared with every page it describes
//! (reading the pages included), and the pages alone.
#![allow(clippy::unwrap_used)] // benchmark scaffolding

use divan::Bencher;
use partner_center_codegen::docs::Page;
use partner_center_codegen::{default_docs, default_spec, drift, load_api};

#[divan::bench(sample_count = 20)]
fn check_every_page(bencher: Bencher) {
    let api = load_api(&default_spec()).unwrap();
    let docs = default_docs();
    bencher.bench(|| {
        let report = drift::check(&api, &docs).unwrap();
        assert_eq!(report.drift(), 0);
    });
}

#[divan::bench(sample_count = 20)]
fn read_every_page(bencher: Bencher) {
    let pages: Vec<_> = std::fs::read_dir(default_docs())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    bencher.bench(|| {
        pages
            .iter()
            .map(|p| Page::read(p).unwrap().code_blocks.len())
            .sum::<usize>()
    });
}

fn main() {
    divan::main();
}
