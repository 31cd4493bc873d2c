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

/// The fields of an attendee the reader below reads (a large array's items are parsed with
/// these only: see [`Doc::records_keeping`]).
const FIELDS: &[&str] = &[
    "id",
    "email",
    "order_email",
    "order_date",
    "disabled",
    "ticket",
];

/// Reads the attendees.
pub fn read(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<RegistrationRow>) -> Result<(), Reason> {
    rows::json(
        doc.records_keeping(None, Some(FIELDS))?,
        ctx,
        out,
        |v, ctx| {
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
        },
    );
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::ingest::SourceReport;

    /// Rows and accounting of [`read`] over `doc`, in Paris time.
    fn read_doc(doc: &Doc) -> (Vec<RegistrationRow>, String) {
        let config = Config::default();
        let mut report = SourceReport::new("attendees.json".into());
        let zone = chrono_tz::Europe::Paris;
        let mut ctx = Ctx::new(zone, &config, &[], &mut report, 0, None, None);
        let mut out = Vec::new();
        read(doc, &mut ctx, &mut out).unwrap();
        drop(ctx);
        (out, serde_json::to_string(&report).unwrap())
    }

    #[test]
    fn attendees_parsed_with_their_fields_only_read_as_parsed_whole() {
        // Every rule of the reader: the order e-mail where the attendee has none, a cancelled
        // ticket, a repeated id, a date on the autumn DST change (a warning), dates missing
        // and unreadable, fields of other types, a key written twice, nested values and
        // escapes in fields not read, an item that is not an object.
        let text = r#"[
{"id":"1","email":"A@x.org","order_email":"o@x.org","ticket":"Pass","order_date":"2020-09-14 09:40:21","disabled":"0","custom":{"k":[1,{"z":"\u00e9"}]},"name":"G\"u"},
{"id":"2","email":"","order_email":"o2@x.org","ticket":"Vendredi","order_date":"2020-10-25 02:30:00","disabled":"1"},
{"id":"1","email":"dup@x.org","order_email":"o@x.org","order_date":"2020-09-14 09:41:00"},
{"id":3,"email":"c@x.org","order_date":null,"disabled":true,"ticket":7},
{"id":"4","email":"d@x.org","order_date":"not a date","disabled":"0"},
{"id":"5","order_date":"2020-09-15 10:00:00"},
{"email":"noid@x.org","id":"6","id":"7","ticket":"a","ticket":"b","extra":[1,2,3]},
[1,2],
{"id":"8","email":"h@x.org","order_date":"2020-09-16 11:00:00","price":"25.00","used":"1"}
]"#;
        let pruned = Doc::parse(text.as_bytes()).unwrap();
        assert!(matches!(pruned, Doc::Array(_)), "read an item at a time");
        let whole = Doc::Json(serde_json::from_str(text).unwrap());
        let (rows, report) = read_doc(&pruned);
        assert_eq!((rows.clone(), report.clone()), read_doc(&whole));
        // And what that is, by hand: 9 items, 5 kept (1, 2, 3, 7, 8), a duplicate of 1, and
        // three rejected (4's date, 5 without an address, the array).
        assert_eq!(rows.len(), 5, "{report}");
        assert!(
            report.contains(
                r#""rows_read":9,"rows_kept":5,"rows_rejected":3,"duplicates_removed":1"#
            ),
            "{report}"
        );
        let status: Vec<_> = rows.iter().map(|r| r.status.as_deref().unwrap()).collect();
        assert_eq!(
            status,
            ["active", "cancelled", "cancelled", "active", "active"]
        );
        let tickets: Vec<_> = rows.iter().map(|r| r.ticket_type.as_deref()).collect();
        assert_eq!(
            tickets,
            [Some("Pass"), Some("Vendredi"), Some("7"), Some("b"), None]
        );
        assert_eq!(
            rows[1].participant,
            crate::text::participant_hash("o2@x.org", "")
        );
    }
}
