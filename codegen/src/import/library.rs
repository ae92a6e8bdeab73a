//! The pages an import reads: the ones given, and the resource pages they
//! link to, each read once. A link (`customer-resources.md#customer`, or
//! `#billing-profile` on the same page) is resolved to the table under the
//! heading its anchor names; a bare model name (`ResourceAttributes`) to the
//! heading of that name on the resource pages of the documents folder.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::docs::Page;

/// A table under a heading of a page: where a model is defined.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct TableRef {
    pub file: String,
    /// The heading's text, as written.
    pub heading: String,
    /// The heading's line.
    pub line: usize,
}

/// The pages read so far, by file name, and the resource pages' headings.
pub(super) struct Library {
    /// Where pages are looked for, in order: `--docs`, then the folders of
    /// the pages given.
    folders: Vec<PathBuf>,
    pages: HashMap<String, Option<Rc<Page>>>,
    /// Model name (lower case) to its table, over every resource page of
    /// the folders; read on first need.
    index: Option<HashMap<String, TableRef>>,
}

/// Resource pages read for the index at most: the documents have about 40.
const MAX_RESOURCE_PAGES: usize = 400;

impl Library {
    pub fn new(folders: Vec<PathBuf>) -> Library {
        Library {
            folders,
            pages: HashMap::new(),
            index: None,
        }
    }

    /// Adds a page read from `path` under its file name.
    pub fn insert(&mut self, file: &str, page: Page) -> Rc<Page> {
        let page = Rc::new(page);
        self.pages.insert(file.to_string(), Some(page.clone()));
        page
    }

    /// The page `file` (a file name), read from the first folder that has it.
    pub fn page(&mut self, file: &str) -> Option<Rc<Page>> {
        if let Some(known) = self.pages.get(file) {
            return known.clone();
        }
        let page = self
            .folders
            .iter()
            .map(|f| f.join(file))
            .find(|p| p.is_file())
            .and_then(|p| Page::read(&p).ok())
            .map(Rc::new);
        self.pages.insert(file.to_string(), page.clone());
        page
    }

    /// The table a link of the page `from` points at: a heading of a page
    /// of the folders (its anchor), with a table under it. External links,
    /// links to a whole page and anchors no heading has point at nothing.
    pub fn resolve(&mut self, from: &str, target: &str) -> Option<TableRef> {
        let (file, anchor) = target.split_once('#')?;
        let file = file.trim_start_matches("./");
        if file.contains(['/', ':', '\\']) || !(file.is_empty() || file.ends_with(".md")) {
            return None;
        }
        let file = if file.is_empty() { from } else { file };
        let page = self.page(file)?;
        let anchor = anchor.to_ascii_lowercase();
        let heading = page.headings.iter().find(|h| slug(&h.text) == anchor)?;
        has_table(&page, &heading.text).then(|| TableRef {
            file: file.to_string(),
            heading: heading.text.clone(),
            line: heading.line,
        })
    }

    /// The table a link to a whole page means (`[Cart](cart-resources.md)`):
    /// the heading of that page that `text`, the link's paragraph, names
    /// as a word of its own (the longest, where several are).
    pub fn resolve_named(&mut self, target: &str, text: &str) -> Option<TableRef> {
        let file = target.trim_start_matches("./");
        if file.contains(['/', ':', '\\', '#']) || !file.ends_with(".md") {
            return None;
        }
        let page = self.page(file)?;
        let words: HashSet<&str> = text
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .collect();
        page.headings
            .iter()
            .filter(|h| words.contains(h.text.as_str()) && has_table(&page, &h.text))
            .max_by_key(|h| h.text.len())
            .map(|h| TableRef {
                file: file.to_string(),
                heading: h.text.clone(),
                line: h.line,
            })
    }

    /// The table of the model `name` (without case): under a heading of
    /// that name on the page `from`, else on a resource page of the folders.
    pub fn find(&mut self, from: &str, name: &str) -> Option<TableRef> {
        if let Some(page) = self.page(from)
            && let Some(h) = page
                .headings
                .iter()
                .find(|h| h.text.eq_ignore_ascii_case(name) && has_table(&page, &h.text))
        {
            return Some(TableRef {
                file: from.to_string(),
                heading: h.text.clone(),
                line: h.line,
            });
        }
        if self.index.is_none() {
            self.index = Some(self.read_index());
        }
        self.index
            .as_ref()?
            .get(&name.to_ascii_lowercase())
            .cloned()
    }

    /// Every heading with a table under it on the `*-resources.md` pages of
    /// the folders, the first folder first.
    fn read_index(&mut self) -> HashMap<String, TableRef> {
        let mut files: Vec<String> = Vec::new();
        for folder in self.folders.clone() {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            let mut names: Vec<String> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with("-resources.md") && !files.contains(n))
                .collect();
            names.sort();
            files.extend(names);
        }
        files.truncate(MAX_RESOURCE_PAGES);
        let mut index = HashMap::new();
        for file in files {
            let Some(page) = self.page(&file) else {
                continue;
            };
            let tabled: HashSet<&str> = page.tables.iter().map(|t| t.heading.as_str()).collect();
            for h in &page.headings {
                if tabled.contains(h.text.as_str()) {
                    index
                        .entry(h.text.to_ascii_lowercase())
                        .or_insert_with(|| TableRef {
                            file: file.clone(),
                            heading: h.text.clone(),
                            line: h.line,
                        });
                }
            }
        }
        index
    }
}

/// Whether a table stands under the heading `heading` (one look, for one
/// link: the index reads every heading with a set instead).
fn has_table(page: &Page, heading: &str) -> bool {
    page.tables.iter().any(|t| t.heading == heading)
}

/// A heading's anchor, as the published pages make it: lower case, spaces
/// as `-`, other punctuation left out.
pub(super) fn slug(heading: &str) -> String {
    heading
        .trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

/// The file name of a path, as the spec's `doc:` writes it.
pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_of_headings() {
        assert_eq!(slug("Billing profile"), "billing-profile");
        assert_eq!(slug("CustomerCompanyProfile"), "customercompanyprofile");
        assert_eq!(slug("C#"), "c");
    }

    #[test]
    fn links_resolve_to_tables_of_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let page = "## Customer\n\n| Property | Type | Description |\n|---|---|---|\n| id | string | The id. |\n\n## Notes\n\nNone.\n";
        std::fs::write(dir.path().join("customer-resources.md"), page).unwrap();
        let mut library = Library::new(vec![dir.path().to_path_buf()]);
        let found = library.resolve("x.md", "customer-resources.md#customer");
        assert_eq!(
            found.map(|t| (t.heading, t.line)),
            Some(("Customer".into(), 1))
        );
        assert_eq!(library.resolve("x.md", "customer-resources.md#notes"), None);
        assert_eq!(library.resolve("x.md", "customer-resources.md"), None);
        assert_eq!(library.resolve("x.md", "https://example.com/a.md#b"), None);
        assert_eq!(library.resolve("x.md", "missing.md#customer"), None);
        let named = library.resolve_named("customer-resources.md", "The Customer resource.");
        assert_eq!(named.map(|t| t.heading), Some("Customer".into()));
        assert_eq!(
            library.resolve_named("customer-resources.md", "A profile."),
            None
        );
        let bare = library.find("x.md", "customer").map(|t| t.file);
        assert_eq!(bare.as_deref(), Some("customer-resources.md"));
    }
}
