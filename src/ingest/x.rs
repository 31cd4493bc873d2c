//! X (Twitter) API v2 search or timeline responses: `data` (tweets) with `includes.users`
//! giving each author's handle and follower count. A post is the organisation's own when its
//! author is in `[org].social_handles`; incident-related when its text holds a keyword.
//! A response is recognised by its posts' `id` and `text`, which every request returns; one
//! requested without the fields and expansions debrief needs (the API's default is id and
//! text only) is named as X, with a note saying what to ask for.

use std::collections::BTreeMap;

use super::adapter::{Adapter, Reader, Zone};
use super::reader::{as_i64, as_text, Doc};
use super::rows;
use super::{Ctx, Reason};
use crate::tables::MentionRow;
use crate::text;

/// Keys that identify the format.
pub const SIGNATURE: &[&str] = &["data", "data.id", "data.text"];

/// The request parameters that give debrief what it reads (`tweet.fields=created_at,…`): the
/// catalogue key of the advice.
pub const REQUEST_ADVICE: &str = "in-advice-x-request";

/// The post fields (and the expansion) of [`REQUEST_ADVICE`] that no post of the response
/// carries.
fn lacking(root: &serde_json::Value) -> Vec<&'static str> {
    let Some(posts) = root
        .get("data")
        .and_then(|d| d.as_array())
        .filter(|p| !p.is_empty())
    else {
        return Vec::new();
    };
    let none_has = |k: &&str| posts.iter().all(|t| t.get(*k).is_none());
    let mut out: Vec<&str> = ["created_at", "author_id", "public_metrics"]
        .into_iter()
        .filter(none_has)
        .collect();
    if !out.contains(&"author_id") && root.pointer("/includes/users").is_none() {
        out.push("includes.users");
    }
    out
}

/// Reads one response page.
pub fn read(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<MentionRow>) -> Result<(), Reason> {
    let root = match doc {
        Doc::Json(root) => root,
        // An array is a document too (read an item at a time), but not a response page.
        Doc::Array(_) => return Err(Reason::new("in-json-neither")),
        Doc::Csv(_) | Doc::Ndjson(_) => return Err(Reason::new("in-expected-document")),
    };
    let mut users: BTreeMap<String, (String, Option<i64>)> = BTreeMap::new();
    if let Some(list) = root.pointer("/includes/users").and_then(|u| u.as_array()) {
        for u in list {
            if let (Some(id), Some(name)) = (as_text(u.get("id")), as_text(u.get("username"))) {
                users.insert(
                    id,
                    (name, as_i64(u.pointer("/public_metrics/followers_count"))),
                );
            }
        }
    }
    let lacks = lacking(root);
    if !lacks.is_empty() {
        let without = if lacks.contains(&"created_at") {
            "in-x-lacks-time"
        } else {
            "in-x-lacks-details"
        };
        let reason = Reason::new("in-x-lacks")
            .arg("fields", lacks.join(", "))
            .with("consequence", Reason::new(without))
            .with("advice", Reason::new(REQUEST_ADVICE));
        ctx.warn(None, reason);
    }
    let handles = ctx.config.own_handles();
    rows::json(doc.records(Some("data"))?, ctx, out, |v, ctx| {
        let row = (|| -> Result<MentionRow, Reason> {
            let id = as_text(v.get("id")).ok_or_else(|| Reason::missing("id"))?;
            let at = ctx.instant(
                "created_at",
                &as_text(v.get("created_at")).ok_or_else(|| Reason::missing("created_at"))?,
            )?;
            let body = as_text(v.get("text")).unwrap_or_default();
            let author_id = as_text(v.get("author_id"));
            let (author, followers) = match author_id.as_ref().and_then(|a| users.get(a)) {
                Some((name, f)) => (Some(name.clone()), *f),
                None => (author_id.map(|a| format!("id:{a}")), None),
            };
            let own = author
                .as_ref()
                .is_some_and(|a| handles.contains(&a.to_lowercase()));
            let m = |k: &str| as_i64(v.pointer(&format!("/public_metrics/{k}")));
            Ok(MentionRow {
                network: Some("x".into()),
                post_id: Some(id),
                at: Some(at),
                author,
                followers,
                incident: text::contains_keyword(&text::fold(&body), ctx.folded_keywords),
                text: Some(text::redact(&body)),
                likes: m("like_count"),
                reposts: m("retweet_count"),
                replies: m("reply_count"),
                quotes: m("quote_count"),
                impressions: m("impression_count"),
                sentiment: None,
                own,
                source: ctx.source(),
            })
        })();
        let r = row?;
        Ok((r.post_id.clone(), r))
    });
    Ok(())
}

/// `x-api-v2-json`: the API v2 search result.
pub const API_V2: Adapter = Adapter {
    name: "x-api-v2-json",
    zone: Zone::InFile,
    csv_signatures: &[],
    json_signatures: &[SIGNATURE],
    documented: &[
        "data.id",
        "data.text",
        "data.created_at",
        "data.author_id",
        "data.public_metrics",
        "data.edit_history_tweet_ids",
        "data.conversation_id",
        "data.lang",
        "includes",
        "includes.users",
        "meta",
        "meta.result_count",
        "meta.newest_id",
        "meta.oldest_id",
        "meta.next_token",
    ],
    advice: Some(REQUEST_ADVICE),
    mappable: false,
    reader: Reader::Mentions(read),
};
