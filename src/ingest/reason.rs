//! Why ingest could not use a file or a row, or what to know about a row it read: a message of
//! the catalogues (`in-*` in `locales/<code>.ftl`) with its arguments, put into words when it
//! is shown, in the language of the page that shows it. metrics.json and `debrief check`
//! write the English words ([`Reason`]'s `Display` and `Serialize`).
//!
//! ```
//! use debrief::i18n::Lang;
//! use debrief::ingest::Reason;
//! let r = Reason::at(
//!     Reason::item("record", 3),
//!     Reason::not_a("created_at", "in-not-a-date", "soon"),
//! );
//! assert_eq!(r.to_string(), "record[3]: created_at: not a date: 'soon'");
//! assert_eq!(
//!     r.words(Lang::Fr),
//!     "enregistrement[3]\u{a0}: created_at\u{a0}: pas une date\u{a0}: «\u{a0}soon\u{a0}»"
//! );
//! ```
//!
//! A reason about a field or a place is that prefix and an inner reason ([`Reason::field`],
//! [`Reason::at`]), not a message per field. What comes from the file (a cell, a header) and
//! the text of other libraries' errors (serde_json, csv, polars, io) are arguments, never
//! translated.

use crate::i18n::{Arg, Lang};
use crate::text;

/// A reason: a catalogue message and its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    key: &'static str,
    args: Vec<(&'static str, Part)>,
}

/// An argument of a reason.
#[derive(Debug, Clone, PartialEq)]
enum Part {
    /// Text as it is: a cell, a field name, a list of headers, another library's error.
    Text(String),
    /// A count, which the message may choose its plural by and writes as the language does.
    Count(i64),
    /// A reason of its own (an inner reason, a place), put into words in the same language.
    Reason(Reason),
}

impl Reason {
    /// The message `key` (`in-*`), without arguments yet.
    pub fn new(key: &'static str) -> Reason {
        Reason {
            key,
            args: Vec::new(),
        }
    }

    /// With the argument `name` given as text.
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Reason {
        self.args.push((name, Part::Text(value.to_string())));
        self
    }

    /// With the argument `name` given as a count.
    pub fn count(mut self, name: &'static str, n: i64) -> Reason {
        self.args.push((name, Part::Count(n)));
        self
    }

    /// With the argument `name` given as a reason of its own.
    pub fn with(mut self, name: &'static str, inner: Reason) -> Reason {
        self.args.push((name, Part::Reason(inner)));
        self
    }

    /// `inner` about the field `field` (a column or key as the file names it):
    /// `created_at: not a date: '…'`.
    pub fn field(field: &str, inner: Reason) -> Reason {
        Reason::new("in-field")
            .arg("field", field)
            .with("reason", inner)
    }

    /// `inner` at `place` (see [`Reason::item`], [`Reason::line`]): `record[3]: …`.
    pub fn at(place: Reason, inner: Reason) -> Reason {
        Reason::new("in-at")
            .with("place", place)
            .with("reason", inner)
    }

    /// `field: missing`.
    pub fn missing(field: &str) -> Reason {
        Reason::field(field, Reason::new("in-missing"))
    }

    /// `field: empty`.
    pub fn empty(field: &str) -> Reason {
        Reason::field(field, Reason::new("in-empty"))
    }

    /// `field: not a …: 'value'`, by the message `key` (`in-not-a-date`, `in-not-a-number`, …)
    /// whose argument is `value`.
    pub fn not_a(field: &str, key: &'static str, value: &str) -> Reason {
        Reason::field(field, Reason::new(key).arg("value", value))
    }

    /// The place of item `index` of the array `array` of a JSON document: `tickets[16]`, or
    /// `record[16]` for the items of a document that is an array.
    pub fn item(array: &str, index: usize) -> Reason {
        if array == "record" {
            Reason::new("in-place-record-item").arg("index", index)
        } else {
            Reason::new("in-place-item")
                .arg("array", array)
                .arg("index", index)
        }
    }

    /// The place of the one record of a JSON document that is an object: `record 0`.
    pub fn document(index: usize) -> Reason {
        Reason::new("in-place-document").arg("index", index)
    }

    /// The place of a line of the file: `line 5`.
    pub fn line(line: u64) -> Reason {
        Reason::new("in-place-line").arg("line", line)
    }

    /// Its catalogue key.
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The reason with every text argument, its inner reasons' too, passed through
    /// [`text::redact`]: reasons quote the cells they are about, and a misplaced address or
    /// phone number must not reach an output, in any language.
    pub fn redacted(self) -> Reason {
        let args = self
            .args
            .into_iter()
            .map(|(name, part)| {
                let part = match part {
                    Part::Text(t) => Part::Text(text::redact(&t)),
                    Part::Count(n) => Part::Count(n),
                    Part::Reason(r) => Part::Reason(r.redacted()),
                };
                (name, part)
            })
            .collect();
        Reason {
            key: self.key,
            args,
        }
    }

    /// The reason in words, in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(name, part)| {
                let value: Arg = match part {
                    Part::Text(t) => t.clone().into(),
                    Part::Count(n) => (*n).into(),
                    Part::Reason(r) => r.words(lang).into(),
                };
                (*name, value)
            })
            .collect();
        lang.t_args(self.key, &args)
    }

    /// Reasons one after the other, in `lang`: `a; b`.
    pub fn joined(reasons: &[Reason], lang: Lang) -> Option<String> {
        let mut words = reasons.iter().map(|r| r.words(lang));
        let first = words.next()?;
        Some(words.fold(first, |all, next| {
            lang.t_args("in-then", &[("first", all.into()), ("next", next.into())])
        }))
    }
}

impl std::fmt::Display for Reason {
    /// The English words: metrics.json, `debrief check`, the command line's messages.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Lang::En))
    }
}

impl serde::Serialize for Reason {
    /// As its English words: metrics.json keeps the text it always had, in every language.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.words(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The `in-*` keys the code names: each string literal `"in-…"` of src/.
    fn keys_in_code() -> BTreeSet<String> {
        fn walk(dir: &std::path::Path, re: &regex::Regex, out: &mut BTreeSet<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let p = entry.unwrap().path();
                if p.is_dir() {
                    walk(&p, re, out);
                } else if p.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&p).unwrap();
                    out.extend(re.captures_iter(&text).map(|c| c[1].to_string()));
                }
            }
        }
        let re = regex::Regex::new(r#""(in-[a-z0-9-]+)""#).unwrap();
        let mut out = BTreeSet::new();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        walk(&src, &re, &mut out);
        out
    }

    /// Every key the code names is in the catalogues (which the i18n tests check hold the
    /// same keys), and every `in-*` key of the catalogue is named by the code.
    #[test]
    fn the_code_and_the_catalogue_name_the_same_reasons() {
        let code = keys_in_code();
        assert!(code.len() > 50, "{code:?}");
        let catalogue: BTreeSet<String> = Lang::En
            .keys()
            .into_iter()
            .filter(|k| k.starts_with("in-"))
            .map(str::to_string)
            .collect();
        let missing: Vec<_> = code.difference(&catalogue).collect();
        assert!(missing.is_empty(), "not in locales/en.ftl: {missing:?}");
        let unused: Vec<_> = catalogue.difference(&code).collect();
        assert!(unused.is_empty(), "in locales/en.ftl, unused: {unused:?}");
    }

    #[test]
    fn nested_reasons_in_both_languages() {
        let r = Reason::at(Reason::line(7), Reason::missing("email"));
        assert_eq!(r.to_string(), "line 7: email: missing");
        assert_eq!(
            r.words(Lang::Fr),
            "ligne 7\u{a0}: email\u{a0}: champ manquant"
        );
        let ragged = Reason::new("in-ragged")
            .count("fields", 1)
            .count("width", 3);
        assert_eq!(ragged.to_string(), "1 fields where the header has 3");
        assert_eq!(ragged.words(Lang::Fr), "1 champ alors que l’en-tête en a 3");
        let problems = [Reason::new("in-empty-file"), Reason::new("in-expected-csv")];
        assert_eq!(
            Reason::joined(&problems, Lang::En).unwrap(),
            "empty file; expected a CSV file"
        );
        assert_eq!(Reason::joined(&[], Lang::En), None);
        assert!(!Reason::joined(&problems, Lang::Fr)
            .unwrap()
            .contains("empty"));
    }

    #[test]
    fn what_comes_from_the_file_is_redacted_in_every_language() {
        let r = Reason::at(
            Reason::item("record", 0),
            Reason::not_a("when", "in-not-a-date", "jane.doe@example.org"),
        )
        .redacted();
        for lang in Lang::ALL.iter().copied() {
            let words = r.words(lang);
            assert!(!words.contains("jane.doe"), "{words}");
            assert!(words.contains("[e-mail]"), "{words}");
        }
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            "\"record[0]: when: not a date: '[e-mail]'\""
        );
    }
}
