//! The report's language: every sentence a reader sees comes from a Fluent catalogue per
//! language (`locales/<code>.ftl`, compiled in), looked up by key.
//!
//! ```
//! use debrief::i18n::Lang;
//! let fr = Lang::Fr;
//! assert_eq!(fr.t_args("count-tickets", &[("n", 2.into())]), "2 tickets");
//! assert_eq!(fr.t_args("count-tickets", &[("n", 1.into())]), "1 ticket");
//! ```
//!
//! Plurals are the catalogue's business (`{ $n -> [one] … *[other] … }`, by the language's CLDR
//! rules: in French 0 and 1 are `one`). Numbers given as arguments are written by the
//! language's conventions (`1 962`, `97,8`); durations, clock times, dates and percentages are
//! written by the functions of [`format`], whose patterns live in the catalogue too.
//!
//! Adding a language is one catalogue file, `locales/<code>.ftl` with every key of
//! `locales/en.ftl`, and one line in the `languages!` list below. metrics.json does not change
//! with the language: its keys and ids stay English; only the texts meant for a reader follow it.

pub mod format;

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

pub use fluent_bundle::FluentValue as Arg;

/// Declares the languages: `Variant => "code", "its name in itself";`. The catalogue is
/// `locales/<code>.ftl`.
macro_rules! languages {
    ($($(#[$attr:meta])* $variant:ident => $code:literal, $name:literal;)+) => {
        /// A language of the report. English is the default.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub enum Lang {
            $($(#[$attr])* $variant,)+
        }

        impl Lang {
            /// Every language, in the order of the list.
            pub const ALL: &'static [Lang] = &[$(Lang::$variant,)+];

            /// Its code, as `[report] language` and `--lang` write it: `fr`.
            pub fn code(self) -> &'static str {
                match self {
                    $(Lang::$variant => $code,)+
                }
            }

            /// Its name in itself: `français`.
            pub fn native_name(self) -> &'static str {
                match self {
                    $(Lang::$variant => $name,)+
                }
            }

            /// Its catalogue's text.
            fn catalogue(self) -> &'static str {
                match self {
                    $(Lang::$variant => include_str!(concat!("../../locales/", $code, ".ftl")),)+
                }
            }
        }
    };
}

languages! {
    #[default]
    En => "en", "English";
    Fr => "fr", "français";
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    /// A code of [`Lang::ALL`], letter case ignored; the error names the languages available.
    fn from_str(s: &str) -> Result<Lang, String> {
        let code = s.trim().to_ascii_lowercase();
        Lang::ALL
            .iter()
            .copied()
            .find(|l| l.code() == code)
            .ok_or_else(|| {
                format!(
                    "unknown language '{}'; languages available: {}",
                    s.trim(),
                    Lang::codes()
                )
            })
    }
}

/// A catalogue, parsed once.
type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle] {
    static BUNDLES: OnceLock<Vec<Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| Lang::ALL.iter().map(|l| l.bundle()).collect())
}

impl Lang {
    /// The codes of the languages available, `en, fr`, for messages.
    pub fn codes() -> String {
        Lang::ALL
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Builds this language's bundle. The catalogues are compiled in and checked by the tests:
    /// one that does not parse is a bug of this build, hence the panic.
    fn bundle(self) -> Bundle {
        let id: LanguageIdentifier = self
            .code()
            .parse()
            .unwrap_or_else(|e| panic!("language code {}: {e}", self.code()));
        let resource = FluentResource::try_new(self.catalogue().to_string())
            .unwrap_or_else(|(_, e)| panic!("locales/{}.ftl does not parse: {e:?}", self.code()));
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No U+2068/U+2069 around arguments: the outputs are plain text and HTML.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(format::fluent_number));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|e| panic!("locales/{}.ftl: {e:?}", self.code()));
        bundle
    }

    fn catalogue_bundle(self) -> &'static Bundle {
        &bundles()[self as usize]
    }

    /// Whether the catalogue has a message `key`.
    pub fn has(self, key: &str) -> bool {
        self.catalogue_bundle().has_message(key)
    }

    /// The message `key`, without arguments.
    pub fn t(self, key: &str) -> String {
        self.t_args(key, &[])
    }

    /// The message `key` with its arguments: `lang.t_args("count-tickets", &[("n", 3.into())])`.
    /// Give numbers as numbers (plurals select on them, and they are written by the language's
    /// conventions), everything else as text. A key missing from this language's catalogue
    /// falls back to English, then to the key itself; the tests make sure neither happens.
    pub fn t_args(self, key: &str, args: &[(&str, Arg)]) -> String {
        match self.format(key, args) {
            Ok(s) => s,
            Err(e) => {
                debug_assert!(false, "{e}");
                if self != Lang::En {
                    if let Ok(s) = Lang::En.format(key, args) {
                        return s;
                    }
                }
                key.to_string()
            }
        }
    }

    /// The message `key` formatted, or why it cannot be (no such key, a Fluent error such as
    /// an argument the message uses and the caller did not give).
    pub fn format(self, key: &str, args: &[(&str, Arg)]) -> Result<String, String> {
        let bundle = self.catalogue_bundle();
        let pattern = bundle
            .get_message(key)
            .and_then(|m| m.value())
            .ok_or_else(|| format!("locales/{}.ftl has no message '{key}'", self.code()))?;
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            fargs.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let out = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
        if errors.is_empty() {
            Ok(out.into_owned())
        } else {
            Err(format!(
                "locales/{}.ftl, message '{key}': {errors:?}",
                self.code()
            ))
        }
    }

    /// The keys of this language's catalogue, in the file's order.
    pub fn keys(self) -> Vec<&'static str> {
        // A message starts a line with its id and ` =`; comments, terms and the lines of a
        // multi-line message or of its variants do not start with a letter.
        self.catalogue()
            .lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
            .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim()))
            .collect()
    }

    /// The whole text of this language's catalogue, for the tests that read it.
    pub fn catalogue_text(self) -> &'static str {
        self.catalogue()
    }
}

#[cfg(test)]
mod tests;
