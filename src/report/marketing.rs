//! The report's section for marketing (issue 15), "The event's audience": the whole event,
//! incident or not. Cards (attended of registered, peak concurrent, average minutes per
//! attendee, lost to the incident), the retention curve with the incident shaded, the audience
//! per platform with the platforms' own counts, every e-mail campaign side by side, the social
//! overview with the top posts, and the website as a channel of the backup link. Every figure
//! is metrics.json `engagement` (docs/definitions.md, "Engagement"), worded.

use chrono_tz::Tz;
use serde::Serialize;

use super::charts_data::{incident_shade, markers, TimeAxis};
use super::model::{campaign_row, pct, CampaignRow};
use crate::analysis::engagement::Engagement;
use crate::analysis::reach::Campaign;
use crate::analysis::Analysis;
use crate::charts::campaigns::{CampaignBars, CampaignsChart};
use crate::charts::retention::{RetentionChart, RetentionRow};
use crate::charts::web::{WebChart, WebRow};
use crate::config::Config;
use crate::ingest::SourceReport;
use crate::timeutil::{fmt_local_hm, MINUTE_MS};

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
    pub web_note: Option<&'static str>,
}

/// Campaigns in the order they were sent, those without any event last, then by name.
fn by_first_event(x: &&Campaign, y: &&Campaign) -> std::cmp::Ordering {
    let key = |c: &Campaign| {
        (
            c.first_event_at.is_none(),
            c.first_event_at,
            c.campaign.clone(),
        )
    };
    key(x).cmp(&key(y))
}

/// Minutes to one decimal.
fn minutes(m: f64) -> String {
    format!("{m:.1}")
}

/// Builds the section.
pub fn view(a: &Analysis, config: &Config, sources: &[SourceReport]) -> Option<MarketingView> {
    let e = a.engagement.as_ref()?;
    let z = config.zone;
    let v = e.viewing.as_ref();
    let attended = v.map(|v| v.attended);
    let attended_of = match (attended, e.registered) {
        (Some(n), Some(r)) if r > 0 => Some(format!(
            "of {r} registered ({})",
            pct(n, r).unwrap_or_default()
        )),
        (Some(_), Some(_)) => Some("no registration kept".into()),
        (Some(_), None) => Some("no registration export".into()),
        _ => None,
    };
    let lost_note = match (&a.impact, a.failures_unknown) {
        (Some(im), _) => format!(
            "of the {} affected participants, not watching again before the end of the event",
            im.affected_participants
        ),
        (None, true) => "unknown: no viewing export can say that a view failed".into(),
        (None, false) if v.is_none() => "unknown: no viewing analytics".into(),
        (None, false) => {
            "unknown: the incident window (impact start and recovery) is not known".into()
        }
    };
    let platforms = v
        .map(|v| {
            v.platforms
                .iter()
                .map(|p| PlatformRow {
                    platform: p.platform.clone(),
                    viewers: p.viewers,
                    share: pct(p.viewers, v.attended).unwrap_or_default(),
                    minutes: minutes(p.minutes_watched),
                })
                .collect()
        })
        .unwrap_or_default();
    let mut campaigns: Vec<&Campaign> = e.campaigns.iter().flatten().collect();
    campaigns.sort_by(by_first_event);
    let pages = web_pages(config);
    let web_read = sources
        .iter()
        .any(|s| s.kind == Some("web") && s.rows_kept > 0);
    Some(MarketingView {
        attended,
        attended_of,
        peak: v.and_then(|v| v.peak).map(|p| p.1),
        peak_at: match v {
            Some(v) => match v.peak {
                Some(p) => format!("at {}, distinct participants watching", fmt_local_hm(p.0, z)),
                None => "no successful view".into(),
            },
            None => "no viewing analytics".into(),
        },
        snapshot_peaks: e
            .snapshots
            .iter()
            .map(|s| {
                format!(
                    "{}'s own count: {} at {}",
                    s.platform,
                    s.viewers,
                    fmt_local_hm(s.at, z)
                )
            })
            .collect(),
        average_minutes: e.average_minutes_per_attendee().map(|m| format!("{m:.1} min")),
        minutes_watched: v.map(|v| format!("{} minutes watched in all", minutes(v.minutes_watched))),
        lost: e.lost_to_incident,
        lost_note,
        platforms,
        campaigns: campaigns.into_iter().map(|c| campaign_row(c, z)).collect(),
        social: e.social_all.as_ref().map(|s| SocialOverview {
            mentions: s.mentions,
            potential_reach: s.potential_reach,
            unique_reach: s.unique_reach,
            engagements: s.engagements,
            top_posts: s
                .top_posts
                .iter()
                .map(|p| TopPostRow {
                    local: fmt_local_hm(p.at, z),
                    network: p.network.clone().unwrap_or_default(),
                    author: p.author.clone().unwrap_or_default(),
                    text: p.text.clone().unwrap_or_default(),
                    engagements: p.engagements,
                })
                .collect(),
        }),
        web: e.web.as_ref().map(|w| WebView {
            pages: pages.join(", "),
            since_communication: w.backup_page_requests.and_then(|n| {
                let fc = a.incident.first_communication_at.at?;
                Some(format!(
                    "{n} requests to these pages from the first communication ({}) to the end of the event.",
                    fmt_local_hm(fc, z)
                ))
            }),
        }),
        web_note: (e.web.is_none() && web_read && pages.is_empty()).then_some(
            "Web logs were read, but no page to look for: name the pages that carried the backup link in [web] pages (or [incident] backup_urls).",
        ),
    })
}

/// The pages looked for in the web logs, as the engagement figures match them.
fn web_pages(config: &Config) -> Vec<String> {
    let mut pages: Vec<String> = config
        .incident
        .backup_urls
        .iter()
        .chain(&config.web.pages)
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty())
        .collect();
    pages.sort_by_key(|p| p.to_lowercase());
    pages.dedup_by_key(|p| p.to_lowercase());
    pages
}

/// One sentence for the summary: what the incident cost the audience. None where who was
/// affected is unknown.
pub fn audience_cost(a: &Analysis) -> Option<String> {
    let im = a.impact.as_ref()?;
    let lost = a
        .engagement
        .as_ref()
        .and_then(|e| e.lost_to_incident)
        .unwrap_or(
            im.affected_participants
                .saturating_sub(im.recovered_participants),
        );
    Some(format!(
        "For the audience, the incident cost {:.0} participant-minutes of viewing, and {lost} of the {} affected participants never came back before the end of the event.",
        im.participant_minutes_lost, im.affected_participants
    ))
}

/// The retention curve, on the shared axis, the incident shaded.
pub fn retention_chart(a: &Analysis, config: &Config, axis: &TimeAxis) -> Option<RetentionChart> {
    let v = a.engagement.as_ref()?.viewing.as_ref()?;
    if v.retention.is_empty() || v.attended == 0 {
        return None;
    }
    let (zone, bucket_ms) = (config.zone, config.bucket_s * 1000);
    Some(RetentionChart {
        title: "Retention: the share of the attendees watching, bucket by bucket".into(),
        axis: axis.clone(),
        bucket_minutes: bucket_ms / MINUTE_MS,
        shade: incident_shade(a),
        markers: markers(a, zone, axis, &["impact", "recovered"]),
        rows: v
            .retention
            .iter()
            .map(|(at, share)| RetentionRow {
                at: *at,
                local: fmt_local_hm(*at, zone),
                share: *share,
                shown: format!("{:.1}%", share * 100.0),
            })
            .collect(),
    })
}

/// The backup pages' requests per bucket, the first communication marked.
pub fn web_chart(a: &Analysis, config: &Config, axis: &TimeAxis) -> Option<WebChart> {
    let w = a.engagement.as_ref()?.web.as_ref()?;
    if w.requests.is_empty() {
        return None;
    }
    let (zone, bucket_ms) = (config.zone, config.bucket_s * 1000);
    Some(WebChart {
        title: "The website: requests to the pages carrying the backup link".into(),
        axis: axis.clone(),
        bucket_minutes: bucket_ms / MINUTE_MS,
        markers: markers(a, zone, axis, &["communicated"]),
        rows: w
            .requests
            .iter()
            .filter(|(at, _)| axis.holds(*at))
            .map(|(at, n)| WebRow {
                at: *at,
                local: fmt_local_hm(*at, zone),
                requests: *n,
            })
            .collect(),
    })
}

/// Every campaign's rates, side by side, by first event.
pub fn campaigns_chart(a: &Analysis, zone: Tz) -> Option<CampaignsChart> {
    let e: &Engagement = a.engagement.as_ref()?;
    let mut all: Vec<&Campaign> = e.campaigns.iter().flatten().collect();
    if all.is_empty() {
        return None;
    }
    all.sort_by(by_first_event);
    let rate = |r: Option<f64>| r.map(|r| (r * 1000.0).round() / 10.0);
    Some(CampaignsChart {
        title:
            "Every e-mail campaign: delivered (of recipients), opened and clicked (of delivered)"
                .into(),
        campaigns: all
            .into_iter()
            .map(|c| CampaignBars {
                heading: format!(
                    "{}: {} recipients{}",
                    c.campaign,
                    c.recipients,
                    c.first_event_at
                        .map(|t| format!(", first sent {}", fmt_local_hm(t, zone)))
                        .unwrap_or_default()
                ),
                delivered_pct: rate(c.delivery_rate()),
                opened_pct: rate(c.open_rate()),
                clicked_pct: rate(c.click_rate()),
            })
            .collect(),
    })
}
