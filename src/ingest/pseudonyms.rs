//! Pseudonyms for the people behind social posts (metrics.md, `[privacy] show_authors`).
//!
//! Unless `show_authors = true`, the canonical `mentions` table never holds the name of an
//! account that is not the organisation's (`[org].social_handles`): every output, the user's
//! queries over `mentions` included, is built from that table. Done once, after every file is
//! read (and deduplicated), so that the numbering covers all files:
//!
//! - `author` of a post by a non-organisation account becomes `author N`, numbered in order of
//!   first appearance by time, then post id (then network); the same author keeps one number
//!   across posts and files (compared as written, so that the figures that count authors, such
//!   as unique reach, are the same with names or pseudonyms);
//! - `post_id` of such a post becomes `post N` in the same order: an X id resolves to its
//!   author, and a listening tool's post URL or a Mastodon URI spells the author's handle;
//! - an `@handle` in any post's text (a reply, `RT @handle:`) that is not the organisation's
//!   becomes `@author N`: the number of the first author of that handle (compared
//!   case-insensitively, as the networks do) when that account wrote a post here, else the
//!   next number, in order of first appearance.
//!
//! Organisation accounts keep their names and post ids, so `reach.own_posts` stays readable.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::{Captures, Regex};

use crate::tables::MentionRow;

fn handle_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Infallible: a constant pattern, covered by the tests below. An `@` at the start or after a
    // character that cannot be part of a name or address, then a handle: letters, digits, `_`,
    // and inner `.` or `-` (Bluesky's `name.bsky.social`), not ending on a dot.
    RE.get_or_init(|| Regex::new(r"(^|[^\w@])@(\w(?:[\w.\-]*\w)?)").expect("valid regex"))
}

/// Replaces non-organisation authors, their post ids and `@handles` in texts by pseudonyms.
/// `own_handles` are lower-cased, without `@` ([`crate::config::Config::own_handles`]).
pub fn apply(rows: &mut [MentionRow], own_handles: &[String]) {
    // Order of first appearance: time, post id, network; the row's index keeps it total.
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |i: usize| (rows[i].at, &rows[i].post_id, &rows[i].network, i);
        key(a).cmp(&key(b))
    });
    let mut authors: BTreeMap<String, usize> = BTreeMap::new();
    // Every number given, by lower-cased handle (the first author of a handle wins).
    let mut handles: BTreeMap<String, usize> = BTreeMap::new();
    let mut posts: BTreeMap<(Option<String>, String), usize> = BTreeMap::new();
    for &i in &order {
        let r = &rows[i];
        if r.own {
            continue;
        }
        if let Some(a) = &r.author {
            let n = authors.len() + 1;
            let n = *authors.entry(a.clone()).or_insert(n);
            handles.entry(key(a)).or_insert(n);
        }
        if let Some(p) = &r.post_id {
            let n = posts.len() + 1;
            posts.entry((r.network.clone(), p.clone())).or_insert(n);
        }
    }
    let mut next = authors.len() + 1;
    for &i in &order {
        if let Some(t) = rows[i].text.take() {
            rows[i].text = Some(replace_handles(&t, own_handles, &mut handles, &mut next));
        }
    }
    for r in rows.iter_mut().filter(|r| !r.own) {
        if let Some(a) = r.author.take() {
            r.author = authors.get(&a).map(|n| format!("author {n}"));
        }
        if let Some(p) = r.post_id.take() {
            r.post_id = posts
                .get(&(r.network.clone(), p))
                .map(|n| format!("post {n}"));
        }
    }
}

/// The identity of an account: its handle without `@`, lower-cased.
fn key(author: &str) -> String {
    author.trim().trim_start_matches('@').to_lowercase()
}

/// `@handle`s of `text` as `@author N`; a handle without a number takes `next`.
fn replace_handles(
    text: &str,
    own: &[String],
    handles: &mut BTreeMap<String, usize>,
    next: &mut usize,
) -> String {
    handle_re()
        .replace_all(text, |c: &Captures| {
            let handle = key(&c[2]);
            if own.contains(&handle) {
                return c[0].to_string();
            }
            let n = *handles.entry(handle).or_insert_with(|| {
                *next += 1;
                *next - 1
            });
            format!("{}@author {n}", &c[1])
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(id: &str, at: i64, author: &str, text: &str, own: bool) -> MentionRow {
        MentionRow {
            network: Some("x".into()),
            post_id: Some(id.into()),
            at: Some(at),
            author: Some(author.into()),
            text: Some(text.into()),
            own,
            ..Default::default()
        }
    }

    #[test]
    fn numbers_follow_time_then_post_id() {
        // File order is not time order: bob posts first (t=1), then carol and alice at t=2
        // (post ids "7" < "8" decide), then "Bob", another author as written (a listening
        // tool may spell one account two ways; counted apart, as with names).
        let mut rows = vec![
            post(
                "8",
                2,
                "alice",
                "hi @Team @carol and @dave.bsky.social.",
                false,
            ),
            post("5", 1, "bob", "RT @erin: black screen", false),
            post("7", 2, "carol", "same", false),
            post("9", 3, "Bob", "@ALICE me too (mail [e-mail])", false),
            post("6", 4, "team", "@bob we are on it", true),
        ];
        apply(&mut rows, &["team".into()]);
        let got: Vec<(Option<&str>, Option<&str>, Option<&str>)> = rows
            .iter()
            .map(|r| (r.author.as_deref(), r.post_id.as_deref(), r.text.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                // Authors: bob 1, carol 2, alice 3, Bob 4; handles only in texts follow: erin
                // 5 (bob's post comes first), dave.bsky.social 6. A handle in a text is the
                // first author of that handle in any case: @ALICE 3, @bob 1.
                (
                    Some("author 3"),
                    Some("post 3"),
                    Some("hi @Team @author 2 and @author 6.")
                ),
                (
                    Some("author 1"),
                    Some("post 1"),
                    Some("RT @author 5: black screen")
                ),
                (Some("author 2"), Some("post 2"), Some("same")),
                (
                    Some("author 4"),
                    Some("post 4"),
                    Some("@author 3 me too (mail [e-mail])")
                ),
                // The organisation keeps its name and post id.
                (Some("team"), Some("6"), Some("@author 1 we are on it")),
            ]
        );
    }

    #[test]
    fn an_address_is_not_a_handle() {
        let (mut handles, mut next) = (BTreeMap::new(), 1);
        assert_eq!(
            replace_handles("a@b and x @y, @y", &[], &mut handles, &mut next),
            "a@b and x @author 1, @author 1"
        );
        assert_eq!(next, 2);
    }
}
