//! The markdown reader: one pass of pulldown-cmark over a page, keeping what
//! the spec is compared with, each piece with its line.

use std::path::{Path, PathBuf};

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// A document, reduced to the parts the spec speaks of.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub path: PathBuf,
    /// The YAML front matter, as written, without its `---` fences.
    pub front_matter: Option<String>,
    pub headings: Vec<Heading>,
    pub tables: Vec<Table>,
    pub code_blocks: Vec<CodeBlock>,
    /// Paragraphs and list items, as plain text.
    pub paragraphs: Vec<Paragraph>,
}

/// A paragraph or a list item: its text with markup removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub line: usize,
    pub text: String,
    /// Whether it is an item of a list.
    pub in_list: bool,
    /// The targets of its links, in order (`customer-resources.md#customer`).
    pub links: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub line: usize,
}

/// A table: its header row and body rows, as plain cell text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Line of the header row.
    pub line: usize,
    /// Text of the nearest heading above the table.
    pub heading: String,
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    /// Cell text with markup removed; `<br>` becomes a newline.
    pub cells: Vec<String>,
    /// The targets of the links in the row's cells, in order.
    pub links: Vec<String>,
}

/// A fenced or indented code block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeBlock {
    /// Line of the opening fence.
    pub line: usize,
    /// Text of the nearest heading above the block.
    pub heading: String,
    /// The info string (`http`, `json`, ...), empty when there is none.
    pub info: String,
    pub text: String,
}

impl Page {
    /// Reads and parses the page at `path`.
    pub fn read(path: &Path) -> std::io::Result<Page> {
        let text = std::fs::read_to_string(path)?;
        let mut page = Page::parse(&text);
        page.path = path.to_path_buf();
        Ok(page)
    }

    /// Parses markdown text.
    pub fn parse(text: &str) -> Page {
        let lines = LineIndex::new(text);
        let options = Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
        let mut page = Page::default();
        let mut heading = String::new();
        // What the events in flight belong to.
        let mut buf = String::new();
        let mut cells: Vec<String> = Vec::new();
        let mut links: Vec<String> = Vec::new();
        let mut row_line = 0;
        let mut block_line = 0;
        let mut info = String::new();
        let mut in_cell = false;
        let mut in_code = false;
        let mut in_heading = false;
        let mut in_meta = false;
        // Paragraphs and list items being read, innermost last.
        let mut texts: Vec<Paragraph> = Vec::new();

        for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
            match event {
                Event::Start(Tag::MetadataBlock(_)) => {
                    in_meta = true;
                    buf.clear();
                }
                Event::End(TagEnd::MetadataBlock(_)) => {
                    in_meta = false;
                    page.front_matter = Some(std::mem::take(&mut buf));
                }
                Event::Start(Tag::Heading { .. }) => {
                    in_heading = true;
                    buf.clear();
                    block_line = lines.line(range.start);
                }
                Event::End(TagEnd::Heading(level)) => {
                    in_heading = false;
                    heading = buf.trim().to_string();
                    page.headings.push(Heading {
                        level: level as u8,
                        text: heading.clone(),
                        line: block_line,
                    });
                }
                Event::Start(Tag::Table(_)) => page.tables.push(Table {
                    line: lines.line(range.start),
                    heading: heading.clone(),
                    header: Vec::new(),
                    rows: Vec::new(),
                }),
                Event::Start(Tag::TableHead | Tag::TableRow) => {
                    cells.clear();
                    links.clear();
                    row_line = lines.line(range.start);
                }
                Event::End(TagEnd::TableHead) => {
                    if let Some(t) = page.tables.last_mut() {
                        t.header = std::mem::take(&mut cells);
                    }
                }
                Event::End(TagEnd::TableRow) => {
                    if let Some(t) = page.tables.last_mut() {
                        t.rows.push(Row {
                            line: row_line,
                            cells: std::mem::take(&mut cells),
                            links: std::mem::take(&mut links),
                        });
                    }
                }
                Event::Start(Tag::TableCell) => {
                    in_cell = true;
                    buf.clear();
                }
                Event::End(TagEnd::TableCell) => {
                    in_cell = false;
                    let cell: Vec<&str> = buf.split('\n').map(str::trim).collect();
                    cells.push(cell.join("\n").trim().to_string());
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    in_code = true;
                    buf.clear();
                    block_line = lines.line(range.start);
                    info = match kind {
                        CodeBlockKind::Fenced(i) => i.trim().to_string(),
                        CodeBlockKind::Indented => String::new(),
                    };
                }
                Event::End(TagEnd::CodeBlock) => {
                    in_code = false;
                    page.code_blocks.push(CodeBlock {
                        line: block_line,
                        heading: heading.clone(),
                        info: std::mem::take(&mut info),
                        text: std::mem::take(&mut buf),
                    });
                }
                Event::Start(Tag::Paragraph) if !texts.last().is_some_and(|t| t.in_list) => {
                    texts.push(Paragraph::open(lines.line(range.start), false))
                }
                Event::Start(Tag::Item) => {
                    texts.push(Paragraph::open(lines.line(range.start), true))
                }
                Event::End(TagEnd::Paragraph) if !texts.last().is_some_and(|t| t.in_list) => {
                    close(&mut texts, &mut page.paragraphs)
                }
                Event::End(TagEnd::Item) => close(&mut texts, &mut page.paragraphs),
                Event::Start(Tag::List(_)) => {
                    // A nested list ends the text of the item that holds it.
                    if let Some(t) = texts
                        .last_mut()
                        .filter(|t| t.in_list && !t.text.trim().is_empty())
                    {
                        page.paragraphs.push(Paragraph {
                            line: t.line,
                            text: std::mem::take(&mut t.text).trim().to_string(),
                            in_list: true,
                            links: std::mem::take(&mut t.links),
                        });
                    }
                }
                Event::Start(Tag::Link { dest_url, .. }) if in_cell => {
                    links.push(dest_url.to_string())
                }
                Event::Start(Tag::Link { dest_url, .. }) => {
                    if let Some(last) = texts.last_mut() {
                        last.links.push(dest_url.to_string())
                    }
                }
                Event::Text(t) | Event::Code(t) if in_cell || in_code || in_heading || in_meta => {
                    buf.push_str(&t)
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some(last) = texts.last_mut() {
                        last.text.push_str(&t)
                    }
                }
                Event::SoftBreak | Event::HardBreak if in_cell || in_heading => buf.push(' '),
                Event::SoftBreak | Event::HardBreak => {
                    if let Some(last) = texts.last_mut() {
                        last.text.push(' ')
                    }
                }
                Event::InlineHtml(h) | Event::Html(h) if in_cell && is_line_break(&h) => {
                    buf.push('\n')
                }
                _ => {}
            }
        }
        page
    }

    /// The tables under the heading `heading` (compared without case).
    pub fn tables_under<'a>(&'a self, heading: &'a str) -> impl Iterator<Item = &'a Table> + 'a {
        self.tables
            .iter()
            .filter(move |t| t.heading.eq_ignore_ascii_case(heading))
    }

    /// The `key: value` of the front matter, if any (a flat YAML mapping).
    pub fn front_matter_value(&self, key: &str) -> Option<&str> {
        self.front_matter.as_deref()?.lines().find_map(|line| {
            let value = line.strip_prefix(key)?.strip_prefix(':')?;
            Some(value.trim().trim_matches('"'))
        })
    }
}

impl Paragraph {
    /// A paragraph or list item starting at `line`, its text still to come.
    fn open(line: usize, in_list: bool) -> Paragraph {
        Paragraph {
            line,
            text: String::new(),
            in_list,
            links: Vec::new(),
        }
    }
}

/// Ends the innermost paragraph or item; an empty one is dropped.
fn close(texts: &mut Vec<Paragraph>, out: &mut Vec<Paragraph>) {
    if let Some(mut p) = texts.pop() {
        let text = p.text.trim();
        if !text.is_empty() {
            p.text = text.to_string();
            out.push(p);
        }
    }
}

fn is_line_break(html: &str) -> bool {
    let tag: String = html
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '/')
        .collect::<String>()
        .to_ascii_lowercase();
    tag == "<br>"
}

/// Byte offset to 1-based line.
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex(starts)
    }

    fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_paragraphs_and_list_items() {
        let text =
            "**Applies to**: A | B\n\nS'applique à :\n\n* Un\n* Deux\n  continued [x](x.md#y)\n";
        let page = Page::parse(text);
        let got: Vec<_> = page
            .paragraphs
            .iter()
            .map(|p| (p.line, p.text.as_str(), p.in_list))
            .collect();
        assert_eq!(
            got,
            [
                (1, "Applies to: A | B", false),
                (3, "S'applique à :", false),
                (5, "Un", true),
                (6, "Deux continued x", true)
            ]
        );
        assert_eq!(page.paragraphs[3].links, ["x.md#y"]);
        assert!(page.paragraphs[0].links.is_empty());
    }

    #[test]
    fn reads_front_matter_tables_and_code_with_lines() {
        let text = "---\ntitle: T\nms.contentlocale: fr-FR\n---\n\n# Top\n\n## Things\n\n| A | B |\n|---|---|\n| `x` | one</br>two |\n\n```http\nGET / HTTP/1.1\n```\n";
        let page = Page::parse(text);
        assert_eq!(page.front_matter_value("ms.contentlocale"), Some("fr-FR"));
        assert_eq!(page.headings.len(), 2);
        assert_eq!(page.headings[1].line, 8);
        let table = &page.tables[0];
        assert_eq!((table.line, table.heading.as_str()), (10, "Things"));
        assert_eq!(table.header, ["A", "B"]);
        assert_eq!(table.rows[0].cells, ["x", "one\ntwo"]);
        assert!(table.rows[0].links.is_empty());
        let linked = Page::parse("| A |\n|---|\n| [Customer](customer-resources.md) |\n");
        assert_eq!(linked.tables[0].rows[0].links, ["customer-resources.md"]);
        assert_eq!(table.rows[0].line, 12);
        assert_eq!(page.paragraphs.len(), 0);
        let code = &page.code_blocks[0];
        assert_eq!((code.line, code.info.as_str()), (14, "http"));
        assert_eq!(code.text, "GET / HTTP/1.1\n");
    }
}
