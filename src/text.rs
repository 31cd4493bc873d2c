//! Text rules shared by every adapter: participant hashing (docs/definitions.md, "Identities and
//! privacy"), keyword matching (case- and accent-insensitive), redaction of e-mail addresses and
//! phone numbers from free text so that none reaches an output, and the neutralisation of
//! spreadsheet formulas in the CSV files debrief writes.

use std::borrow::Cow;
use std::sync::OnceLock;

use regex::Regex;
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use crate::config::IncidentConfig;

/// SHA-256 over `salt || email`, e-mail trimmed and lower-cased; the participant key is its
/// first 64 bits (big-endian), so that the hash's order is kept. Returns `None` for an empty
/// address.
///
/// 64 bits, not the 256: the tables join millions of rows on this key, and an integer key
/// holds 8 bytes where the hex text held 80 (a string view and 64 characters), and hashes
/// and compares in one instruction. Two of a million participants share a key with a
/// probability of about 3e-8 (n^2 / 2^65); the digest stays one-way.
pub fn participant_hash(email: &str, salt: &str) -> Option<u64> {
    let e = email.trim();
    if e.is_empty() {
        return None;
    }
    let mut h = Sha256::new();
    h.update(salt.as_bytes());
    if e.is_ascii() {
        // `to_lowercase` of ASCII is `to_ascii_lowercase`: lower-cased a stretch at a time on
        // the stack, not into a new string for each of millions of addresses.
        let mut lowered = [0u8; 64];
        for stretch in e.as_bytes().chunks(lowered.len()) {
            let out = &mut lowered[..stretch.len()];
            out.copy_from_slice(stretch);
            out.make_ascii_lowercase();
            h.update(&*out);
        }
    } else {
        h.update(e.to_lowercase().as_bytes());
    }
    let digest = h.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    Some(u64::from_be_bytes(first))
}

/// `text` lower-cased (`str::to_lowercase`), borrowed when it already is (ASCII without
/// capitals: most event names), so that the common case allocates nothing.
pub fn lower(text: &str) -> std::borrow::Cow<'_, str> {
    if text
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.to_lowercase())
    }
}

/// Lower-case, accents removed (NFD, combining marks dropped), apostrophes unified, so that
/// "Écran NOIR" matches "ecran noir" and "plus d’image" matches "plus d'image".
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| {
            if c == '\u{2019}' || c == '\u{2018}' {
                '\''
            } else {
                c
            }
        })
        .collect()
}

/// Folded keywords, ready for [`contains_keyword`]; empty keywords are dropped.
pub fn fold_keywords(keywords: &[String]) -> Vec<String> {
    keywords
        .iter()
        .map(|k| fold(k.trim()))
        .filter(|k| !k.is_empty())
        .collect()
}

/// Whether folded `text` contains one of the folded keywords (whole-text substring search).
pub fn contains_keyword(folded_text: &str, folded_keywords: &[String]) -> bool {
    folded_keywords
        .iter()
        .any(|k| folded_text.contains(k.as_str()))
}

/// docs/definitions.md: a ticket is incident-related when one of its tags is in `ticket_tags`, or
/// its subject, description or tags contain one of the keywords.
pub fn ticket_is_incident(
    subject: &str,
    description: &str,
    tags: &[String],
    cfg: &IncidentConfig,
    folded_keywords: &[String],
) -> bool {
    if tags
        .iter()
        .any(|t| cfg.ticket_tags.iter().any(|c| c.eq_ignore_ascii_case(t)))
    {
        return true;
    }
    let text = fold(&format!("{subject}\n{description}\n{}", tags.join(" ")));
    contains_keyword(&text, folded_keywords)
}

fn email_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Infallible: a constant pattern, covered by the tests below. `%40` is an `@` inside a URL.
    RE.get_or_init(|| {
        Regex::new(r"(?i)[a-z0-9._%+\-]+(?:@|%40)[a-z0-9.\-]+\.[a-z]{2,}").expect("valid regex")
    })
}

fn phone_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Infallible: a constant pattern, covered by the tests below. A candidate starts with `+`,
    // `(` followed by a digit, or a national `0`, and runs over digits, spaces, dots, dashes and
    // parentheses (+33 (0)6 12 34 56 78, (555) 123-4567, 06  12 34 56 78); `redact` keeps it as
    // a phone number only when it holds 9 to 15 digits and is not a date.
    RE.get_or_init(|| {
        Regex::new(r"(?:\+\d|\(\d|\b0\d)[\d .\-()]{6,24}\d|\b\d{3}[ .\-]\d{3}[ .\-]\d{4}\b")
            .expect("valid regex")
    })
}

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Infallible: a constant pattern.
    RE.get_or_init(|| {
        Regex::new(r"\d{4}-\d{2}-\d{2}|\d{2}[./]\d{2}[./]\d{4}").expect("valid regex")
    })
}

/// Replaces e-mail addresses by `[e-mail]` and phone numbers by `[phone]`.
pub fn redact(text: &str) -> String {
    // An address holds `@` or `%40`, and a number replaced has at least nine digits: text
    // without them is left as it is without running the patterns (most ticket subjects).
    let at = memchr::memchr(b'@', text.as_bytes()).is_some() || text.contains("%40");
    let t = if at {
        email_re().replace_all(text, "[e-mail]")
    } else {
        Cow::Borrowed(text)
    };
    if t.bytes().filter(u8::is_ascii_digit).count() < 9 {
        return t.into_owned();
    }
    replace_phones(&t)
}

/// Replaces phone numbers (9 to 15 digits, not a date) by `[phone]`.
fn replace_phones(text: &str) -> String {
    phone_re()
        .replace_all(text, |c: &regex::Captures| {
            let m = &c[0];
            let digits = m.chars().filter(char::is_ascii_digit).count();
            if (9..=15).contains(&digits) && !date_re().is_match(m) {
                "[phone]".to_string()
            } else {
                m.to_string()
            }
        })
        .into_owned()
}

/// A CSV cell a spreadsheet will not run as a formula: text starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return gets a leading `'` (OWASP's rule against CSV injection), so that a
/// ticket subject or a log entry like `=HYPERLINK(...)` opens as the text it is. Every CSV
/// debrief writes (timeline.csv, queries/*.csv) passes its text cells through this.
pub fn neutralise_formula(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Strips HTML tags and decodes the common entities (Mastodon `content`).
pub fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_normalises_the_address() {
        let a = participant_hash(" Jean.Dupont@Example.org ", "s").unwrap();
        let b = participant_hash("jean.dupont@example.org", "s").unwrap();
        assert_eq!(a, b);
        assert_ne!(
            a,
            participant_hash("jean.dupont@example.org", "other").unwrap()
        );
        // sha256("abc") is well known.
        assert_eq!(
            participant_hash("bc", "a").unwrap(),
            0xba78_16bf_8f01_cfea // ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        );
        assert_eq!(participant_hash("  ", "s"), None);
    }

    #[test]
    fn hash_is_sha256_of_the_salt_and_the_lower_cased_address_whatever_its_length() {
        // The digest of the text itself, lower-cased by `str::to_lowercase`, for addresses
        // shorter and longer than the stretch lowered on the stack, and with non-ASCII letters.
        let long = format!("{}@Example.ORG", "Abc.".repeat(40));
        for email in ["A@B.c", long.as_str(), " Élodie.ÇA@exemple.fr", "ΣΑΣ@x.gr"] {
            let lowered = email.trim().to_lowercase();
            let digest = Sha256::digest(format!("salt{lowered}").as_bytes());
            let expected = u64::from_be_bytes(digest[..8].try_into().unwrap());
            assert_eq!(participant_hash(email, "salt"), Some(expected), "{email}");
        }
    }

    #[test]
    fn keywords_ignore_case_and_accents() {
        let k = fold_keywords(&["ecran noir".into(), "plus d'image".into()]);
        assert!(contains_keyword(&fold("Toujours un ÉCRAN NOIR ici"), &k));
        assert!(contains_keyword(&fold("Je n’ai plus d’image"), &k));
        assert!(!contains_keyword(&fold("Question sur la facture"), &k));
        assert!(!contains_keyword(&fold("anything"), &[]));
    }

    #[test]
    fn redaction_skips_only_texts_the_patterns_cannot_change() {
        // The patterns run on every text, as before the shortcut.
        let always = |text: &str| replace_phones(&email_re().replace_all(text, "[e-mail]"));
        for text in [
            "plus d'image depuis 14h02",
            "a%40b.fr m'a écrit",
            "jean@x.org",
            "appelez le 06 12 34 56 78",
            "12345678",
            "0612345678",
            "01 23 45 67 8",
            "le 2020-11-27 à 14:05:06 puis 27/11/2020",
            "+33 6 12 34 56 78 ou j.d@ex.com",
            "",
        ] {
            assert_eq!(redact(text), always(text), "{text}");
        }
        assert_eq!(redact("0612345678"), "[phone]");
    }

    #[test]
    fn redaction_removes_addresses_and_phones() {
        let r = redact("écrivez à jean.dupont@example.org ou rappelez-moi au 06 12 34 56 78, +33 6 12 34 56 78");
        assert!(!r.contains('@') && !r.contains("56 78"), "{r}");
        assert_eq!(
            redact("le live de 15:00 le 27/11/2020"),
            "le live de 15:00 le 27/11/2020"
        );
    }

    #[test]
    fn formulas_are_neutralised() {
        for f in ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise_formula(f), format!("'{f}"));
        }
        assert_eq!(
            neutralise_formula("Black screen = no video"),
            "Black screen = no video"
        );
        assert_eq!(neutralise_formula(""), "");
    }

    #[test]
    fn html_is_stripped() {
        assert_eq!(
            strip_html("<p>Black screen &amp; no sound <a href=\"x\">#SSF</a></p>"),
            "Black screen & no sound #SSF"
        );
    }
}
