//! Reach of the crisis communication (docs/definitions.md, "Reach"): per incident e-mail campaign,
//! the distinct recipients at each event, the rates, the time to 90% delivered and the backup-link
//! clicks; affected participants reached; registered participants and the share reached.

use polars::prelude::*;

use super::table_err;
use crate::error::Result;
use crate::queries::Runner;
use crate::tables::{i64_values, str_values, Tables};
use crate::timeutil::Millis;

/// One campaign's funnel: an incident campaign's under `reach`, every campaign's under
/// `engagement`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Campaign {
    pub campaign: String,
    pub first_event_at: Option<Millis>,
    pub recipients: u64,
    pub delivered: u64,
    pub bounced: u64,
    pub blocked: u64,
    pub deferred: u64,
    pub opened: u64,
    pub clicked: u64,
    pub complained: u64,
    pub unsubscribed: u64,
    pub backup_clicks: u64,
    pub time_to_90pct_delivered_s: Option<i64>,
}

impl Campaign {
    /// delivered / recipients.
    pub fn delivery_rate(&self) -> Option<f64> {
        (self.recipients > 0).then(|| self.delivered as f64 / self.recipients as f64)
    }
    /// opened / delivered.
    pub fn open_rate(&self) -> Option<f64> {
        (self.delivered > 0).then(|| self.opened as f64 / self.delivered as f64)
    }
    /// clicked / delivered.
    pub fn click_rate(&self) -> Option<f64> {
        (self.delivered > 0).then(|| self.clicked as f64 / self.delivered as f64)
    }
}

/// Reach figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reach {
    pub campaigns: Vec<Campaign>,
    /// Affected participants delivered an incident e-mail (None without viewing impact).
    pub affected_reached: Option<u64>,
    pub registered: Option<u64>,
    pub registered_reached: Option<u64>,
    /// Affected participants by outcome: `reached`, `bounced`, `blocked`, `other`,
    /// `not sent the incident e-mail`, `no e-mail known`.
    pub affected_by_outcome: Vec<(String, u64)>,
    /// Registered participants left off every incident campaign although another campaign's
    /// e-mail was delivered to them; `None` without registrations, e-mail or incident campaign.
    pub registered_not_sent: Option<u64>,
}

/// Registers `incident_email` (the incident campaigns' events, with `backup_url` flagging
/// clicks on a backup URL), collected once: eleven queries read it, and as a view each would
/// filter the whole e-mail table again (3.85 M events at a million participants).
pub fn register(
    tables: &Tables,
    runner: &mut Runner,
    campaigns: &[String],
    backup_urls: &[String],
) -> Result<()> {
    let names = Series::new("c".into(), campaigns.to_vec());
    let lf = tables
        .email
        .clone()
        .filter(col("campaign").is_in(lit(names).implode(false), false));
    let email = with_backup_url(lf, backup_urls)
        .collect()
        .map_err(|source| crate::error::Error::Table {
            table: "incident_email",
            source,
        })?;
    runner.register("incident_email", email.lazy());
    Ok(())
}

/// E-mail events with `backup_url`: a click on a URL containing one of `backup_urls`
/// (letter case ignored).
fn with_backup_url(email: LazyFrame, backup_urls: &[String]) -> LazyFrame {
    let mut backup = lit(false);
    for u in backup_urls {
        backup = backup.or(col("url")
            .str()
            .to_lowercase()
            .str()
            .contains_literal(lit(u.to_lowercase()))
            .fill_null(lit(false)));
    }
    email.with_column(backup.alias("backup_url"))
}

/// The funnel of every campaign, incident or not (docs/definitions.md, `engagement.campaigns`).
/// The funnel queries read `incident_email`; here they run unchanged in a query context of
/// their own in which that table holds every campaign's events, so the main context's
/// incident campaigns are left as they are.
pub fn every_campaign(tables: &Tables, backup_urls: &[String]) -> Result<Vec<Campaign>> {
    let mut runner = Runner::new(tables);
    runner.register(
        "incident_email",
        with_backup_url(tables.email.clone(), backup_urls),
    );
    funnels(&mut runner)
}

/// The funnel of each campaign of `incident_email`, by campaign key (the `email_funnel` and
/// `email_delivery_p90` queries).
pub fn funnels(runner: &mut Runner) -> Result<Vec<Campaign>> {
    let f = runner.builtin("email_funnel")?;
    let p90 = runner.builtin("email_delivery_p90")?;
    let p90_names = str_values(&p90, "campaign").map_err(table_err)?;
    let p90_at = i64_values(&p90, "p90_delivered_at").map_err(table_err)?;
    let names = str_values(&f, "campaign").map_err(table_err)?;
    let col = |c: &str| i64_values(&f, c).map_err(table_err);
    let first = col("first_event_at")?;
    let counts: Vec<Vec<Option<i64>>> = [
        "recipients",
        "delivered",
        "bounced",
        "blocked",
        "deferred",
        "opened",
        "clicked",
        "complained",
        "unsubscribed",
        "backup_clicks",
    ]
    .iter()
    .map(|c| col(c))
    .collect::<Result<_>>()?;
    let n = |k: usize, i: usize| counts[k][i].unwrap_or(0) as u64;
    Ok((0..names.len())
        .filter_map(|i| {
            let name = names[i].clone()?;
            let p90 = p90_names
                .iter()
                .position(|p| p.as_deref() == Some(name.as_str()))
                .and_then(|j| p90_at[j]);
            Some(Campaign {
                first_event_at: first[i],
                recipients: n(0, i),
                delivered: n(1, i),
                bounced: n(2, i),
                blocked: n(3, i),
                deferred: n(4, i),
                opened: n(5, i),
                clicked: n(6, i),
                complained: n(7, i),
                unsubscribed: n(8, i),
                backup_clicks: n(9, i),
                time_to_90pct_delivered_s: p90.zip(first[i]).map(|(p, f)| (p - f) / 1000),
                campaign: name,
            })
        })
        .collect())
}

/// Computes reach, the incident campaigns' funnels (`campaigns`, taken from
/// [`every_campaign`]) being known. `affected_known` says whether the `affected` table was
/// registered; without e-mail events (`has_email` false) the reached figures are null, not
/// zero.
pub fn compute(
    runner: &mut Runner,
    campaigns: Vec<Campaign>,
    affected_known: bool,
    has_registrations: bool,
    has_email: bool,
) -> Result<Reach> {
    // Without any e-mail event, who was reached is unknown, not zero.
    let (affected_reached, affected_by_outcome) = if affected_known && has_email {
        let outcome = runner.builtin("affected_not_reached")?;
        let reasons = str_values(&outcome, "reason").map_err(table_err)?;
        let counts = i64_values(&outcome, "participants").map_err(table_err)?;
        let by: Vec<(String, u64)> = reasons
            .into_iter()
            .zip(counts)
            .filter_map(|(r, c)| Some((r?, c? as u64)))
            .collect();
        (
            Some(
                super::first_i64(&runner.builtin("affected_reached")?, "reached")?.unwrap_or(0)
                    as u64,
            ),
            by,
        )
    } else {
        (None, Vec::new())
    };
    let (registered, registered_reached) = if has_registrations {
        let r = runner.builtin("registered")?;
        (
            super::first_i64(&r, "registered")?.map(|v| v as u64),
            super::first_i64(&r, "reached")?
                .map(|v| v as u64)
                .filter(|_| has_email),
        )
    } else {
        (None, None)
    };
    // Without an incident campaign, everyone is "not sent" it: another finding says that.
    let registered_not_sent = if has_registrations && has_email && !campaigns.is_empty() {
        super::first_i64(&runner.builtin("not_sent_incident_email")?, "not_sent")?.map(|v| v as u64)
    } else {
        None
    };
    Ok(Reach {
        campaigns,
        affected_reached,
        registered,
        registered_reached,
        affected_by_outcome,
        registered_not_sent,
    })
}
