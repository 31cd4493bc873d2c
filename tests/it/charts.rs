//! The report's charts: their numbers (report-context.json, `--debug-context`) worked out by
//! hand on the impact fixture, the cost of waiting's area against participant_minutes_lost,
//! and every chart of the sample drawn, titled, with a table of all its numbers.

use std::path::Path;

use serde_json::Value;

use super::common::*;

fn run(input: &Path, name: &str) -> (Value, Value, String) {
    report_with_context(input, name)
}

fn impact() -> (Value, Value, String) {
    run(&root().join("tests/fixtures/impact"), "charts-impact")
}

fn sample() -> (Value, Value, String) {
    run(&root().join("sample_data"), "charts-sample")
}

/// A row of a chart by its local time.
fn row<'a>(chart: &'a Value, local: &str) -> &'a Value {
    chart["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["local"] == local)
        .unwrap_or_else(|| panic!("no row at {local}"))
}

/// The area of the cost-of-waiting series, in participant-minutes, to one decimal.
fn waiting_area(ctx: &Value) -> f64 {
    let sum: f64 = ctx["charts"]["waiting"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["participant_minutes"].as_f64().unwrap())
        .sum();
    (sum * 10.0).round() / 10.0
}

#[test]
fn the_cost_of_waiting_by_hand() {
    let (m, ctx, html) = impact();
    // metrics.md's participant_minutes_lost, 544.3 (tests/it/impact.rs): the series' area.
    assert_eq!(m["impact"]["participant_minutes_lost"], 544.3);
    assert_eq!(waiting_area(&ctx), 544.3);
    let w = &ctx["charts"]["waiting"];
    // From the first failure's minute (14:15Z, 15:15 Paris) to the recovery's (14:40Z).
    assert_eq!(w["rows"][0]["local"], "15:15");
    assert_eq!(
        w["rows"].as_array().unwrap().last().unwrap()["local"],
        "15:40"
    );
    // 14:15Z: o_k waits from 14:15:k, (60 - k) s for k = 1..30: 1335 s = 22.25 min.
    assert_eq!(row(w, "15:15")["participant_minutes"], 22.25);
    // 14:20Z: o1..o30 the whole minute, and f59, f60 from 14:20:00 to 14:21:00: 32.
    assert_eq!(row(w, "15:20")["participant_minutes"], 32.0);
    // 14:30Z: o1..o20 are back on YouTube at 14:30:00; o21..o30 wait to 14:40.
    assert_eq!(row(w, "15:30")["participant_minutes"], 10.0);
    assert_eq!(row(w, "15:40")["participant_minutes"], 0.0);
    // At the first communication (14:25Z), o1..o30 were still waiting.
    assert_eq!(w["at_communication"], 30);
    let sentence = "At the first communication (15:25), 30 affected participants were still waiting to watch again: each minute earlier would have saved about 30 participant-minutes.";
    assert_eq!(w["sentence"], sentence);
    assert!(html.contains(sentence));
}

#[test]
fn the_cost_of_waitings_area_on_the_sample_is_the_minutes_lost() {
    let (m, ctx, _) = sample();
    let lost = m["impact"]["participant_minutes_lost"].as_f64().unwrap();
    assert!(lost > 1000.0, "{lost}");
    assert_eq!(waiting_area(&ctx), lost);
    assert_eq!(ctx["charts"]["waiting"]["total"], format!("{lost:.1}"));
}

#[test]
fn audience_by_hand() {
    let (_, ctx, _) = impact();
    let a = &ctx["charts"]["audience"];
    // The main platform first.
    assert_eq!(
        a["platforms"],
        serde_json::json!(["vimeo", "youtube (fallback)"])
    );
    // The event window, 15:00-16:00 Paris, one row a minute.
    assert_eq!(a["rows"].as_array().unwrap().len(), 60);
    // Successful views only: on Vimeo o31..o40 and f1..f58 from 14:00Z; f59 and f60 back
    // from 14:21Z (their failed views do not count); o1..o20 on YouTube from 14:30Z.
    assert_eq!(row(a, "15:00")["viewers"], serde_json::json!([68, 0]));
    assert_eq!(row(a, "15:20")["viewers"], serde_json::json!([68, 0]));
    assert_eq!(row(a, "15:21")["viewers"], serde_json::json!([70, 0]));
    assert_eq!(row(a, "15:30")["viewers"], serde_json::json!([70, 20]));
    assert_eq!(row(a, "15:59")["viewers"], serde_json::json!([70, 20]));
    // The incident window is shaded: 14:10Z to 14:40Z.
    assert_eq!(a["shade"]["start"], 1_606_486_200_000i64);
    assert_eq!(a["shade"]["end"], 1_606_488_000_000i64);
}

#[test]
fn failures_split_the_segment_from_the_rest() {
    let (_, ctx, _) = impact();
    let f = &ctx["charts"]["failures"];
    assert_eq!(f["segment"], "isp = Orange");
    // 14:15Z: o1..o30 (Orange); 14:20Z: f59, f60 (Free).
    let r = row(f, "15:15");
    assert_eq!((&r["inside"], &r["outside"]), (&30.into(), &0.into()));
    let r = row(f, "15:20");
    assert_eq!((&r["inside"], &r["outside"]), (&0.into(), &2.into()));
    assert_eq!(f["rows"].as_array().unwrap().len(), 2);
}

#[test]
fn e_mail_reach_ends_at_the_funnels_counts() {
    let (m, ctx, _) = impact();
    // Affected and delivered: o1, o2 (tests/it/impact.rs); their running totals end there.
    let a = &ctx["charts"]["email_affected"]["rows"];
    let last = a.as_array().unwrap().last().unwrap();
    assert_eq!(last["delivered"], m["reach"]["affected_reached"]);
    let (m, ctx, _) = sample();
    for (c, chart) in m["reach"]["campaigns"]
        .as_array()
        .unwrap()
        .iter()
        .zip(ctx["charts"]["email"].as_array().unwrap())
    {
        let last = chart["rows"].as_array().unwrap().last().unwrap();
        for k in ["delivered", "opened", "clicked"] {
            assert_eq!(last[k], c[k], "{k} of {}", c["campaign"]);
        }
    }
    let a = ctx["charts"]["email_affected"]["rows"].as_array().unwrap();
    assert_eq!(
        a.last().unwrap()["delivered"],
        m["reach"]["affected_reached"]
    );
}

#[test]
fn support_and_social_add_up_to_their_totals() {
    let (m, ctx, _) = sample();
    let rows = ctx["charts"]["support"]["rows"].as_array().unwrap();
    let sum = |k: &str| rows.iter().map(|r| r[k].as_i64().unwrap()).sum::<i64>();
    assert_eq!(
        sum("created"),
        m["tickets"]["incident_related"].as_i64().unwrap()
    );
    // The backlog is created minus solved so far.
    let mut open = 0;
    for r in rows {
        open += r["created"].as_i64().unwrap() - r["solved"].as_i64().unwrap();
        assert_eq!(r["backlog"].as_i64().unwrap(), open, "{r}");
    }
    let rows = ctx["charts"]["social"]["rows"].as_array().unwrap();
    let s = &m["social"]["sentiment"];
    for k in ["negative", "neutral", "positive"] {
        let n: u64 = rows.iter().map(|r| r[k].as_u64().unwrap()).sum();
        assert_eq!(n, s[k].as_u64().unwrap(), "{k}");
    }
}

/// The figure of report.html holding the `<details>` with this id.
fn figure<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no table {id}"));
    let start = html[..at].rfind("<figure").unwrap();
    let end = at + html[at..].find("</figure>").unwrap();
    &html[start..end]
}

#[test]
fn every_chart_of_the_sample_is_drawn_titled_with_its_numbers() {
    let (_, ctx, html) = sample();
    let c = &ctx["charts"];
    assert_eq!(c["missing"], serde_json::json!({}), "a chart is missing");
    let mut charts = vec![
        ("data-timeline", &c["timeline"], "lanes"),
        ("data-audience", &c["audience"], "rows"),
        ("data-failures", &c["failures"], "rows"),
        ("data-waiting", &c["waiting"], "rows"),
        ("data-email-affected", &c["email_affected"], "rows"),
        ("data-support", &c["support"], "rows"),
        ("data-social", &c["social"], "rows"),
    ];
    let email = c["email"].as_array().unwrap();
    assert_eq!(email.len(), 1);
    charts.push(("data-email-1", &email[0], "rows"));
    for (id, chart, rows) in charts {
        let fig = figure(&html, id);
        let title = chart["title"].as_str().unwrap();
        assert!(fig.contains("<svg"), "{id}: no SVG");
        assert!(
            fig.contains(&format!("<title>{title}</title>"))
                && fig.contains(&format!("aria-label=\"{title}\"")),
            "{id}: the SVG is not titled '{title}'"
        );
        // The title is drawn too, and the axis names the zone.
        assert!(
            fig.contains(&format!(">\n{title}\n</text>")),
            "{id}: the title is not drawn"
        );
        assert!(
            fig.contains("local time (Europe/Paris)"),
            "{id}: the zone is not named"
        );
        let table = &fig[fig.find(&format!("id=\"{id}\"")).unwrap()..];
        let body = &table[table.find("<tbody>").unwrap()..table.find("</tbody>").unwrap()];
        let n = chart[rows].as_array().unwrap().len();
        assert!(n > 0, "{id}: no data");
        assert_eq!(
            body.matches("<tr>").count(),
            n,
            "{id}: the table does not hold every row"
        );
    }
}

#[test]
fn milestone_labels_minutes_apart_do_not_print_over_each_other() {
    // The sample's mitigated (15:46) and communicated (15:48) markers: two rows of labels.
    let (_, ctx, html) = sample();
    let markers: Vec<&str> = ctx["charts"]["failures"]["markers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["label"].as_str().unwrap())
        .collect();
    assert!(markers.contains(&"mitigated 15:46") && markers.contains(&"communicated 15:48"));
    let fig = figure(&html, "data-failures");
    let y_of = |label: &str| -> i64 {
        let at = fig.find(&format!(">\n{label}\n</text>")).unwrap();
        let tag = &fig[fig[..at].rfind("<text").unwrap()..at];
        let y = tag.split("y=\"").nth(1).unwrap();
        y[..y.find('"').unwrap()].parse().unwrap()
    };
    assert_ne!(y_of("mitigated 15:46"), y_of("communicated 15:48"));
}

#[test]
fn a_chart_without_data_is_a_note() {
    // Zoom cannot say that a view failed: no failed-view chart, a line saying why.
    let (_, ctx, html) = run(&root().join("tests/fixtures/zoom_incident"), "charts-zoom");
    assert!(ctx["charts"]["failures"].is_null());
    assert!(!html.contains("id=\"data-failures\""));
    assert!(html
        .contains("No viewing export can say that a view failed: failed views cannot be drawn."));
    // The charts it can draw are there.
    assert!(html.contains("id=\"data-support\""));
}
