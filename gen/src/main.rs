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

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: debrief-gen --out DIR --planted FILE [--seed N] [--participants N]";

/// Command-line options.
#[derive(Debug)]
struct Args {
    out: PathBuf,
    planted: PathBuf,
    seed: u64,
    participants: u32,
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    let (mut out, mut planted, mut seed, mut participants) = (None, None, 2020u64, 2000u32);
    while let Some(flag) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match flag.as_str() {
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--planted" => planted = Some(PathBuf::from(value("--planted")?)),
            "--seed" => {
                let v = value("--seed")?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed: not a non-negative integer: {v}"))?;
            }
            "--participants" => {
                let v = value("--participants")?;
                participants = v
                    .parse()
                    .ok()
                    .filter(|&n: &u32| (1..=10_000_000).contains(&n))
                    .ok_or_else(|| {
                        format!("--participants: not an integer in 1..=10000000: {v}")
                    })?;
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument: {other}")),
        }
    }
    Ok(Args {
        out: out.ok_or("--out is required")?,
        planted: planted.ok_or("--planted is required")?,
        seed,
        participants,
    })
}

fn run(args: &Args) -> Result<(), String> {
    let exports = args.out.join("exports");
    let sim = sim::simulate(args.seed, args.participants);
    let mux_rows = mux::write(&exports.join("mux_views_2020-11-27.csv"), &sim)?;
    let mail = mailjet::write(&exports.join("mailjet_events.ndjson"), &sim)?;
    let tickets = zendesk::tickets(&sim)?;
    zendesk::check_rules(&tickets)?;
    let ticket_stats = zendesk::write(&exports, &sim, &tickets)?;
    let social = social::write(
        &exports.join("x_mentions.json"),
        args.seed,
        args.participants,
    )?;
    billetweb::write(
        &exports.join("billetweb_attendees.json"),
        args.seed,
        args.participants,
    )?;
    out::write_file(&args.out.join("debrief.toml"), &docs::config())?;
    out::write_file(&args.out.join("ops_log.csv"), &docs::ops_log())?;
    out::write_file(&args.out.join("lessons.md"), docs::LESSONS)?;
    let planted = planted::render(&planted::Counts {
        sim: &sim,
        mail: &mail,
        tickets: &ticket_stats,
        social: &social,
        mux_rows,
    })?;
    out::write_file(&args.planted, &planted)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("debrief-gen: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("debrief-gen: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(xs: &[&str]) -> Result<Args, String> {
        parse_args(xs.iter().map(|s| s.to_string()))
    }

    #[test]
    fn parses_flags_and_defaults() {
        let a = args(&["--out", "o", "--planted", "p.json"]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((a.seed, a.participants), (2020, 2000));
        let a = args(&[
            "--out",
            "o",
            "--planted",
            "p",
            "--seed",
            "7",
            "--participants",
            "10",
        ])
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((a.seed, a.participants), (7, 10));
        assert!(args(&["--out", "o"]).is_err());
        assert!(args(&["--out", "o", "--planted", "p", "--participants", "0"]).is_err());
        assert!(args(&["--bogus"]).is_err());
    }
}
