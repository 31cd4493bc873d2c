//! report.html in a real browser (headless Chromium): tests/fixtures/hostile plants script and
//! template payloads in every free-text field that reaches the page (event name, ticket
//! subjects and tags, post texts and authors, ops-log text and owners, lessons.md, campaign
//! names, a query's description); none may run, each must read as text, and no template
//! syntax in them may be evaluated. Screenshots at 1280 and 375 px must show a page, and the
//! page must never be wider than the window (the sample event's report too); printed, it is A4.
//!
//! Without a Chromium binary (`chromium`, `chromium-browser`, `google-chrome` on PATH, or
//! `DEBRIEF_CHROMIUM`) the browser tests are skipped with a message, unless
//! `DEBRIEF_REQUIRE_BROWSER=1` (set by .ci/run, which installs Chromium): then they fail.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::common::*;

/// The payload every field carries one of, and the template syntax beside it.
const SCRIPT: &str = "<script>document.title='PWNED'</script>";
const IMG: &str = "<img src=x onerror=\"document.title='PWNED'\">";
const SVG: &str = "<svg onload=\"document.title='PWNED'\">";
const TEMPLATE: &str = "tmpl:{{ 7*7 }}:end {% raw %}";

/// Field markers of the fixture and the payload that follows each (see its files).
const FIELDS: [(&str, &str); 20] = [
    ("EV ", SCRIPT),      // [event] name
    ("SUBJ1 ", SCRIPT),   // ticket subject (a user query lists them)
    ("SUBJ2 ", IMG),      // ticket subject
    ("SUBJ3 ", SVG),      // ticket subject
    ("TAG1", SCRIPT),     // ticket tag
    ("TAG2", SVG),        // ticket tag
    ("POST1 ", IMG),      // another account's post (a user query)
    ("POST2 ", SCRIPT),   // another account's post
    ("OWN1 ", SCRIPT),    // the organisation's post (own posts, timeline)
    ("AUTH1", SCRIPT),    // another account's name ([privacy] show_authors = true)
    ("AUTH2", IMG),       // another account's name
    ("LOG1 ", SCRIPT),    // ops-log text (milestone evidence, timeline)
    ("LOG2 ", IMG),       // ops-log text of an attempt (attempts table, timeline chart)
    ("LOG3 ", SVG),       // ops-log text
    ("OWNER1 ", IMG),     // ops-log owner
    ("OWNER2 ", SCRIPT),  // ops-log owner of the attempt
    ("LESSON1 ", SCRIPT), // lessons.md heading
    ("ACTION1 ", SCRIPT), // lessons.md action item
    ("CAMP ", IMG),       // e-mail campaign name (campaign table, funnel chart)
    ("QDESC ", SCRIPT),   // a user query's description
];

fn hostile_report() -> PathBuf {
    let out = scratch("hostile");
    report(&root().join("tests/fixtures/hostile"), &out);
    out
}

/// `text` as an HTML serialiser writes it inside an element: `&`, `<`, `>` escaped.
fn as_dom_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Asserts that an HTML document has no element or attribute a payload would have made.
fn assert_inert(name: &str, html: &str) {
    let tag = regex::Regex::new(
        r"(?i)<(script|img|iframe|object|embed|base|form|meta http-equiv=.refresh)\b",
    )
    .unwrap();
    assert!(!tag.is_match(html), "{name}: {:?}", tag.find(html));
    // An event-handler attribute: ` on...=` inside a tag, outside any quoted attribute value
    // (a chart's aria-label may quote a hostile campaign name as text).
    let handler =
        regex::Regex::new(r#"(?i)<[a-z][^>"']*(?:"[^"]*"[^>"']*|'[^']*'[^>"']*)*\son[a-z]+\s*="#)
            .unwrap();
    assert!(!handler.is_match(html), "{name}: {:?}", handler.find(html));
    let url =
        regex::Regex::new(r#"(?i)(href|src)\s*=\s*["']?\s*(javascript|data|vbscript):"#).unwrap();
    assert!(!url.is_match(html), "{name}: {:?}", url.find(html));
    // Inline SVG is debrief's charts only.
    assert_eq!(
        html.matches("<svg").count(),
        html.matches("<svg class=\"chart\"").count(),
        "{name}: an <svg> that is not a chart"
    );
}

/// The template syntax of user text is printed, never evaluated.
fn assert_template_text(name: &str, html: &str, at_least: usize) {
    let n = html.matches(TEMPLATE).count();
    assert!(n >= at_least, "{name}: the template text appears {n} times");
    assert!(
        !html.contains("tmpl:49:end"),
        "{name}: a template was evaluated"
    );
}

#[test]
fn payloads_reach_the_page_as_text() {
    let out = hostile_report();
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert_inert("report.html", &html);
    // Each field reached the page, escaped: "MARK" then "&lt;" (tera escapes the rest of the
    // payload too: quotes, slashes).
    for (mark, _) in FIELDS {
        assert!(
            html.contains(&format!("{mark}&lt;")),
            "{mark}: the field did not reach report.html escaped"
        );
    }
    // Event name, ticket subject, two posts, two log entries, lessons, action, campaign
    // (table), query description.
    assert_template_text("report.html", &html, 10);
    // The page forbids every fetch and every script, and says so first thing in <head>.
    let csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">";
    assert!(html.contains(csp), "CSP meta missing or changed");
    assert!(html.find(csp) < html.find("<title>"));
    assert!(!html.contains("script-src"));
}

/// A Chromium binary, or `None` (with a message) where the browser tests may be skipped.
fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("DEBRIEF_CHROMIUM")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            let path = std::env::var_os("PATH")?;
            std::env::split_paths(&path)
                .flat_map(|dir| {
                    [
                        "chromium",
                        "chromium-browser",
                        "google-chrome",
                        "google-chrome-stable",
                    ]
                    .map(|n| dir.join(n))
                })
                .find(|p| p.is_file())
        });
    if found.is_none() {
        assert!(
            std::env::var("DEBRIEF_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "DEBRIEF_REQUIRE_BROWSER=1 but no chromium on PATH (nor DEBRIEF_CHROMIUM)"
        );
        eprintln!(
            "SKIPPED: browser test: no chromium on PATH (apt-get install chromium, or set DEBRIEF_CHROMIUM)"
        );
    }
    found
}

/// Runs headless Chromium on `page` with `args`; returns its standard output.
fn run_chromium(bin: &Path, page: &Path, args: &[&str]) -> String {
    let profile = scratch("chromium-profile");
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).unwrap();
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium took over 2 minutes on {}", page.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = reader.join().unwrap();
    let _ = std::fs::remove_dir_all(&profile);
    assert!(status.success(), "chromium failed on {}", page.display());
    out
}

/// The DOM after load, as Chromium serialises it.
fn dump_dom(bin: &Path, page: &Path) -> String {
    run_chromium(bin, page, &["--dump-dom"])
}

/// The document's title in a DOM dump.
fn title(dom: &str) -> &str {
    let start = dom.find("<title>").map(|i| i + 7).unwrap_or(0);
    let end = dom[start..]
        .find("</title>")
        .map(|i| start + i)
        .unwrap_or(start);
    &dom[start..end]
}

#[test]
fn no_payload_runs_in_the_browser() {
    let Some(bin) = chromium() else { return };
    let out = hostile_report();
    let page = out.join("report.html");
    let html = std::fs::read_to_string(&page).unwrap();
    let csp = regex::Regex::new(r#"<meta http-equiv="Content-Security-Policy"[^>]*>"#).unwrap();
    let csp_tag = csp.find(&html).unwrap().as_str().to_string();

    // The harness sees a payload that runs (without the CSP), and the CSP alone stops it.
    let control = out.join("control.html");
    let body = format!("<body>{SCRIPT}{IMG}</body></html>");
    std::fs::write(
        &control,
        format!("<!DOCTYPE html><html><head><title>t</title></head>{body}"),
    )
    .unwrap();
    assert_eq!(
        title(&dump_dom(&bin, &control)),
        "PWNED",
        "control: payload did not run"
    );
    std::fs::write(
        &control,
        format!("<!DOCTYPE html><html><head>{csp_tag}<title>t</title></head>{body}"),
    )
    .unwrap();
    assert_eq!(
        title(&dump_dom(&bin, &control)),
        "t",
        "control: the CSP let a script run"
    );

    // The report, and the report without its CSP: escaping alone keeps every payload inert.
    let bare = out.join("report-without-csp.html");
    std::fs::write(&bare, csp.replace(&html, "").as_ref()).unwrap();
    for (name, p) in [("report.html", &page), ("report without its CSP", &bare)] {
        let dom = dump_dom(&bin, p);
        assert!(
            title(&dom).starts_with("Incident debrief: EV "),
            "{name}: a payload ran: title {:?}",
            title(&dom)
        );
        assert_inert(name, &dom);
        for (mark, payload) in FIELDS {
            assert!(
                dom.contains(&as_dom_text(&format!("{mark}{payload}"))),
                "{name}: {mark}{payload} is not shown as text"
            );
        }
        assert_template_text(name, &dom, 10);
        // The charts and the styles are there.
        assert!(
            dom.matches("<svg class=\"chart\"").count() >= 3,
            "{name}: charts"
        );
        assert!(dom.contains("<style>"), "{name}: styles");
    }
}

/// Decodes a PNG screenshot: (width, height, share of the commonest colour, colours).
fn png_stats(path: &Path) -> (u32, u32, f64, usize) {
    let mut decoder =
        png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let mut counts = std::collections::HashMap::new();
    for px in buf[..info.buffer_size()].chunks_exact(channels) {
        *counts.entry(px.to_vec()).or_insert(0u64) += 1;
    }
    let total = u64::from(info.width) * u64::from(info.height);
    let top = counts.values().max().copied().unwrap_or(0);
    (
        info.width,
        info.height,
        top as f64 / total as f64,
        counts.len(),
    )
}

/// The page's width and the window's at `width` px: the report in an iframe that wide, measured
/// by a script of this harness (the report's own CSP forbids scripts in it).
fn page_width(bin: &Path, report: &Path, width: u32) -> (u64, u64) {
    let harness = report.with_file_name(format!("measure-{width}.html"));
    std::fs::write(
        &harness,
        format!(
            r#"<!DOCTYPE html><html><head><title>t</title></head><body style="margin:0">
<iframe id="f" src="{}" style="width:{width}px;height:2000px;border:0"></iframe>
<script>window.onload = function () {{
  var d = document.getElementById('f').contentDocument.documentElement;
  document.title = d.scrollWidth + ' ' + d.clientWidth;
}};</script></body></html>"#,
            report.file_name().unwrap().to_string_lossy()
        ),
    )
    .unwrap();
    let dom = run_chromium(
        bin,
        &harness,
        &[
            "--allow-file-access-from-files",
            "--window-size=1400,2200",
            "--dump-dom",
        ],
    );
    let t = title(&dom).to_string();
    let mut it = t.split(' ').map(|n| n.parse::<u64>());
    match (it.next(), it.next()) {
        (Some(Ok(scroll)), Some(Ok(client))) => (scroll, client),
        _ => panic!(
            "could not measure {} at {width} px: title {t:?}",
            report.display()
        ),
    }
}

#[test]
fn the_page_fits_a_phone_and_a_desktop() {
    let Some(bin) = chromium() else { return };
    let hostile = hostile_report().join("report.html");
    let sample = scratch("sample-browser");
    let o = debrief(&["report", "--out", sample.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let sample = sample.join("report.html");
    for report in [&hostile, &sample] {
        for width in [1280u32, 375] {
            let (scroll, client) = page_width(&bin, report, width);
            assert_eq!(client, u64::from(width), "{}", report.display());
            assert!(
                scroll <= client,
                "{} is {scroll} px wide in a {client} px window",
                report.display()
            );
            let shot = report.with_file_name(format!("shot-{width}.png"));
            run_chromium(
                &bin,
                report,
                &[
                    &format!("--screenshot={}", shot.display()),
                    &format!("--window-size={width},3000"),
                ],
            );
            let (w, h, top, colours) = png_stats(&shot);
            assert_eq!((w, h), (width, 3000), "{}", shot.display());
            // A rendered report: text, cards and charts in many colours, the background well
            // under 97% of the pixels.
            assert!(
                top < 0.97 && colours >= 16,
                "{} looks blank: {:.1}% one colour, {colours} colours",
                shot.display(),
                top * 100.0
            );
        }
    }
}

/// Printed: A4 pages (Chromium's own default is Letter), and the long sections (timeline,
/// lessons, your queries, rebuilt timeline, data quality) each start a page.
#[test]
fn it_prints_on_a4() {
    let Some(bin) = chromium() else { return };
    let report = hostile_report().join("report.html");
    let pdf = report.with_file_name("report.pdf");
    run_chromium(
        &bin,
        &report,
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
        ],
    );
    let bytes = std::fs::read(&pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let boxes = regex::Regex::new(r"/MediaBox\s*\[0 0 ([0-9.]+) ([0-9.]+)\]").unwrap();
    let pages: Vec<(f64, f64)> = boxes
        .captures_iter(&text)
        .map(|c| (c[1].parse().unwrap(), c[2].parse().unwrap()))
        .collect();
    // A4 is 210 x 297 mm: 595.3 x 841.9 points (Chromium rounds the width to 594.96).
    assert!(pages.len() >= 6, "{} pages", pages.len());
    for (w, h) in pages {
        assert!(
            (w - 595.0).abs() < 1.0 && (h - 842.0).abs() < 1.0,
            "a {w} x {h} pt page"
        );
    }
}
