//! `lessons.md`: free Markdown from the debrief meeting, rendered with raw HTML disabled (any
//! HTML in it is shown as text), and its action items `- [ ] text (owner, due YYYY-MM-DD)`.

use std::sync::OnceLock;

use pulldown_cmark::{html, Event, Options, Parser};
use regex::Regex;
use serde::Serialize;

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
            text: c[1].trim().to_string(),
            owner: c[2].trim().to_string(),
            due: c[3].to_string(),
        })
        .collect()
}

/// Markdown to HTML with raw HTML turned into escaped text.
pub fn to_html(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH,
    )
    .map(|ev| match ev {
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        other => other,
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
}
