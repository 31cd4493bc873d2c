//! Zoom participants: the web portal's meeting participants report (CSV: a one-row summary
//! block, a blank line, then `Name (Original Name), User Email, Join Time, Leave Time,
//! Duration (Minutes), Guest`, headers in varying case) and the API's
//! `/report/meetings/{id}/participants` JSON. Each row is one join of one person (a re-join is
//! another row), read as a viewing session on platform `zoom`; Zoom reports no playback
//! failures, so none is failed. The CSV's times are the account's zone with no offset, written
//! month first (`11/27/2020 03:01:12 PM`), Zoom's documented form; the API's are UTC.
//! Guests have no e-mail, so no participant.

use chrono::NaiveDateTime;

use super::adapter::{Adapter, Reader, Zone};
use super::reader::{as_text, Doc};
use super::rows;
use super::{Ctx, Reason};
use crate::tables::ViewingRow;
use crate::timeutil::Millis;

/// Header columns of the meeting participants table.
pub const CSV_SIGNATURE: &[&str] = &["user email", "join time", "leave time"];
/// Keys of the API report.
pub const JSON_SIGNATURE: &[&str] = &[
    "participants",
    "participants.join_time",
    "participants.leave_time",
];

/// A Zoom time: ISO 8601, or the portal's month-first 12-hour form in `ctx.zone`.
fn zoom_time(field: &str, v: &str, ctx: &Ctx) -> Result<Millis, Reason> {
    if let Ok(ms) = ctx.instant(field, v) {
        return Ok(ms);
    }
    for fmt in [
        "%m/%d/%Y %I:%M:%S %p",
        "%m/%d/%Y %I:%M %p",
        "%m/%d/%Y %H:%M:%S",
        "%m/%d/%Y %H:%M",
        "%b %d, %Y %I:%M:%S %p",
        "%b %d, %Y %H:%M:%S",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(v.trim(), fmt) {
            return ctx.local(field, n);
        }
    }
    Err(Reason::not_a(field, "in-not-a-date", v))
}

fn session(
    ctx: &Ctx,
    id: String,
    email: Option<&str>,
    join: Millis,
    leave: Millis,
) -> Result<ViewingRow, Reason> {
    if leave < join {
        let e = Reason::new("in-before").arg("other", "join time");
        return Err(Reason::field("leave time", e));
    }
    Ok(ViewingRow {
        platform: Some("zoom".into()),
        session_id: Some(id),
        participant: email.and_then(|e| ctx.hash(e)),
        started_at: Some(join),
        ended_at: Some(leave),
        watch_s: Some((leave - join) as f64 / 1000.0),
        failed: false,
        source: ctx.source(),
        ..ViewingRow::default()
    })
}

/// Reads the portal's CSV (the participant table, found after the summary block).
pub fn read_csv(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<ViewingRow>) -> Result<(), Reason> {
    // Zoom reports who joined and left, never whether the video failed.
    ctx.report.tells_failures = false;
    let Doc::Csv(t) = doc else {
        return Err(Reason::new("in-expected-csv"));
    };
    let idx = t.require(CSV_SIGNATURE)?;
    let (c_email, c_join, c_leave) = (idx[0], idx[1], idx[2]);
    rows::csv(t, ctx, out, |line, f, ctx| {
        let get = |i: usize| f.get(i).map(|s| s.trim()).filter(|s| !s.is_empty());
        let row = (|| {
            let join = get(c_join).ok_or_else(|| Reason::empty("join time"))?;
            let join = zoom_time("join time", join, ctx)?;
            let leave = get(c_leave).ok_or_else(|| Reason::empty("leave time"))?;
            let leave = zoom_time("leave time", leave, ctx)?;
            session(
                ctx,
                format!("{}:{line}", ctx.report.path),
                get(c_email),
                join,
                leave,
            )
        })();
        let r = row?;
        Ok((f.join("\u{1f}"), r))
    });
    Ok(())
}

/// Reads the API's participants report.
pub fn read_json(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<ViewingRow>) -> Result<(), Reason> {
    // Zoom reports who joined and left, never whether the video failed.
    ctx.report.tells_failures = false;
    rows::json(doc.records(Some("participants"))?, ctx, out, |v, ctx| {
        let row = (|| {
            let t = |k: &str| {
                as_text(v.get(k))
                    .ok_or_else(|| Reason::missing(k))
                    .and_then(|x| zoom_time(k, &x, ctx))
            };
            let (join, leave) = (t("join_time")?, t("leave_time")?);
            let who = as_text(v.get("id"))
                .or_else(|| as_text(v.get("user_id")))
                .unwrap_or_default();
            let email = as_text(v.get("user_email"));
            Ok::<_, Reason>((
                format!("{who}@{join}"),
                session(
                    ctx,
                    format!("zoom:{who}:{join}"),
                    email.as_deref(),
                    join,
                    leave,
                )?,
            ))
        })();
        row
    });
    Ok(())
}

/// Header columns of a webinar attendee report's attendee table.
pub const WEBINAR_SIGNATURE: &[&str] = &["attended", "email", "join time", "leave time"];

/// Reads a webinar attendee report (its "Attendee Details" table, found after the report's
/// metadata lines). A registrant who did not attend (`Attended` = No) has no session: the row
/// is rejected with that reason, so the count of rows stays whole.
pub fn read_webinar_csv(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<ViewingRow>) -> Result<(), Reason> {
    // Zoom reports who joined and left, never whether the video failed.
    ctx.report.tells_failures = false;
    let Doc::Csv(t) = doc else {
        return Err(Reason::new("in-expected-csv"));
    };
    let idx = t.require(WEBINAR_SIGNATURE)?;
    let (c_attended, c_email, c_join, c_leave) = (idx[0], idx[1], idx[2], idx[3]);
    let c_country = t.index("country/region name");
    rows::csv(t, ctx, out, |line, f, ctx| {
        let get = |i: usize| {
            f.get(i)
                .map(|s| s.trim())
                .filter(|s| !s.is_empty() && *s != "--")
        };
        let row = (|| {
            if get(c_attended).is_some_and(|a| a.eq_ignore_ascii_case("no")) {
                return Err(Reason::new("in-not-attended"));
            }
            let join = get(c_join).ok_or_else(|| Reason::empty("join time"))?;
            let join = zoom_time("join time", join, ctx)?;
            let leave = get(c_leave).ok_or_else(|| Reason::empty("leave time"))?;
            let leave = zoom_time("leave time", leave, ctx)?;
            let mut s = session(
                ctx,
                format!("{}:{line}", ctx.report.path),
                get(c_email),
                join,
                leave,
            )?;
            s.country = c_country.and_then(get).map(str::to_string);
            Ok(s)
        })();
        let r = row?;
        Ok((f.join("\u{1f}"), r))
    });
    Ok(())
}

/// `zoom-participants-csv`: the web portal's meeting participants report.
pub const PARTICIPANTS_CSV: Adapter = Adapter {
    name: "zoom-participants-csv",
    zone: Zone::Local,
    csv_signatures: &[CSV_SIGNATURE],
    json_signatures: &[],
    documented: &[
        "name (original name)",
        "user email",
        "join time",
        "leave time",
        "duration (minutes)",
        "guest",
        "recording consent",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Viewing(read_csv, None),
};

/// `zoom-participants-json`: the API's meeting participants report.
pub const PARTICIPANTS_JSON: Adapter = Adapter {
    name: "zoom-participants-json",
    zone: Zone::InFile,
    csv_signatures: &[],
    json_signatures: &[JSON_SIGNATURE],
    documented: &[
        "participants.id",
        "participants.user_id",
        "participants.name",
        "participants.user_email",
        "participants.join_time",
        "participants.leave_time",
        "participants.duration",
        "page_count",
        "page_size",
        "total_records",
        "next_page_token",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Viewing(read_json, None),
};

/// `zoom-webinar-attendees-csv`: the webinar attendee report.
pub const WEBINAR_CSV: Adapter = Adapter {
    name: "zoom-webinar-attendees-csv",
    zone: Zone::Local,
    csv_signatures: &[WEBINAR_SIGNATURE],
    json_signatures: &[],
    documented: &[
        "attended",
        "user name (original name)",
        "first name",
        "last name",
        "email",
        "registration time",
        "join time",
        "leave time",
        "time in session (minutes)",
        "is guest",
        "country/region name",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Viewing(read_webinar_csv, None),
};
