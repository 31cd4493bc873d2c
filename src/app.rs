//! The commands, as the pipeline reads: ingest -> tables -> queries -> analysis -> report
//! model -> outputs. `main` calls [`run`] and maps its error to an exit code.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use chrono_tz::Tz;

use crate::analysis;
use crate::cli::{Cli, Command};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::ingest::{self, Ingested};
use crate::queries::{self, Runner};
use crate::report::{self, metrics::Metrics, model, outputs, render};
use crate::tables::Tables;
use crate::timings::{self, Stage};

/// Folder name of the bundled sample event.
const SAMPLE: &str = "sample_data";

/// The templates `debrief init` writes.
const INIT_FILES: [(&str, &str); 3] = [
    ("debrief.toml", include_str!("init/debrief.toml")),
    ("ops_log.csv", include_str!("init/ops_log.csv")),
    ("lessons.md", include_str!("init/lessons.md")),
];

/// Runs a command.
pub fn run(cli: Cli) -> Result<()> {
    let timing = cli.command.timings().then(|| {
        timings::enable();
        Stage::start("total")
    });
    let done = match cli.command {
        Command::Report {
            input,
            config,
            out,
            debug_context,
            compare,
            lang,
            export_tables,
            ..
        } => report(
            input,
            config,
            &out,
            debug_context,
            compare.as_deref(),
            lang,
            export_tables.as_deref(),
        ),
        Command::Check { input, config, .. } => check(input, config),
        Command::Init { dir } => init(&dir),
        Command::Queries { input } => {
            for q in queries::builtins() {
                println!("{:<28} built-in  {}", q.name, q.description);
            }
            let dir = input_dir(input)?;
            for q in queries::user_queries(&dir)? {
                let d = if q.description.is_empty() {
                    "(no leading -- comment)".to_string()
                } else {
                    q.description
                };
                println!("{:<28} yours     {d}", q.name);
            }
            Ok(())
        }
    };
    if let Some(t) = timing {
        t.done("", "");
    }
    done
}

/// The input folder: the one given; else the working folder when it holds a `debrief.toml` or
/// a recognised export of its own (a file in it, not in a subfolder: the repository root,
/// whose `sample_data/` holds exports, is not an input); else the bundled sample event (in the
/// working folder, or next to the sources the binary was built from), said on stderr.
fn input_dir(input: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = input {
        return Ok(dir);
    }
    let here = std::env::current_dir().map_err(|e| Error::io(".", e))?;
    if here.join("debrief.toml").is_file() || ingest::holds_export(&here) {
        return Ok(here);
    }
    let sample = [
        PathBuf::from(SAMPLE),
        Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE),
    ]
    .into_iter()
    .find(|p| p.is_dir());
    match sample {
        Some(dir) => {
            eprintln!(
                "No folder given, and this one holds no debrief.toml and no export: reading the bundled sample event ({}). For yours: debrief report DIR",
                dir.display()
            );
            Ok(dir)
        }
        None => Err(Error::Usage(format!(
            "no input folder given, no debrief.toml or export here, and the bundled sample ({SAMPLE}/) is not here: run `debrief report DIR` on your exports"
        ))),
    }
}

fn load_config(dir: &Path, explicit: Option<PathBuf>) -> Result<Config> {
    match explicit {
        Some(p) if !p.is_file() => Err(Error::Usage(format!(
            "--config {}: no such file",
            p.display()
        ))),
        Some(p) => Config::load(&p),
        None => {
            let p = dir.join("debrief.toml");
            if p.is_file() {
                Config::load(&p)
            } else {
                Ok(Config::default())
            }
        }
    }
}

fn say(line: &str) {
    // One-line summaries on stderr, so stdout stays clean for `check` and `queries`.
    crate::progress::done();
    if std::io::stderr().is_terminal() {
        eprintln!("\u{2713} {line}");
    } else {
        eprintln!("{line}");
    }
}

fn read_inputs(
    input: Option<PathBuf>,
    config: Option<PathBuf>,
) -> Result<(PathBuf, Config, Ingested)> {
    let dir = input_dir(input)?;
    let config = load_config(&dir, config)?;
    let timing = Stage::start("ingest");
    let ingested = ingest::ingest_dir(&dir, &config)?;
    let (read, kept) = ingested
        .sources
        .iter()
        .fold((0, 0), |(r, k), s| (r + s.rows_read, k + s.rows_kept));
    timing.done(
        &format!("all {} files", ingested.sources.len()),
        &format!("read {read} kept {kept}"),
    );
    Ok((dir, config, ingested))
}

/// The canonical tables, timed.
fn built(ingested: &mut Ingested, config: &Config) -> Result<Tables> {
    let timing = Stage::start("tables");
    let tables = Tables::take(&mut ingested.rows, config.bucket_s)?;
    timing.done("canonical tables", "");
    crate::memory::reading_done();
    Ok(tables)
}

/// The guard rails' warnings ([`analysis::guards`]), one line each on stderr.
fn config_warnings(
    tables: &Tables,
    runner: &mut Runner,
    config: &Config,
    ingested: &Ingested,
) -> Result<Vec<analysis::guards::ConfigWarning>> {
    let warnings = analysis::guards::warnings(
        tables,
        runner,
        config,
        &ingested.sources,
        &ingested.clock_pairs,
    )?;
    print_warnings(&warnings);
    Ok(warnings)
}

/// The guard rails' warnings on stderr, after the progress line.
fn print_warnings(warnings: &[analysis::guards::ConfigWarning]) {
    crate::progress::done();
    for w in warnings {
        eprintln!("warning: {}", w.text);
    }
}

fn report(
    input: Option<PathBuf>,
    config: Option<PathBuf>,
    out: &Path,
    debug_context: bool,
    compare: Option<&Path>,
    lang: Option<Lang>,
    export_tables: Option<&Path>,
) -> Result<()> {
    // A wrong --compare fails before any work.
    let previous = compare.map(report::compare::load_previous).transpose()?;
    let (dir, mut config, mut ingested) = read_inputs(input, config)?;
    // --lang wins over `[report] language`.
    config.language = lang.unwrap_or(config.language);
    require_recognised(&dir, &ingested)?;
    let rows: u64 = ingested.sources.iter().map(|s| s.rows_kept).sum();
    say(&format!(
        "read {} files from {} ({rows} rows kept)",
        ingested.sources.len(),
        dir.display()
    ));
    let tables = built(&mut ingested, &config)?;
    let mut runner = Runner::new(&tables);
    // The guard rails need nothing of the analysis: they run beside it, on a query context of
    // their own, in the core time its queries leave idle (BENCHMARKS.md, tenth session), and
    // the built-in queries both ask for run once. Their warnings are printed after the
    // analysis, as before.
    let mut beside = runner.beside(&tables);
    let (analysed, warnings) = std::thread::scope(|s| {
        let guards = s.spawn(|| {
            let timing = Stage::start("analysis");
            let warnings = analysis::guards::warnings(
                &tables,
                &mut beside,
                &config,
                &ingested.sources,
                &ingested.clock_pairs,
            );
            timing.done("guard rails (queries above, beside the analysis)", "");
            warnings
        });
        let timing = Stage::start("analysis");
        let analysed = analysis::analyse(
            &tables,
            &mut runner,
            &config,
            &ingested.rows.log,
            ingested.failures_known(),
        );
        timing.done("the whole analysis (all of the above)", "");
        match guards.join() {
            Ok(warnings) => (analysed, warnings),
            // A panic in the guard rails is this thread's, as if they had run here.
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    let mut analysis = analysed?;
    analysis.config_warnings = warnings?;
    print_warnings(&analysis.config_warnings);
    // The analysis is done: what runs now (the user's queries, the export) sees text.
    runner.categoricals_as_text()?;
    crate::progress::done();
    if std::io::stderr().is_terminal() {
        // A stage line for the person watching; logs and pipes get what they always got.
        say("analysed the incident: onsets, milestones, impact, reach, engagement");
    }
    if let Some(dir) = export_tables {
        let timing = Stage::start("export");
        let written = runner.export_parquet(dir)?;
        let rows: usize = written.iter().map(|w| w.1).sum();
        timing.done(&dir.display().to_string(), &format!("rows {rows}"));
        say(&format!(
            "wrote {} tables as Parquet to {}",
            written.len(),
            dir.display()
        ));
    }
    let timing = Stage::start("model");
    let mut metrics = Metrics::build(&config, &ingested.sources, &analysis);
    if let Some(prev) = &previous {
        let now = serde_json::to_value(&metrics).map_err(|e| Error::Render {
            what: "metrics.json".into(),
            message: e.to_string(),
        })?;
        metrics.comparison = Some(report::compare::compare(&now, prev));
    }
    let lessons_path = dir.join("lessons.md");
    let lessons = if lessons_path.is_file() {
        Some(std::fs::read_to_string(&lessons_path).map_err(|e| Error::io(&lessons_path, e))?)
    } else {
        None
    };
    let user = runner.run_user(queries::user_queries(&dir)?);
    let mut model = model::build(
        &config,
        &ingested.sources,
        &analysis,
        &ingested.rows.log,
        lessons.as_deref(),
        &user,
    )?;
    if let Some(c) = &metrics.comparison {
        model.set_comparison(report::compare::ComparisonView::in_lang(c, model.lang));
    }
    timing.done("metrics, report model (your queries above)", "");
    let timing = Stage::start("render");
    let html = render::report_html(&model, Some(&dir.join("report_templates")))?;
    timing.done("report.html", &format!("bytes {}", html.len()));
    let timing = Stage::start("write");
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    outputs::write_atomic(out, "metrics.json", &outputs::metrics_json(&metrics)?)?;
    outputs::write_atomic(
        out,
        "timeline.csv",
        &outputs::timeline_csv(&model.timeline)?,
    )?;
    outputs::write_atomic(
        out,
        "runbook.md",
        &outputs::runbook_md(&model, config.language),
    )?;
    outputs::write_atomic(out, "report.html", &html)?;
    if user.iter().any(|u| u.result.is_ok()) {
        let qdir = out.join("queries");
        std::fs::create_dir_all(&qdir).map_err(|e| Error::io(&qdir, e))?;
        for u in &user {
            if let Ok(df) = &u.result {
                outputs::write_atomic(
                    &qdir,
                    &format!("{}.csv", u.query.name),
                    &queries::to_csv(df)?,
                )?;
            }
        }
    }
    for u in &user {
        if let Err(e) = &u.result {
            say(&format!("your query {} failed: {e}", u.query.name));
        }
    }
    if debug_context {
        let ctx = serde_json::to_vec_pretty(&model).map_err(|e| Error::Render {
            what: "report context".into(),
            message: e.to_string(),
        })?;
        outputs::write_atomic(out, "report-context.json", &ctx)?;
    }
    timing.done(&out.display().to_string(), "");
    say(&format!(
        "wrote report.html, metrics.json, timeline.csv, runbook.md to {}",
        out.display()
    ));
    Ok(())
}

fn check(input: Option<PathBuf>, config: Option<PathBuf>) -> Result<()> {
    let (dir, config, mut ingested) = read_inputs(input, config)?;
    println!("{}", dir.display());
    println!(
        "{:<44} {:<28} {:<14} {:>8} {:>8} {:>8} {:>6} {:>8}  time zone",
        "file", "format", "table", "read", "kept", "rejected", "dups", "warnings"
    );
    for s in &ingested.sources {
        let zone = match (&s.timezone, s.timezone_origin) {
            (Some(z), Some(o)) => format!("{z} ({o})"),
            _ => "-".into(),
        };
        println!(
            "{:<44} {:<28} {:<14} {:>8} {:>8} {:>8} {:>6} {:>8}  {zone}",
            s.path,
            s.format.unwrap_or("not recognised"),
            s.kind().unwrap_or("-"),
            s.rows_read,
            s.rows_kept,
            s.rows_rejected,
            s.duplicates_removed,
            s.warning_count
        );
        if let Some(p) = s.problem(Lang::En) {
            println!("    problem: {p}");
        }
        if let Some(e) = s.encoding.filter(|e| *e != "utf-8") {
            println!("    read as {e}");
        }
        for r in s.rejections.iter().take(5) {
            match r.line {
                Some(l) => println!("    line {l}: {}", r.reason),
                None => println!("    {}", r.reason),
            }
        }
        for w in s.warnings.iter().take(5) {
            match w.line {
                Some(l) => println!("    warning: line {l}: {}", w.reason),
                None => println!("    warning: {}", w.reason),
            }
        }
    }
    require_recognised(&dir, &ingested)?;
    let tables = built(&mut ingested, &config)?;
    let timing = Stage::start("analysis");
    config_warnings(&tables, &mut Runner::new(&tables), &config, &ingested)?;
    timing.done("guard rails (queries above)", "");
    Ok(())
}

/// Refuses a folder in which no file is a recognised export: a report of zeros would pass
/// for an event where nothing happened. The message lists what was found and, for each
/// file, why it was not read (its nearest format).
fn require_recognised(dir: &Path, ingested: &Ingested) -> Result<()> {
    if ingested.sources.iter().any(|s| s.format.is_some()) {
        return Ok(());
    }
    let message = if ingested.sources.is_empty() {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| Error::io(dir, e))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect();
        names.sort();
        let found = match names.len() {
            0 => "the folder is empty".to_string(),
            n if n > 10 => format!("it holds only {}, ... ({n} in all)", names[..10].join(", ")),
            _ => format!("it holds only {}", names.join(", ")),
        };
        format!(
            "no export to read: {found} (debrief.toml, lessons.md, notes, queries/ and report_templates/ are not exports). Put the vendors' exports (CSV, JSON, NDJSON) in this folder"
        )
    } else {
        let mut m = format!(
            "none of its {} files is a recognised export:",
            ingested.sources.len()
        );
        for s in &ingested.sources {
            let why = s
                .problem(Lang::En)
                .unwrap_or_else(|| "not recognised".into());
            m.push_str(&format!("\n  {}: {why}", s.path));
        }
        m
    };
    Err(Error::input(dir, message))
}

fn init(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let env = |k: &str| std::env::var(k).ok();
    let zone = machine_zone(env("TZ"), || iana_time_zone::get_timezone().ok());
    let language = user_language(env("LC_ALL"), env("LC_MESSAGES"), env("LANG"));
    for (name, body) in INIT_FILES {
        let p = dir.join(name);
        if p.exists() {
            say(&format!("{} exists: left as it is", p.display()));
            continue;
        }
        let body = match name {
            "debrief.toml" => init_config(body, zone, language),
            _ => body.to_string(),
        };
        outputs::write_atomic(dir, name, body.as_bytes())?;
        match (name, zone) {
            ("debrief.toml", Some(z)) => say(&format!(
                "wrote {} (time zone {}, this machine's: change it if your tools write times in another)",
                p.display(),
                z.name()
            )),
            ("debrief.toml", None) => say(&format!(
                "wrote {} (fill in [event].timezone: this machine's zone is unknown or UTC)",
                p.display()
            )),
            _ => say(&format!("wrote {}", p.display())),
        }
    }
    Ok(())
}

/// The machine's own time zone, for `init` only (no output of `report` may depend on it): `TZ`
/// where it names an IANA zone, else the system's (`/etc/localtime` and the like). UTC and
/// its aliases count as unknown: a server's or a container's default, rarely the team's.
fn machine_zone(tz: Option<String>, system: impl FnOnce() -> Option<String>) -> Option<Tz> {
    let from_env = tz.and_then(|t| t.trim_start_matches(':').parse::<Tz>().ok());
    let zone = match from_env {
        Some(z) => z,
        None => system()?.parse::<Tz>().ok()?,
    };
    const UTC_ALIASES: [&str; 9] = [
        "UTC",
        "UCT",
        "GMT",
        "GMT0",
        "GMT+0",
        "GMT-0",
        "Greenwich",
        "Universal",
        "Zulu",
    ];
    let name = zone.name().trim_start_matches("Etc/");
    (!UTC_ALIASES.contains(&name)).then_some(zone)
}

/// The user's language as POSIX reads it (`LC_ALL`, then `LC_MESSAGES`, then `LANG`): `fr`
/// for French, else `en`.
fn user_language(
    lc_all: Option<String>,
    lc_messages: Option<String>,
    lang: Option<String>,
) -> &'static str {
    let locale = [lc_all, lc_messages, lang]
        .into_iter()
        .flatten()
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    if locale.to_ascii_lowercase().starts_with("fr") {
        "fr"
    } else {
        "en"
    }
}

/// The `debrief.toml` template with the zone, the keywords and the report's language filled in.
fn init_config(template: &str, zone: Option<Tz>, language: &str) -> String {
    let timezone = match zone {
        Some(z) => format!(
            "timezone = \"{}\"    # this machine's zone. Times written without a zone (ops_log.csv, a Zendesk\n                                  # admin CSV) are read in it: change it if your tools write in another",
            z.name()
        ),
        None => "# timezone = \"America/New_York\"  # TO FILL IN, then uncomment: the IANA zone your tools write\n# times in. Times written without a zone (ops_log.csv, a Zendesk admin CSV) are read in it; left\n# out, they are read as UTC and can be hours off the exports that carry their zone.".to_string(),
    };
    let keywords = match language {
        "fr" => r#"["écran noir", "pas d'image", "vidéo ne se lance pas", "coupure"]"#,
        _ => r#"["black screen", "no video", "no picture", "stream down"]"#,
    };
    template
        .replace("{{timezone}}", &timezone)
        .replace("{{keywords}}", keywords)
        .replace("{{language}}", language)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_machine_zone_comes_from_tz_else_the_system_and_utc_is_unknown() {
        let none = || None;
        let z = |s: &str| s.parse::<Tz>().ok();
        assert_eq!(
            machine_zone(Some("America/New_York".into()), none),
            z("America/New_York")
        );
        // glibc's leading colon.
        assert_eq!(
            machine_zone(Some(":Europe/Paris".into()), none),
            z("Europe/Paris")
        );
        // A POSIX rule is not an IANA name: the system's zone.
        assert_eq!(
            machine_zone(Some("CET-1CEST".into()), || Some("Europe/Berlin".into())),
            z("Europe/Berlin")
        );
        assert_eq!(
            machine_zone(None, || Some("Asia/Tokyo".into())),
            z("Asia/Tokyo")
        );
        for utc in ["UTC", "Etc/UTC", "Etc/GMT", "GMT0", "Zulu", "Etc/Universal"] {
            assert_eq!(machine_zone(Some(utc.into()), none), None, "{utc}");
        }
        assert_eq!(machine_zone(None, || Some("Etc/UTC".into())), None);
        assert_eq!(machine_zone(None, none), None);
        // Always UTC, but a place where a team works.
        assert_eq!(
            machine_zone(None, || Some("Africa/Abidjan".into())),
            z("Africa/Abidjan")
        );
    }

    #[test]
    fn the_language_is_read_as_posix_reads_it() {
        let s = |v: &str| Some(v.to_string());
        assert_eq!(user_language(None, None, s("fr_FR.UTF-8")), "fr");
        assert_eq!(user_language(None, None, s("fr_CA")), "fr");
        assert_eq!(
            user_language(s("en_US.UTF-8"), None, s("fr_FR.UTF-8")),
            "en"
        );
        assert_eq!(
            user_language(None, s("fr_BE.UTF-8"), s("en_GB.UTF-8")),
            "fr"
        );
        assert_eq!(user_language(s(""), None, s("fr_FR.UTF-8")), "fr");
        assert_eq!(user_language(None, None, s("C.UTF-8")), "en");
        assert_eq!(user_language(None, None, None), "en");
    }

    #[test]
    fn the_init_config_parses_with_and_without_a_zone() {
        let template = INIT_FILES[0].1;
        let ny = init_config(template, "America/New_York".parse().ok(), "fr");
        let c = Config::parse(&ny, None).unwrap();
        assert_eq!(c.zone.name(), "America/New_York");
        assert!(c.zone_given);
        assert_eq!(c.incident.keywords[0], "écran noir");
        assert_eq!(c.language, crate::i18n::Lang::Fr);
        let unknown = init_config(template, None, "en");
        let c = Config::parse(&unknown, None).unwrap();
        assert!(!c.zone_given);
        assert_eq!(c.incident.keywords[0], "black screen");
        assert_eq!(c.language, crate::i18n::Lang::En);
        assert!(!unknown.contains("{{"), "{unknown}");
    }
}
