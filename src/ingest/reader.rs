//! The one place where bytes become records: encoding checks, BOM, CSV dialect, JSON document
//! versus NDJSON. Adapters never open files; they read a [`Doc`].

use serde_json::Value;

/// A CSV file: normalised header names and the records with their line numbers.
#[derive(Debug)]
pub struct CsvTable {
    /// Header names trimmed and lower-cased (BOM already stripped).
    pub headers: Vec<String>,
    /// The header as written, for messages.
    pub raw_headers: Vec<String>,
    /// (line, fields) for each record, or (line, parse error).
    pub records: Vec<(u64, Result<Vec<String>, String>)>,
}

impl CsvTable {
    /// Index of a column by name, case-insensitively.
    pub fn index(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    /// Indices of `required` columns, or a message listing what is missing and what was found.
    pub fn require(&self, required: &[&str]) -> Result<Vec<usize>, String> {
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|r| self.index(r).is_none())
            .collect();
        if missing.is_empty() {
            Ok(required.iter().filter_map(|r| self.index(r)).collect())
        } else {
            Err(format!(
                "missing column(s) {}; the file has: {}",
                missing.join(", "),
                self.raw_headers.join(", ")
            ))
        }
    }
}

/// A parsed input file.
#[derive(Debug)]
pub enum Doc {
    Csv(CsvTable),
    /// One JSON document.
    Json(Value),
    /// One JSON value per line: (line, value or parse error).
    Ndjson(Vec<(u64, Result<Value, String>)>),
}

/// One record of a JSON-ish document, with where it was.
pub struct Record<'a> {
    /// Line for NDJSON.
    pub line: Option<u64>,
    /// `record 17` or `tickets[16]`, for messages.
    pub place: String,
    pub value: Result<&'a Value, String>,
}

impl Record<'_> {
    /// Prefixes a reason with the record's place when it has no line.
    pub fn reason(&self, reason: &str) -> String {
        match self.line {
            Some(_) => reason.to_string(),
            None => format!("{}: {reason}", self.place),
        }
    }
}

impl Doc {
    /// Decodes and parses bytes. Errors are whole-file problems.
    pub fn parse(bytes: &[u8]) -> Result<Doc, String> {
        if bytes.is_empty() {
            return Err("empty file (0 bytes)".into());
        }
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Err("the file is UTF-16; save it as UTF-8".into());
        }
        let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            format!("line {line}: not UTF-8 text (Latin-1 or Windows-1252?); save it as UTF-8")
        })?;
        let trimmed = text.trim_start();
        if trimmed.is_empty() {
            return Err("empty file (only blank space)".into());
        }
        if trimmed.starts_with('{') || trimmed.starts_with('[') {
            parse_json(text)
        } else {
            parse_csv(text).map(Doc::Csv)
        }
    }

    /// The keys that identify a JSON format: those of the first record, or for an object
    /// document its keys plus `field.key` for the first element of each array field.
    pub fn sniff_keys(&self) -> Vec<String> {
        fn obj_keys(v: &Value) -> Vec<String> {
            v.as_object()
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default()
        }
        match self {
            Doc::Csv(t) => t.headers.clone(),
            Doc::Json(Value::Array(items)) => items.first().map(obj_keys).unwrap_or_default(),
            Doc::Json(v @ Value::Object(m)) => {
                let mut keys = obj_keys(v);
                for (k, inner) in m {
                    if let Some(first) = inner.as_array().and_then(|a| a.first()) {
                        keys.extend(obj_keys(first).into_iter().map(|ik| format!("{k}.{ik}")));
                    }
                }
                keys
            }
            Doc::Json(_) => Vec::new(),
            Doc::Ndjson(lines) => lines
                .iter()
                .find_map(|(_, v)| v.as_ref().ok())
                .map(obj_keys)
                .unwrap_or_default(),
        }
    }

    /// The records of a JSON document: the array's items, the lines of NDJSON, or the
    /// document itself when it is one object. `field` picks an array inside an object document
    /// (`tickets`, `data`).
    pub fn records<'a>(&'a self, field: Option<&str>) -> Result<Vec<Record<'a>>, String> {
        let items = |arr: &'a [Value], name: &str| -> Vec<Record<'a>> {
            arr.iter()
                .enumerate()
                .map(|(i, v)| Record {
                    line: None,
                    place: format!("{name}[{i}]"),
                    value: Ok(v),
                })
                .collect()
        };
        match (self, field) {
            (Doc::Csv(_), _) => Err("expected JSON, found CSV".into()),
            (Doc::Json(Value::Array(a)), None) => Ok(items(a, "record")),
            (Doc::Json(v @ Value::Object(_)), None) => Ok(vec![Record {
                line: None,
                place: "record 0".into(),
                value: Ok(v),
            }]),
            (Doc::Json(Value::Object(m)), Some(f)) => match m.get(f) {
                Some(Value::Array(a)) => Ok(items(a, f)),
                Some(Value::Null) | None => Ok(Vec::new()),
                Some(_) => Err(format!("'{f}' is not an array")),
            },
            (Doc::Json(_), _) => {
                Err("the JSON document is neither an object nor an array of objects".into())
            }
            (Doc::Ndjson(lines), None) => Ok(lines
                .iter()
                .map(|(l, v)| Record {
                    line: Some(*l),
                    place: format!("line {l}"),
                    value: v.as_ref().map_err(Clone::clone),
                })
                .collect()),
            (Doc::Ndjson(_), Some(f)) => Err(format!(
                "expected one JSON document with '{f}', found one object per line"
            )),
        }
    }
}

fn parse_json(text: &str) -> Result<Doc, String> {
    match serde_json::from_str::<Value>(text) {
        Ok(v) => Ok(Doc::Json(v)),
        Err(whole) => {
            // NDJSON: several lines, the first of which is a complete value on its own.
            let mut lines = text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty());
            let first_ok = lines
                .next()
                .is_some_and(|(_, l)| serde_json::from_str::<Value>(l).is_ok());
            if first_ok && lines.next().is_some() {
                let parsed = text
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| !l.trim().is_empty())
                    .map(|(i, l)| {
                        (
                            i as u64 + 1,
                            serde_json::from_str::<Value>(l)
                                .map_err(|e| format!("not valid JSON: {e}")),
                        )
                    })
                    .collect();
                Ok(Doc::Ndjson(parsed))
            } else if whole.is_eof() {
                Err(format!(
                    "truncated JSON: the file ends inside a value (line {}, column {})",
                    whole.line(),
                    whole.column()
                ))
            } else {
                Err(format!(
                    "not valid JSON at line {}, column {}: {whole}",
                    whole.line(),
                    whole.column()
                ))
            }
        }
    }
}

fn parse_csv(text: &str) -> Result<CsvTable, String> {
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut iter = rdr.records();
    let header = match iter.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(format!("line 1: unreadable header: {e}")),
        None => return Err("empty file".into()),
    };
    let raw_headers: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let headers = raw_headers.iter().map(|h| h.to_lowercase()).collect();
    let width = raw_headers.len();
    let mut records = Vec::new();
    for rec in iter {
        match rec {
            Ok(r) => {
                let line = r.position().map(|p| p.line()).unwrap_or(0);
                if r.len() == 1 && r.get(0).is_some_and(|f| f.trim().is_empty()) {
                    continue; // blank line
                }
                if r.len() != width {
                    records.push((
                        line,
                        Err(format!("{} fields where the header has {width}", r.len())),
                    ));
                } else {
                    records.push((line, Ok(r.iter().map(str::to_string).collect())));
                }
            }
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                records.push((line, Err(format!("unreadable CSV record: {e}"))));
            }
        }
    }
    Ok(CsvTable {
        headers,
        raw_headers,
        records,
    })
}

/// A JSON value as text: strings as they are, numbers in full (ids above 2^53 stay exact),
/// null and empty strings as `None`.
pub fn as_text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A JSON value as an integer, accepting numbers written as strings.
pub fn as_i64(v: Option<&Value>) -> Option<i64> {
    match v? {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A JSON value as a float, accepting numbers written as strings.
pub fn as_f64(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_bom_semicolons_and_ragged_rows() {
        let d = Doc::parse(
            "\u{feff}Time;Kind;Text\n2020-11-27 15:00;note;a\n2020-11-27 15:01;note\n".as_bytes(),
        )
        .unwrap();
        let Doc::Csv(t) = d else { panic!("csv") };
        assert_eq!(t.headers, vec!["time", "kind", "text"]);
        assert!(t.records[0].1.is_ok());
        assert_eq!(t.records[1].0, 3);
        assert!(t.records[1].1.as_ref().unwrap_err().contains("2 fields"));
    }

    #[test]
    fn whole_file_problems() {
        assert!(Doc::parse(b"").unwrap_err().contains("empty"));
        assert!(Doc::parse(&[0xFF, 0xFE, b'a', 0])
            .unwrap_err()
            .contains("UTF-16"));
        assert!(Doc::parse(b"time,kind\n15:00,caf\xe9\n")
            .unwrap_err()
            .contains("line 2: not UTF-8"));
        assert!(Doc::parse(b"{\"tickets\": [{\"id\": 1}")
            .unwrap_err()
            .contains("truncated JSON"));
    }

    #[test]
    fn ndjson_lines_keep_their_numbers() {
        let d = Doc::parse(b"{\"a\":1}\n\n{\"a\":\n{\"a\":3}\n").unwrap();
        let recs = d.records(None).unwrap();
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[1].line, Some(3));
        assert!(recs[1].value.is_err());
        assert_eq!(recs[2].line, Some(4));
    }

    #[test]
    fn big_ids_stay_exact() {
        let v: Value = serde_json::from_str("{\"id\": 19999999999999999}").unwrap();
        assert_eq!(as_text(v.get("id")).unwrap(), "19999999999999999");
    }
}
