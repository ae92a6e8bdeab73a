//! Each cloud's token authority and resource (`clouds[..].authority`,
//! `clouds[..].token_resource`), as a page states them: in prose (`The token
//! authority for <cloud> ... is: <url>`), which names its cloud, or in the
//! fenced code of its token requests (`POST <authority>/<tenant>/oauth2/token`,
//! an `...authority=<url>` setting, a `resource=` form field, the `"resource"`
//! of the answer), which the spec attributes to the cloud that cites the page.

use super::PageCx;
use crate::docs::{Page, query_pairs};
use crate::model::{Api, Cloud, CloudFact};

/// A URL a page shows, and the line it is on.
type Shown = (usize, String);

pub(super) fn compare(cx: &mut PageCx<'_>, api: &Api) {
    let page = cx.page;
    let mut stated: Vec<&str> = Vec::new();
    for (line, cloud, url) in prose_authorities(page, api) {
        stated.push(&cloud.id);
        let place = cx.in_text(format!("clouds[{}].authority", cloud.id), Some(line));
        match &cloud.authority {
            Some(ours) if ours.url == url => {}
            Some(ours) => place.different(&ours.at, ours.url.clone(), url),
            None => place.only_in_documents(url),
        }
    }
    let (authorities, resources) = code_facts(page);
    let file = cx.file.clone();
    for cloud in &api.clouds {
        let cited = |fact: &Option<CloudFact>| fact.clone().filter(|f| f.doc == file);
        if let Some(ours) = cited(&cloud.authority)
            && !stated.contains(&cloud.id.as_str())
        {
            let element = format!("clouds[{}].authority", cloud.id);
            shown_in_code(cx, element, &ours, &authorities);
        }
        if let Some(ours) = cited(&cloud.token_resource) {
            let element = format!("clouds[{}].token_resource", cloud.id);
            shown_in_code(cx, element, &ours, &resources);
        }
    }
}

/// A fact the spec cites this page for must be among the URLs its code
/// shows: else it differs from the first of them, or the page has none.
fn shown_in_code(cx: &mut PageCx<'_>, element: String, ours: &CloudFact, shown: &[Shown]) {
    if shown.iter().any(|(_, url)| *url == ours.url) {
        return;
    }
    match shown.first() {
        Some((line, url)) => cx.in_code_block(element, Some(*line)).different(
            &ours.at,
            ours.url.clone(),
            url.clone(),
        ),
        None => cx
            .in_code_block(element, None)
            .only_in_spec(&ours.at, ours.url.clone()),
    }
}

/// `The token authority for <cloud name> ...: <url>` in the page's prose:
/// the cloud whose name is the longest that follows, and the URL after it,
/// at the line where the paragraph starts (a note's `>[!NOTE]`).
fn prose_authorities<'a>(page: &Page, api: &'a Api) -> Vec<(usize, &'a Cloud, String)> {
    const LEAD: &str = "token authority for ";
    let mut found = Vec::new();
    for p in &page.paragraphs {
        let Some(start) = p.text.to_ascii_lowercase().find(LEAD) else {
            continue;
        };
        let rest = &p.text[start + LEAD.len()..];
        let cloud = api
            .clouds
            .iter()
            .filter(|c| rest.starts_with(c.name.as_str()))
            .max_by_key(|c| c.name.len());
        let url = rest.find("https://").map(|at| url_at(&rest[at..]));
        if let (Some(cloud), Some(url)) = (cloud, url) {
            found.push((p.line, cloud, url));
        }
    }
    found
}

/// The authorities and the resources the page's fenced code shows.
fn code_facts(page: &Page) -> (Vec<Shown>, Vec<Shown>) {
    let (mut authorities, mut resources) = (Vec::new(), Vec::new());
    for block in &page.code_blocks {
        for (n, text) in block.text.lines().enumerate() {
            let line = block.line + 1 + n;
            let text = text.trim();
            if let Some(url) = token_request(text) {
                authorities.push((line, url));
            }
            if let Some((key, value)) = text.split_once('=')
                && key.ends_with("authority")
                && value.starts_with("https://")
            {
                authorities.push((line, url_at(value)));
            }
            if text.contains("grant_type=") {
                let pairs = query_pairs(text);
                let resource = pairs.iter().find(|(k, _)| k.trim() == "resource");
                if let Some((_, value)) = resource {
                    resources.push((line, url_at(value.trim())));
                }
            }
            let mut json = text;
            while let Some(at) = json.find("\"resource\":\"") {
                json = &json[at + "\"resource\":\"".len()..];
                let value = json.split('"').next().unwrap_or_default();
                resources.push((line, url_at(value)));
            }
        }
    }
    (authorities, resources)
}

/// `POST https://<host>/<tenant>/oauth2/token`: the authority `https://<host>`.
fn token_request(line: &str) -> Option<String> {
    let mut words = line.split_whitespace();
    let (method, target) = (words.next()?, words.next()?);
    let path_end = ["/oauth2/token", "/oauth2/v2.0/token"];
    if method != "POST" || !path_end.iter().any(|end| target.ends_with(end)) {
        return None;
    }
    let rest = target.strip_prefix("https://")?;
    let host = rest.split('/').next()?;
    Some(format!("https://{host}"))
}

/// The URL at the start of `text`: up to white space, without the
/// punctuation of the sentence around it or a final `/`.
fn url_at(text: &str) -> String {
    let url = text.split_whitespace().next().unwrap_or_default();
    let url = url.trim_end_matches(['.', ',', ';', ')', '`', '"']);
    url.trim_end_matches('/').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_read_without_the_sentence_around_them() {
        assert_eq!(
            url_at("https://login.microsoftonline.de."),
            "https://login.microsoftonline.de"
        );
        assert_eq!(url_at("https://a.example/ and more"), "https://a.example");
        assert_eq!(
            token_request(
                "POST https://login.microsoftonline.com/{tenantId}/oauth2/token HTTP/1.1"
            ),
            Some("https://login.microsoftonline.com".into())
        );
        assert_eq!(
            token_request("GET https://a.example/x/oauth2/token HTTP/1.1"),
            None
        );
        assert_eq!(
            token_request("POST https://a.example/v1/customers HTTP/1.1"),
            None
        );
    }
}
