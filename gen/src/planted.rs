//! The answer file: what the generator planted, from its own parameters and counters (never by
//! reading its output back), for debrief's tests to check the report against.

use std::collections::BTreeSet;

use crate::docs::{event_window, logged};
use crate::mailjet::MailStats;
use crate::sim::{unix_of, MailKind, Sim, CAMPAIGNS, INCIDENT_START_MS, SECOURS};
use crate::social::SocialStats;
use crate::text::KEYWORDS;
use crate::time::{utc_s, DAY0};
use crate::zendesk::TicketStats;

/// Everything counted while writing.
pub struct Counts<'a> {
    pub sim: &'a Sim,
    pub mail: &'a MailStats,
    pub tickets: &'a TicketStats,
    pub social: &'a SocialStats,
    pub mux_rows: u64,
}

fn q(s: &str) -> String {
    let mut out = String::new();
    crate::out::push_json_str(&mut out, s);
    out
}

fn instant(t: Option<i64>) -> String {
    t.map_or_else(|| "null".to_string(), |t| q(&utc_s(t)))
}

/// What the backup e-mail did for the affected participants (metrics.md, "Did the
/// communication work?"), from the simulation: how many opened it, clicked it, came back
/// within 15 minutes after their first click, and the median (nearest rank) seconds from
/// their first delivery to their YouTube view when it came after.
fn communication(s: &Sim) -> (u64, u64, u64, Option<i64>) {
    let mut first: std::collections::BTreeMap<(u32, MailKind), i64> = Default::default();
    for m in s.mail.iter().filter(|m| m.campaign == SECOURS) {
        let t = i64::from(m.t) * 1000;
        let e = first.entry((m.person, m.kind)).or_insert(t);
        *e = (*e).min(t);
    }
    let (mut opened, mut clicked, mut back_after_click) = (0, 0, 0);
    let mut waits = Vec::new();
    for a in &s.affected {
        let at = |k| first.get(&(a.person, k)).copied();
        let back = a.back_ms.map(|b| DAY0 * 1000 + b);
        opened += u64::from(at(MailKind::Open).is_some());
        if let Some(c) = at(MailKind::Click) {
            clicked += 1;
            back_after_click += u64::from(back.is_some_and(|b| b >= c && b < c + 900_000));
        }
        if let (Some(d), Some(b)) = (at(MailKind::Sent), back) {
            if b > d {
                waits.push((b - d) / 1000);
            }
        }
    }
    waits.sort_unstable();
    let median = (!waits.is_empty()).then(|| waits[waits.len().div_ceil(2) - 1]);
    (opened, clicked, back_after_click, median)
}

/// Attendance and the peak minute (metrics.md, "Engagement"), from the simulation and by
/// another road than debrief's: each participant's successful views (not failed by debrief's
/// rule; exits under a second are not failures) clipped to the event window `[from, to)`
/// (ms since DAY0), the minutes each was active in (started before the minute ends, ended at
/// or after it begins) collected in a set per participant, then counted minute by minute.
/// Returns the distinct participants and the peak as (minute start in unix seconds, count),
/// the earliest minute on a tie.
fn attendance(s: &Sim, (from, to): (i64, i64)) -> (u64, Option<(i64, u64)>) {
    let mut spans: Vec<(u32, i64, i64)> = s
        .views
        .iter()
        .filter(|v| !v.kind.failed())
        .map(|v| (v.person, i64::from(v.start), i64::from(v.end)))
        .filter(|&(_, a, b)| a < to && b >= from)
        .map(|(p, a, b)| (p, a.max(from) / 60_000, b.min(to - 1) / 60_000))
        .collect();
    spans.sort_unstable();
    let mut per_minute: std::collections::BTreeMap<i64, u64> = Default::default();
    let mut attended = 0;
    for person in spans.chunk_by(|x, y| x.0 == y.0) {
        attended += 1;
        let minutes: BTreeSet<i64> = person.iter().flat_map(|&(_, a, b)| a..=b).collect();
        for m in minutes {
            *per_minute.entry(m).or_insert(0) += 1;
        }
    }
    let peak = per_minute
        .iter()
        .fold(None, |best: Option<(i64, u64)>, (&m, &n)| match best {
            Some((_, top)) if top >= n => best,
            _ => Some((m, n)),
        });
    (attended, peak.map(|(m, n)| (DAY0 + m * 60, n)))
}

/// The planted JSON, pretty-printed with a fixed key order.
pub fn render(c: &Counts) -> Result<String, String> {
    let s = c.sim;
    let per_campaign = |vals: [u64; 2]| {
        let mut pairs: Vec<(&str, u64)> = CAMPAIGNS.iter().copied().zip(vals).collect();
        pairs.sort();
        let body: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("    {}: {v}", q(k)))
            .collect();
        format!("{{\n{}\n  }}", body.join(",\n"))
    };
    let keywords: Vec<String> = KEYWORDS.iter().map(|k| q(k)).collect();
    let (opened, clicked, back_after_click, wait) = communication(s);
    let (start, end) = event_window()?;
    let (attended, peak) = attendance(s, ((start - DAY0) * 1000, (end - DAY0) * 1000));
    let fields: Vec<(&str, String)> = vec![
        ("seed", s.seed.to_string()),
        ("participants", s.participants.to_string()),
        ("registered_active", s.active.to_string()),
        ("incident_start", instant(Some(unix_of(INCIDENT_START_MS)))),
        ("first_failure_at", instant(s.first_failure_ms.map(unix_of))),
        ("affected_isp", q("Orange")),
        ("failing_platform", q("vimeo")),
        ("fallback_platform", q("youtube")),
        (
            "ops_log",
            format!(
                "{{\n    \"detected_at\": {},\n    \"first_communication_logged_at\": {},\n    \"mitigated_at\": {},\n    \"recovered_at\": {}\n  }}",
                instant(Some(logged("detection")?)),
                instant(Some(logged("communication")?)),
                instant(Some(logged("mitigation")?)),
                instant(Some(logged("recovery")?)),
            ),
        ),
        ("first_incident_mention_at", instant(c.social.first_incident_at)),
        ("first_backup_email_at", instant(c.mail.first_backup_event)),
        ("first_backup_delivered_at", instant(c.mail.first_backup_delivered)),
        ("affected_viewers", s.affected.len().to_string()),
        ("tickets_total", c.tickets.total.to_string()),
        ("tickets_incident", c.tickets.incident.to_string()),
        ("ticket_rows_total", c.tickets.rows.to_string()),
        ("ticket_repeats", c.tickets.repeats.to_string()),
        ("mentions_total", c.social.total.to_string()),
        ("mentions_incident", c.social.incident.to_string()),
        ("own_posts_incident", c.social.own_incident.to_string()),
        ("email_rows", c.mail.rows.to_string()),
        ("email_duplicates", c.mail.duplicates.to_string()),
        (
            "email_recipients_per_campaign",
            per_campaign([u64::from(s.active), u64::from(s.active)]),
        ),
        ("email_delivered_per_campaign", per_campaign(s.delivered_per_campaign)),
        ("mux_rows", c.mux_rows.to_string()),
        ("mux_failed_views", s.failed_views.to_string()),
        // Extras: finer detail for whoever checks impact figures.
        ("mux_incident_failed_views", s.incident_failed_views.to_string()),
        ("mux_baseline_failed_views", (s.failed_views - s.incident_failed_views).to_string()),
        ("mux_short_exits_not_failures", s.short_exits.to_string()),
        ("affected_recovered", s.affected_recovered.to_string()),
        ("affected_gave_up", s.affected_gave_up.to_string()),
        ("fallback_viewers", s.fallback_viewers.to_string()),
        ("affected_opened_backup", opened.to_string()),
        ("affected_clicked_backup", clicked.to_string()),
        ("affected_back_within_15_min_of_click", back_after_click.to_string()),
        (
            "affected_back_after_delivery_median_s",
            wait.map_or_else(|| "null".into(), |w| w.to_string()),
        ),
        // Engagement: distinct participants with a successful view in the event window, and
        // the minute with the most of them at once.
        ("attended", attended.to_string()),
        (
            "peak_concurrent",
            peak.map_or_else(
                || "null".into(),
                |(at, n)| format!("{{\"at\": {}, \"count\": {n}}}", instant(Some(at))),
            ),
        ),
        ("keywords", format!("[{}]", keywords.join(", "))),
    ];
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("  {}: {v}", q(k)))
        .collect();
    Ok(format!("{{\n{}\n}}\n", body.join(",\n")))
}
