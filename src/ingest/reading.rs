//! What a vendor's row parser takes from the run rather than from the record: the zone its
//! local times are read in, the salt addresses are hashed with, the file rows come from, and
//! what it notes while parsing one record (local times on a DST change, a count the adapter
//! reports once per file). A [`Reading`] belongs to one thread; the readers that parse a file
//! on every core give each thread its own, made from the same [`Rules`].

use std::cell::{Cell, RefCell};
use std::sync::Arc;

use chrono::NaiveDateTime;
use chrono_tz::Tz;

use super::Reason;
use crate::timeutil::{self, Millis};

/// The run's part of a row parser's context, shareable between threads.
#[derive(Clone, Debug)]
pub struct Rules {
    /// The zone local times of the file are read in.
    pub zone: Tz,
    /// The salt participant keys are hashed with.
    pub salt: Arc<str>,
    /// The file's path, as stored in the canonical tables' `source` column.
    pub source: Arc<str>,
}

/// A row parser's context on one thread (see the module's comment).
#[derive(Debug)]
pub struct Reading {
    pub rules: Rules,
    /// Local times of the record being parsed that fell on a DST change, with their field:
    /// its warnings if it is read, nothing if it is rejected (see [`super::Ctx::settle`] and
    /// [`super::columnar::settled_rows`]).
    pub dst: RefCell<Vec<Reason>>,
    /// A count the adapter keeps across a file's records and reports once (SendGrid: the
    /// events whose `timestamp` is in milliseconds).
    pub tally: Cell<u64>,
}

impl Rules {
    /// A fresh context under these rules: nothing noted, nothing counted.
    pub fn reading(&self) -> Reading {
        Reading {
            rules: self.clone(),
            dst: RefCell::default(),
            tally: Cell::new(0),
        }
    }
}

impl Reading {
    /// The zone local times of the file are read in.
    pub fn zone(&self) -> Tz {
        self.rules.zone
    }

    /// A time of `field` as an export writes it, local ones in the source's zone: see
    /// [`timeutil::read_instant`]. A local time on a DST change is read by the rule of
    /// docs/definitions.md and noted for the record's warnings.
    pub fn instant(&self, field: &str, text: &str) -> Result<Millis, Reason> {
        self.instant_in(self.rules.zone, field, text)
    }

    /// [`Reading::instant`] for a format whose local times are in a zone of its own.
    pub fn instant_in(&self, zone: Tz, field: &str, text: &str) -> Result<Millis, Reason> {
        let (ms, dst) = timeutil::read_instant(text, zone).map_err(|e| Reason::field(field, e))?;
        self.note(field, dst);
        Ok(ms)
    }

    /// A local wall-clock time of `field` in the source's zone, read as [`Reading::instant`]
    /// does.
    pub fn local(&self, field: &str, ndt: NaiveDateTime) -> Result<Millis, Reason> {
        let (ms, dst) =
            timeutil::read_local(ndt, self.rules.zone).map_err(|e| Reason::field(field, e))?;
        self.note(field, dst);
        Ok(ms)
    }

    fn note(&self, field: &str, dst: Option<timeutil::Dst>) {
        if let Some(d) = dst {
            self.dst
                .borrow_mut()
                .push(Reason::field(field, d.warning()));
        }
    }

    /// Adds one to [`Reading::tally`].
    pub fn count(&self) {
        self.tally.set(self.tally.get() + 1);
    }

    /// The participant key of an address (docs/definitions.md).
    pub fn hash(&self, email: &str) -> Option<u64> {
        crate::text::participant_hash(email, &self.rules.salt)
    }

    /// The path as stored in the canonical tables' `source` column.
    pub fn source(&self) -> Option<Arc<str>> {
        Some(self.rules.source.clone())
    }
}
