//! Zendesk's admin CSV export (Admin Center > Account > Tools > Reports): tickets only, no
//! descriptions. Columns are matched by name, case-insensitively (real files write `Id`,
//! `Requester id`); custom-field columns are ignored. Times carry no zone: they are in the
//! account's zone, i.e. the `[[sources]]` zone, else the event zone. Tags are space-separated.
//! Rows damaged by a spreadsheet (ids like `1.03006E+13`, day-first dates) are rejected, never
//! guessed. Tickets join the same pool as the JSON exports, so a ticket in both is counted
//! once and ticket metrics JSON still enriches it. `Via` holds display names (`Web form`,
//! `Mail`), read as the API's channel names (`web`, `email`).

use super::adapter::{Adapter, Reader, Zone};
use super::reader::Doc;
use super::rows;
use super::zendesk::{api_channel, Pending, PendingTicket};
use super::{Ctx, Reason};
use crate::tables::TicketRow;
use crate::text;

/// Header columns that identify the format.
pub const SIGNATURE: &[&str] = &["id", "subject", "status", "created at"];

/// Reads the export into the Zendesk ticket pool.
pub fn read(doc: &Doc, ctx: &mut Ctx, pending: &mut Pending) -> Result<(), Reason> {
    let Doc::Csv(t) = doc else {
        return Err(Reason::new("in-expected-csv"));
    };
    t.require(SIGNATURE)?;
    let col = |n: &str| t.index(n);
    let (c_id, c_subject, c_status, c_created) =
        (col("id"), col("subject"), col("status"), col("created at"));
    let (c_updated, c_solved, c_tags, c_via, c_email) = (
        col("updated at"),
        col("solved at"),
        col("tags"),
        col("via"),
        col("requester email"),
    );
    let c_reply = col("first reply time in minutes");
    // Ticket ids repeat across files, not within one export: the pool deduplicates them.
    let mut tickets = Vec::new();
    rows::csv(t, ctx, &mut tickets, |line, f, ctx| {
        let get = |i: Option<usize>| rows::field(f, i);
        let id = get(c_id).ok_or_else(|| Reason::empty("id"))?;
        if !id.chars().all(|c| c.is_ascii_digit()) {
            return Err(Reason::not_a("id", "in-not-ticket-id-number", id));
        }
        let at = |c: Option<usize>, name: &str| get(c).map(|v| ctx.instant(name, v)).transpose();
        let created = at(c_created, "created at")?.ok_or_else(|| Reason::empty("created at"))?;
        let updated = at(c_updated, "updated at")?.unwrap_or(created);
        let solved = at(c_solved, "solved at")?;
        let reply_minutes = get(c_reply)
            .map(|r| {
                r.parse::<f64>()
                    .map(|m| m.round() as i64)
                    .map_err(|_| Reason::not_a("first reply time in minutes", "in-not-a-number", r))
            })
            .transpose()?;
        let subject = get(c_subject).unwrap_or_default();
        let tags: Vec<String> = get(c_tags)
            .map(|t| t.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default();
        let incident = text::ticket_is_incident(
            subject,
            "",
            &tags,
            &ctx.config.incident,
            ctx.folded_keywords,
        );
        Ok((
            line,
            PendingTicket {
                id: id.to_string(),
                updated_at: updated,
                origin: ctx.origin,
                requester_id: None,
                requester: get(c_email).and_then(|e| ctx.hash(e)),
                reply_s: reply_minutes.map(|m| m * 60),
                row: TicketRow {
                    ticket_id: Some(id.to_string()),
                    created_at: Some(created),
                    first_reply_at: None,
                    solved_at: solved,
                    status: get(c_status).map(str::to_lowercase),
                    channel: get(c_via).map(api_channel),
                    subject: Some(text::redact(subject)),
                    tags,
                    requester: None,
                    incident,
                    source: ctx.source(),
                },
            },
        ))
    });
    for t in tickets {
        pending.push(t);
    }
    Ok(())
}

/// `zendesk-tickets-csv`: the admin CSV export.
pub const TICKETS_CSV: Adapter = Adapter {
    name: "zendesk-tickets-csv",
    zone: Zone::Local,
    csv_signatures: &[SIGNATURE],
    json_signatures: &[],
    documented: &[
        "id",
        "requester",
        "requester id",
        "requester email",
        "submitter",
        "assignee",
        "group",
        "subject",
        "tags",
        "status",
        "priority",
        "via",
        "ticket type",
        "created at",
        "updated at",
        "assigned at",
        "organization",
        "due date",
        "initially assigned at",
        "solved at",
        "resolution time",
        "satisfaction score",
        "reopens",
        "replies",
        "first reply time in minutes",
        "full resolution time in minutes",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Tickets(read),
};
