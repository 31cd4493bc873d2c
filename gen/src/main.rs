//! debrief-gen's command line; the generator itself is the library (`src/lib.rs`).
//!
//! Usage: `debrief-gen --out DIR --planted FILE [--seed N (2020)] [--participants N (2000)]`.

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
    debrief_gen::generate(&args.out, &args.planted, args.seed, args.participants)
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
