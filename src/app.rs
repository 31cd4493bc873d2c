//! The commands, as the pipeline reads: ingest -> tables -> queries -> analysis -> report
//! model -> outputs. `main` calls [`run`] and maps its error to an exit code.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::analysis;
use crate::cli::{Cli, Command};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::ingest::{self, Ingested};
use crate::queries::{self, Runner};
use crate::report::{metrics::Metrics, model, outputs, render};
use crate::tables::Tables;

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
    match cli.command {
        Command::Report {
            input,
            config,
            out,
            debug_context,
        } => report(input, config, &out, debug_context),
        Command::Check { input, config } => check(input, config),
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
    }
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
    let ingested = ingest::ingest_dir(&dir, &config)?;
    Ok((dir, config, ingested))
}

fn report(
    input: Option<PathBuf>,
    config: Option<PathBuf>,
    out: &Path,
    debug_context: bool,
) -> Result<()> {
    let (dir, config, ingested) = read_inputs(input, config)?;
    require_recognised(&dir, &ingested)?;
    let rows: u64 = ingested.sources.iter().map(|s| s.rows_kept).sum();
    say(&format!(
        "read {} files from {} ({rows} rows kept)",
        ingested.sources.len(),
        dir.display()
    ));
    let tables = Tables::build(&ingested.rows, config.bucket_s)?;
    let mut runner = Runner::new(&tables);
    let analysis = analysis::analyse(
        &tables,
        &mut runner,
        &config,
        &ingested.rows.log,
        ingested.failures_known(),
    )?;
    let metrics = Metrics::build(&config, &ingested.sources, &analysis);
    let lessons_path = dir.join("lessons.md");
    let lessons = if lessons_path.is_file() {
        Some(std::fs::read_to_string(&lessons_path).map_err(|e| Error::io(&lessons_path, e))?)
    } else {
        None
    };
    let user = runner.run_user(queries::user_queries(&dir)?);
    let model = model::build(
        &config,
        &ingested.sources,
        &analysis,
        &ingested.rows.log,
        lessons.as_deref(),
        &user,
    )?;
    let html = render::report_html(&model, Some(&dir.join("report_templates")))?;
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    outputs::write_atomic(out, "metrics.json", &outputs::metrics_json(&metrics)?)?;
    outputs::write_atomic(
        out,
        "timeline.csv",
        &outputs::timeline_csv(&model.timeline)?,
    )?;
    outputs::write_atomic(out, "runbook.md", &outputs::runbook_md(&model))?;
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
    say(&format!(
        "wrote report.html, metrics.json, timeline.csv, runbook.md to {}",
        out.display()
    ));
    Ok(())
}

fn check(input: Option<PathBuf>, config: Option<PathBuf>) -> Result<()> {
    let (dir, _config, ingested) = read_inputs(input, config)?;
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
            s.kind.unwrap_or("-"),
            s.rows_read,
            s.rows_kept,
            s.rows_rejected,
            s.duplicates_removed,
            s.warning_count
        );
        if let Some(p) = &s.problem {
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
    require_recognised(&dir, &ingested)
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
            let why = s.problem.as_deref().unwrap_or("not recognised");
            m.push_str(&format!("\n  {}: {why}", s.path));
        }
        m
    };
    Err(Error::input(dir, message))
}

fn init(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    for (name, body) in INIT_FILES {
        let p = dir.join(name);
        if p.exists() {
            say(&format!("{} exists: left as it is", p.display()));
            continue;
        }
        outputs::write_atomic(dir, name, body.as_bytes())?;
        say(&format!("wrote {}", p.display()));
    }
    Ok(())
}
