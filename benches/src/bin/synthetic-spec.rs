//! Writes a synthetic spec, for measuring the generator from the command
//! line (peak memory with `/usr/bin/time -v`, a profile with `perf`):
//!
//! ```text
//! synthetic-spec COUNT one-file|file-per-operation DIR
//! ```

use std::process::ExitCode;

use partner_center_benches::synthetic::{self, Layout};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [count, layout, dir] = &args[..] else {
        eprintln!("usage: synthetic-spec COUNT one-file|file-per-operation DIR");
        return ExitCode::from(2);
    };
    let (Ok(count), Some(layout)) = (
        count.parse::<usize>(),
        match layout.as_str() {
            "one-file" => Some(Layout::OneFile),
            "file-per-operation" => Some(Layout::FilePerOperation),
            _ => None,
        },
    ) else {
        eprintln!("usage: synthetic-spec COUNT one-file|file-per-operation DIR");
        return ExitCode::from(2);
    };
    let dir = std::path::Path::new(dir);
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("synthetic-spec: cannot create {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    synthetic::write(dir, count, layout);
    println!("{count} operations in {}", dir.display());
    ExitCode::SUCCESS
}
