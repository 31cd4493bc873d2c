//! `lessons.md`: free Markdown from the debrief meeting, rendered with raw HTML disabled (any
//! HTML in it is shown as text), and its action items `- [ ] text (owner, due YYYY-MM-DD)`.
//! A link keeps its target only when it is a web page (`http:`, `https:`) or a place in the
//! page (`#...`); any other (`javascript:`, `data:`, `mailto:`, a local file) is shown as its
//! text. An image is shown as its description unless it is embedded (`data:image/...`), since
//! the report loads nothing. E-mail addresses and phone numbers are redacted as everywhere.

use std::sync::OnceLock;

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};
use regex::Regex;
use serde::Serialize;

use crate::text::redact;

/// One action item.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Action {
    pub text: String,
    pub owner: String,
    pub due: String,
}

fn action_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Infallible: a constant pattern, covered by the tests below.
    RE.get_or_init(|| {
        Regex::new(r"^\s*[-*] \[ \] (.+?) \(([^,()]+), due (\d{4}-\d{2}-\d{2})\)\s*$")
            .expect("valid regex")
    })
}

/// The action items of the file, in order.
pub fn actions(markdown: &str) -> Vec<Action> {
    markdown
        .lines()
        .filter_map(|l| action_re().captures(l))
        .map(|c| Action {
            text: redact(c[1].trim()),
            owner: redact(c[2].trim()),
            due: c[3].to_string(),
        })
        .collect()
}

/// Whether a link may keep its target: a web page or a place in the page.
fn safe_link(url: &str) -> bool {
    let u = url.trim_start().to_ascii_lowercase();
    u.starts_with("https://") || u.starts_with("http://") || u.starts_with('#')
}

/// Whether an image may be shown: embedded raster data, which loads nothing and runs nothing.
fn safe_image(url: &str) -> bool {
    let u = url.trim_start().to_ascii_lowercase();
    ["png", "jpeg", "gif", "webp"]
        .iter()
        .any(|k| u.starts_with(&format!("data:image/{k};")))
}

fn redacted(s: CowStr<'_>) -> CowStr<'_> {
    CowStr::from(redact(&s))
}

/// Markdown to HTML with raw HTML turned into escaped text, unsafe links and images turned
/// into their text, and contact details redacted.
pub fn to_html(markdown: &str) -> String {
    // For each open link or image: whether its tags are kept (their ends must match).
    let mut open: Vec<bool> = Vec::new();
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH,
    )
    .filter_map(|ev| match ev {
        Event::Html(t) | Event::InlineHtml(t) => Some(Event::Text(redacted(t))),
        Event::Text(t) => Some(Event::Text(redacted(t))),
        Event::Code(t) => Some(Event::Code(redacted(t))),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let keep = safe_link(&dest_url);
            open.push(keep);
            keep.then(|| {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: redacted(dest_url),
                    title: redacted(title),
                    id,
                })
            })
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let keep = safe_image(&dest_url);
            open.push(keep);
            keep.then(|| {
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title: redacted(title),
                    id,
                })
            })
        }
        Event::End(end @ (TagEnd::Link | TagEnd::Image)) => {
            open.pop().unwrap_or(false).then_some(Event::End(end))
        }
        other => Some(other),
    });
    let mut out = String::new();
    html::push_html(&mut out, parser);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_items_are_parsed() {
        let md = "# Lessons\n- [ ] Pre-write the backup-link e-mail (Claire, due 2021-09-01)\n- [x] done (A, due 2020-01-01)\n- [ ] no owner\n";
        assert_eq!(
            actions(md),
            vec![Action {
                text: "Pre-write the backup-link e-mail".into(),
                owner: "Claire".into(),
                due: "2021-09-01".into()
            }]
        );
    }

    #[test]
    fn raw_html_is_escaped() {
        let h =
            to_html("Hello <script>alert(1)</script> **bold**\n\n<img src=x onerror=alert(1)>\n");
        assert!(!h.contains("<script>") && !h.contains("<img"), "{h}");
        assert!(
            h.contains("&lt;script&gt;") && h.contains("<strong>bold</strong>"),
            "{h}"
        );
    }

    #[test]
    fn only_web_links_and_embedded_images_survive() {
        let h = to_html(
            "[ok](https://example.org/a) [bad](javascript:alert(1)) <javascript:alert(2)> \
             [data](data:text/html,x) [mail](mailto:ann@example.org) [up](#summary)\n\n\
             ![chart](http://evil.example/t.png) ![dot](data:image/png;base64,iVBORw0KGgo=)\n",
        );
        assert!(
            h.contains(r#"<a href="https://example.org/a">ok</a>"#),
            "{h}"
        );
        assert!(h.contains(r##"<a href="#summary">up</a>"##), "{h}");
        for gone in [
            "href=\"javascript",
            "data:text",
            "mailto:",
            "ann@",
            "evil.example",
        ] {
            assert!(!h.contains(gone), "{gone} in {h}");
        }
        // An autolink to a script is left as plain text.
        assert!(h.contains(" javascript:alert(2) "), "{h}");
        // The dropped links keep their text; the remote image its description.
        assert!(
            h.contains(" bad ") && h.contains(" mail ") && h.contains("chart"),
            "{h}"
        );
        assert!(
            h.contains(r#"<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot" />"#),
            "{h}"
        );
    }

    #[test]
    fn contact_details_are_redacted() {
        let md = "Call Claire on 06 12 34 56 78 or `claire@example.org`\n- [ ] Fix it (claire@example.org, due 2021-01-01)\n";
        let h = to_html(md);
        assert!(!h.contains("56 78") && !h.contains("claire@"), "{h}");
        assert!(
            h.contains("[phone]") && h.contains("<code>[e-mail]</code>"),
            "{h}"
        );
        assert_eq!(actions(md)[0].owner, "[e-mail]");
    }
}
