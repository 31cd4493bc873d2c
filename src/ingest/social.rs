//! Social networks other than X's API: the X account archive (`tweets.js`), Mastodon statuses
//! and Bluesky post views. Each post becomes a mention; it is incident-related when its text
//! holds a keyword, and the organisation's own when its author is in `[org].social_handles`.
//!
//! An X archive is downloaded by the account's owner: every post in it is treated as the
//! organisation's own (its author is the first of `[org].social_handles`, or `archive`), and
//! it gives no follower counts.

use serde_json::Value;

use super::adapter::{Adapter, Reader, Zone};
use super::reader::{as_i64, as_text, Doc, Records};
use super::{Ctx, Reason};
use crate::tables::MentionRow;
use crate::text;

/// X archive: `[{"tweet": {...}}]` after the `window.YTD...` assignment.
pub const X_ARCHIVE_SIGNATURE: &[&str] = &["tweet", "tweet.full_text", "tweet.created_at"];
/// Mastodon: an array of Status.
pub const MASTODON_SIGNATURE: &[&str] =
    &["id", "content", "account", "account.acct", "reblogs_count"];
/// Bluesky: an array of post views, a search result's `posts`, or a feed's `feed[].post`.
pub const BLUESKY_SIGNATURES: &[&[&str]] = &[
    &["uri", "cid", "author", "record", "record.text"],
    &["posts", "posts.uri", "posts.record"],
    &["feed", "feed.post"],
];

/// What each network's parser extracts from a post.
struct Post {
    id: String,
    at: i64,
    author: Option<String>,
    followers: Option<i64>,
    body: String,
    likes: Option<i64>,
    reposts: Option<i64>,
    replies: Option<i64>,
    quotes: Option<i64>,
}

fn read_posts(
    network: &str,
    records: Records<'_>,
    ctx: &mut Ctx,
    out: &mut Vec<MentionRow>,
    own_always: bool,
    parse: impl Fn(&Value, &Ctx) -> Result<Post, Reason>,
) {
    let handles = ctx.config.own_handles();
    super::rows::json(records, ctx, out, |v, ctx| {
        let p = parse(v, ctx)?;
        let own = own_always
            || p.author
                .as_ref()
                .is_some_and(|a| handles.contains(&a.trim_start_matches('@').to_lowercase()));
        let row = MentionRow {
            network: Some(network.into()),
            post_id: Some(p.id.clone()),
            at: Some(p.at),
            author: p.author,
            followers: p.followers,
            incident: text::contains_keyword(&text::fold(&p.body), ctx.folded_keywords),
            text: Some(text::redact(&p.body)),
            likes: p.likes,
            reposts: p.reposts,
            replies: p.replies,
            quotes: p.quotes,
            impressions: None,
            sentiment: None,
            own,
            source: ctx.source(),
        };
        Ok((p.id, row))
    });
}

fn instant(v: Option<String>, field: &str, ctx: &Ctx) -> Result<i64, Reason> {
    let t = v.ok_or_else(|| Reason::missing(field))?;
    ctx.instant(field, &t)
}

/// Reads an X archive's tweets.js.
pub fn read_x_archive(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<MentionRow>) -> Result<(), Reason> {
    let owner = ctx
        .config
        .org
        .social_handles
        .first()
        .cloned()
        .unwrap_or_else(|| "archive".into());
    read_posts("x", doc.records(None)?, ctx, out, true, |v, _ctx| {
        let t = v.get("tweet").ok_or_else(|| Reason::missing("tweet"))?;
        let created = as_text(t.get("created_at")).ok_or_else(|| Reason::missing("created_at"))?;
        // The archive's legacy form: "Wed Oct 10 20:19:24 +0000 2018".
        let at = chrono::DateTime::parse_from_str(&created, "%a %b %d %H:%M:%S %z %Y")
            .map(|d| d.timestamp_millis())
            .map_err(|_| Reason::not_a("created_at", "in-not-a-date", &created))?;
        Ok(Post {
            id: as_text(t.get("id_str"))
                .or_else(|| as_text(t.get("id")))
                .ok_or_else(|| Reason::missing("id_str"))?,
            at,
            author: Some(owner.trim_start_matches('@').to_string()),
            followers: None,
            body: as_text(t.get("full_text"))
                .or_else(|| as_text(t.get("text")))
                .unwrap_or_default(),
            likes: as_i64(t.get("favorite_count")),
            reposts: as_i64(t.get("retweet_count")),
            replies: None,
            quotes: None,
        })
    });
    Ok(())
}

/// Reads Mastodon statuses (HTML content stripped to text; a boost carries the boosted text).
pub fn read_mastodon(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<MentionRow>) -> Result<(), Reason> {
    read_posts("mastodon", doc.records(None)?, ctx, out, false, |v, ctx| {
        let html = as_text(v.get("content"))
            .or_else(|| as_text(v.pointer("/reblog/content")))
            .unwrap_or_default();
        Ok(Post {
            id: as_text(v.get("uri"))
                .or_else(|| as_text(v.get("id")))
                .ok_or_else(|| Reason::missing("id"))?,
            at: instant(as_text(v.get("created_at")), "created_at", ctx)?,
            author: as_text(v.pointer("/account/acct")),
            followers: as_i64(v.pointer("/account/followers_count")),
            body: text::strip_html(&html),
            likes: as_i64(v.get("favourites_count")),
            reposts: as_i64(v.get("reblogs_count")),
            replies: as_i64(v.get("replies_count")),
            quotes: None,
        })
    });
    Ok(())
}

/// Reads Bluesky post views.
pub fn read_bluesky(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<MentionRow>) -> Result<(), Reason> {
    let records: Records = match doc {
        Doc::Json(root) if root.get("posts").is_some() => doc.records(Some("posts"))?,
        Doc::Json(root) if root.get("feed").is_some() => Box::new(
            doc.records(Some("feed"))?
                .map(|r| r.part(|v| v.get("post").ok_or_else(|| Reason::new("in-feed-no-post")))),
        ),
        _ => doc.records(None)?,
    };
    read_posts("bluesky", records, ctx, out, false, |v, ctx| {
        Ok(Post {
            id: as_text(v.get("uri")).ok_or_else(|| Reason::missing("uri"))?,
            at: instant(
                as_text(v.pointer("/record/createdAt")).or_else(|| as_text(v.get("indexedAt"))),
                "record.createdAt",
                ctx,
            )?,
            author: as_text(v.pointer("/author/handle")),
            followers: as_i64(v.pointer("/author/followersCount")),
            body: as_text(v.pointer("/record/text")).unwrap_or_default(),
            likes: as_i64(v.get("likeCount")),
            reposts: as_i64(v.get("repostCount")),
            replies: as_i64(v.get("replyCount")),
            quotes: as_i64(v.get("quoteCount")),
        })
    });
    Ok(())
}

/// `x-archive-js`: the X account archive.
pub const X_ARCHIVE: Adapter = Adapter {
    name: "x-archive-js",
    zone: Zone::InFile,
    csv_signatures: &[],
    json_signatures: &[X_ARCHIVE_SIGNATURE],
    documented: &[
        "tweet.id_str",
        "tweet.full_text",
        "tweet.created_at",
        "tweet.favorite_count",
        "tweet.retweet_count",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Mentions(read_x_archive),
};

/// `mastodon-statuses-json`: mastodon statuses.
pub const MASTODON: Adapter = Adapter {
    name: "mastodon-statuses-json",
    zone: Zone::InFile,
    csv_signatures: &[],
    json_signatures: &[MASTODON_SIGNATURE],
    documented: &[
        "id",
        "uri",
        "url",
        "created_at",
        "account",
        "account.acct",
        "account.username",
        "account.followers_count",
        "content",
        "language",
        "visibility",
        "replies_count",
        "reblogs_count",
        "favourites_count",
        "reblog",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Mentions(read_mastodon),
};

/// `bluesky-posts-json`: bluesky post views.
pub const BLUESKY: Adapter = Adapter {
    name: "bluesky-posts-json",
    zone: Zone::InFile,
    csv_signatures: &[],
    json_signatures: BLUESKY_SIGNATURES,
    documented: &[
        "uri",
        "cid",
        "author",
        "author.handle",
        "author.did",
        "record",
        "record.text",
        "record.createdAt",
        "replyCount",
        "repostCount",
        "likeCount",
        "quoteCount",
        "indexedAt",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Mentions(read_bluesky),
};
