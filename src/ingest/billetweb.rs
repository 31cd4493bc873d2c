//! Billetweb attendees (API JSON): an array of attendees, every value a string. `order_date`
//! is local time with no zone (the source's zone applies). The participant is `email`, or
//! `order_email` where the attendee has none; `disabled = "1"` marks a cancelled ticket.

use super::adapter::{Adapter, Reader, Zone};
use super::reader::{as_text, Doc};
use super::rows;
use super::{Ctx, Reason};
use crate::tables::RegistrationRow;

/// Keys of an attendee that identify the format.
pub const SIGNATURE: &[&str] = &["barcode", "order_id", "order_email"];

/// Reads the attendees.
pub fn read(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<RegistrationRow>) -> Result<(), Reason> {
    rows::json(doc.records(None)?, ctx, out, |v, ctx| {
        let id = as_text(v.get("id")).ok_or_else(|| Reason::missing("id"))?;
        let email = as_text(v.get("email"))
            .or_else(|| as_text(v.get("order_email")))
            .ok_or_else(|| {
                let e = Reason::new("in-missing-and-no").arg("other", "order_email");
                Reason::field("email", e)
            })?;
        let at = as_text(v.get("order_date"))
            .map(|d| ctx.instant("order_date", &d))
            .transpose()?;
        let status = match as_text(v.get("disabled")).as_deref() {
            Some("1") | Some("true") => "cancelled",
            _ => "active",
        };
        Ok((
            id,
            RegistrationRow {
                participant: ctx.hash(&email),
                registered_at: at,
                ticket_type: as_text(v.get("ticket")),
                status: Some(status.into()),
                source: ctx.source(),
            },
        ))
    });
    Ok(())
}

/// `billetweb-attendees-json`: the attendees API export.
pub const ATTENDEES: Adapter = Adapter {
    name: "billetweb-attendees-json",
    zone: Zone::Local,
    csv_signatures: &[],
    json_signatures: &[SIGNATURE],
    documented: &[
        "id",
        "ext_id",
        "barcode",
        "used",
        "firstname",
        "name",
        "email",
        "ticket",
        "category",
        "price",
        "order_id",
        "order_email",
        "order_date",
        "order_paid",
        "session_start",
        "disabled",
        "custom",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Registrations(read),
};
