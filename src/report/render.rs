//! HTML rendering with tera. The templates are embedded in the binary; a user's
//! `report_templates/` folder (next to the exports) overrides them by name. Autoescaping is on
//! for every `.html` template; only SVG produced by debrief and the Markdown of lessons.md
//! (raw HTML disabled) go in with `| safe`.

use std::path::Path;

use tera::{Context, Tera};

use super::model::ReportModel;
use crate::error::{Error, Result};

/// The embedded templates, by name.
pub const TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../report_templates/base.html"),
    ),
    (
        "report.html",
        include_str!("../../report_templates/report.html"),
    ),
];

fn chain(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(&format!(": {s}"));
        src = s.source();
    }
    msg
}

/// Renders report.html, the charts' SVG under `svg`; `overrides` is a folder whose files
/// replace embedded templates.
pub fn report_html(model: &ReportModel, overrides: Option<&Path>) -> Result<Vec<u8>> {
    let mut tera = Tera::default();
    for (name, body) in TEMPLATES {
        let user = overrides.map(|d| d.join(name)).filter(|p| p.is_file());
        let text = match &user {
            Some(p) => std::fs::read_to_string(p).map_err(|e| Error::io(p, e))?,
            None => body.to_string(),
        };
        tera.add_raw_template(name, &text)
            .map_err(|e| Error::Render {
                what: match &user {
                    Some(p) => p.display().to_string(),
                    None => format!("embedded template {name}"),
                },
                message: chain(&e),
            })?;
    }
    tera.autoescape_on(vec![".html"]);
    let mut ctx = Context::from_serialize(model).map_err(|e| Error::Render {
        what: "report context".into(),
        message: chain(&e),
    })?;
    // The charts are drawn now, from the model's numbers, just before the template.
    ctx.insert("svg", &crate::charts::render(&model.charts)?);
    tera.render("report.html", &ctx)
        .map(String::into_bytes)
        .map_err(|e| Error::Render {
            what: "report.html".into(),
            message: chain(&e),
        })
}
