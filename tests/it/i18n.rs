//! The report in the team's language (issue 14): in French, the findings (in metrics.json and
//! runbook.md) and runbook.md hold no sentence of the English catalogue, metrics.json keeps
//! its English keys and ids, and `--lang` and `[report] language` choose the language.

use std::path::Path;

use debrief::i18n::Lang;
use serde_json::Value;

use super::common::{debrief, root, scratch};

/// The fixed text of the English catalogue: each run of text outside placeables, on message
/// and variant lines, of more than 12 characters once trimmed, that the French catalogue does
/// not hold too.
fn english_fragments() -> Vec<String> {
    let mut out = Vec::new();
    for line in Lang::En.catalogue_text().lines() {
        let l = line.trim_start();
        if l.starts_with('#') || l.is_empty() {
            continue;
        }
        // The text after `key =`, `[variant]`, `*[variant]` or a placeable's closing brace.
        let text = if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
            line.split_once(" = ").map_or("", |(_, v)| v)
        } else if let Some(v) = l.strip_prefix('*').unwrap_or(l).strip_prefix('[') {
            v.split_once(']').map_or("", |(_, v)| v)
        } else {
            l
        };
        let (mut depth, mut run) = (0usize, String::new());
        for c in text.chars() {
            match c {
                '{' => {
                    depth += 1;
                    out.push(std::mem::take(&mut run));
                }
                '}' => depth = depth.saturating_sub(1),
                _ if depth == 0 => run.push(c),
                _ => {}
            }
        }
        out.push(run);
    }
    // A fragment the French catalogue holds too (config syntax such as `", timezone = "`) is
    // the same in both languages by design.
    let french = Lang::Fr.catalogue_text();
    out.into_iter()
        .map(|f| f.trim().to_string())
        .filter(|f| f.chars().count() > 12 && !french.contains(f.as_str()))
        .collect()
}

/// Runs `debrief report INPUT --out OUT ARGS`, asserts success, returns metrics.json.
fn report_in(input: &Path, out: &Path, args: &[&str]) -> Value {
    let mut all = vec![
        "report",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    let o = debrief(&all);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap()
}

/// metrics.json without the findings' and config warnings' texts, which alone follow the
/// language.
fn without_texts(mut m: Value) -> Value {
    for f in m["findings"].as_array_mut().unwrap() {
        f["text"] = Value::Null;
        f["recommendation"] = Value::Null;
    }
    if let Some(ws) = m["config_warnings"].as_array_mut() {
        for w in ws {
            w["text"] = Value::Null;
        }
    }
    m
}

#[test]
fn a_french_report_holds_no_english_sentence_of_the_catalogue() {
    let english = english_fragments();
    assert!(english.len() > 50, "{english:?}");
    // The sample, compared with last year's edition, and fixtures that raise the findings
    // the sample does not.
    let cases: [(&str, &[&str]); 6] = [
        (
            "sample_data",
            &["--compare", "tests/fixtures/previous_edition"],
        ),
        ("tests/fixtures/still_failing", &[]),
        ("tests/fixtures/communication", &[]),
        ("tests/fixtures/contract", &[]),
        ("tests/fixtures/vendors", &[]),
        ("tests/fixtures/bad", &[]),
    ];
    let mut ids_seen = std::collections::BTreeSet::new();
    for (input, extra) in cases {
        let dir = root().join(input);
        let (en_out, fr_out) = (scratch("i18n-en"), scratch("i18n-fr"));
        let en = report_in(&dir, &en_out, extra);
        let mut fr_args = extra.to_vec();
        fr_args.extend(["--lang", "fr"]);
        let fr = report_in(&dir, &fr_out, &fr_args);
        // metrics.json: the same keys, ids and figures; only the findings' texts differ.
        assert_eq!(
            without_texts(en.clone()),
            without_texts(fr.clone()),
            "{input}"
        );
        let mut texts = String::new();
        for (e, f) in en["findings"]
            .as_array()
            .unwrap()
            .iter()
            .zip(fr["findings"].as_array().unwrap())
        {
            ids_seen.insert(f["id"].as_str().unwrap().to_string());
            for k in ["text", "recommendation"] {
                assert_ne!(e[k], f[k], "{input} {}: {k} not translated", f["id"]);
                texts.push_str(f[k].as_str().unwrap());
                texts.push('\n');
            }
        }
        // The check can fail: the English runbook holds fragments of the catalogue.
        let en_runbook = std::fs::read_to_string(en_out.join("runbook.md")).unwrap();
        assert!(
            english.iter().any(|f| en_runbook.contains(f.as_str())),
            "{input}: no fragment found in the English runbook"
        );
        let runbook = std::fs::read_to_string(fr_out.join("runbook.md")).unwrap();
        for (what, text) in [("findings", &texts), ("runbook.md", &runbook)] {
            for fragment in &english {
                assert!(
                    !text.contains(fragment.as_str()),
                    "{input}: the French {what} still holds \"{fragment}\":\n{text}"
                );
            }
            assert!(
                !text.contains(['\u{2068}', '\u{2069}']),
                "{input}: isolation marks in the French {what}"
            );
        }
        assert!(
            runbook.starts_with("# Notes pour les fiches réflexes"),
            "{runbook}"
        );
    }
    // The cases raise most findings; a new one should be covered here too.
    assert!(ids_seen.len() >= 15, "{ids_seen:?}");
}

#[test]
fn the_language_comes_from_the_config_and_lang_overrides_it() {
    let sample = root().join("sample_data");
    let toml = std::fs::read_to_string(sample.join("debrief.toml")).unwrap();
    let dir = scratch("i18n-config");
    let config = dir.join("debrief.toml");
    std::fs::write(
        &config,
        toml.replace("[report]\n", "[report]\nlanguage = \"fr\"\n"),
    )
    .unwrap();
    let cfg = ["--config", config.to_str().unwrap()];
    let out = scratch("i18n-config-fr");
    report_in(&sample, &out, &cfg);
    let runbook = std::fs::read_to_string(out.join("runbook.md")).unwrap();
    assert!(runbook.contains("\n## Constats\n"), "{runbook}");
    assert!(runbook.contains("La prochaine fois"), "{runbook}");

    // --lang en wins over the file: the English runbook of the sample, as without a language.
    let (en_out, plain_out) = (scratch("i18n-config-en"), scratch("i18n-plain"));
    report_in(&sample, &en_out, &[&cfg[..], &["--lang", "en"]].concat());
    report_in(&sample, &plain_out, &[]);
    let read = |d: &Path| std::fs::read(d.join("runbook.md")).unwrap();
    assert_eq!(read(&en_out), read(&plain_out));
    assert!(String::from_utf8(read(&en_out))
        .unwrap()
        .contains("\n## Findings\n"));
}

#[test]
fn an_unknown_language_names_the_languages_available() {
    let out = scratch("i18n-unknown");
    let o = debrief(&["report", "--lang", "de", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("unknown language 'de'; languages available: en, fr"),
        "{err}"
    );

    let dir = scratch("i18n-unknown-config");
    let config = dir.join("debrief.toml");
    std::fs::write(&config, "[report]\nlanguage = \"de\"\n").unwrap();
    let o = debrief(&[
        "report",
        "sample_data",
        "--config",
        config.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("report.language") && err.contains("en, fr"),
        "{err}"
    );
}

/// report.html's visible text: tags removed, entities decoded; with `svg`, the charts' text
/// too. The team's own lessons.md is left out: its language is the team's.
fn page_text(html: &str, svg: bool) -> String {
    let body = &html[html.find("<body").unwrap_or(0)..];
    let body = regex::Regex::new(r#"(?s)<div class="lessons">.*?</section>"#)
        .unwrap()
        .replace_all(body, "</section>")
        .into_owned();
    let body = body.as_str();
    let body = if svg {
        body.to_string()
    } else {
        regex::Regex::new(r"(?s)<svg.*?</svg>")
            .unwrap()
            .replace_all(body, " ")
            .into_owned()
    };
    let text = regex::Regex::new(r"<[^>]+>")
        .unwrap()
        .replace_all(&body, "\n")
        .into_owned();
    text.replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

/// The French page: every section, table and sentence of report.html comes from the French
/// catalogue; the English page holds the fragments (so that the check can fail).
#[test]
fn the_french_page_holds_no_english_sentence_of_the_catalogue() {
    let english = english_fragments();
    for (input, extra) in [
        (
            "sample_data",
            &["--compare", "tests/fixtures/previous_edition"][..],
        ),
        ("tests/fixtures/engagement_web", &[][..]),
        ("tests/fixtures/zoom_incident", &[][..]),
        // Every config warning: zones assumed and likely wrong, a name of each list mistyped.
        ("tests/fixtures/first_run", &[][..]),
        // The data-quality table's reasons: files ingest cannot use (empty, truncated, of no
        // known format, missing a column, not UTF-8) and rows it rejects, each with its place.
        ("tests/fixtures/bad", &[][..]),
    ] {
        let dir = root().join(input);
        let (en_out, fr_out) = (scratch("i18n-page-en"), scratch("i18n-page-fr"));
        report_in(&dir, &en_out, extra);
        let mut fr_args = extra.to_vec();
        fr_args.extend(["--lang", "fr"]);
        report_in(&dir, &fr_out, &fr_args);
        let en = page_text(
            &std::fs::read_to_string(en_out.join("report.html")).unwrap(),
            false,
        );
        let html = std::fs::read_to_string(fr_out.join("report.html")).unwrap();
        assert!(html.contains("<html lang=\"fr\">"));
        let mut fr = page_text(&html, true);
        // The team's own words (the ops log's texts) are theirs, in their language: out.
        if let Ok(mut log) = csv::Reader::from_path(dir.join("ops_log.csv")) {
            let text_col = log.headers().unwrap().iter().position(|h| h == "text");
            for r in log.records().flatten() {
                if let Some(t) = text_col.and_then(|i| r.get(i)).filter(|t| !t.is_empty()) {
                    fr = fr.replace(t, "");
                }
            }
        }
        let found: Vec<&String> = english.iter().filter(|f| en.contains(f.as_str())).collect();
        assert!(
            found.len() > 20,
            "{input}: the English page holds {found:?}"
        );
        for fragment in &english {
            assert!(
                !fr.contains(fragment.as_str()),
                "{input}: the French page still holds \"{fragment}\""
            );
        }
        if input.ends_with("/bad") {
            // The reasons are there, in words of each language.
            for (page, words) in [
                (&en, "empty file (0 bytes)"),
                (&fr, "fichier vide (0 octet)"),
            ] {
                assert!(page.contains(words), "{input}: no \"{words}\" in {page}");
            }
        }
    }
}

/// French typography in the page: "15 h 12" (no-break spaces), "97,8 %" with a narrow no-break space, thousands
/// grouped (the sample: 20 272 participant-minutes lost, 1 962 registered).
#[test]
fn the_french_page_writes_numbers_and_times_the_french_way() {
    let out = scratch("i18n-typo");
    report_in(&root().join("sample_data"), &out, &["--lang", "fr"]);
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let text = page_text(&html, false);
    for s in [
        "de 15\u{a0}h\u{a0}12 à 16\u{a0}h\u{a0}02 (49\u{a0}min\u{a0}58\u{a0}s)",
        "20\u{202f}272 minutes-participants",
        "sur 1\u{202f}962 inscrits (91,9\u{a0}%)",
        "Synthèse",
        "L’audience de l’événement",
    ] {
        let s = s.replace("\u{a0}%", "\u{202f}%");
        assert!(text.contains(&s), "{s:?} not in the French page");
    }
}
