//! debrief-gen: writes debrief's sample event (and larger ones of the same shape) in the real
//! vendors' export formats, deterministically from a seed, together with what it planted.
//!
//! The committed sample is regenerated, from the repository root, with:
//!
//! ```text
//! cargo run -p debrief-gen -- --out sample_data --planted tests/fixtures/sample_planted.json
//! ```
//!
//! Usage: `debrief-gen --out DIR --planted FILE [--seed N (2020)] [--participants N (2000)]`.
//!
//! The story: the opening plenary of an online conference (Friday 2020-11-27, Europe/Paris)
//! streams on Vimeo from 14:00 UTC; at 14:12 UTC Orange's route to Vimeo breaks and most Orange
//! viewers see a black screen. Tweets signal it from 14:14, support chats pile up, the team
//! logs the detection at 14:24, tries two fixes, moves the live to YouTube and e-mails the
//! backup link at 14:48; the affected viewers come back on YouTube. See `sim` for the viewing
//! and e-mail model, `zendesk` and `social` for the tickets and posts, `docs` for the team's
//! own files. Output never depends on a HashMap's order or on a crate's random numbers.

mod billetweb;
mod docs;
mod mailjet;
mod mux;
mod out;
mod people;
mod planted;
mod rng;
mod sim;
mod social;
mod text;
mod time;
mod zendesk;

use std::path::Path;

/// Writes the event of `participants` registrations from `seed` into `out` (exports, the
/// team's config, ops log and lessons) and what it planted into `planted_path`.
pub fn generate(
    out: &Path,
    planted_path: &Path,
    seed: u64,
    participants: u32,
) -> Result<(), String> {
    let exports = out.join("exports");
    let sim = sim::simulate(seed, participants);
    let mux_rows = mux::write(&exports.join("mux_views_2020-11-27.csv"), &sim)?;
    let mail = mailjet::write(&exports.join("mailjet_events.ndjson"), &sim)?;
    let tickets = zendesk::tickets(&sim)?;
    zendesk::check_rules(&tickets)?;
    let ticket_stats = zendesk::write(&exports, &sim, &tickets)?;
    let social = social::write(&exports.join("x_mentions.json"), seed, participants)?;
    billetweb::write(
        &exports.join("billetweb_attendees.json"),
        seed,
        participants,
    )?;
    out::write_file(&out.join("debrief.toml"), &docs::config())?;
    out::write_file(&out.join("ops_log.csv"), &docs::ops_log())?;
    out::write_file(&out.join("lessons.md"), docs::LESSONS)?;
    let planted = planted::render(&planted::Counts {
        sim: &sim,
        mail: &mail,
        tickets: &ticket_stats,
        social: &social,
        mux_rows,
    })?;
    out::write_file(planted_path, &planted)
}

/// Writes only the event's viewing export (the Mux views CSV) to `path`, for tests that need
/// the viewing of a large event and nothing else; returns the rows written.
pub fn write_viewing(path: &Path, seed: u64, participants: u32) -> Result<u64, String> {
    mux::write(path, &sim::simulate(seed, participants))
}
