//! A resource page's statement of its rate limit: "The **Customer** resource
//! has a rate limit of 500 requests per minute per tenant identifier." The
//! documents check compares it with the model's `rate_limit`, and the
//! importer drafts that from it.

use super::Page;
use crate::model::{RateLimit, Span};

/// A rate limit as a page states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatedLimit {
    pub line: usize,
    /// The resource it names: `Customer`.
    pub resource: String,
    /// The limit, or the words of the sentence that do not read as one.
    pub limit: Result<RateLimit, String>,
}

const HAS: &str = " resource has a rate limit of ";

/// Every rate limit the page states, in page order.
pub fn rate_limits(page: &Page) -> Vec<StatedLimit> {
    page.paragraphs
        .iter()
        .filter_map(|p| {
            let (before, after) = p.text.split_once(HAS)?;
            let resource = before.rsplit_once("The ").map_or(before, |(_, r)| r);
            let sentence = after.split_once('.').map_or(after, |(s, _)| s);
            Some(StatedLimit {
                // The paragraph's: a note's `[!NOTE]` line.
                line: p.line,
                resource: resource.trim().to_string(),
                limit: read(sentence.trim()).ok_or_else(|| sentence.trim().to_string()),
            })
        })
        .collect()
}

/// `500 requests per minute per tenant identifier`.
fn read(words: &str) -> Option<RateLimit> {
    let (requests, rest) = words.split_once(" requests per ")?;
    let (span, scope) = rest.split_once(" per ")?;
    let per = match span {
        "second" => Span::Second,
        "minute" => Span::Minute,
        "hour" => Span::Hour,
        "day" => Span::Day,
        _ => return None,
    };
    Some(RateLimit {
        requests: requests.parse().ok()?,
        per,
        scope: scope.to_string(),
    })
}

/// The sentence a page writes for `limit` of `resource` (without the bold
/// some pages put on the name).
pub fn sentence(resource: &str, limit: &RateLimit) -> String {
    format!(
        "The {resource}{HAS}{} requests per {} per {}.",
        limit.requests,
        limit.per.word(),
        limit.scope
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docs::Page;

    fn page(text: &str) -> Page {
        Page::parse(text)
    }

    #[test]
    fn a_quoted_sentence_with_a_bold_name_is_read() {
        let p = page(
            "# Customers\n\n>[!NOTE]\n>The **Customer** resource has a rate limit of 500 requests per minute per tenant identifier.\n",
        );
        let stated = rate_limits(&p);
        let expected = RateLimit {
            requests: 500,
            per: Span::Minute,
            scope: "tenant identifier".into(),
        };
        assert_eq!(
            stated,
            [StatedLimit {
                line: 3,
                resource: "Customer".into(),
                limit: Ok(expected.clone()),
            }]
        );
        assert_eq!(
            sentence("Customer", &expected),
            "The Customer resource has a rate limit of 500 requests per minute per tenant identifier."
        );
    }

    #[test]
    fn words_that_are_no_limit_are_kept_as_written() {
        let p = page("The Order resource has a rate limit of many requests per fortnight.\n");
        let stated = rate_limits(&p);
        assert_eq!(stated.len(), 1);
        assert_eq!(stated[0].resource, "Order");
        assert_eq!(stated[0].limit, Err("many requests per fortnight".into()));
    }
}
