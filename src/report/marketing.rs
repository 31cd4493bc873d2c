//! The report's section for marketing (issue 15), "The event's audience": the whole event,
//! incident or not. Cards (attended of registered, peak concurrent, average minutes per
//! attendee, lost to the incident), the retention curve with the incident shaded, the audience
//! per platform with the platforms' own counts, every e-mail campaign side by side, the social
//! overview with the top posts, and the website as a channel of the backup link. Every figure
//! is metrics.json `engagement` (docs/definitions.md, "Engagement"), worded.

use serde::Serialize;

use super::charts_data::{incident_shade_in, markers_in, TimeAxis};
use super::model::{campaign_row, CampaignRow};
use super::words::Words;
use crate::analysis::engagement::{web_pages, Engagement};
use crate::analysis::reach::Campaign;
use crate::analysis::Analysis;
use crate::charts::campaigns::{CampaignBars, CampaignsChart};
use crate::charts::retention::{RetentionChart, RetentionRow};
use crate::charts::web::{WebChart, WebRow};
use crate::config::Config;
use crate::ingest::{has_rows, SourceReport, Table};
use crate::timeutil::MINUTE_MS;

/// Viewers and minutes on one platform.
#[derive(Debug, Serialize)]
pub struct PlatformRow {
    pub platform: String,
    pub viewers: u64,
    /// Of all attendees (a participant on two platforms counts on both).
    pub share: String,
    pub minutes: String,
}

/// One of the posts with the most engagements.
#[derive(Debug, Serialize)]
pub struct TopPostRow {
    pub local: String,
    pub network: String,
    /// A pseudonym unless `[privacy] show_authors`.
    pub author: String,
    pub text: String,
    pub engagements: i64,
}

/// Social figures over every mention, incident-related or not.
#[derive(Debug, Serialize)]
pub struct SocialOverview {
    pub mentions: u64,
    pub potential_reach: Option<i64>,
    pub unique_reach: Option<i64>,
    pub engagements: Option<i64>,
    pub top_posts: Vec<TopPostRow>,
}

/// The website as a channel of the backup link.
#[derive(Debug, Serialize)]
pub struct WebView {
    /// The pages looked for: `[incident] backup_urls` and `[web] pages`.
    pub pages: String,
    /// "412 requests to these pages from the first communication (15:48) to the end of the
    /// event."
    pub since_communication: Option<String>,
}

/// The section's model; absent when the run read nothing about the audience.
#[derive(Debug, Serialize)]
pub struct MarketingView {
    /// Distinct participants with a successful view in the event window.
    pub attended: Option<u64>,
    /// "of 1962 registered (91.9%)".
    pub attended_of: Option<String>,
    pub peak: Option<u64>,
    /// "at 16:23, distinct participants watching", or why there is no peak.
    pub peak_at: String,
    /// "youtube's own count: 1520 at 16:20", one per platform with snapshots.
    pub snapshot_peaks: Vec<String>,
    /// "125.4 min".
    pub average_minutes: Option<String>,
    /// "226146.8 minutes watched in all".
    pub minutes_watched: Option<String>,
    pub lost: Option<u64>,
    /// What the lost figure counts, or why it is unknown.
    pub lost_note: String,
    pub platforms: Vec<PlatformRow>,
    /// Every campaign, by first event.
    pub campaigns: Vec<CampaignRow>,
    pub social: Option<SocialOverview>,
    pub web: Option<WebView>,
    /// Why there is no web chart, where web logs were read but no page was named.
    pub web_note: Option<String>,
}

/// Every campaign in the order they were sent, those without any event last, then by name.
fn in_send_order(e: &Engagement) -> Vec<&Campaign> {
    let mut all: Vec<&Campaign> = e.campaigns.iter().flatten().collect();
    all.sort_by(|x, y| {
        (x.first_event_at.is_none(), x.first_event_at, &x.campaign).cmp(&(
            y.first_event_at.is_none(),
            y.first_event_at,
            &y.campaign,
        ))
    });
    all
}

/// Builds the section.
pub fn view(a: &Analysis, config: &Config, sources: &[SourceReport]) -> Option<MarketingView> {
    let e = a.engagement.as_ref()?;
    let w = Words::new(config);
    let v = e.viewing.as_ref();
    let attended = v.map(|v| v.attended);
    let attended_of = match (attended, e.registered) {
        (Some(n), Some(r)) if r > 0 => Some(w.ta(
            "mk-of-registered",
            &[
                ("registered", (r as i64).into()),
                ("share", w.pct(n, r).unwrap_or_default().into()),
            ],
        )),
        (Some(_), Some(_)) => Some(w.t("mk-no-registration-kept")),
        (Some(_), None) => Some(w.t("mk-no-registration-export")),
        _ => None,
    };
    let lost_note = match (&a.impact, a.failures_unknown) {
        (Some(im), _) => w.ta(
            "mk-lost-note",
            &[("affected", (im.affected_participants as i64).into())],
        ),
        (None, true) => w.t("mk-lost-unknown-failures"),
        (None, false) if v.is_none() => w.t("mk-lost-unknown-viewing"),
        (None, false) => w.t("mk-lost-unknown-window"),
    };
    let platforms = v
        .map(|v| {
            v.platforms
                .iter()
                .map(|p| PlatformRow {
                    platform: p.platform.clone(),
                    viewers: p.viewers,
                    share: w.pct(p.viewers, v.attended).unwrap_or_default(),
                    minutes: w.dec(p.minutes_watched, 1),
                })
                .collect()
        })
        .unwrap_or_default();
    let campaigns = in_send_order(e);
    let pages = web_pages(config);
    let web_read = has_rows(sources, Table::Web);
    Some(MarketingView {
        attended,
        attended_of,
        peak: v.and_then(|v| v.peak).map(|p| p.1),
        peak_at: match v {
            Some(v) => match v.peak {
                Some(p) => w.ta("mk-peak-at", &[("at", w.hm(p.0).into())]),
                None => w.t("mk-no-successful-view"),
            },
            None => w.t("rt-no-viewing-analytics"),
        },
        snapshot_peaks: e
            .snapshots
            .iter()
            .map(|s| {
                w.ta(
                    "mk-snapshot-peak",
                    &[
                        ("platform", s.platform.clone().into()),
                        ("viewers", s.viewers.into()),
                        ("at", w.hm(s.at).into()),
                    ],
                )
            })
            .collect(),
        average_minutes: e
            .average_minutes_per_attendee()
            .map(|m| w.ta("mk-minutes", &[("minutes", w.dec(m, 1).into())])),
        minutes_watched: v.map(|v| {
            w.ta(
                "mk-minutes-watched",
                &[("minutes", w.dec(v.minutes_watched, 1).into())],
            )
        }),
        lost: e.lost_to_incident,
        lost_note,
        platforms,
        campaigns: campaigns.into_iter().map(|c| campaign_row(c, &w)).collect(),
        social: e.social_all.as_ref().map(|s| SocialOverview {
            mentions: s.mentions,
            potential_reach: s.potential_reach,
            unique_reach: s.unique_reach,
            engagements: s.engagements,
            top_posts: s
                .top_posts
                .iter()
                .map(|p| TopPostRow {
                    local: w.hm(p.at),
                    network: p.network.clone().unwrap_or_default(),
                    author: p.author.clone().unwrap_or_default(),
                    text: p.text.clone().unwrap_or_default(),
                    engagements: p.engagements,
                })
                .collect(),
        }),
        web: e.web.as_ref().map(|web| WebView {
            pages: pages.join(", "),
            since_communication: web.backup_page_requests.and_then(|n| {
                let fc = a.incident.first_communication_at.at?;
                Some(w.ta(
                    "mk-web-since",
                    &[("n", (n as i64).into()), ("at", w.hm(fc).into())],
                ))
            }),
        }),
        web_note: (e.web.is_none() && web_read && pages.is_empty()).then(|| w.t("mk-web-no-pages")),
    })
}

/// One sentence for the summary: what the incident cost the audience. None where who was
/// affected is unknown.
pub fn audience_cost(a: &Analysis, w: &Words) -> Option<String> {
    let im = a.impact.as_ref()?;
    let lost = im.lost_participants();
    Some(w.ta(
        "mk-audience-cost",
        &[
            ("minutes", w.dec(im.participant_minutes_lost, 0).into()),
            ("lost", (lost as i64).into()),
            ("affected", (im.affected_participants as i64).into()),
        ],
    ))
}

/// The retention curve, on the shared axis, the incident shaded.
pub fn retention_chart(a: &Analysis, config: &Config, axis: &TimeAxis) -> Option<RetentionChart> {
    let v = a.engagement.as_ref()?.viewing.as_ref()?;
    if v.retention.is_empty() || v.attended == 0 {
        return None;
    }
    let (w, bucket_ms) = (Words::new(config), config.bucket_s * 1000);
    let zone = w.z;
    Some(RetentionChart {
        title: w.t("mk-retention-title"),
        axis: axis.clone(),
        bucket_minutes: bucket_ms / MINUTE_MS,
        shade: incident_shade_in(w.l, a),
        markers: markers_in(w.l, a, zone, axis, &["impact", "recovered"]),
        rows: v
            .retention
            .iter()
            .map(|(at, share)| RetentionRow {
                at: *at,
                local: w.hm(*at),
                share: *share,
                shown: w.share(*share, 1),
            })
            .collect(),
    })
}

/// The backup pages' requests per bucket, the first communication marked.
pub fn web_chart(a: &Analysis, config: &Config, axis: &TimeAxis) -> Option<WebChart> {
    let web = a.engagement.as_ref()?.web.as_ref()?;
    if web.requests.is_empty() {
        return None;
    }
    let (w, bucket_ms) = (Words::new(config), config.bucket_s * 1000);
    let zone = w.z;
    Some(WebChart {
        title: w.t("mk-web-title"),
        axis: axis.clone(),
        bucket_minutes: bucket_ms / MINUTE_MS,
        markers: markers_in(w.l, a, zone, axis, &["communicated"]),
        rows: web
            .requests
            .iter()
            .filter(|(at, _)| axis.holds(*at))
            .map(|(at, n)| WebRow {
                at: *at,
                local: w.hm(*at),
                requests: *n,
            })
            .collect(),
    })
}

/// Every campaign's rates, side by side, by first event.
pub fn campaigns_chart(a: &Analysis, config: &Config) -> Option<CampaignsChart> {
    let w = Words::new(config);
    let e: &Engagement = a.engagement.as_ref()?;
    let all = in_send_order(e);
    if all.is_empty() {
        return None;
    }
    let rate = |r: Option<f64>| r.map(|r| (r * 1000.0).round() / 10.0);
    Some(CampaignsChart {
        title: w.t("mk-campaigns-title"),
        campaigns: all
            .into_iter()
            .map(|c| CampaignBars {
                heading: match c.first_event_at {
                    Some(t) => w.ta(
                        "mk-campaign-heading-sent",
                        &[
                            ("campaign", c.campaign.clone().into()),
                            ("n", (c.recipients as i64).into()),
                            ("at", w.hm(t).into()),
                        ],
                    ),
                    None => w.ta(
                        "mk-campaign-heading",
                        &[
                            ("campaign", c.campaign.clone().into()),
                            ("n", (c.recipients as i64).into()),
                        ],
                    ),
                },
                delivered_pct: rate(c.delivery_rate()),
                opened_pct: rate(c.open_rate()),
                clicked_pct: rate(c.click_rate()),
            })
            .collect(),
    })
}
