//! Billetweb attendees API export: a JSON array of attendees, every value a string, order
//! dates in Paris local time without a zone. Includes cancelled registrations (disabled "1").
//! Written one participant at a time, so a million attendees stream through.

use crate::out::{object, Out};
use crate::people::person;
use crate::rng::Rng;
use crate::time::{paris, paris_to_unix};
use std::path::Path;

const TAG_ORDERS: u64 = 0x4249_4C4C;

/// Writes billetweb_attendees.json; returns the number of attendees.
pub fn write(path: &Path, seed: u64, n: u32) -> Result<u64, String> {
    let opened = paris_to_unix(2020, 9, 14, 9, 0)?;
    let closed = paris_to_unix(2020, 11, 26, 22, 0)?;
    let mut r = Rng::stream(seed, TAG_ORDERS, 0);
    let mut out = Out::create(path)?;
    out.put("[\n")?;
    let mut order_id = 10_452_000u64;
    let mut left_in_order = 0u32;
    let mut order_email = String::new();
    let mut order_date = String::new();
    for i in 0..n {
        let p = person(seed, i);
        if left_in_order == 0 {
            order_id += 1 + r.below(3);
            left_in_order = if r.chance(0.12) {
                r.between(2, 6) as u32
            } else {
                1
            };
            order_email = p.email.clone();
            let span = (closed - opened) as f64;
            let mut t =
                opened + (span * f64::from(i) / f64::from(n.max(1))) as i64 + r.between(0, 3600);
            // People order in the daytime. Night orders move to the morning, which also keeps
            // the zone-less dates clear of the hour that happens twice when clocks go back
            // (the DST trap has its own fixture in debrief's tests).
            if paris(t, "%H")?.parse::<u32>().map_err(|e| e.to_string())? < 7 {
                t += 7 * 3600;
            }
            order_date = paris(t, "%Y-%m-%d %H:%M:%S")?;
        }
        left_in_order -= 1;
        let (ticket, category, price) = if r.chance(0.78) {
            *r.pick(&[
                ("Pass 3 jours", "Plein tarif", "120.00"),
                ("Pass 3 jours", "Plein tarif", "120.00"),
                ("Pass 3 jours", "Adhérent", "95.00"),
                ("Pass 3 jours", "Tarif réduit", "60.00"),
            ])
        } else {
            *r.pick(&[
                ("Vendredi", "Plein tarif", "45.00"),
                ("Vendredi", "Tarif réduit", "25.00"),
            ])
        };
        // An affine bijection modulo 10^12 (the factor is prime to 10): unique 12-digit barcodes.
        let barcode = (u64::from(i) * 482_947_317_923 + 104_729_000_013) % 1_000_000_000_000;
        let used = p.watches && !p.disabled;
        let json = object(|o| {
            o.s("id", &(4_810_000 + u64::from(i)).to_string())
                .s("ext_id", "")
                .s("barcode", &format!("{barcode:012}"))
                .s("used", if used { "1" } else { "0" })
                .s("firstname", p.first)
                .s("name", p.last)
                .s("email", &p.email)
                .s("ticket", ticket)
                .s("category", category)
                .s("price", price)
                .s("order_id", &order_id.to_string())
                .s("order_email", &order_email)
                .s("order_date", &order_date)
                .s("order_paid", "1")
                .s("session_start", "2020-11-27 14:30:00")
                .s("disabled", if p.disabled { "1" } else { "0" })
                .raw("custom", "{}");
        });
        out.put(&json)?;
        out.put(if i + 1 < n { ",\n" } else { "\n" })?;
    }
    out.put("]\n")?;
    out.finish()?;
    Ok(u64::from(n))
}
