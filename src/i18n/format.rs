//! How each language writes numbers, percentages, durations, clock times and dates: pure
//! functions of a [`Lang`]. The conventions are the catalogue's `fmt-*` messages, so that a
//! new language brings its own with its catalogue.
//!
//! | | `en` (as the report always wrote them) | `fr` |
//! |---|---|---|
//! | [`fmt_int`] | `1962` | `1 962` (U+202F) |
//! | [`fmt_decimal`] | `97.8` | `97,8` |

use std::sync::OnceLock;

use fluent_bundle::FluentValue;
use intl_memoizer::concurrent::IntlLangMemoizer;
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

use super::Lang;

/// The separators of a language, read once from its catalogue.
struct Separators {
    /// Between groups of three digits; empty for none.
    group: String,
    decimal: String,
}

fn separators(lang: Lang) -> &'static Separators {
    static ALL: OnceLock<Vec<Separators>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        Lang::ALL
            .iter()
            .map(|l| Separators {
                group: l.t("fmt-group-separator"),
                decimal: l.t("fmt-decimal-separator"),
            })
            .collect()
    });
    &all[lang as usize]
}

/// Groups the digits of a whole number written in ASCII digits.
fn group(digits: &str, sep: &str) -> String {
    if sep.is_empty() || digits.len() <= 3 {
        return digits.to_string();
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A whole number: `1962` in English (as always), `1 962` in French.
pub fn fmt_int(lang: Lang, n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!(
        "{sign}{}",
        group(&n.unsigned_abs().to_string(), &separators(lang).group)
    )
}

/// A number with `places` decimals: `97.8` in English, `97,8` in French, `20 272,3`.
pub fn fmt_decimal(lang: Lang, x: f64, places: usize) -> String {
    localise(lang, &format!("{x:.places$}"))
}

/// A number Rust wrote (`-1234.5`, `42`), in the language's conventions.
fn localise(lang: Lang, written: &str) -> String {
    let s = separators(lang);
    let (sign, unsigned) = match written.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", written),
    };
    match unsigned.split_once('.') {
        Some((int, frac)) => format!("{sign}{}{}{frac}", group(int, &s.group), s.decimal),
        None => format!("{sign}{}", group(unsigned, &s.group)),
    }
}

/// A catalogue's language, as its bundle's memoizer knows it: how [`fluent_number`] learns
/// which conventions to write a number in.
struct LangOf(Lang);

impl Memoizable for LangOf {
    type Args = ();
    type Error = ();

    fn construct(id: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        id.language.as_str().parse().map(LangOf).map_err(|_| ())
    }
}

/// The bundles' formatter: a number argument of a message is written by its language's
/// conventions (`{ $n } tickets` with 1962 gives `1 962 tickets` in French). Other values
/// are left to Fluent.
pub(super) fn fluent_number(value: &FluentValue, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let lang = intls.with_try_get::<LangOf, _, _>((), |l| l.0).ok()?;
    Some(match n.options.minimum_fraction_digits {
        Some(places) => fmt_decimal(lang, n.value, places),
        None => localise(lang, &n.value.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers() {
        assert_eq!(fmt_int(Lang::En, 1962), "1962");
        assert_eq!(fmt_int(Lang::En, 1_234_567), "1234567");
        assert_eq!(fmt_int(Lang::Fr, 1962), "1\u{202F}962");
        assert_eq!(fmt_int(Lang::Fr, 1_234_567), "1\u{202F}234\u{202F}567");
        assert_eq!(fmt_int(Lang::Fr, 999), "999");
        assert_eq!(fmt_int(Lang::Fr, 0), "0");
        assert_eq!(fmt_int(Lang::Fr, -74_444), "-74\u{202F}444");
    }

    #[test]
    fn decimals() {
        assert_eq!(fmt_decimal(Lang::En, 97.8, 1), "97.8");
        assert_eq!(fmt_decimal(Lang::En, 20272.34, 1), "20272.3");
        assert_eq!(fmt_decimal(Lang::Fr, 97.8, 1), "97,8");
        assert_eq!(fmt_decimal(Lang::Fr, 20272.34, 1), "20\u{202F}272,3");
        assert_eq!(fmt_decimal(Lang::Fr, -0.25, 2), "-0,25");
        assert_eq!(fmt_decimal(Lang::Fr, 125.4, 0), "125");
    }

    #[test]
    fn numbers_given_to_messages_follow_the_language() {
        assert_eq!(
            Lang::Fr.t_args("count-tickets", &[("n", 1962.into())]),
            "1\u{202F}962 tickets"
        );
        assert_eq!(
            Lang::En.t_args("count-tickets", &[("n", 1962.into())]),
            "1962 tickets"
        );
    }
}
