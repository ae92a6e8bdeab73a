//! What the fuzz targets share: the input read as a set of files (the spec
//! is a folder of YAML files, the documents a folder of pages), a scratch
//! folder to write them into, and the project's own folders.
#![allow(missing_docs)]

use std::path::{Path, PathBuf};

/// A line that starts a file in an input: `#=== name`, a comment to YAML
/// and plain text to markdown, so that a seed made of several files is
/// still close to what each file is.
pub const MARKER: &str = "#=== ";

/// The files of `data`: each `#=== name` line starts one, named `name`
/// when that is a plain file name ending in `.extension`, else
/// `part-<n>.<extension>`; bytes before the first marker (all of them when
/// there is none) are a file named `default`.
pub fn files<'a>(data: &'a [u8], default: &str, extension: &str) -> Vec<(String, &'a [u8])> {
    let mut files = Vec::new();
    let mut name = default.to_string();
    let mut start = 0;
    let mut at = 0;
    while at <= data.len() {
        let line_end = data[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(data.len(), |n| at + n);
        let line = &data[at..line_end];
        if let Some(next) = line.strip_prefix(MARKER.as_bytes()) {
            if at > start || !files.is_empty() || name != default {
                files.push((name, &data[start..at]));
            }
            name = file_name(next, extension, files.len());
            start = (line_end + 1).min(data.len());
        }
        at = line_end + 1;
    }
    files.push((name, &data[start..]));
    files
}

/// `raw` as a file name when it is a safe one ending in `.extension`.
fn file_name(raw: &[u8], extension: &str, n: usize) -> String {
    let raw = String::from_utf8_lossy(raw).trim().to_string();
    let safe = !raw.is_empty()
        && raw.len() <= 100
        && raw
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !raw.starts_with('.')
        && raw.ends_with(&format!(".{extension}"));
    if safe {
        raw
    } else {
        format!("part-{n}.{extension}")
    }
}

/// `files` joined as one input, each after its marker line.
pub fn join(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, bytes) in files {
        out.extend_from_slice(format!("{MARKER}{name}\n").as_bytes());
        out.extend_from_slice(bytes);
        if !bytes.ends_with(b"\n") {
            out.push(b'\n');
        }
    }
    out
}

/// The types the `response` target decodes, picked by the input's first
/// byte (modulo their number), each named as the spec names a body.
pub const RESPONSE_TYPES: [&str; 13] = [
    "AgreementStatus",
    "Customer",
    "ResourceCollection<Customer>",
    "CustomerBillingProfile",
    "CustomerUser",
    "ResourceCollection<CustomerUser>",
    "ResourceCollection<License>",
    "ResourceCollection<SubscribedSku>",
    "LicenseUpdate",
    "ResourceCollection<DirectoryRole>",
    "ResourceCollection<UserMember>",
    "UserMember",
    "ErrorBody",
];

/// The calls the `client` target makes, picked by the first byte's low
/// three bits; the last follows a listing's next links.
pub const CLIENT_OPERATIONS: [&str; 8] = [
    "agreement_status",
    "get_customer",
    "list_customers",
    "get_customer_billing_profile",
    "list_customer_users",
    "get_customer_user",
    "list_available_licenses",
    "list_customers, followed",
];

/// The statuses the `client` target's server answers, picked by the first
/// byte's high bits: successes, documented failures, a redirect, and
/// statuses the client retries (it is built not to, so that none waits).
pub const CLIENT_STATUSES: [u16; 12] = [200, 201, 204, 400, 404, 412, 429, 503, 302, 401, 408, 500];

/// The workspace's root folder.
pub fn root() -> PathBuf {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR"));
    fuzz.parent()
        .map_or_else(|| fuzz.to_path_buf(), Path::to_path_buf)
}

/// A folder of this process under the system's temporary folder, emptied:
/// the files of one input are written there, those of the last one gone.
pub fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("partner-center-fuzz-{}-{name}", std::process::id()));
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            // A symbolic link (to the project's documents) is kept.
            if path.is_file() && !path.is_symlink() {
                let _ = std::fs::remove_file(path);
            }
        }
    }
    let _ = std::fs::create_dir_all(&dir);
    dir
}

#[cfg(test)]
mod tests {
    use super::{files, join};

    #[test]
    fn files_and_join_agree() {
        let joined = join(&[
            ("a.yaml".into(), b"x: 1\n".to_vec()),
            ("b.yaml".into(), b"y: 2".to_vec()),
        ]);
        let split = files(&joined, "spec.yaml", "yaml");
        let names: Vec<&str> = split.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["a.yaml", "b.yaml"]);
        assert_eq!(split[0].1, b"x: 1\n");
        assert_eq!(split[1].1, b"y: 2\n");
        let plain = files(b"z: 3", "spec.yaml", "yaml");
        assert_eq!(plain, [("spec.yaml".to_string(), &b"z: 3"[..])]);
        let unsafe_name = files(b"#=== ../x.yaml\nq", "spec.yaml", "yaml");
        assert_eq!(unsafe_name[0].0, "part-0.yaml");
    }
}
