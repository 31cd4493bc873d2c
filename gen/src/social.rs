//! X (Twitter) API v2 search response: mentions of #SSF2020 over the afternoon, the Orange
//! subscribers' black-screen posts from 14:14 UTC (the first public signal), and the
//! organisation's own posts. Tweet ids are real snowflakes of their created_at; the response
//! lists newest first, as the API does.

use crate::out::{object, Out};
use crate::rng::Rng;
use crate::text::{
    ascii_slug, has_keyword, BEFORE_POSTS, DURING_POSTS, INCIDENT_POSTS, INCIDENT_REPLIES,
    OWN_INCIDENT, OWN_WELCOME, RECOVERY_POSTS,
};
use crate::time::{at, push_utc_ms};
use std::path::Path;

const TAG_SOCIAL: u64 = 0x534F_4349;
const TWITTER_EPOCH_MS: i64 = 1_288_834_974_657;
/// The organisation's handle.
pub const OWN_HANDLE: &str = "ssf_officiel";
/// The instant of the first incident post (unix s).
pub const FIRST_INCIDENT_POST: i64 = at(14, 14, 0);
/// The organisation's incident post (unix s).
pub const OWN_INCIDENT_AT: i64 = at(14, 50, 30);

#[derive(Debug, Clone)]
struct Author {
    id: String,
    username: String,
    name: String,
    followers: u64,
    following: u64,
    tweets: u64,
    listed: u64,
}

#[derive(Debug, Clone)]
struct Tweet {
    at: i64,
    author: usize,
    text: String,
    lang: &'static str,
    reply_to: Option<usize>,
    incident: bool,
    metrics: [u64; 4],
}

/// What was planted in the mentions.
#[derive(Debug, Default)]
pub struct SocialStats {
    /// Mentions: posts by accounts other than the organisation's.
    pub total: u64,
    pub incident: u64,
    pub own_incident: u64,
    pub first_incident_at: Option<i64>,
}

const FIRST: [&str; 24] = [
    "Claire",
    "Jean",
    "Marie",
    "Paul",
    "Anne",
    "Luc",
    "Sophie",
    "Hugo",
    "Alice",
    "Marc",
    "Julie",
    "Yann",
    "Léa",
    "Rémi",
    "Zoé",
    "Noé",
    "Agathe",
    "Bruno",
    "Clémence",
    "Denis",
    "Élodie",
    "Fabrice",
    "Gaëlle",
    "Henri",
];
const LAST: [&str; 16] = [
    "Martin", "Durand", "Lefèvre", "Moreau", "Girard", "Roux", "Blanc", "Guérin", "Faure",
    "Mercier", "Perrin", "Robin", "Masson", "Lemaire", "Joly", "Brunet",
];

fn author(r: &mut Rng, k: usize) -> Author {
    let first = *r.pick(&FIRST);
    let last = *r.pick(&LAST);
    let username = format!(
        "{}_{}{}",
        ascii_slug(first).to_lowercase(),
        ascii_slug(last).chars().next().unwrap_or('x'),
        k
    )
    .replace('-', "_");
    let name = match r.below(6) {
        0 => format!("{first} {last}"),
        1 => format!("{first} 🌿"),
        2 => format!("{} {}.", first, last.chars().next().unwrap_or('X')),
        _ => format!("{first} {last}"),
    };
    let followers = match r.weighted(&[40, 40, 17, 3]) {
        0 => r.between(5, 100),
        1 => r.between(100, 1000),
        2 => r.between(1000, 10_000),
        _ => r.between(10_000, 60_000),
    } as u64;
    // Old accounts have short numeric ids, recent ones 19-digit snowflakes.
    let id = if k.is_multiple_of(3) {
        (1_300_000_000_000_000_000u64 + k as u64 * 1_000_000_007).to_string()
    } else {
        (100_000_000u64 + k as u64 * 48_271).to_string()
    };
    Author {
        id,
        username,
        name,
        followers,
        following: r.between(20, 2000) as u64,
        tweets: r.between(50, 40_000) as u64,
        listed: r.between(0, 40) as u64,
    }
}

fn small_metrics(r: &mut Rng) -> [u64; 4] {
    [
        r.below(4),
        r.below(3),
        r.below(14),
        u64::from(r.chance(0.1)),
    ]
}

/// Writes x_mentions.json.
pub fn write(path: &Path, seed: u64, participants: u32) -> Result<SocialStats, String> {
    let scale = f64::from(participants) / 2000.0;
    let mut r = Rng::stream(seed, TAG_SOCIAL, 0);
    let mut authors = vec![Author {
        id: "1045236987".to_string(),
        username: OWN_HANDLE.to_string(),
        name: "Semaines sociales de France".to_string(),
        followers: 12_480,
        following: 812,
        tweets: 6_931,
        listed: 214,
    }];
    let baseline_authors = ((45.0 * scale).round() as usize).max(5);
    let incident_authors = ((30.0 * scale).round() as usize).max(3);
    for k in 0..baseline_authors + incident_authors {
        authors.push(author(&mut r, k + 1));
    }
    let pick_baseline = |r: &mut Rng| -> usize {
        // A few regulars post more than the rest.
        if r.chance(0.3) {
            1 + r.below(5.min(baseline_authors as u64)) as usize
        } else {
            1 + r.below(baseline_authors as u64) as usize
        }
    };
    let pick_incident =
        |r: &mut Rng| -> usize { 1 + baseline_authors + r.below(incident_authors as u64) as usize };

    let mut tweets: Vec<Tweet> = Vec::new();
    tweets.push(Tweet {
        at: at(13, 45, 0),
        author: 0,
        text: OWN_WELCOME.to_string(),
        lang: "fr",
        reply_to: None,
        incident: false,
        metrics: [9, 2, 31, 1],
    });
    // Chatter all afternoon, about one post every three minutes at 2,000 participants.
    let per_s = scale / 180.0;
    let mut t = at(13, 0, 0) as f64;
    loop {
        t += r.exp(1.0 / per_s);
        if t >= at(18, 0, 0) as f64 {
            break;
        }
        let (text, lang) = if t < at(14, 0, 0) as f64 {
            *r.pick(&BEFORE_POSTS)
        } else {
            *r.pick(&DURING_POSTS)
        };
        let a = pick_baseline(&mut r);
        let m = small_metrics(&mut r);
        tweets.push(Tweet {
            at: t as i64,
            author: a,
            text: text.to_string(),
            lang,
            reply_to: None,
            incident: false,
            metrics: m,
        });
    }
    // The black-screen posts: two within three minutes of 14:14, then more and more until 14:50.
    let count = ((42.0 * scale).round() as usize).max(2);
    let mut times = vec![
        FIRST_INCIDENT_POST,
        FIRST_INCIDENT_POST + r.between(40, 170),
    ];
    let (lo, hi) = (at(14, 16, 30), at(14, 50, 0));
    for _ in 2..count {
        times.push(lo + ((hi - lo) as f64 * r.unit().sqrt()) as i64);
    }
    times.sort_unstable();
    let first_incident = tweets.len();
    for (k, &ts) in times.iter().enumerate() {
        let mut a = pick_incident(&mut r);
        let m = small_metrics(&mut r);
        let earlier = tweets.len() - first_incident;
        if k >= 3 && r.chance(0.15) && earlier > 0 {
            let parent = first_incident + r.below(earlier as u64) as usize;
            if a == tweets[parent].author {
                a = if a < baseline_authors + incident_authors {
                    a + 1
                } else {
                    1 + baseline_authors
                };
            }
            let (text, lang) = *r.pick(&INCIDENT_REPLIES);
            tweets.push(Tweet {
                at: ts,
                author: a,
                text: format!("@{} {text}", authors[tweets[parent].author].username),
                lang,
                reply_to: Some(parent),
                incident: true,
                metrics: m,
            });
        } else {
            let (text, lang) = match k {
                0 | 1 => INCIDENT_POSTS[k],
                _ => *r.pick(&INCIDENT_POSTS),
            };
            tweets.push(Tweet {
                at: ts,
                author: a,
                text: text.to_string(),
                lang,
                reply_to: None,
                incident: true,
                metrics: m,
            });
        }
    }
    tweets.push(Tweet {
        at: OWN_INCIDENT_AT,
        author: 0,
        text: OWN_INCIDENT.to_string(),
        lang: "fr",
        reply_to: None,
        incident: true,
        metrics: [
            40 + r.below(20),
            12 + r.below(8),
            55 + r.below(30),
            3 + r.below(4),
        ],
    });
    let recovery = ((8.0 * scale).round() as usize).max(1);
    for _ in 0..recovery {
        let ts = r.between(at(14, 52, 0), at(15, 30, 0));
        let (text, lang) = *r.pick(&RECOVERY_POSTS);
        let a = pick_incident(&mut r);
        let m = small_metrics(&mut r);
        tweets.push(Tweet {
            at: ts,
            author: a,
            text: text.to_string(),
            lang,
            reply_to: None,
            incident: false,
            metrics: m,
        });
    }

    // Ids from time order: snowflakes (ms since the Twitter epoch << 22 | sequence).
    let mut order: Vec<usize> = (0..tweets.len()).collect();
    order.sort_by_key(|&i| (tweets[i].at, i));
    let mut ids = vec![0u64; tweets.len()];
    for (seq, &i) in order.iter().enumerate() {
        ids[i] =
            (((tweets[i].at * 1000 - TWITTER_EPOCH_MS) as u64) << 22) | (seq as u64 & 0x3F_FFFF);
    }
    // Conversation of each tweet: its own id, or its parent's conversation.
    let mut conversation = ids.clone();
    for &i in &order {
        if let Some(parent) = tweets[i].reply_to {
            conversation[i] = conversation[parent];
        }
    }

    let mut stats = SocialStats::default();
    let mut out = Out::create(path)?;
    out.put("{\"data\":[\n")?;
    for (n, &i) in order.iter().rev().enumerate() {
        let tw = &tweets[i];
        if tw.incident != has_keyword(&tw.text) {
            return Err(format!("post breaks the keyword rule: {}", tw.text));
        }
        // The organisation's own posts (author 0) are communication, not mentions.
        if tw.author == 0 {
            stats.own_incident += u64::from(tw.incident);
        } else {
            stats.total += 1;
            if tw.incident {
                stats.incident += 1;
                let first = stats.first_incident_at.get_or_insert(tw.at);
                *first = (*first).min(tw.at);
            }
        }
        let mut created = String::new();
        push_utc_ms(&mut created, tw.at * 1000);
        let json = object(|o| {
            o.s("id", &ids[i].to_string())
                .s("text", &tw.text)
                .s("created_at", &created)
                .s("author_id", &authors[tw.author].id)
                .s("conversation_id", &conversation[i].to_string());
            if let Some(parent) = tw.reply_to {
                o.s("in_reply_to_user_id", &authors[tweets[parent].author].id)
                    .raw(
                        "referenced_tweets",
                        &format!(
                            "[{}]",
                            object(|x| {
                                x.s("type", "replied_to").s("id", &ids[parent].to_string());
                            })
                        ),
                    );
            }
            o.s("lang", tw.lang).obj("public_metrics", |m| {
                m.n("retweet_count", tw.metrics[0])
                    .n("reply_count", tw.metrics[1])
                    .n("like_count", tw.metrics[2])
                    .n("quote_count", tw.metrics[3]);
            });
        });
        if n > 0 {
            out.put(",\n")?;
        }
        out.put(&json)?;
    }
    out.put("\n],\"includes\":{\"users\":[\n")?;
    let mut used: Vec<usize> = tweets.iter().map(|t| t.author).collect();
    used.sort_unstable();
    used.dedup();
    for (n, &a) in used.iter().enumerate() {
        let au = &authors[a];
        let json = object(|o| {
            o.s("id", &au.id)
                .s("username", &au.username)
                .s("name", &au.name)
                .obj("public_metrics", |m| {
                    m.n("followers_count", au.followers)
                        .n("following_count", au.following)
                        .n("tweet_count", au.tweets)
                        .n("listed_count", au.listed);
                });
        });
        if n > 0 {
            out.put(",\n")?;
        }
        out.put(&json)?;
    }
    let newest = order.last().map(|&i| ids[i]).unwrap_or(0);
    let oldest = order.first().map(|&i| ids[i]).unwrap_or(0);
    out.put(&format!(
        "\n]}},\"meta\":{{\"newest_id\":\"{newest}\",\"oldest_id\":\"{oldest}\",\"result_count\":{}}}}}\n",
        tweets.len()
    ))?;
    out.finish()?;
    Ok(stats)
}
