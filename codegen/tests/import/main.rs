//! `cargo codegen import`: the draft of the spec's own pages against the
//! spec, a run over every page of the documents, the command line, and the
//! `decide:` marks validation refuses.
#![allow(clippy::unwrap_used)] // a test unwraps what it sets up itself

#[path = "../common/mod.rs"]
mod common;

mod cli;
mod develop;
mod facts;
mod mutations;
mod undecided;
