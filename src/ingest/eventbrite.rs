//! Eventbrite attendees: the attendee report CSV (`Order #` or `Order No.`, `Order Date`,
//! `Email`, `Ticket Type`, `Attendee #`, `Attendee Status`, then any custom-question columns)
//! and the API's `attendees` pages. A cancelled, refunded, deleted or "not attending" attendee
//! is a cancelled registration. One attendee number (API: id) is one registration; a repeat is
//! a duplicate. CSV dates without an offset are in the source's zone.

use chrono::NaiveDateTime;

use super::adapter::{Adapter, Reader, Zone};
use super::reader::{as_text, Doc};
use super::rows;
use super::{Ctx, Reason};
use crate::tables::RegistrationRow;
use crate::timeutil::Millis;

/// The CSV's two spellings of the order column.
pub const CSV_SIGNATURES: &[&[&str]] = &[
    &["order #", "order date", "email", "attendee #"],
    &["order no.", "order date", "email", "attendee #"],
];
/// Keys of an API page.
pub const JSON_SIGNATURE: &[&str] = &[
    "attendees",
    "attendees.profile",
    "attendees.ticket_class_name",
];

fn status(raw: Option<&str>, cancelled: bool) -> &'static str {
    let s = raw.unwrap_or("").to_lowercase();
    if cancelled
        || ["not attending", "deleted", "refunded", "cancel"]
            .iter()
            .any(|k| s.contains(k))
    {
        "cancelled"
    } else {
        "active"
    }
}

/// An order date: ISO forms, or the US form with AM/PM (`11/02/2020 10:41 AM`), which cannot
/// be day first.
fn order_date(v: &str, ctx: &Ctx) -> Result<Millis, Reason> {
    if let Ok(ms) = ctx.instant("order date", v) {
        return Ok(ms);
    }
    for fmt in ["%m/%d/%Y %I:%M %p", "%m/%d/%Y %I:%M:%S %p"] {
        if let Ok(n) = NaiveDateTime::parse_from_str(v.trim(), fmt) {
            return ctx.local("order date", n);
        }
    }
    Err(Reason::not_a("order date", "in-not-a-date", v))
}

/// Reads the attendee report CSV.
pub fn read_csv(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<RegistrationRow>) -> Result<(), Reason> {
    let Doc::Csv(t) = doc else {
        return Err(Reason::new("in-expected-csv"));
    };
    t.require(&["order date", "email", "attendee #"])?;
    let col = |n: &str| t.index(n);
    let (c_date, c_email, c_attendee, c_ticket, c_status) = (
        col("order date"),
        col("email"),
        col("attendee #"),
        col("ticket type"),
        col("attendee status"),
    );
    rows::csv(t, ctx, out, |_line, f, ctx| {
        let get = |i: Option<usize>| rows::field(f, i);
        let attendee = get(c_attendee).ok_or_else(|| Reason::empty("attendee #"))?;
        if !attendee.chars().all(|c| c.is_ascii_digit()) {
            return Err(Reason::not_a(
                "attendee #",
                "in-not-attendee-number",
                attendee,
            ));
        }
        let email = get(c_email).ok_or_else(|| Reason::empty("email"))?;
        let at = get(c_date).map(|d| order_date(d, ctx)).transpose()?;
        Ok((
            attendee.to_string(),
            RegistrationRow {
                participant: ctx.hash(email),
                registered_at: at,
                ticket_type: get(c_ticket).map(str::to_string),
                status: Some(status(get(c_status), false).into()),
                source: ctx.source(),
            },
        ))
    });
    Ok(())
}

/// Reads an API page of attendees.
pub fn read_json(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<RegistrationRow>) -> Result<(), Reason> {
    rows::json(doc.records(Some("attendees"))?, ctx, out, |v, ctx| {
        let id = as_text(v.get("id")).ok_or_else(|| Reason::missing("id"))?;
        let email =
            as_text(v.pointer("/profile/email")).ok_or_else(|| Reason::missing("profile.email"))?;
        let at = as_text(v.get("created"))
            .map(|c| ctx.instant("created", &c))
            .transpose()?;
        let flag = |k: &str| {
            v.get(k)
                .and_then(serde_json::Value::as_bool)
                .unwrap_or(false)
        };
        let status = status(
            as_text(v.get("status")).as_deref(),
            flag("cancelled") || flag("refunded"),
        );
        Ok((
            id,
            RegistrationRow {
                participant: ctx.hash(&email),
                registered_at: at,
                ticket_type: as_text(v.get("ticket_class_name")),
                status: Some(status.into()),
                source: ctx.source(),
            },
        ))
    });
    Ok(())
}

/// `eventbrite-attendees-csv`: the attendees CSV export.
pub const ATTENDEES_CSV: Adapter = Adapter {
    name: "eventbrite-attendees-csv",
    zone: Zone::Local,
    csv_signatures: CSV_SIGNATURES,
    json_signatures: &[],
    documented: &[
        "order #",
        "order no.",
        "order date",
        "first name",
        "last name",
        "email",
        "quantity",
        "ticket type",
        "attendee #",
        "attendee status",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Registrations(read_csv),
};

/// `eventbrite-attendees-json`: the attendees API export.
pub const ATTENDEES_JSON: Adapter = Adapter {
    name: "eventbrite-attendees-json",
    zone: Zone::InFile,
    csv_signatures: &[],
    json_signatures: &[JSON_SIGNATURE],
    documented: &[
        "attendees.id",
        "attendees.created",
        "attendees.changed",
        "attendees.ticket_class_name",
        "attendees.status",
        "attendees.checked_in",
        "attendees.cancelled",
        "attendees.refunded",
        "attendees.profile",
        "attendees.order_id",
        "pagination",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Registrations(read_json),
};
