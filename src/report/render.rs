//! HTML rendering with tera. The templates are embedded in the binary; a user's
//! `report_templates/` folder (next to the exports) overrides them by name. Autoescaping is on
//! for every `.html` template; only SVG produced by debrief and the Markdown of lessons.md
//! (raw HTML disabled) go in with `| safe`.

use std::path::Path;

use std::collections::HashMap;

use tera::{Context, Tera, Value};

use super::model::ReportModel;
use crate::error::{Error, Result};
use crate::i18n::{format, Arg, Lang};

/// The templates' `t(k="key", name=value, ...)`: the catalogue's message `key` in the
/// report's language, with its arguments (numbers stay numbers, for plurals and the
/// language's digits). A key missing from the catalogue fails the render, naming it.
struct Translate(Lang);

impl tera::Function for Translate {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let key = args
            .get("k")
            .and_then(Value::as_str)
            .ok_or_else(|| tera::Error::msg("t() needs k=\"message key\""))?;
        let mut fargs: Vec<(&str, Arg)> = Vec::new();
        for (name, v) in args.iter().filter(|(n, _)| n.as_str() != "k") {
            let arg = match v {
                Value::Number(n) => match n.as_i64() {
                    Some(i) => Arg::from(i),
                    None => Arg::from(n.as_f64().unwrap_or(0.0)),
                },
                Value::String(s) => Arg::from(s.clone()),
                Value::Null => Arg::from(""),
                other => Arg::from(other.to_string()),
            };
            fargs.push((name.as_str(), arg));
        }
        self.0
            .format(key, &fargs)
            .map(Value::String)
            .map_err(tera::Error::msg)
    }

    fn is_safe(&self) -> bool {
        false
    }
}

/// The templates' `| num`: a number in the report's language (`1962`, `1 962`); anything
/// else as it is.
struct Number(Lang);

impl tera::Filter for Number {
    fn filter(&self, value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
        Ok(match value {
            Value::Number(n) => Value::String(match n.as_i64() {
                Some(i) => format::fmt_int(self.0, i),
                None => {
                    let x = n.as_f64().unwrap_or(0.0);
                    let written = x.to_string();
                    let places = written.split_once('.').map_or(0, |(_, f)| f.len());
                    format::fmt_decimal(self.0, x, places)
                }
            }),
            other => other.clone(),
        })
    }
}

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
    tera.register_function("t", Translate(model.lang));
    tera.register_filter("num", Number(model.lang));
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
