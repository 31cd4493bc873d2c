//! The incident itself: for every participant, their viewing sessions (Mux views on "vimeo",
//! then "youtube" for those who switched) and their Mailjet events for the two campaigns, drawn
//! together so that a click on the backup link and the YouTube view that follows it agree.
//!
//! Views and e-mail events are kept in compact records and sorted once; the writers recompute
//! each participant's details (names, ISP, device) from the seed when they print a row. That
//! keeps a million-participant event within a few hundred megabytes.

use crate::people::{is_disabled, person, Device, Mailbox, Person, ORANGE};
use crate::rng::{shuffle, Rng};
use crate::time::{at, day_ms, DAY0};

const TAG_SIM: u64 = 0x5349_4D55;
const TAG_ORDER: u64 = 0x4F52_4452;
const TAG_VIEW_ID: u64 = 0x5649_4557;

/// The Mailjet campaigns (customcampaign), in index order.
pub const CAMPAIGNS: [&str; 2] = ["rappel-j0", "lien-secours"];
/// Index of the reminder campaign.
pub const RAPPEL: u8 = 0;
/// Index of the backup-link campaign.
pub const SECOURS: u8 = 1;
/// First send of the reminder (unix s); sending lasts 6 minutes.
pub const RAPPEL_START: i64 = at(13, 0, 0);
/// First send of the backup link (unix s); sending lasts 5 minutes.
pub const SECOURS_START: i64 = at(14, 48, 5);
/// The planned incident start: Orange's route to Vimeo breaks (ms since DAY0).
pub const INCIDENT_START_MS: i64 = day_ms(14, 12, 0);
/// Affected views fail at a uniform instant of this span after the start.
const INCIDENT_SPREAD_MS: i64 = 360_000;

/// What kind of view a Mux row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Played normally.
    Ok,
    /// Exit before video start under one second: not a failure (Mux ignores it).
    Short,
    /// Baseline: exit before video start after 1.5 to 30 s.
    BaseExit,
    /// Baseline: fatal decode or network error mid-view.
    BaseFatal,
    /// Incident: the view that was playing when the route broke.
    IncFatal,
    /// Incident: a retry on Vimeo that ends in a fatal error.
    RetryFatal,
    /// Incident: a retry on Vimeo abandoned before the video started.
    RetryExit,
}

impl Kind {
    /// A failed view by debrief's rule (fatal error, or exit before start of 1 s or more).
    pub fn failed(self) -> bool {
        !matches!(self, Kind::Ok | Kind::Short)
    }

    /// A failure caused by the incident.
    pub fn incident(self) -> bool {
        matches!(self, Kind::IncFatal | Kind::RetryFatal | Kind::RetryExit)
    }
}

/// Mux player_name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    Vimeo,
    Youtube,
}

/// One Mux view (times in ms since DAY0).
#[derive(Debug, Clone, Copy)]
pub struct View {
    pub id: u128,
    pub start: u32,
    pub end: u32,
    pub person: u32,
    pub seq: u16,
    pub kind: Kind,
    pub platform: Platform,
}

/// Mailjet event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MailKind {
    Sent,
    Open,
    Click,
    Bounce,
    Blocked,
    Spam,
    Unsub,
}

/// One Mailjet event.
#[derive(Debug, Clone, Copy)]
pub struct MailEvent {
    /// Unix seconds.
    pub t: u32,
    pub person: u32,
    pub campaign: u8,
    pub kind: MailKind,
    /// Distinguishes a second open of the same message.
    pub n: u8,
}

/// A participant hit by the incident.
#[derive(Debug, Clone, Copy)]
pub struct Affected {
    pub person: u32,
    /// Their first incident failure instant (ms since DAY0).
    pub first_fail_ms: i64,
    /// Start of their YouTube view (ms since DAY0), if they came back.
    pub back_ms: Option<i64>,
}

/// Everything the viewing and e-mail exports are written from, plus what was planted.
#[derive(Debug, Default)]
pub struct Sim {
    pub seed: u64,
    pub participants: u32,
    pub active: u32,
    /// Sorted by (view_start, view_id).
    pub views: Vec<View>,
    /// Sorted by time.
    pub mail: Vec<MailEvent>,
    pub affected: Vec<Affected>,
    pub first_failure_ms: Option<i64>,
    pub failed_views: u64,
    pub incident_failed_views: u64,
    pub short_exits: u64,
    pub fallback_viewers: u64,
    pub affected_recovered: u64,
    pub affected_gave_up: u64,
    pub delivered_per_campaign: [u64; 2],
}

/// How an affected participant got out of the black screen.
#[derive(Debug, Clone, Copy)]
enum Way {
    /// Stopped trying after this many failures; never came back.
    GaveUp(u32),
    /// Found the YouTube link on social media.
    SelfFound,
    /// Used the backup e-mail (or the site banner when the e-mail did not arrive).
    Email,
}

/// One planned view before it gets an id: (start ms, end ms, kind, platform).
type Plan = (i64, i64, Kind, Platform);

/// A retry view on the broken route: its length and how it failed.
fn retry(r: &mut Rng) -> (i64, Kind) {
    if r.chance(0.5) {
        (r.between(5_000, 60_000), Kind::RetryFatal)
    } else {
        (r.between(5_000, 40_000), Kind::RetryExit)
    }
}

/// Mux-style view id (a version-4 UUID as 128 bits) of participant `idx`'s `seq`-th view.
fn view_id(seed: u64, idx: u32, seq: u16) -> u128 {
    let mut r = Rng::stream(seed, TAG_VIEW_ID, (u64::from(idx) << 16) | u64::from(seq));
    let v = (u128::from(r.next_u64()) << 64) | u128::from(r.next_u64());
    (v & !(0xF_u128 << 76) & !(0x3_u128 << 62)) | (0x4_u128 << 76) | (0x2_u128 << 62)
}

/// Runs the whole event for `n` registrations.
pub fn simulate(seed: u64, n: u32) -> Sim {
    let active: Vec<u32> = (0..n).filter(|&i| !is_disabled(seed, i)).collect();
    let count = active.len().max(1) as u64;
    // Sending order of each campaign: a random permutation of the active registrations.
    let mut rank = [vec![u32::MAX; n as usize], vec![u32::MAX; n as usize]];
    for (c, ranks) in rank.iter_mut().enumerate() {
        let mut order = active.clone();
        shuffle(&mut Rng::stream(seed, TAG_ORDER, c as u64), &mut order);
        for (k, &i) in order.iter().enumerate() {
            ranks[i as usize] = k as u32;
        }
    }
    let mut sim = Sim {
        seed,
        participants: n,
        active: active.len() as u32,
        ..Sim::default()
    };
    let mut plan: Vec<Plan> = Vec::new();
    for &i in &active {
        let p = person(seed, i);
        let d0 = RAPPEL_START + (u64::from(rank[0][i as usize]) * 360 / count) as i64;
        let d1 = SECOURS_START + (u64::from(rank[1][i as usize]) * 300 / count) as i64;
        simulate_person(&mut sim, &p, d0, d1, &mut plan);
    }
    sim.views
        .sort_unstable_by_key(|v| (v.start, v.id, v.person, v.seq));
    sim.mail
        .sort_unstable_by_key(|e| (e.t, e.campaign, e.person, e.kind, e.n));
    sim
}

fn ms_to_unix(ms: i64) -> i64 {
    DAY0 + ms.div_euclid(1000)
}

fn unix_to_ms(unix: i64) -> i64 {
    (unix - DAY0) * 1000
}

/// One participant's day: e-mails received and opened, views played and failed.
fn simulate_person(sim: &mut Sim, p: &Person, d0: i64, d1: i64, plan: &mut Vec<Plan>) {
    let mut r = Rng::stream(sim.seed, TAG_SIM, u64::from(p.idx));
    let delivered = p.mailbox == Mailbox::Delivered;
    let mut mail: Vec<(i64, u8, MailKind, u8)> = Vec::new();

    // The reminder with the Vimeo link, sent to everyone at 13:00.
    delivery(&mut mail, &mut r, RAPPEL, d0, p.mailbox);
    if delivered {
        if r.chance(if p.watches { 0.64 } else { 0.35 }) {
            let o = (d0 + 20 + r.exp(1500.0) as i64).min(at(17, 55, 0));
            mail.push((o, RAPPEL, MailKind::Open, 0));
            if r.chance(0.15) {
                mail.push((o + r.between(120, 5400), RAPPEL, MailKind::Open, 1));
            }
            if p.watches && r.chance(0.45) {
                mail.push((o + r.between(3, 40), RAPPEL, MailKind::Click, 0));
            }
            if r.chance(0.003) {
                mail.push((o + r.between(60, 900), RAPPEL, MailKind::Unsub, 0));
            }
        }
        if r.chance(0.0015) {
            mail.push((d0 + r.between(60, 7200), RAPPEL, MailKind::Spam, 0));
        }
    }
    // The backup link, sent at 14:48:05.
    delivery(&mut mail, &mut r, SECOURS, d1, p.mailbox);

    plan.clear();
    let mut open: Option<i64> = None;
    let mut click: Option<i64> = None;
    if p.watches {
        let affected = p.isp == ORANGE && r.chance(0.90);
        let join = if r.chance(0.9) {
            r.between(day_ms(13, 50, 0), day_ms(14, 10, 0))
        } else {
            r.between(day_ms(14, 10, 0), day_ms(15, 30, 0))
        };
        let leave = if r.chance(0.93) {
            r.between(day_ms(16, 20, 0), day_ms(16, 40, 0))
        } else {
            r.between(join + 1_200_000, day_ms(16, 20, 0))
                .max(join + 1_200_000)
        };
        if r.chance(0.015) {
            // A double click on "play": a view abandoned within a second, then the real one.
            let s = join - r.between(1500, 4000);
            plan.push((s, s + r.between(150, 900), Kind::Short, Platform::Vimeo));
        }
        let mut segments = vec![(join, leave)];
        if r.chance(0.15) {
            let lo = (join + 300_000).max(day_ms(14, 20, 0));
            let hi = (leave - 600_000).min(day_ms(16, 0, 0));
            if hi > lo {
                let b = r.between(lo, hi);
                let back = b + r.between(20_000, 600_000);
                segments = vec![(join, b), (back, leave)];
            }
        }
        for (s, e) in segments {
            if r.chance(0.006) {
                if r.chance(0.5) || e - s < 300_000 {
                    let end = s + r.between(1500, 30_000);
                    plan.push((s, end, Kind::BaseExit, Platform::Vimeo));
                    let again = end + r.between(5000, 60_000);
                    if again + 60_000 < e {
                        plan.push((again, e, Kind::Ok, Platform::Vimeo));
                    }
                } else {
                    let x = r.between(s + 60_000, e - 60_000);
                    plan.push((s, x, Kind::BaseFatal, Platform::Vimeo));
                    let again = x + r.between(10_000, 90_000);
                    plan.push((again, e, Kind::Ok, Platform::Vimeo));
                }
            } else {
                plan.push((s, e, Kind::Ok, Platform::Vimeo));
            }
        }

        if affected {
            let way = if r.chance(0.08) {
                Way::GaveUp(r.between(2, 6) as u32)
            } else if r.chance(0.11) {
                Way::SelfFound
            } else {
                Way::Email
            };
            let switch: Option<i64> = match way {
                Way::GaveUp(_) => {
                    if delivered && r.chance(0.4) {
                        open = Some(d1 + 10 + r.exp(900.0) as i64);
                    }
                    None
                }
                Way::SelfFound => {
                    if delivered && r.chance(0.5) {
                        let o = d1 + 30 + r.exp(600.0) as i64;
                        open = Some(o);
                        if r.chance(0.1) {
                            click = Some(o + r.between(3, 25));
                        }
                    }
                    Some(r.between(day_ms(14, 35, 0), day_ms(14, 48, 0)))
                }
                Way::Email if delivered => {
                    let most = if p.device == Device::Phone { 450 } else { 270 };
                    let o = d1 + r.between(20, most);
                    open = Some(o);
                    if r.chance(0.88) {
                        let c = o + r.between(3, 25);
                        click = Some(c);
                        Some(unix_to_ms(c) + r.between(2000, 8000))
                    } else {
                        Some(unix_to_ms(o + r.between(30, 120)))
                    }
                }
                // No e-mail arrived: the banner on the members' site.
                Way::Email => Some(r.between(day_ms(14, 52, 0), day_ms(15, 8, 0))),
            };
            let f = INCIDENT_START_MS + r.between(0, INCIDENT_SPREAD_MS);
            let by = switch.unwrap_or(i64::MAX);
            if let Some(i) = plan.iter().position(|v| v.1 > f) {
                let vs = plan[i].0;
                let mut t = f;
                let mut hit = true;
                if vs < f {
                    plan[i].1 = f;
                    plan[i].2 = Kind::IncFatal;
                    plan.truncate(i + 1);
                } else if vs >= by {
                    // Joined late, already holding the YouTube link: never saw the black screen.
                    plan.truncate(i);
                    hit = false;
                } else {
                    plan.truncate(i);
                    let (len, kind) = retry(&mut r);
                    plan.push((vs, vs + len, kind, Platform::Vimeo));
                    t = vs + len;
                }
                if hit {
                    let mut failures = 1;
                    loop {
                        if let Way::GaveUp(g) = way {
                            if failures >= g {
                                break;
                            }
                        }
                        let next = t + r.between(60_000, 240_000);
                        if next >= by || next >= leave {
                            break;
                        }
                        let (len, kind) = retry(&mut r);
                        plan.push((next, next + len, kind, Platform::Vimeo));
                        t = next + len;
                        failures += 1;
                    }
                }
                let mut back = None;
                if let Some(s) = switch {
                    let ys = if hit { s } else { s.max(vs) };
                    if ys + 60_000 < leave {
                        plan.push((ys, leave, Kind::Ok, Platform::Youtube));
                        back = Some(ys);
                    }
                }
                if hit {
                    let first = plan
                        .iter()
                        .filter(|v| v.2.incident())
                        .map(|v| v.1)
                        .min()
                        .unwrap_or(f);
                    sim.first_failure_ms =
                        Some(sim.first_failure_ms.map_or(first, |m| m.min(first)));
                    sim.affected.push(Affected {
                        person: p.idx,
                        first_fail_ms: first,
                        back_ms: back,
                    });
                    if back.is_some() {
                        sim.affected_recovered += 1;
                    }
                    if matches!(way, Way::GaveUp(_)) {
                        sim.affected_gave_up += 1;
                    }
                }
            }
        } else if delivered && r.chance(0.5) {
            let o = d1 + 15 + r.exp(600.0) as i64;
            open = Some(o);
            if r.chance(0.22) {
                let c = o + r.between(3, 30);
                click = Some(c);
                // A handful of viewers who were fine move to YouTube anyway.
                let cms = unix_to_ms(c);
                if r.chance(0.12) {
                    if let Some(i) = plan
                        .iter()
                        .position(|v| v.0 <= cms && cms < v.1 && v.2 == Kind::Ok)
                    {
                        let last_end = plan.iter().map(|v| v.1).max().unwrap_or(cms);
                        let ys = cms + r.between(2000, 8000);
                        if ys + 600_000 < last_end {
                            plan[i].1 = cms + r.between(1000, 5000);
                            plan.truncate(i + 1);
                            plan.push((ys, last_end, Kind::Ok, Platform::Youtube));
                        }
                    }
                }
            }
        }
    } else if delivered && r.chance(0.35) {
        let o = d1 + 30 + r.exp(1200.0) as i64;
        open = Some(o);
        if r.chance(0.05) {
            click = Some(o + r.between(3, 40));
        }
    }
    if let Some(o) = open {
        mail.push((o, SECOURS, MailKind::Open, 0));
        if r.chance(0.12) {
            mail.push((o + r.between(60, 3600), SECOURS, MailKind::Open, 1));
        }
        if r.chance(0.0025) {
            mail.push((o + r.between(20, 300), SECOURS, MailKind::Unsub, 0));
        }
    }
    if let Some(c) = click {
        mail.push((c, SECOURS, MailKind::Click, 0));
    }
    if delivered && r.chance(0.001) {
        mail.push((d1 + r.between(60, 3600), SECOURS, MailKind::Spam, 0));
    }
    if delivered {
        sim.delivered_per_campaign[0] += 1;
        sim.delivered_per_campaign[1] += 1;
    }

    for &(t, campaign, kind, n) in &mail {
        sim.mail.push(MailEvent {
            t: t as u32,
            person: p.idx,
            campaign,
            kind,
            n,
        });
    }
    if plan.iter().any(|v| v.3 == Platform::Youtube) {
        sim.fallback_viewers += 1;
    }
    for (seq, &(s, e, kind, platform)) in plan.iter().enumerate() {
        let seq = seq as u16;
        if kind.failed() {
            sim.failed_views += 1;
        }
        if kind.incident() {
            sim.incident_failed_views += 1;
        }
        if kind == Kind::Short {
            sim.short_exits += 1;
        }
        sim.views.push(View {
            id: view_id(sim.seed, p.idx, seq),
            start: s as u32,
            end: e as u32,
            person: p.idx,
            seq,
            kind,
            platform,
        });
    }
}

/// The first event of a campaign for one recipient: sent, hard bounce or blocked.
fn delivery(
    mail: &mut Vec<(i64, u8, MailKind, u8)>,
    r: &mut Rng,
    campaign: u8,
    at_s: i64,
    mailbox: Mailbox,
) {
    match mailbox {
        Mailbox::Delivered => mail.push((at_s, campaign, MailKind::Sent, 0)),
        Mailbox::HardBounce => mail.push((at_s + r.between(1, 20), campaign, MailKind::Bounce, 0)),
        Mailbox::Blocked => mail.push((at_s, campaign, MailKind::Blocked, 0)),
    }
}

/// Unix seconds of an instant kept as ms since DAY0 (floored to the second).
pub fn unix_of(ms: i64) -> i64 {
    ms_to_unix(ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_minute_of_the_plenary_has_enough_views() {
        let sim = simulate(2020, 2000);
        let minute = |m: i64| m * 60_000;
        for m in (13 * 60 + 55)..=(16 * 60 + 30) {
            let (lo, hi) = (minute(m), minute(m + 1));
            let n = sim
                .views
                .iter()
                .filter(|v| i64::from(v.start) < hi && i64::from(v.end) >= lo)
                .count();
            assert!(n >= 20, "minute {m}: only {n} views active");
        }
    }

    #[test]
    fn the_incident_is_where_it_was_planted() {
        let sim = simulate(2020, 2000);
        let first = sim.first_failure_ms.unwrap_or(i64::MAX);
        assert!((INCIDENT_START_MS..INCIDENT_START_MS + 60_000).contains(&first));
        assert!(sim.affected.len() > 400, "{}", sim.affected.len());
        // No Vimeo view succeeds for an affected viewer after their first failure.
        let affected: std::collections::BTreeMap<u32, i64> = sim
            .affected
            .iter()
            .map(|a| (a.person, a.first_fail_ms))
            .collect();
        for v in &sim.views {
            if let Some(&f) = affected.get(&v.person) {
                if v.platform == Platform::Vimeo && i64::from(v.start) >= f {
                    assert!(v.kind.failed(), "a Vimeo retry succeeded");
                }
            }
        }
        // Baseline failures stay rare.
        let baseline = sim.failed_views - sim.incident_failed_views;
        assert!(baseline < 40, "{baseline}");
    }

    #[test]
    fn views_and_mail_are_sorted() {
        let sim = simulate(7, 300);
        assert!(sim
            .views
            .windows(2)
            .all(|w| (w[0].start, w[0].id) < (w[1].start, w[1].id)));
        assert!(sim.mail.windows(2).all(|w| w[0].t <= w[1].t));
    }
}
