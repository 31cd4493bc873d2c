//! Comma-separated exports of views (Mux's views CSV, a `viewing-csv` mapped in debrief.toml)
//! read in one pass, on every core: each line is split into its fields where it lies in the
//! mapped file, goes through the vendor's rules (the one statement of them, which the row
//! reader also uses), and each thread makes the rows it kept a frame. No text columns are
//! made on the way.
//!
//! This replaced polars' CSV parser for these files. At a million participants, polars read
//! the 17 columns Mux's rules need from the 1.3 GB export as text columns in 2.5 s, after a
//! check of every line's shape (1.0 s), then the rules went over the text columns and the
//! copied columns were trimmed and filtered (3 s more): each byte went through four passes.
//! BENCHMARKS.md, ninth session.
//!
//! A file is the row reader's (`None`) wherever the row reader could read it otherwise than
//! line by line: a separator other than the comma, a record over several lines (a quote
//! opened and not closed on its line), a carriage return not before a line feed, a line with
//! another number of fields than the header, a line blank only by blank space beyond ASCII,
//! text that is not UTF-8. The row reader then reads the file and explains each record.
//! Lines with a quote are split by csv-core, the parser of the row reader's csv crate, with
//! its settings: a quoted field is the row reader's field.

use polars::prelude::*;

use super::columnar::{self, Place};
use super::reading::Reading;
use super::{Ctx, Reason};

/// A comma-separated export whose header has been read (see [`open`]).
pub struct Csv<'b> {
    /// The text, without a byte order mark.
    b: &'b [u8],
    /// Where the first record starts.
    body: usize,
    /// The header's names, trimmed and lower-cased, in file order.
    names: Vec<String>,
}

/// The header of a comma-separated export, `None` when the file is the row reader's (see the
/// module's comment).
pub fn open(bytes: &[u8]) -> Option<Csv<'_>> {
    let b = columnar::without_bom(bytes);
    let header = columnar::split_lines(b).next()?;
    // The row reader picks the separator that is most frequent in the header.
    let count = |d: u8| header.iter().filter(|&&c| c == d).count();
    if count(b';') >= count(b',') && count(b';') > 0 || count(b'\t') >= count(b',') {
        return None;
    }
    if lone_cr(header) {
        return None;
    }
    let width = fields_in_line(header)?;
    if width < 2 {
        return None;
    }
    let text = simdutf8::basic::from_utf8(header).ok()?;
    let mut line = Line::new();
    line.split(text, width)?;
    let names = (0..width)
        .map(|k| line.field(text, k).trim().to_lowercase())
        .collect();
    Some(Csv {
        b,
        body: (header.len() + 1).min(b.len()),
        names,
    })
}

/// One record, as a vendor's rules read it ([`Csv::read`]).
pub struct Record<'r> {
    /// The index of the record in the file: it is on line `index + 2`.
    pub index: usize,
    text: &'r str,
    line: &'r Line,
    cells: &'r [Option<usize>],
}

impl<'r> Record<'r> {
    /// Cell `k` of the vendor's cells (see [`Csv::read`]): its field's value trimmed, `None`
    /// when empty or when the file has no such column, as the row readers read a field.
    pub fn cell(&self, k: usize) -> Option<&'r str> {
        let column = self.cells.get(k).copied().flatten()?;
        trimmed(self.line.field(self.text, column))
    }

    /// Every field of the record as written (unquoted, not trimmed), in file order.
    pub fn fields(&self) -> impl Iterator<Item = &'r str> + '_ {
        (0..self.line.ranges.len()).map(|k| self.line.field(self.text, k))
    }
}

/// What one thread made of its stretch of the file.
struct Stretch {
    frame: DataFrame,
    kept: Vec<usize>,
    records: usize,
    blank: usize,
    rejected: Vec<(usize, Reason)>,
    warnings: Vec<(usize, Reason)>,
}

impl Csv<'_> {
    /// The column named `name` (trimmed, lower-cased); a name written twice is its first
    /// column, as the row readers take it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    /// Each record through a vendor's rules, on every core, a part of the file at a time:
    /// `rule(record, reading)` reads cell `k` from column `cells[k]`; each thread has its own
    /// [`Reading`] under the ctx's rules. The rows a thread kept become a frame,
    /// `frame(rows, copied, reading)`, where `copied[j]` holds each kept row's cell of column
    /// `copied[j].0` (trimmed, empty as null), named `copied[j].1`; the frame holds the
    /// canonical columns and [`columnar::KEY`], which deduplicates. A blank record is skipped
    /// as the row reader skips it, a rejected one keeps its reason, a kept one its DST notes.
    /// `Ok(None)` when the file is the row reader's (see the module's comment); nothing is
    /// counted unless the read succeeds.
    pub fn read<T: Send>(
        &self,
        ctx: &mut Ctx,
        cells: &[Option<usize>],
        copied: &[(Option<usize>, &str)],
        rule: impl Fn(&Record, &Reading) -> Result<T, Reason> + Sync,
        frame: impl Fn(Vec<T>, Vec<Column>, &Reading) -> PolarsResult<DataFrame> + Sync,
    ) -> PolarsResult<Option<DataFrame>> {
        let mut steps = crate::timings::Steps::start(&ctx.report.path);
        let b = self.b;
        let rules = ctx.reading.rules.clone();
        let width = self.names.len();
        let mut settled = Vec::new();
        let mut first = 0;
        for (round, stretches) in columnar::rounds(b, self.body) {
            // Each stretch's first record, from the lines before it.
            let mut firsts = Vec::with_capacity(stretches.len());
            for &(from, to) in &stretches {
                let records = records_in(&b[from..to]);
                firsts.push((from, to, first, records));
                first += records;
            }
            let read = columnar::on_cores(&firsts, 2, |mine, _| {
                mine.iter()
                    .map(|&(from, to, first, records)| {
                        let reading = rules.reading();
                        let s = &b[from..to];
                        let read =
                            stretch(s, first, records, width, &reading, cells, copied, &rule);
                        read.map(|s| {
                            s.and_then(|(rows, columns, mut s)| {
                                s.frame = frame(rows, columns, &reading)?;
                                Ok(s)
                            })
                        })
                    })
                    .collect::<Vec<_>>()
            });
            for (s, &(_, _, first, _)) in read.into_iter().flatten().zip(&firsts) {
                let Some(s) = s else {
                    return Ok(None);
                };
                let s = s?;
                settled.push(columnar::settled_rows(
                    s.frame,
                    &s.kept,
                    s.records,
                    s.blank,
                    s.rejected,
                    s.warnings,
                    first,
                    Place::Lines { first: 2 },
                )?);
            }
            ctx.release(&b[round]);
            steps.lap("read");
        }
        let outcome = columnar::finish_parts(settled)?;
        steps.lap("dedup");
        steps.done();
        Ok(Some(ctx.apply(outcome)))
    }
}

/// The records (lines) of a stretch that ends after a line feed or at the end of the file:
/// its lines, without an empty last one.
fn records_in(s: &[u8]) -> usize {
    let feeds = memchr::memchr_iter(b'\n', s).count();
    feeds + usize::from(!s.is_empty() && !s.ends_with(b"\n"))
}

/// A stretch's records (`n` of them, see [`records_in`]) through `rule`, or `None` when the
/// file is the row reader's: the rows kept, their copied cells as columns, and the stretch's
/// accounting (its frame still empty).
#[allow(clippy::type_complexity)]
#[allow(clippy::too_many_arguments)]
fn stretch<T>(
    s: &[u8],
    first: usize,
    n: usize,
    width: usize,
    reading: &Reading,
    cells: &[Option<usize>],
    copied: &[(Option<usize>, &str)],
    rule: &impl Fn(&Record, &Reading) -> Result<T, Reason>,
) -> Option<PolarsResult<(Vec<T>, Vec<Column>, Stretch)>> {
    let text = simdutf8::basic::from_utf8(s).ok()?;
    let mut rows = Vec::with_capacity(n);
    let mut out = Stretch {
        frame: DataFrame::empty(),
        kept: Vec::with_capacity(n),
        records: 0,
        blank: 0,
        rejected: Vec::new(),
        warnings: Vec::new(),
    };
    let mut builders: Vec<StringChunkedBuilder> = copied
        .iter()
        .map(|(_, name)| StringChunkedBuilder::new((*name).into(), n))
        .collect();
    let mut line = Line::new();
    let mut at = 0;
    let mut lines = columnar::split_lines(s).peekable();
    while let Some(l) = lines.next() {
        if l.is_empty() && lines.peek().is_none() {
            break;
        }
        let i = out.records;
        let from = at;
        at += l.len() + 1;
        out.records += 1;
        let empty = l.iter().all(|c| c.is_ascii_whitespace());
        if empty || blank_line(l) {
            if lone_cr(l) || !empty && fields_in_line(l)? != width {
                return None;
            }
            out.blank += 1;
            continue;
        }
        if blank_beyond_ascii(l) {
            return None;
        }
        let l = &text[from..from + l.len()];
        line.split(l, width)?;
        let record = Record {
            index: first + i,
            text: l,
            line: &line,
            cells,
        };
        let read = rule(&record, reading);
        let notes = reading.dst.take();
        match read {
            Ok(row) => {
                rows.push(row);
                out.kept.push(i);
                out.warnings.extend(notes.into_iter().map(|n| (i, n)));
                for (b, (column, _)) in builders.iter_mut().zip(copied) {
                    let cell = column.and_then(|c| trimmed(line.field(l, c)));
                    b.append_option(cell);
                }
            }
            Err(reason) => out.rejected.push((i, reason)),
        }
    }
    let columns = builders
        .into_iter()
        .map(|b| b.finish().into_column())
        .collect();
    Some(Ok((rows, columns, out)))
}

/// A line's fields: where each is in the line, or, for a line with a quote, in `unquoted`
/// (its fields as csv-core reads them, one after another).
struct Line {
    ranges: Vec<(usize, usize)>,
    quoted: bool,
    unquoted: String,
    core: csv_core::Reader,
    input: Vec<u8>,
    output: Vec<u8>,
    ends: Vec<usize>,
}

impl Line {
    fn new() -> Line {
        let mut core = csv_core::Reader::new();
        // csv-core drops a byte order mark at the start of the first text it reads: the file's
        // was dropped already, and one at the start of a line is text.
        let (mut o, mut e) = ([0u8; 4], [0usize; 2]);
        let _ = core.read_record(b"x\n", &mut o, &mut e);
        Line {
            ranges: Vec::new(),
            quoted: false,
            unquoted: String::new(),
            core,
            input: Vec::new(),
            output: Vec::new(),
            ends: Vec::new(),
        }
    }

    /// Splits `line` (without its line feed) into its fields; `None` unless there are `width`
    /// of them, the line ends the record, and it has no carriage return but one at its end.
    fn split(&mut self, line: &str, width: usize) -> Option<()> {
        self.ranges.clear();
        self.quoted = false;
        let l = line.as_bytes();
        let mut start = 0;
        for at in memchr::memchr3_iter(b',', b'"', b'\r', l) {
            match l[at] {
                b',' => {
                    self.ranges.push((start, at));
                    start = at + 1;
                }
                b'\r' if at + 1 == l.len() => {
                    self.ranges.push((start, at));
                    return (self.ranges.len() == width).then_some(());
                }
                b'\r' => return None,
                _ => return self.split_quoted(line, width),
            }
        }
        self.ranges.push((start, l.len()));
        (self.ranges.len() == width).then_some(())
    }

    /// [`Line::split`] of a line with a quote. A field quoted whole, without a doubled quote
    /// inside, is the text between its quotes, where it lies in the line; any other quote
    /// (doubled, inside a field, text after a closing quote) and the line goes to csv-core.
    fn split_quoted(&mut self, line: &str, width: usize) -> Option<()> {
        self.ranges.clear();
        let l = line.strip_suffix('\r').unwrap_or(line).as_bytes();
        if memchr::memchr(b'\r', l).is_some() {
            return None;
        }
        let mut i = 0;
        loop {
            if l.get(i) == Some(&b'"') {
                let close = match memchr::memchr(b'"', &l[i + 1..]) {
                    Some(j) => i + 1 + j,
                    None => return self.split_core(l, width),
                };
                if close + 1 < l.len() && l[close + 1] != b',' {
                    return self.split_core(l, width);
                }
                self.ranges.push((i + 1, close));
                i = close + 1;
            } else {
                match memchr::memchr2(b',', b'"', &l[i..]) {
                    Some(j) if l[i + j] == b'"' => return self.split_core(l, width),
                    Some(j) => {
                        self.ranges.push((i, i + j));
                        i += j;
                    }
                    None => {
                        self.ranges.push((i, l.len()));
                        i = l.len();
                    }
                }
            }
            if i == l.len() {
                break;
            }
            // A comma: the next field starts after it.
            i += 1;
        }
        (self.ranges.len() == width).then_some(())
    }

    /// [`Line::split`] by csv-core, for a line whose quotes are not all around whole fields.
    fn split_core(&mut self, l: &[u8], width: usize) -> Option<()> {
        self.ranges.clear();
        // The line with its line feed, read as one record that must end with it.
        self.input.clear();
        self.input.extend_from_slice(l);
        self.input.push(b'\n');
        self.output.resize(self.input.len(), 0);
        self.ends.resize(width + 1, 0);
        let (result, read, written, fields) =
            self.core
                .read_record(&self.input, &mut self.output, &mut self.ends);
        if result != csv_core::ReadRecordResult::Record
            || read != self.input.len()
            || fields != width
        {
            // Whatever state this line left the reader in is dropped.
            *self = Line::new();
            return None;
        }
        self.quoted = true;
        self.unquoted.clear();
        self.unquoted
            .push_str(std::str::from_utf8(&self.output[..written]).ok()?);
        let mut start = 0;
        for &end in &self.ends[..fields] {
            self.ranges.push((start, end));
            start = end;
        }
        Some(())
    }

    /// Field `k` of the line last split, `line` being its text.
    fn field<'a>(&'a self, line: &'a str, k: usize) -> &'a str {
        let (from, to) = self.ranges[k];
        if self.quoted {
            &self.unquoted[from..to]
        } else {
            &line[from..to]
        }
    }
}

/// A carriage return ends a line only before a line feed here; the row reader also ends
/// lines on a lone one (old Mac files).
fn lone_cr(l: &[u8]) -> bool {
    memchr::memchr(b'\r', l.strip_suffix(b"\r").unwrap_or(l)).is_some()
}

/// Whether every field of a CSV line is empty or blank space once unquoted (the row reader
/// skips such lines). A doubled quote inside a quoted field is a quote character: not blank.
fn blank_line(line: &[u8]) -> bool {
    let mut quoted = false;
    let mut i = 0;
    while i < line.len() {
        let c = line[i];
        match (quoted, c) {
            (true, b'"') if line.get(i + 1) == Some(&b'"') => return false,
            (_, b'"') => quoted = !quoted,
            (false, b',') => {}
            (_, c) if c.is_ascii_whitespace() => {}
            _ => return false,
        }
        i += 1;
    }
    true
}

/// Whether a line [`blank_line`] does not take as blank may be blank to the row reader, which
/// trims fields as `str::trim` does: blank space beyond ASCII (a no-break space, U+3000, a
/// vertical tab) with nothing else but separators and quotes. Such a file goes to the row
/// reader, which skips the line where the rules would read a record of empty fields.
fn blank_beyond_ascii(line: &[u8]) -> bool {
    let maybe = line
        .iter()
        .all(|&c| c == b',' || c == b'"' || c.is_ascii_whitespace() || c == 0x0b || c >= 0x80);
    // With ASCII alone, blank_line's answer is the row reader's.
    maybe
        && line.iter().any(|&c| c >= 0x80 || c == 0x0b)
        && std::str::from_utf8(line).is_ok_and(|t| t.replace([',', '"'], "").trim().is_empty())
}

/// Fields of one CSV line, or `None` when a quote opened on it does not close on it.
fn fields_in_line(line: &[u8]) -> Option<usize> {
    if memchr::memchr(b'"', line).is_none() {
        return Some(memchr::memchr_iter(b',', line).count() + 1);
    }
    let (mut fields, mut quoted) = (1, false);
    for &c in line {
        match c {
            b'"' => quoted = !quoted,
            b',' if !quoted => fields += 1,
            _ => {}
        }
    }
    (!quoted).then_some(fields)
}

/// `v` trimmed (`str::trim`), `None` when empty: a field as the row readers read it. Most
/// values start and end on a visible ASCII character, and are as they are.
fn trimmed(v: &str) -> Option<&str> {
    let b = v.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) if f > b' ' && f < 0x80 && l > b' ' && l < 0x80 => Some(v),
        _ => Some(v.trim()).filter(|t| !t.is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::reading::Rules;

    /// A record's index and fields.
    type Fields = (usize, Vec<String>);

    /// The records of `text` read as [`Csv::read`] reads them, in about `n` stretches: each
    /// kept record's index and fields, and the number of records (blank ones included).
    fn records(text: &[u8], n: usize) -> Option<(Vec<Fields>, usize)> {
        let csv = open(text)?;
        let width = csv.names.len();
        let reading = Rules {
            zone: chrono_tz::UTC,
            salt: "salt".into(),
            source: "f.csv".into(),
        }
        .reading();
        let cells: Vec<Option<usize>> = (0..width).map(Some).collect();
        let rule = |r: &Record, _: &Reading| -> Result<_, Reason> {
            Ok((r.index, r.fields().map(String::from).collect::<Vec<_>>()))
        };
        let (mut all, mut first) = (Vec::new(), 0);
        for (from, to) in columnar::stretches_after_line_feeds(csv.b, csv.body, n) {
            assert!(from == csv.body || csv.b[from - 1] == b'\n');
            let records = records_in(&csv.b[from..to]);
            let (rows, _, s) = stretch(
                &csv.b[from..to],
                first,
                records,
                width,
                &reading,
                &cells,
                &[],
                &rule,
            )?
            .expect("no frame is made here");
            assert_eq!(s.records, records_in(&csv.b[from..to]));
            first += s.records;
            all.extend(rows);
        }
        Some((all, first))
    }

    /// The records the row reader's parser (the csv crate, as reader.rs sets it) reads in
    /// `text` after its header.
    fn csv_crate(text: &str) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .records()
            .skip(1)
            .map(|r| r.expect("csv reads it").iter().map(String::from).collect())
            .collect()
    }

    #[test]
    fn shapes_the_row_reader_must_take() {
        let (rows, n) = records(b"A ,b,c\n1,2,3\n\n,\" \",\n4,5,6\n\n", 1).unwrap();
        assert_eq!(open(b"A ,b,c\n").unwrap().names, ["a", "b", "c"]);
        assert_eq!(n, 5);
        let kept: Vec<usize> = rows.iter().map(|r| r.0).collect();
        assert_eq!(kept, [0, 3]);
        assert_eq!(rows[1].1, ["4", "5", "6"]);
        let (rows, _) = records(b"a,b,c\n1,\"x,y\",3\n", 1).unwrap();
        assert_eq!(rows[0].1, ["1", "x,y", "3"]);
        // Ragged, quoted line break, unterminated quote, other separators.
        for text in [
            &b"a,b,c\n1,2\n"[..],
            b"a,b,c\n1,2,3,4\n",
            b"a,b,c\n1,\"x\ny\",3\n",
            b"a,b,c\n1,2,\"3\n",
            b"a;b;c\n1;2;3\n",
            b"a\tb\tc\n1\t2\t3\n",
            // Lines ended by a lone carriage return (old Mac files), or one inside a line.
            b"a,b,c\r1,2,3\r",
            b"a,b,c\n1,2\r,3\n",
            b"a,b,c\n1,\"2\r\",3\n",
            // Not UTF-8; blank but for a no-break space.
            b"a,b,c\n1,\xff,3\n",
            "a,b,c\n,\u{a0},\n".as_bytes(),
        ] {
            assert_eq!(
                records(text, 1),
                None,
                "{:?}",
                String::from_utf8_lossy(text)
            );
        }
        // CRLF is fine.
        let (rows, _) = records(b"a,b,c\r\n1,2,3\r\n\"4\",5,\"6\"\r\n", 1).unwrap();
        assert_eq!(rows[0].1, ["1", "2", "3"]);
        assert_eq!(rows[1].1, ["4", "5", "6"]);
        // A field holding one quote character is no blank line.
        let (rows, n) = records(b"a,b,c\n\"\"\"\",,\n\"\",\" \",\n", 1).unwrap();
        assert_eq!((rows.len(), n), (1, 2));
        assert_eq!(rows[0].1, ["\"", "", ""]);
        // A header alone, with or without its line break: no record.
        for text in [&b"view_id,view_start"[..], b"view_id,view_start\n"] {
            assert_eq!(records(text, 1), Some((Vec::new(), 0)));
            assert_eq!(records(text, 3), Some((Vec::new(), 0)));
        }
    }

    #[test]
    fn a_line_s_fields_are_the_row_reader_s() {
        // Lines made of pieces that exercise each way of splitting: no quote, quotes around
        // whole fields, doubled quotes, quotes inside a field or text after one, blank space
        // around quotes, a carriage return at the end, a byte order mark at a line's start.
        let pieces = [
            "a",
            "",
            " b ",
            "\"x,y\"",
            "\"\"",
            "\"q\"\"q\"",
            "c\"d",
            "\"e\"f",
            " \"g\"",
            "\"h\" ",
            "\u{feff}i",
            "\u{feff}\"j\"",
            "é,",
            ",",
        ];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let (mut fast, mut core, mut declined) = (0, 0, 0);
        for _ in 0..5000 {
            let fields: Vec<&str> = (0..3).map(|_| pieces[next(pieces.len())]).collect();
            let mut line = fields.join(",");
            if next(4) == 0 {
                line.push('\r');
            }
            let text = format!("h1,h2,h3\n{line}\n");
            let want = csv_crate(&text);
            let mut split = Line::new();
            match split.split(&line, 3) {
                Some(()) => {
                    let got: Vec<String> =
                        (0..3).map(|k| split.field(&line, k).to_string()).collect();
                    assert_eq!(want.len(), 1, "{line:?}");
                    assert_eq!(got, want[0], "{line:?}");
                    if split.quoted {
                        core += 1;
                    } else {
                        fast += 1;
                    }
                }
                // Declined: the row reader sees no single record of 3 fields on this line.
                None => {
                    assert!(want.len() != 1 || want[0].len() != 3, "{line:?}: {want:?}");
                    declined += 1;
                }
            }
        }
        // Each way was taken.
        assert!(
            fast > 200 && core > 500 && declined > 100,
            "{fast} {core} {declined}"
        );
    }

    #[test]
    fn records_are_the_same_read_in_any_number_of_stretches() {
        let texts: [&[u8]; 6] = [
            b"a,b\n1,2\n3,4\n",
            b"a,b\n1,2\n3,4",
            b"a,b\r\n1,2\r\n\r\n,\r\n3,4\r\n\n\n",
            b"a,b\n\n\n1,2\n\n",
            b"a,b\n\"x,y\",2\n\" \",\n  \n3,\"4\"\"\"",
            b"a,b\n1,2\n3\n", // too few fields
        ];
        for text in texts {
            let whole = records(text, 1);
            for n in 2..9 {
                assert_eq!(records(text, n), whole, "{n} {text:?}");
            }
        }
        let (rows, n) = records(texts[2], 3).unwrap();
        assert_eq!(n, 6);
        assert_eq!(
            rows,
            [
                (0, vec!["1".into(), "2".into()]),
                (3, vec!["3".into(), "4".into()])
            ]
        );
        let (rows, _) = records(texts[4], 4).unwrap();
        assert_eq!(rows[1], (3, vec!["3".to_string(), "4\"".to_string()]));
        assert_eq!(records(texts[5], 3), None);
    }

    #[test]
    fn trimmed_as_the_row_readers_read_fields() {
        let cases = [
            ("a", Some("a")),
            (" a ", Some("a")),
            ("", None),
            ("   ", None),
            ("\u{a0}b\u{2003}", Some("b")),
            ("\u{1}x", Some("\u{1}x")),
            ("é", Some("é")),
            ("x\t", Some("x")),
            ("\u{7f}", Some("\u{7f}")),
        ];
        for (v, want) in cases {
            assert_eq!(trimmed(v), want, "{v:?}");
            assert_eq!(trimmed(v), Some(v.trim()).filter(|t| !t.is_empty()));
        }
    }
}
