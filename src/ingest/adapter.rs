//! What an adapter is: everything ingest knows of one vendor format, declared once, as a
//! constant in the vendor's own file. `ADAPTERS` in the parent module lists them in detection
//! order; adding a vendor is its file plus one line there.
//!
//! The canonical table a format feeds is not written beside its reader: it is the variant of
//! [`Reader`] that holds the reader, so the compiler checks that a viewing reader fills the
//! viewing table, and every `match` that routes by table is exhaustive (no wildcard: a new
//! table does not compile until each says what to do with it).

use polars::prelude::{DataFrame, PolarsResult};

use super::reader::Doc;
use super::{zendesk, Ctx, Reason};
use crate::tables::{
    AudienceRow, EmailRow, Frames, LogRow, MentionRow, RegistrationRow, ViewingRow, WebRow,
};

/// The canonical tables ingest fills (design.md), named in metrics.json `sources[].kind` by
/// [`Table::name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    Registrations,
    Viewing,
    Email,
    Tickets,
    Mentions,
    Log,
    Audience,
    Web,
}

impl Table {
    /// The table's name in the queries and in metrics.json.
    pub const fn name(self) -> &'static str {
        match self {
            Table::Registrations => "registrations",
            Table::Viewing => "viewing",
            Table::Email => "email",
            Table::Tickets => "tickets",
            Table::Mentions => "mentions",
            Table::Log => "log",
            Table::Audience => "audience",
            Table::Web => "web",
        }
    }
}

/// Where a format's timestamps without a zone get one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// Every timestamp carries its zone (UTC `Z`, an offset, or epoch): UTC unless
    /// `[[sources]] timezone` says otherwise.
    InFile,
    /// Local times: the source's zone (`[[sources]] timezone`), else the event zone.
    Local,
}

/// A row reader: a parsed document into canonical rows of type `T`.
pub type RowReader<T> = fn(&Doc, &mut Ctx, &mut Vec<T>) -> Result<(), Reason>;

/// A columnar reader (see `columnar`): the file's bytes into a frame with the canonical
/// schema, counted in `ctx`; `Ok(None)` when it declines the file up front (a shape polars
/// would read differently from the row reader), which the row reader then takes. An `Err`
/// is a failure, reported as the file's problem.
pub type ColumnReader = fn(&[u8], &mut Ctx) -> PolarsResult<Option<DataFrame>>;

/// A format's readers, by the canonical table they fill. Only the tables that take frames
/// (viewing, e-mail, web) have a columnar reader.
#[derive(Clone, Copy)]
pub enum Reader {
    Registrations(RowReader<RegistrationRow>),
    Viewing(RowReader<ViewingRow>, Option<ColumnReader>),
    Email(RowReader<EmailRow>, Option<ColumnReader>),
    /// Tickets are finished once every file is read (Zendesk pages, users, metrics).
    Tickets(fn(&Doc, &mut Ctx, &mut zendesk::Pending) -> Result<(), Reason>),
    Mentions(RowReader<MentionRow>),
    Log(RowReader<LogRow>),
    Audience(RowReader<AudienceRow>),
    Web(RowReader<WebRow>, Option<ColumnReader>),
}

impl Reader {
    /// The canonical table the format feeds.
    pub const fn table(self) -> Table {
        match self {
            Reader::Registrations(_) => Table::Registrations,
            Reader::Viewing(..) => Table::Viewing,
            Reader::Email(..) => Table::Email,
            Reader::Tickets(_) => Table::Tickets,
            Reader::Mentions(_) => Table::Mentions,
            Reader::Log(_) => Table::Log,
            Reader::Audience(_) => Table::Audience,
            Reader::Web(..) => Table::Web,
        }
    }

    /// The columnar reader, for the exports that can hold millions of rows, with the frames
    /// of its table.
    pub fn columnar(self) -> Option<Columnar> {
        match self {
            Reader::Viewing(_, c) => c.map(|read| Columnar {
                read,
                frames: |f| &mut f.viewing,
            }),
            Reader::Email(_, c) => c.map(|read| Columnar {
                read,
                frames: |f| &mut f.email,
            }),
            Reader::Web(_, c) => c.map(|read| Columnar {
                read,
                frames: |f| &mut f.web,
            }),
            Reader::Registrations(_)
            | Reader::Tickets(_)
            | Reader::Mentions(_)
            | Reader::Log(_)
            | Reader::Audience(_) => None,
        }
    }
}

/// A columnar reader and where its frame goes.
#[derive(Clone, Copy)]
pub struct Columnar {
    pub read: ColumnReader,
    /// The frames of the canonical table it fills.
    pub frames: fn(&mut Frames) -> &mut Vec<DataFrame>,
}

/// One vendor format: everything ingest needs to recognise, describe and read it.
pub struct Adapter {
    /// The name used in `debrief check`, metrics.json and `[[sources]] format`.
    pub name: &'static str,
    /// Where its zone-less timestamps get their zone.
    pub zone: Zone,
    /// For a CSV format, the header columns that identify it (lower-case), one list per shape.
    pub csv_signatures: &'static [&'static [&'static str]],
    /// For a JSON format, the keys of the first record (or the document) that identify it,
    /// one list per shape the vendor writes (`field.key` one level down).
    pub json_signatures: &'static [&'static [&'static str]],
    /// The field names it is documented to carry (formats.md), signatures apart: what
    /// detection counts to name the format an unrecognised file comes nearest to. Compared
    /// case-insensitively.
    pub documented: &'static [&'static str],
    /// What to ask the vendor for, where a file of the format often lacks what it needs: the
    /// catalogue key of its words (`in-advice-*`).
    pub advice: Option<&'static str>,
    /// Whether its columnar reader takes a `[[sources]] columns` mapping (the generic
    /// formats); a mapped file of another columnar format is read row by row.
    pub mappable: bool,
    /// Its readers, and through them its canonical table.
    pub reader: Reader,
}

impl Adapter {
    /// The canonical table it feeds.
    pub const fn table(&self) -> Table {
        self.reader.table()
    }
}

impl PartialEq for Adapter {
    /// Formats are told apart by name (the registry test checks that names are unique).
    fn eq(&self, other: &Adapter) -> bool {
        self.name == other.name
    }
}

impl Eq for Adapter {}

impl std::fmt::Debug for Adapter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}
