//! Mailjet Event API log, as a team saves its webhook: NDJSON, one event object per line,
//! sorted by time. `MessageID` exceeds 2^53 and is written as a bare JSON number;
//! `mj_campaign_id` is a number on some lines and a string on others (as Mailjet does); a few
//! lines are exact repeats (webhook retries).

use crate::out::{Obj, Out};
use crate::people::{person, Device, ISPS};
use crate::rng::{choose_sorted, Rng};
use crate::sim::{MailEvent, MailKind, Sim, CAMPAIGNS, SECOURS};
use std::path::Path;

const TAG_MAIL_ROW: u64 = 0x4D41_494C;
const TAG_MAIL_DUP: u64 = 0x4455_504C;
const TAG_GUID: u64 = 0x4755_4944;

/// mj_campaign_id of each campaign.
const CAMPAIGN_IDS: [u64; 2] = [7_581_204, 7_581_392];
/// The mj_list_id of the participants' contact list.
const LIST_ID: u64 = 1_764_310;
/// The link of the reminder (Vimeo event page) and of the backup e-mail.
pub const URLS: [&str; 2] = [
    "https://vimeo.com/event/514820",
    "https://www.youtube.com/watch?v=ssf2020live",
];

/// What the writer counted.
#[derive(Debug, Default)]
pub struct MailStats {
    pub rows: u64,
    pub duplicates: u64,
    pub first_backup_event: Option<i64>,
    pub first_backup_delivered: Option<i64>,
}

/// Mailjet's MessageID of one participant's message of one campaign (> 2^53).
fn message_id(campaign: u8, person: u32) -> u64 {
    288_230_376_151_711_744 + (u64::from(campaign) << 40) + u64::from(person) * 7919 + 1_234_567
}

fn guid(seed: u64, campaign: u8, person: u32) -> String {
    let mut r = Rng::stream(
        seed,
        TAG_GUID,
        (u64::from(person) << 8) | u64::from(campaign),
    );
    let (a, b) = (r.next_u64(), r.next_u64());
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        0x8000 | ((b >> 48) & 0x3fff),
        b & 0xffff_ffff_ffff
    )
}

const DESKTOP_AGENTS: [&str; 4] = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.198 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:83.0) Gecko/20100101 Firefox/83.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
];
const PHONE_AGENTS: [&str; 3] = [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 14_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    "Mozilla/5.0 (Linux; Android 10; SM-G973F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.185 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
];
const TABLET_AGENTS: [&str; 2] = [
    "Mozilla/5.0 (iPad; CPU OS 14_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    "Mozilla/5.0 (Linux; Android 9; SM-T510) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.185 Safari/537.36",
];
const BOUNCE_ERRORS: [&str; 3] = ["user unknown", "mailbox inactive", "domain error"];
const BLOCK_ERRORS: [&str; 3] = ["preblocked", "spam reporter", "user unknown"];
const SPAM_SOURCES: [&str; 2] = ["JMRPP", "FBL"];

/// The mail client of an open, click or unsubscribe (image proxies included).
fn agent(r: &mut Rng, device: Device) -> &'static str {
    match device {
        Device::Desktop => r.pick_copy(&DESKTOP_AGENTS),
        Device::Phone => r.pick_copy(&PHONE_AGENTS),
        Device::Tablet => r.pick_copy(&TABLET_AGENTS),
    }
}

/// One event as a JSON line (without the newline).
fn line(seed: u64, e: &MailEvent) -> String {
    let p = person(seed, e.person);
    let c = usize::from(e.campaign);
    let mut r = Rng::stream(
        seed,
        TAG_MAIL_ROW,
        (u64::from(e.person) << 16)
            | (u64::from(e.campaign) << 12)
            | ((e.kind as u64) << 8)
            | u64::from(e.n),
    );
    let mid = message_id(e.campaign, e.person);
    let mut s = String::with_capacity(400);
    let mut o = Obj::new(&mut s);
    let name = match e.kind {
        MailKind::Sent => "sent",
        MailKind::Open => "open",
        MailKind::Click => "click",
        MailKind::Bounce => "bounce",
        MailKind::Blocked => "blocked",
        MailKind::Spam => "spam",
        MailKind::Unsub => "unsub",
    };
    o.s("event", name)
        .n("time", e.t)
        .n("MessageID", mid)
        .s("Message_GUID", &guid(seed, e.campaign, e.person))
        .s("email", &p.email);
    if r.chance(0.3) {
        o.s("mj_campaign_id", &CAMPAIGN_IDS[c].to_string());
    } else {
        o.n("mj_campaign_id", CAMPAIGN_IDS[c]);
    }
    o.n(
        "mj_contact_id",
        2_150_000_000u64 + u64::from(e.person) * 3 + 1,
    )
    .s("customcampaign", CAMPAIGNS[c]);
    let ip = format!(
        "{}.{}",
        r.pick(&["192.0.2", "198.51.100", "203.0.113"]),
        r.between(1, 255)
    );
    let geo = ISPS[p.isp].country_code;
    match e.kind {
        MailKind::Sent => {
            let reply = if r.chance(0.5) {
                format!(
                    "sent (250 2.0.0 OK {} {}si{}wrn.{} - gsmtp)",
                    e.t,
                    r.pick(&["a12", "x7", "k3", "q19"]),
                    r.between(1_000_000, 9_999_999),
                    r.between(10, 400)
                )
            } else {
                format!("sent (250 Ok: queued as 4Cj{:08X})", r.next_u64() >> 32)
            };
            o.s("mj_message_id", &mid.to_string())
                .s("smtp_reply", &reply)
                .s("CustomID", "")
                .s("Payload", "");
        }
        MailKind::Open | MailKind::Click => {
            o.s("CustomID", "").s("Payload", "");
            if e.kind == MailKind::Click {
                o.s("url", URLS[c]);
            }
            o.s("ip", &ip)
                .s("geo", geo)
                .s("agent", agent(&mut r, p.device));
        }
        MailKind::Bounce => {
            o.s("CustomID", "")
                .s("Payload", "")
                .n("blocked", false)
                .n("hard_bounce", true)
                .s("error_related_to", "recipient")
                .s("error", r.pick_copy(&BOUNCE_ERRORS));
        }
        MailKind::Blocked => {
            o.s("CustomID", "")
                .s("Payload", "")
                .s("error_related_to", "recipient")
                .s("error", r.pick_copy(&BLOCK_ERRORS));
        }
        MailKind::Spam => {
            o.s("CustomID", "")
                .s("Payload", "")
                .s("source", r.pick_copy(&SPAM_SOURCES));
        }
        MailKind::Unsub => {
            o.s("CustomID", "")
                .s("Payload", "")
                .n("mj_list_id", LIST_ID)
                .s("ip", &ip)
                .s("geo", geo)
                .s("agent", agent(&mut r, p.device));
        }
    }
    o.end();
    s
}

/// Writes the NDJSON log.
pub fn write(path: &Path, sim: &Sim) -> Result<MailStats, String> {
    let mut out = Out::create(path)?;
    let scale = f64::from(sim.participants) / 2000.0;
    let wanted = if sim.mail.is_empty() {
        0
    } else {
        ((20.0 * scale).round() as usize).max(1)
    };
    let dups = choose_sorted(
        &mut Rng::stream(sim.seed, TAG_MAIL_DUP, 0),
        sim.mail.len(),
        wanted,
    );
    let mut next_dup = dups.iter().peekable();
    let mut stats = MailStats::default();
    for (i, e) in sim.mail.iter().enumerate() {
        let mut l = line(sim.seed, e);
        l.push('\n');
        out.put(&l)?;
        stats.rows += 1;
        if next_dup.peek() == Some(&&i) {
            next_dup.next();
            out.put(&l)?;
            stats.rows += 1;
            stats.duplicates += 1;
        }
        if e.campaign == SECOURS {
            let t = i64::from(e.t);
            stats.first_backup_event.get_or_insert(t);
            if e.kind == MailKind::Sent {
                stats.first_backup_delivered.get_or_insert(t);
            }
        }
    }
    out.finish()?;
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_ids_are_beyond_f64_precision_and_unique() {
        assert!(message_id(0, 0) > 1 << 53);
        assert_ne!(message_id(0, 1), message_id(1, 1));
        assert_ne!(message_id(0, 1), message_id(0, 2));
    }

    #[test]
    fn lines_parse_as_json_with_exact_ids() {
        let e = MailEvent {
            t: 1_606_484_885,
            person: 5,
            campaign: SECOURS,
            kind: MailKind::Click,
            n: 0,
        };
        let l = line(2020, &e);
        let v: serde_json::Value = serde_json::from_str(&l).unwrap_or_default();
        assert_eq!(v["MessageID"].as_u64(), Some(message_id(SECOURS, 5)));
        assert_eq!(v["url"], URLS[1]);
    }
}
