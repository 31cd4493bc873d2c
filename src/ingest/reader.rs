//! The one place where bytes become records: encoding checks, BOM, CSV dialect, JSON document
//! versus NDJSON. Adapters never open files; they read a [`Doc`].

use std::borrow::Cow;

use serde_json::Value;

use super::Reason;

/// A CSV file: normalised header names and the records with their line numbers.
#[derive(Debug)]
pub struct CsvTable {
    /// Header names trimmed and lower-cased (BOM already stripped).
    pub headers: Vec<String>,
    /// The header as written, for messages.
    pub raw_headers: Vec<String>,
    /// (line, fields) for each record, or (line, parse error).
    pub records: Vec<(u64, Result<Vec<String>, Reason>)>,
    /// Tables that start after a blank line near the top of the file (Zoom's reports put a
    /// summary block before the participant table); each runs to the next such start.
    pub sections: Vec<CsvTable>,
    /// The one-field line just above a section, such as "Attendee Details".
    pub title: Option<String>,
}

impl CsvTable {
    /// Index of a column by name, case-insensitively.
    pub fn index(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    /// Indices of `required` columns, or a message listing what is missing and what was found.
    pub fn require(&self, required: &[&str]) -> Result<Vec<usize>, Reason> {
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|r| self.index(r).is_none())
            .collect();
        if missing.is_empty() {
            Ok(required.iter().filter_map(|r| self.index(r)).collect())
        } else {
            Err(Reason::new("in-missing-columns")
                .arg("missing", missing.join(", "))
                .arg("headers", self.raw_headers.join(", ")))
        }
    }
}

/// A parsed input file.
#[derive(Debug)]
pub enum Doc<'a> {
    Csv(CsvTable),
    /// One JSON document.
    Json(Value),
    /// A JSON document that is an array: its items parsed one at a time as they are read,
    /// never all at once (a million attendees as values took 5 GB; their text takes 0.4 GB).
    Array(Items<'a>),
    /// One JSON value per line: (line, value or parse error).
    Ndjson(Vec<(u64, Result<Value, Reason>)>),
}

/// The text of a JSON document that is an array, checked to be valid JSON: the file's own
/// bytes when they are UTF-8 (a 400 MB document is not copied), else its decoded text.
#[derive(Debug)]
pub struct Items<'a> {
    text: Cow<'a, str>,
}

impl Items<'_> {
    /// The items, each parsed when reached.
    pub fn iter(&self) -> ItemIter<'_> {
        self.keeping(None)
    }

    /// [`Items::iter`], each object item with only the keys `keep` names when given (see
    /// [`Doc::records_keeping`]).
    fn keeping(&self, keep: Option<&'static [&'static str]>) -> ItemIter<'_> {
        let start = self.text.find('[').map_or(self.text.len(), |i| i + 1);
        ItemIter {
            text: &self.text,
            at: start,
            keep,
        }
    }
}

/// The items of an [`Items`], in order. The text was checked whole, so no item fails to
/// parse; if one did, it would be the last, as an error.
pub struct ItemIter<'a> {
    text: &'a str,
    at: usize,
    /// The keys kept of an object item; all when `None`.
    keep: Option<&'static [&'static str]>,
}

impl Iterator for ItemIter<'_> {
    type Item = Result<Value, Reason>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.text[self.at..].trim_start_matches([' ', '\t', '\n', '\r', ',']);
        if rest.is_empty() || rest.starts_with(']') {
            self.at = self.text.len();
            return None;
        }
        self.at = self.text.len() - rest.len();
        let parsed = match self.keep {
            None => {
                let mut values = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
                values.next()?.map(|v| (v, values.byte_offset()))
            }
            // In one pass: the stream says where the item ends; its kept keys come from the
            // thread's KEEP (a stream takes a type, not a seed such as Kept).
            Some(keep) => {
                KEEP.with(|k| k.set(keep));
                let mut values = serde_json::Deserializer::from_str(rest).into_iter::<KeptItem>();
                values.next()?.map(|v| (v.0, values.byte_offset()))
            }
        };
        match parsed {
            Ok((v, end)) => {
                self.at += end;
                Some(Ok(v))
            }
            Err(e) => {
                self.at = self.text.len();
                Some(Err(Reason::new("in-invalid-json").arg("error", e)))
            }
        }
    }
}

thread_local! {
    /// The keys [`KeptItem`] keeps, set by [`ItemIter::next`] before each item.
    static KEEP: std::cell::Cell<&'static [&'static str]> = const { std::cell::Cell::new(&[]) };
}

/// An item read by [`Kept`] with the keys of the thread's [`KEEP`]: a type, for serde_json's
/// stream of values, which tells where each ends.
struct KeptItem(Value);

impl<'de> serde::Deserialize<'de> for KeptItem {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let keep = KEEP.with(std::cell::Cell::get);
        serde::de::DeserializeSeed::deserialize(Kept::object(keep, false), d).map(KeptItem)
    }
}

/// A JSON value as [`Value`] parses it, but an object with only the keys named (their
/// values whole): for the items of a large array, of which an adapter reads a few fields.
/// Building the others' values (a map entry, a string each) was most of the time a million
/// Billetweb attendees took. Where the text was checked whole first ([`valid_array`]), the
/// values skipped are valid and are skipped unchecked; with `check`, each is checked as
/// [`Value`] would parse it ([`Checked`]), so that what is kept is what a parse of the
/// whole document would accept. With `items`, the value is a large array's (see
/// [`pruned_object`]): an array's items after the first are read so, and an object is whole.
struct Kept<'k> {
    keep: &'k [&'k str],
    check: bool,
    items: bool,
}

impl<'k> Kept<'k> {
    /// An object with only the keys `keep` names.
    fn object(keep: &'k [&'k str], check: bool) -> Self {
        Kept {
            keep,
            check,
            items: false,
        }
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Kept<'_> {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// A key of an object: the index of the wanted field it names, if any (compared as it is
/// read, not copied). For [`Kept`] and `columnar::plain_records`.
pub(super) struct FieldIndex<'f>(pub(super) &'f [&'f str]);

impl<'de> serde::de::DeserializeSeed<'de> for FieldIndex<'_> {
    type Value = Option<usize>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Option<usize>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> serde::de::Visitor<'de> for FieldIndex<'_> {
    type Value = Option<usize>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Option<usize>, E> {
        // Refused as `Value` refuses it (see [`RAW_VALUE_KEY`]): a plain line is then not
        // plain, and the row parser rejects it as the row reader does; a large array's item
        // cannot hold it ([`valid_array`] refused the array).
        refuse_raw_value_key(key)?;
        Ok(self.0.iter().position(|f| *f == key))
    }
}

impl<'de> serde::de::Visitor<'de> for Kept<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        if self.items {
            let whole = serde::de::value::MapAccessDeserializer::new(map);
            return serde::Deserialize::deserialize(whole);
        }
        let mut kept = serde_json::Map::new();
        while let Some(key) = map.next_key_seed(FieldIndex(self.keep))? {
            match key {
                // A repeated key: the last value, at the first one's place, as `Value` does.
                Some(i) => _ = kept.insert(self.keep[i].to_string(), map.next_value()?),
                None if self.check => _ = map.next_value::<Checked>()?,
                None => _ = map.next_value::<serde::de::IgnoredAny>()?,
            }
        }
        Ok(Value::Object(kept))
    }
    // Anything but an object or an array: as `Value` reads it.
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        if self.items {
            if let Some(first) = seq.next_element::<Value>()? {
                items.push(first);
                let rest = || Kept::object(self.keep, self.check);
                while let Some(v) = seq.next_element_seed(rest())? {
                    items.push(v);
                }
            }
        } else {
            while let Some(v) = seq.next_element::<Value>()? {
                items.push(v);
            }
        }
        Ok(Value::Array(items))
    }
}

/// One record of a JSON-ish document, with where it was.
pub struct Record<'a> {
    /// Line for NDJSON.
    pub line: Option<u64>,
    /// `record[17]`, `tickets[16]` or `line 5`, for messages.
    pub place: Reason,
    /// The value, borrowed from the document, or owned when parsed as it is read ([`Items`]).
    pub value: Result<Cow<'a, Value>, Reason>,
}

/// The records of a document, in order.
pub type Records<'a> = Box<dyn Iterator<Item = Record<'a>> + 'a>;

impl<'a> Record<'a> {
    /// The record with its value replaced by a part of it (`event-data`, `ticket`), or by
    /// `f`'s reason for having none.
    pub fn part(self, f: impl Fn(&Value) -> Result<&Value, Reason>) -> Record<'a> {
        let value = match self.value {
            Ok(Cow::Borrowed(v)) => f(v).map(Cow::Borrowed),
            Ok(Cow::Owned(v)) => f(&v).map(|p| Cow::Owned(p.clone())),
            Err(e) => Err(e),
        };
        Record { value, ..self }
    }
}

impl Record<'_> {
    /// Prefixes a reason with the record's place when it has no line.
    pub fn reason(&self, reason: Reason) -> Reason {
        match self.line {
            Some(_) => reason,
            None => Reason::at(self.place.clone(), reason),
        }
    }
}

impl<'t> Doc<'t> {
    /// Decodes and parses bytes. Errors are whole-file problems.
    #[cfg(test)]
    pub fn parse(bytes: &'t [u8]) -> Result<Doc<'t>, Reason> {
        Self::parse_with_encoding(bytes).map(|(d, _)| d)
    }

    /// Decodes and parses bytes, saying which encoding was used: UTF-8 (BOM stripped), UTF-16
    /// with its BOM (Excel's "Unicode text"), or, for bytes that are not UTF-8, Windows-1252
    /// (the superset of Latin-1 that spreadsheets on Windows write), stated as an assumption.
    pub fn parse_with_encoding(bytes: &'t [u8]) -> Result<(Doc<'t>, &'static str), Reason> {
        Self::parse_pruning(bytes, false)
    }

    /// [`Doc::parse_with_encoding`]; with `prune`, the items of an object document's
    /// [`PRUNED`] arrays after the first hold only the keys their adapter reads (see
    /// [`pruned_object`]). Not for a file a `[[sources]]` entry gives a format: that
    /// format may read other keys.
    pub fn parse_pruning(bytes: &'t [u8], prune: bool) -> Result<(Doc<'t>, &'static str), Reason> {
        if bytes.is_empty() {
            return Err(Reason::new("in-empty-file-zero"));
        }
        refuse_binary(bytes)?;
        let (text, encoding) = decode(bytes)?;
        let trimmed = text.trim_start();
        if trimmed.is_empty() {
            return Err(Reason::new("in-empty-file-blank"));
        }
        let doc = if trimmed.starts_with("window.YTD.") {
            // An X account archive's tweets.js: `window.YTD.tweets.part0 = [ ... ]`.
            let start = text
                .find('[')
                .ok_or_else(|| Reason::new("in-x-archive-no-bracket"))?;
            parse_json(
                match text {
                    Cow::Borrowed(t) => Cow::Borrowed(&t[start..]),
                    Cow::Owned(t) => Cow::Owned(t[start..].to_string()),
                },
                prune,
            )?
        } else if trimmed.starts_with('{') || trimmed.starts_with('[') {
            parse_json(text, prune)?
        } else {
            Doc::Csv(parse_csv(&text)?)
        };
        Ok((doc, encoding))
    }

    /// The keys that identify a JSON format: those of the first record, or for an object
    /// document its keys plus `field.key` for the first element of each array field.
    pub fn sniff_keys(&self) -> Vec<String> {
        // An object's keys, plus `key.sub` for its object-valued fields and for the first
        // element of its array-valued fields: enough to tell `{"tweet": {...}}` or a Bluesky
        // post's `record.text` from other shapes.
        fn keys(v: &Value) -> Vec<String> {
            let Some(m) = v.as_object() else {
                return Vec::new();
            };
            let mut out: Vec<String> = m.keys().cloned().collect();
            for (k, inner) in m {
                let nested = match inner {
                    Value::Object(_) => Some(inner),
                    Value::Array(a) => a.first(),
                    _ => None,
                };
                if let Some(Value::Object(im)) = nested {
                    out.extend(im.keys().map(|ik| format!("{k}.{ik}")));
                }
            }
            out
        }
        match self {
            Doc::Csv(t) => t.headers.clone(),
            Doc::Json(Value::Array(items)) => items.first().map(keys).unwrap_or_default(),
            Doc::Array(a) => a
                .iter()
                .next()
                .and_then(|v| v.ok())
                .map(|v| keys(&v))
                .unwrap_or_default(),
            Doc::Json(v @ Value::Object(_)) => keys(v),
            Doc::Json(_) => Vec::new(),
            Doc::Ndjson(lines) => lines
                .iter()
                .find_map(|(_, v)| v.as_ref().ok())
                .map(keys)
                .unwrap_or_default(),
        }
    }

    /// The records of a JSON document: the array's items, the lines of NDJSON, or the
    /// document itself when it is one object. `field` picks an array inside an object document
    /// (`tickets`, `data`).
    pub fn records<'a>(&'a self, field: Option<&str>) -> Result<Records<'a>, Reason> {
        self.records_keeping(field, None)
    }

    /// [`Doc::records`], keeping only the keys `keep` names of each record of a large array
    /// ([`Doc::Array`]), when given: the fields an adapter reads. Records of other documents
    /// are whole (they are parsed whole anyway).
    pub fn records_keeping<'a>(
        &'a self,
        field: Option<&str>,
        keep: Option<&'static [&'static str]>,
    ) -> Result<Records<'a>, Reason> {
        fn items<'a>(arr: &'a [Value], name: &str) -> Records<'a> {
            let name = name.to_string();
            Box::new(arr.iter().enumerate().map(move |(i, v)| Record {
                line: None,
                place: Reason::item(&name, i),
                value: Ok(Cow::Borrowed(v)),
            }))
        }
        match (self, field) {
            (Doc::Csv(_), _) => Err(Reason::new("in-expected-json")),
            (Doc::Json(Value::Array(a)), None) => Ok(items(a, "record")),
            (Doc::Array(a), None) => {
                Ok(Box::new(a.keeping(keep).enumerate().map(|(i, v)| Record {
                    line: None,
                    place: Reason::item("record", i),
                    value: v.map(Cow::Owned),
                })))
            }
            (Doc::Json(v @ Value::Object(_)), None) => Ok(Box::new(std::iter::once(Record {
                line: None,
                place: Reason::document(0),
                value: Ok(Cow::Borrowed(v)),
            }))),
            (Doc::Json(Value::Object(m)), Some(f)) => match m.get(f) {
                Some(Value::Array(a)) => Ok(items(a, f)),
                Some(Value::Null) | None => Ok(Box::new(std::iter::empty())),
                Some(_) => Err(Reason::new("in-not-an-array").arg("field", f)),
            },
            (Doc::Json(_) | Doc::Array(_), _) => Err(Reason::new("in-json-neither")),
            (Doc::Ndjson(lines), None) => Ok(Box::new(lines.iter().map(|(l, v)| Record {
                line: Some(*l),
                place: Reason::line(*l),
                value: v.as_ref().map(Cow::Borrowed).map_err(Clone::clone),
            }))),
            (Doc::Ndjson(_), Some(f)) => {
                Err(Reason::new("in-expected-document-with").arg("field", f))
            }
        }
    }
}

/// Windows-1252's characters for bytes 0x80-0x9F (the rest of the range is Latin-1);
/// the five undefined bytes keep their code point.
const CP1252_HIGH: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}', '\u{178}',
];

/// Refuses a binary file (an image, an archive, a workbook saved by mistake), naming what it
/// looks like and never showing its bytes.
pub fn refuse_binary(bytes: &[u8]) -> Result<(), Reason> {
    match binary(bytes) {
        Some(kind) => Err(Reason::new("in-binary").with("kind", Reason::new(kind))),
        None => Ok(()),
    }
}

/// What a binary file is (the catalogue key of its words), judged from its first bytes: its
/// magic number, else a NUL byte in its first 8 KiB (as git and grep judge). UTF-16 text holds
/// NULs too: with its BOM it is text.
fn binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 9] = [
        (b"PK\x03\x04", "in-binary-zip"),
        (b"PK\x05\x06", "in-binary-empty-zip"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "in-binary-ole2"),
        (b"\x89PNG", "in-binary-png"),
        (b"\xFF\xD8\xFF", "in-binary-jpeg"),
        (b"GIF8", "in-binary-gif"),
        (b"%PDF", "in-binary-pdf"),
        (b"\x1F\x8B", "in-binary-gzip"),
        (b"7z\xBC\xAF\x27\x1C", "in-binary-7z"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return None;
    }
    let head = &bytes[..bytes.len().min(8 * 1024)];
    head.contains(&0).then_some("in-binary-nul")
}

/// Bytes to text, with the encoding's name.
fn decode(bytes: &[u8]) -> Result<(std::borrow::Cow<'_, str>, &'static str), Reason> {
    use std::borrow::Cow;
    let utf16 = |rest: &[u8], le: bool| -> Result<String, Reason> {
        if !rest.len().is_multiple_of(2) {
            return Err(Reason::new("in-utf16-odd"));
        }
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| Reason::new("in-utf16-invalid"))
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok((Cow::Owned(utf16(rest, true)?), "utf-16le"));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok((Cow::Owned(utf16(rest, false)?), "utf-16be"));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match simdutf8::basic::from_utf8(bytes) {
        Ok(t) => Ok((Cow::Borrowed(t), "utf-8")),
        Err(_) => {
            let t = bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
                    _ => b as char,
                })
                .collect();
            Ok((Cow::Owned(t), CP1252_ASSUMED))
        }
    }
}

/// The encoding of text that is not UTF-8, as metrics.json names it.
pub const CP1252_ASSUMED: &str = "windows-1252 (assumed: not UTF-8)";

/// Any JSON value, checked as [`Value`] would parse it, then forgotten.
pub(super) struct Checked;
impl<'de> serde::Deserialize<'de> for Checked {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Checked, D::Error> {
        d.deserialize_any(Checked)
    }
}
impl<'de> serde::de::Visitor<'de> for Checked {
    type Value = Checked;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_str<E>(self, _: &str) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_unit<E>(self) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_none<E>(self) -> Result<Checked, E> {
        Ok(Checked)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Checked, A::Error> {
        while seq.next_element::<Checked>()?.is_some() {}
        Ok(Checked)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Checked, A::Error> {
        while map.next_entry::<CheckedKey, Checked>()?.is_some() {}
        Ok(Checked)
    }
}

/// The key serde_json's `Value` reads as its private raw-value marker rather than a key (it
/// then refuses the object): refused here too, so that [`Checked`] accepts no more than a
/// whole parse does.
pub(super) const RAW_VALUE_KEY: &str = "$serde_json::private::RawValue";

/// serde_json's raw-value marker as a key refused, as [`Value`] refuses it (see
/// [`RAW_VALUE_KEY`]).
fn refuse_raw_value_key<E: serde::de::Error>(key: &str) -> Result<(), E> {
    if key == RAW_VALUE_KEY {
        return Err(E::custom("serde_json's raw-value marker as a key"));
    }
    Ok(())
}

/// A key of an object checked by [`Checked`]: any text but [`RAW_VALUE_KEY`].
pub(super) struct CheckedKey;
impl<'de> serde::Deserialize<'de> for CheckedKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<CheckedKey, D::Error> {
        d.deserialize_str(CheckedKey)
    }
}
impl<'de> serde::de::Visitor<'de> for CheckedKey {
    type Value = CheckedKey;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<CheckedKey, E> {
        refuse_raw_value_key(key)?;
        Ok(CheckedKey)
    }
}

/// The arrays of an object document read pruned by [`pruned_object`], with the keys kept of
/// their items: each array's name is its vendor's alone (Zendesk's incremental export
/// pages, 100 MB each at a million participants, whose tickets carry some forty keys of
/// which the reader takes nine).
const PRUNED: &[(&str, &[&str])] = &[
    ("tickets", super::zendesk::TICKET_KEYS),
    ("ticket_metrics", super::zendesk::METRIC_KEYS),
];

/// An object document parsed as [`Value`] parses it, except that in each array named in
/// [`PRUNED`] the items after the first hold only their kept keys (the first is whole: the
/// format is recognised from its keys). Every value skipped is checked as [`Value`] would
/// parse it ([`Checked`]), so a document a whole parse refuses is refused (with the same
/// error but for serde_json's raw-value marker as a key, refused here a little earlier).
/// The same document parsed whole took about twice the time and memory: a map entry and a
/// string for each of the keys no reader reads.
fn pruned_object(text: &str) -> Result<Value, serde_json::Error> {
    use serde::de::{MapAccess, Visitor};
    /// The document: an object whose [`PRUNED`] arrays are read by [`Kept`] (`items`).
    struct Document;
    impl<'de> Visitor<'de> for Document {
        type Value = Value;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            let mut out = serde_json::Map::new();
            while let Some(key) = map.next_key::<String>()? {
                refuse_raw_value_key(&key)?;
                let value = match PRUNED.iter().find(|(name, _)| *name == key) {
                    Some((_, keep)) => map.next_value_seed(Kept {
                        keep,
                        check: true,
                        items: true,
                    })?,
                    None => map.next_value::<Value>()?,
                };
                // A repeated key: the last value, at the first one's place, as `Value` does.
                out.insert(key, value);
            }
            Ok(Value::Object(out))
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let v = serde::Deserializer::deserialize_map(&mut de, Document)?;
    de.end()?;
    Ok(v)
}

/// Whether `text` is one JSON array that parsing it whole as a [`Value`] accepts, checked
/// without building any value.
///
/// Each item goes through the same `deserialize_any` that builds a [`Value`], so the parser
/// applies the same rules (numbers in range, surrogates paired, the nesting limit), but the
/// visitor keeps nothing: no map, string or vector is allocated. (`IgnoredAny` would skip
/// numbers and strings without those checks.)
fn valid_array(text: &str) -> bool {
    use serde::de::{Deserializer, SeqAccess, Visitor};
    /// The document: an array, each item checked.
    struct Items;
    impl<'de> Visitor<'de> for Items {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON array")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while seq.next_element::<Checked>()?.is_some() {}
            Ok(())
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    (&mut de).deserialize_seq(Items).is_ok() && de.end().is_ok()
}

fn parse_json(text: Cow<'_, str>, prune: bool) -> Result<Doc<'_>, Reason> {
    // An array is checked whole, each item parsed as a value and dropped (so exactly what
    // parsing the whole document accepts: numbers in range, surrogates paired, nesting
    // depth), then read an item at a time. Anything else, an error included, goes the way
    // it went before.
    if text.trim_start().starts_with('[') && valid_array(&text) {
        return Ok(Doc::Array(Items { text }));
    }
    let text = &text[..];
    // A document the pruned parse refuses is parsed whole: its error, or its value (the
    // only document refused pruned and taken whole holds serde_json's raw-value marker as a
    // key), are those of before.
    let whole = if prune && text.trim_start().starts_with('{') {
        pruned_object(text).or_else(|_| serde_json::from_str::<Value>(text))
    } else {
        serde_json::from_str::<Value>(text)
    };
    match whole {
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
                                .map_err(|e| Reason::new("in-invalid-json").arg("error", e)),
                        )
                    })
                    .collect();
                Ok(Doc::Ndjson(parsed))
            } else if whole.is_eof() {
                Err(Reason::new("in-truncated-json")
                    .arg("line", whole.line())
                    .arg("column", whole.column()))
            } else {
                Err(Reason::new("in-invalid-json-at")
                    .arg("line", whole.line())
                    .arg("column", whole.column())
                    .arg("error", whole))
            }
        }
    }
}

/// Lines scanned for a second table after a blank line.
const SECTION_SCAN_LINES: usize = 60;
/// More section starts than this near the top means the file has none.
const MAX_SECTIONS: usize = 8;

fn parse_csv(text: &str) -> Result<CsvTable, Reason> {
    // Section starts: a non-blank line right after a blank one, near the top only.
    // Section starts: a non-blank line right after a blank line or after a title line (one
    // non-empty field, such as Zoom's "Attendee Details"), near the top only.
    // (offset of the section's header, its line, its title).
    let mut starts: Vec<(usize, u64, Option<String>)> = Vec::new();
    let mut offset = 0;
    // The line before: Some(None) blank, Some(Some(title)) a title line.
    let mut previous: Option<Option<String>> = None;
    for (i, line) in text
        .split_inclusive('\n')
        .take(SECTION_SCAN_LINES)
        .enumerate()
    {
        let fields: Vec<&str> = line
            .trim()
            .split([',', ';', '\t'])
            .map(|f| f.trim().trim_matches('"'))
            .filter(|f| !f.is_empty())
            .collect();
        if i > 0 && !fields.is_empty() {
            if let Some(title) = &previous {
                starts.push((offset, i as u64, title.clone()));
            }
        }
        previous = match fields.len() {
            0 => Some(None),
            1 => Some(Some(fields[0].to_string())),
            _ => None,
        };
        offset += line.len();
    }
    // A one-column file would make every line a "title": such a file has no sections.
    if starts.len() > MAX_SECTIONS {
        starts.clear();
    }
    // The whole file is always the main table, so a recognised file never loses rows to a
    // section split; sections are alternatives tried only when the main table is not
    // recognised.
    let mut main = parse_table(text, 0)?;
    for (start, line, title) in &starts {
        // A section runs to the end of the file: a one-field row inside a table must not cut it.
        if let Ok(mut t) = parse_table(&text[*start..], *line) {
            t.title = title.clone();
            main.sections.push(t);
        }
    }
    Ok(main)
}

/// The line a record starts on. The csv reader skips empty lines but puts the record's
/// position at the first of them, so those are counted here.
fn record_line(text: &str, p: &csv::Position) -> u64 {
    let rest = text.as_bytes().get(p.byte() as usize..).unwrap_or_default();
    let mut line = p.line();
    let mut i = 0;
    loop {
        match rest.get(i..i + 2) {
            Some([b'\r', b'\n']) => i += 2,
            _ if rest.get(i) == Some(&b'\n') => i += 1,
            _ => break,
        }
        line += 1;
    }
    line
}

/// One CSV table whose header is the first line of `text`, which starts at line
/// `line_offset + 1` of the file.
fn parse_table(text: &str, line_offset: u64) -> Result<CsvTable, Reason> {
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
        Some(Err(e)) => {
            let e = Reason::new("in-unreadable-header").arg("error", e);
            return Err(Reason::at(Reason::line(line_offset + 1), e));
        }
        None => return Err(Reason::new("in-empty-file")),
    };
    let raw_headers: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let headers = raw_headers.iter().map(|h| h.to_lowercase()).collect();
    let width = raw_headers.len();
    let mut records = Vec::new();
    for rec in iter {
        match rec {
            Ok(r) => {
                let line = r.position().map_or(0, |p| record_line(text, p)) + line_offset;
                if r.iter().all(|f| f.trim().is_empty()) {
                    continue; // blank line
                }
                if r.len() != width {
                    records.push((
                        line,
                        Err(Reason::new("in-ragged")
                            .count("fields", r.len() as i64)
                            .count("width", width as i64)),
                    ));
                } else {
                    records.push((line, Ok(r.iter().map(str::to_string).collect())));
                }
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| record_line(text, p)) + line_offset;
                records.push((
                    line,
                    Err(Reason::new("in-unreadable-record").arg("error", e)),
                ));
            }
        }
    }
    // An odd number of quote characters means the last quoted field never closed: the csv
    // reader has taken everything up to the end of the file into it. Reject that record, and
    // count every line it swallowed as read and rejected, so nothing vanishes.
    if !text
        .bytes()
        .filter(|b| *b == b'"')
        .count()
        .is_multiple_of(2)
    {
        if let Some(last) = records.last_mut() {
            let start = last.0;
            last.1 = Err(Reason::new("in-unterminated-quote"));
            let lines: Vec<&str> = text.lines().collect();
            for (i, l) in lines.iter().enumerate() {
                let number = line_offset + i as u64 + 1;
                if number > start && !l.trim().is_empty() {
                    records.push((
                        number,
                        Err(Reason::new("in-inside-unterminated").arg("line", start)),
                    ));
                }
            }
        }
    }
    Ok(CsvTable {
        headers,
        raw_headers,
        records,
        sections: Vec::new(),
        title: None,
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

/// A record's fields as a vendor's row parser reads them, whether the record was parsed
/// whole ([`Value`]) or only its wanted fields were read (the columnar readers'
/// [`super::columnar::PlainFields`]): the parser is written once, against this.
pub trait Fields {
    /// The field as [`as_text`] reads it (borrowed where it can be).
    fn text(&self, name: &str) -> Option<Cow<'_, str>>;
    /// The field as [`as_f64`] reads it.
    fn number(&self, name: &str) -> Option<f64>;
    /// The field as [`as_i64`] reads it. (Of a plain cell, a number is a whole one as
    /// written: a fraction or an exponent makes the line not plain.)
    fn integer(&self, name: &str) -> Option<i64> {
        self.text(name)?.parse().ok()
    }
    /// Whether the record writes the field at all (null included).
    fn has(&self, name: &str) -> bool;
    /// The field's text, or an array's first element that has one, as the row parsers read
    /// a value that may be a list (a tag, a category).
    fn first(&self, name: &str) -> Option<Cow<'_, str>> {
        self.text(name)
    }
}

impl Fields for Value {
    fn text(&self, name: &str) -> Option<Cow<'_, str>> {
        match self.get(name)? {
            Value::String(s) => {
                let t = s.trim();
                (!t.is_empty()).then_some(Cow::Borrowed(t))
            }
            other => as_text(Some(other)).map(Cow::Owned),
        }
    }
    fn number(&self, name: &str) -> Option<f64> {
        as_f64(self.get(name))
    }
    fn integer(&self, name: &str) -> Option<i64> {
        as_i64(self.get(name))
    }
    fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
    fn first(&self, name: &str) -> Option<Cow<'_, str>> {
        match self.get(name)? {
            Value::Array(a) => a.iter().find_map(|t| as_text(Some(t))).map(Cow::Owned),
            _ => self.text(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_after_empty_lines_keep_their_line_numbers() {
        for text in [
            "a,b\n1,2\n\n\n3,4\n5\n",
            "a,b\r\n1,2\r\n\r\n\r\n3,4\r\n5\r\n",
        ] {
            let Doc::Csv(t) = Doc::parse(text.as_bytes()).unwrap() else {
                panic!("csv")
            };
            let lines: Vec<u64> = t.records.iter().map(|r| r.0).collect();
            assert_eq!(lines, [2, 5, 6], "{text:?}");
        }
    }

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
        assert!(t.records[1]
            .1
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("2 fields"));
    }

    #[test]
    fn utf16_and_windows_1252_are_decoded() {
        // Excel's "Unicode text": UTF-16LE with a BOM, tab-separated.
        let mut b = vec![0xFF, 0xFE];
        for u in "time\tkind\ttext\n2020-11-27 15:00\tnote\tcaf\u{e9}\n".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let (Doc::Csv(t), enc) = Doc::parse_with_encoding(&b).unwrap() else {
            panic!("csv")
        };
        assert_eq!(enc, "utf-16le");
        assert_eq!(t.headers, vec!["time", "kind", "text"]);
        assert_eq!(t.records[0].1.as_ref().unwrap()[2], "caf\u{e9}");
        // Latin-1 / Windows-1252: 0xE9 is \u{e9}, 0x92 a curly apostrophe.
        let (Doc::Csv(t), enc) =
            Doc::parse_with_encoding(b"time,kind,text\n2020-11-27 15:00,note,caf\xe9 l\x92\n")
                .unwrap()
        else {
            panic!("csv")
        };
        assert!(enc.starts_with("windows-1252"), "{enc}");
        assert_eq!(t.records[0].1.as_ref().unwrap()[2], "caf\u{e9} l\u{2019}");
        assert!(Doc::parse(&[0xFF, 0xFE, b'a'])
            .unwrap_err()
            .to_string()
            .contains("odd number of bytes"));
    }

    #[test]
    fn whole_file_problems() {
        assert!(Doc::parse(b"").unwrap_err().to_string().contains("empty"));
        assert!(Doc::parse(b"{\"tickets\": [{\"id\": 1}")
            .unwrap_err()
            .to_string()
            .contains("truncated JSON"));
    }

    #[test]
    fn binary_files_are_named_not_shown() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let e = Doc::parse(png).unwrap_err().to_string();
        assert_eq!(
            e,
            "binary file (a PNG image), not a text export; for .xlsx, save it as CSV"
        );
        let xlsx = b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml";
        assert!(Doc::parse(xlsx)
            .unwrap_err()
            .to_string()
            .contains("an .xlsx workbook"));
        let xls = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0";
        assert!(Doc::parse(xls)
            .unwrap_err()
            .to_string()
            .contains(".xls workbook"));
        for magic in [&b"\xFF\xD8\xFF\xE0"[..], b"GIF89a", b"%PDF-1.7\n"] {
            assert!(Doc::parse(magic)
                .unwrap_err()
                .to_string()
                .starts_with("binary file ("));
        }
        // No magic number, but a NUL: binary all the same.
        assert!(Doc::parse(b"time,kind\0text\n")
            .unwrap_err()
            .to_string()
            .contains("NUL bytes"));
        // UTF-16 with its BOM holds NULs and is text.
        let mut b = vec![0xFE, 0xFF];
        for u in "time,kind,text\n".encode_utf16() {
            b.extend_from_slice(&u.to_be_bytes());
        }
        assert!(Doc::parse(&b).is_ok());
    }

    #[test]
    fn an_array_is_read_an_item_at_a_time_as_a_whole_document_reads() {
        let text = " [\n {\"a\": \"x ], y\", \"b\": [1, {\"c\": \"]\"}]} ,{\"a\":2},\n3, \"s\",\n [4] , null ,{}\n]\n";
        let Doc::Array(items) = Doc::parse(text.as_bytes()).unwrap() else {
            panic!("not read as an array");
        };
        let lazy: Vec<Value> = items.iter().map(Result::unwrap).collect();
        let whole: Value = serde_json::from_str(text).unwrap();
        assert_eq!(Value::Array(lazy), whole);
        // Its records say where they are, as the items of a document do.
        let d = Doc::parse(text.as_bytes()).unwrap();
        let places: Vec<String> = d
            .records(None)
            .unwrap()
            .map(|r| r.place.to_string())
            .collect();
        assert_eq!(places[1], "record[1]");
        assert_eq!(places.len(), 7);
        assert_eq!(d.sniff_keys(), ["a", "b"]);
        // Empty, and invalid (the whole document's error, not an array).
        let Doc::Array(empty) = Doc::parse(b"[ ]").unwrap() else {
            panic!("not read as an array");
        };
        assert_eq!(empty.iter().count(), 0);
        assert!(Doc::parse(b"[{\"a\":1}, {\"a\"").is_err());
        // What a whole-document parse refuses, the array check refuses too (a scan that only
        // skips values would take them): numbers out of range, lone surrogates, nesting
        // deeper than serde_json's limit. The file is then refused whole, as before.
        let deep = format!("[{}{}]", "[".repeat(200), "]".repeat(200));
        for bad in [
            "[{\"a\":1}, {\"a\": 1e400}, {\"a\":3}]",
            "[{\"a\":1}, {\"a\": \"\\uD800\"}]",
            deep.as_str(),
        ] {
            assert!(!valid_array(bad), "{bad}");
            assert!(Doc::parse(bad.as_bytes()).is_err(), "{bad}");
        }
        // And it accepts exactly what the whole parse accepts, on tricky text either way.
        let deep_ok = format!("[{}{}]", "[".repeat(120), "]".repeat(120));
        for text in [
            "[{\"a\":\"\\uD83D\\uDE00 \\\" \\n é\", \"k\\u00e9\":[1,-2.5e-3,18446744073709551615,-9223372036854775808,true,null,{}]}]",
            "[1e308, -1e-400, 0.0, \"\", []]",
            deep_ok.as_str(),
            "[1,]",
            "[01]",
            "[\"\\x\"]",
            "[\"a\u{1}b\"]",
            "[1] [2]",
            "[{\"a\":1,}]",
            "[1e]",
            "[18446744073709551616, 1e400]",
        ] {
            let whole = serde_json::from_str::<Value>(text).is_ok();
            assert_eq!(valid_array(text), whole, "{text}");
        }
    }

    #[test]
    fn ndjson_lines_keep_their_numbers() {
        let d = Doc::parse(b"{\"a\":1}\n\n{\"a\":\n{\"a\":3}\n").unwrap();
        let recs: Vec<Record> = d.records(None).unwrap().collect();
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

    #[test]
    fn a_pruned_page_keeps_what_the_reader_reads_and_refuses_what_a_whole_parse_refuses() {
        let page = r#"{"tickets":[
            {"id":1,"url":"u1","via":{"channel":"web"},"custom_fields":[{"id":5}]},
            {"id":2,"url":"u2","subject":"s","tags":["a","b"],"via":{"channel":"email","source":{"from":{}}},"fields":[1.5,null],"id":3},
            7,
            {"created_at":"2020-11-27T13:30:26Z","description":"\u00e9t\u00e9","x":{"y":[1,2,{"z":true}]}}
          ],
          "users":[{"id":9,"email":"a@example.com","name":"A"}],
          "ticket_metrics":{"not":"an array"},
          "next_page":null,"count":3}"#;
        let whole: Value = serde_json::from_str(page).unwrap();
        let pruned = pruned_object(page).unwrap();
        // Members other than the pruned arrays, and the first ticket, are whole.
        for k in ["users", "ticket_metrics", "next_page", "count"] {
            assert_eq!(pruned[k], whole[k], "{k}");
        }
        let (p, w) = (
            pruned["tickets"].as_array().unwrap(),
            whole["tickets"].as_array().unwrap(),
        );
        assert_eq!(p.len(), w.len());
        assert_eq!(p[0], w[0]);
        assert_eq!(p[2], w[2]);
        for (p, w) in p.iter().zip(w).skip(1).filter(|(p, _)| p.is_object()) {
            let (p, w) = (p.as_object().unwrap(), w.as_object().unwrap());
            // Only the kept keys, in the whole parse's order, with its values (a repeated
            // key: the last value).
            let kept: Vec<(&String, &Value)> = w
                .iter()
                .filter(|(k, _)| super::super::zendesk::TICKET_KEYS.contains(&k.as_str()))
                .collect();
            assert_eq!(p.iter().collect::<Vec<_>>(), kept);
        }
        assert_eq!(pruned["tickets"][1]["id"], 3);
        assert!(pruned["tickets"][1].get("url").is_none());
        // Refused exactly when a whole parse refuses, with its error, also inside the values
        // a pruned item skips.
        for bad in [
            r#"{"tickets":[{"id":1},{"id":2,"url":18446744073709551616e400}]}"#,
            r#"{"tickets":[{"id":1},{"id":2,"url":"\ud800"}]}"#,
            r#"{"tickets":[{"id":1},{"id":2,"url":"a"b}]}"#,
            r#"{"tickets":[{"id":1},{"id":2,"fields":[1,]}]}"#,
            r#"{"tickets":[{"id":1},{"id":2,"x":{"$serde_json::private::RawValue":1}}]}"#,
            r#"{"tickets":[{"id":1},{"id":2}]} x"#,
            r#"{"tickets":[{"id":1},{"id":2}"#,
        ] {
            let whole = serde_json::from_str::<Value>(bad).map_err(|e| e.to_string());
            let pruned = pruned_object(bad).map_err(|e| e.to_string());
            assert!(whole.is_err() && pruned.is_err(), "{bad}");
            // serde_json's raw-value marker as a key is refused with words of our own (as
            // `valid_array` refuses it), a little before serde_json's own refusal.
            if !bad.contains(RAW_VALUE_KEY) {
                assert_eq!(pruned.err(), whole.err(), "{bad}");
            }
        }
        // A document with the marker as its key is taken whole (parse_json's fallback).
        let marker = r#"{"$serde_json::private::RawValue":"1"}"#;
        assert!(pruned_object(marker).is_err());
        let Doc::Json(taken) = parse_json(Cow::Borrowed(marker), true).unwrap() else {
            panic!("not one document")
        };
        assert_eq!(taken, serde_json::from_str::<Value>(marker).unwrap());
    }
}
