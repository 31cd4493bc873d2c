//! The team's own files in the sample folder: the ops log kept on the day (local Paris times,
//! no `start` entry: the team never logged one), the debrief.toml they wrote afterwards, and the
//! debrief meeting's lessons.md.

use crate::text::{INCIDENT_TAG, KEYWORDS};
use crate::time::paris_to_unix;

/// Ops-log entries: (local hh, mm, kind, text, owner, timebox).
pub const OPS_LOG: [(u32, u32, &str, &str, &str, &str); 9] = [
    (15, 0, "note", "Plenary live on Vimeo", "Marc", ""),
    (
        15,
        24,
        "detection",
        "Support reports many black-screen chats; tweets from Orange subscribers",
        "Claire",
        "",
    ),
    (
        15,
        27,
        "attempt",
        "Restart the encoder and the Vimeo event",
        "Marc",
        "10m",
    ),
    (
        15,
        39,
        "attempt",
        "Switch Vimeo ingest to backup encoder",
        "Marc",
        "5m",
    ),
    (15, 44, "decision", "Move the live to YouTube", "Anne", ""),
    (
        15,
        46,
        "mitigation",
        "YouTube stream live, backup link ready",
        "Marc",
        "",
    ),
    (
        15,
        49,
        "communication",
        "Backup link e-mail sent via Mailjet, banner on the members' site",
        "Julie",
        "",
    ),
    (
        16,
        2,
        "recovery",
        "Affected participants watching again on YouTube",
        "Claire",
        "",
    ),
    (
        18,
        0,
        "note",
        "Replay published on the \"Replays\" page",
        "Julie",
        "",
    ),
];

/// The event window of the config, local Paris (hour, minute) on the event day.
pub const EVENT_START: (u32, u32) = (14, 30);
pub const EVENT_END: (u32, u32) = (19, 0);

/// The config's event window in unix seconds, [start, end).
pub fn event_window() -> Result<(i64, i64), String> {
    Ok((
        paris_to_unix(2020, 11, 27, EVENT_START.0, EVENT_START.1)?,
        paris_to_unix(2020, 11, 27, EVENT_END.0, EVENT_END.1)?,
    ))
}

/// ops_log.csv text.
pub fn ops_log() -> String {
    let mut s = String::from("time,kind,text,owner,timebox\n");
    for (h, m, kind, text, owner, timebox) in OPS_LOG {
        s.push_str(&format!("2020-11-27 {h:02}:{m:02},{kind},"));
        crate::out::push_csv(&mut s, text);
        s.push_str(&format!(",{owner},{timebox}\n"));
    }
    s
}

/// UTC unix time of the first ops-log entry of `kind`.
pub fn logged(kind: &str) -> Result<i64, String> {
    let (h, m, ..) = OPS_LOG
        .iter()
        .find(|e| e.2 == kind)
        .ok_or_else(|| format!("the ops log has no {kind} entry"))?;
    paris_to_unix(2020, 11, 27, *h, *m)
}

/// debrief.toml text.
pub fn config() -> String {
    let list = |xs: &[&str]| {
        xs.iter()
            .map(|x| format!("\"{x}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        r#"# debrief configuration for the SSF 2020 opening plenary (Friday 27 November 2020).
# Written by the ops team the day after; read by `debrief report` from this folder.

[event]
name = "Semaines sociales 2020 - opening plenary"
timezone = "Europe/Paris"        # our exports without a zone (ops log, Billetweb) are Paris time
start = "2020-11-27T{sh:02}:{sm:02}"       # doors open on the members' site
end = "2020-11-27T{eh:02}:{em:02}"         # end of the Friday programme

[incident]
# What participants wrote when the stream went black (case and accents do not matter).
keywords = [{keywords}]
# The tag support agents added to black-screen tickets during the incident.
ticket_tags = ["{tag}"]
# Mailjet custom campaign of the backup-link e-mail.
email_campaigns = ["lien-secours"]
backup_urls = ["youtube.com/"]
# Where the live moved when Vimeo failed for Orange subscribers.
fallback_platforms = ["youtube"]

[org]
social_handles = ["ssf_officiel"]

[targets]
# What we promised ourselves after the 2019 edition.
time_to_detect = "10m"
time_to_communicate = "15m"
time_to_mitigate = "30m"
time_to_recover = "45m"

[report]
bucket = "5m"

[privacy]
salt = "ssf-2020-debrief"
"#,
        keywords = list(&KEYWORDS),
        tag = INCIDENT_TAG,
        sh = EVENT_START.0,
        sm = EVENT_START.1,
        eh = EVENT_END.0,
        em = EVENT_END.1,
    )
}

/// lessons.md text.
pub const LESSONS: &str = r#"# Debrief: opening plenary, Friday 27 November 2020

Present: Anne (event lead), Marc (streaming), Claire (support), Julie (communication), Thomas (members' site).
Our streaming supplier joined for the first half hour.

## What happened
The opening plenary went live on Vimeo at 15:00. A quarter of an hour later a large part of the
audience saw a black screen. Nothing came from Vimeo or from our supplier: the first clues were
tweets from Orange subscribers, then a wave of chats on Zendesk. Routes between Orange and several
large platforms, Vimeo among them, were disrupted; other ISPs were fine. We restarted the encoder,
then switched to the backup encoder, which changed nothing, and then moved the live to YouTube. The
backup link went out by e-mail through Mailjet, on the members' site and on Twitter. By 16:00 most
affected participants were watching again; the replay went online in the evening.

## What went well
- The YouTube channel was ready and the switch itself took two minutes.
- The backup e-mail reached almost everyone within five minutes, and most affected participants
  clicked it.
- Support stayed polite and calm under a queue three times longer than usual.

## What to change
- **Serve mobile users better.** Many participants watched on a phone; the backup link was harder to
  open there and those viewers came back last.
- **Be present on social media.** Twitter told us about the problem before our own tools did, and we
  posted nothing there until 15:50. Someone must watch the hashtag and our mentions during every live.
- **Reduce the load on support.** Agents answered the same question again and again; a status banner
  and a ready-made answer would have freed them.
- **Plan B, C and D.** We spent twenty minutes on fixes that could not work. Timebox each attempt and
  move to the next plan when the timebox runs out: second platform, audio-only line, replay.
- **Pre-written messages.** The backup e-mail was written during the incident. Keep e-mail, post and
  banner texts ready, in French and English.

## Action items
- [ ] Keep a second streaming platform live and tested before every plenary (Marc, due 2021-03-01)
- [ ] Write the backup e-mail, post and site banner in advance, in French and English (Julie, due 2021-02-15)
- [ ] Name a social-media watcher for every live session, with the hashtag and mentions on screen (Anne, due 2021-02-15)
- [ ] Timebox each fix attempt to 5 minutes and switch to the next plan when it runs out (Marc, due 2021-03-01)
- [ ] Add a one-click support answer and a status banner for known incidents (Claire, due 2021-02-01)
- [ ] Test the player on phones and on the main French ISPs the week before the event (Thomas, due 2021-03-15)
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::at;

    #[test]
    fn ops_log_has_no_start_and_is_local_time() {
        assert!(OPS_LOG.iter().all(|e| e.2 != "start"));
        assert_eq!(logged("detection"), Ok(at(14, 24, 0)));
        let text = ops_log();
        assert!(text.contains(
            "2020-11-27 15:46,mitigation,\"YouTube stream live, backup link ready\",Marc,\n"
        ));
        assert!(text.contains("\"Replay published on the \"\"Replays\"\" page\""));
    }

    #[test]
    fn the_event_window_is_the_configs() {
        // 14:30 to 19:00 in Paris, UTC+1 in November.
        assert_eq!(event_window(), Ok((at(13, 30, 0), at(18, 0, 0))));
        let c = config();
        assert!(c.contains("start = \"2020-11-27T14:30\""));
        assert!(c.contains("end = \"2020-11-27T19:00\""));
    }
}
