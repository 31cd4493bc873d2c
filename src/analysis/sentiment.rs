//! Sentiment of incident-related mentions. Where the source provides a sentiment it is used
//! (`negative`, `neutral`, `positive`, case-insensitive); where it does not, a small built-in
//! French and English lexicon labels each post, and the report says so.
//!
//! The lexicon rule: count the negative phrases in the folded text (lower case, no accents),
//! remove them, then count the positive phrases in what is left (so "ne fonctionne pas" is
//! not read as "fonctionne"); more positive than negative is positive, fewer is negative,
//! equal is neutral.

use crate::text::fold;

/// Negative phrases, folded.
const NEGATIVE: &[&str] = &[
    "ecran noir",
    "black screen",
    "plus d'image",
    "pas d'image",
    "pas de son",
    "no video",
    "no sound",
    "marche pas",
    "marche plus",
    "fonctionne pas",
    "fonctionne plus",
    "ne charge pas",
    "toujours pas",
    "still no",
    "not working",
    "doesn't work",
    "does not work",
    "bug",
    "panne",
    "plante",
    "probleme",
    "problem",
    "erreur",
    "error",
    "nul ",
    "honte",
    "decu",
    "decevant",
    "inadmissible",
    "catastroph",
    "lamentable",
    "galere",
    "impossible",
    "frustr",
    "enerv",
    "broken",
    "down",
    "fail",
    "terrible",
    "awful",
    "annoy",
    "angry",
    "disappoint",
    "useless",
];

/// Positive phrases, folded.
const POSITIVE: &[&str] = &[
    "merci",
    "bravo",
    "super",
    "genial",
    "top",
    "parfait",
    "excellent",
    "enfin",
    "ca marche",
    "fonctionne",
    "resolu",
    "regle",
    "thanks",
    "thank you",
    "great",
    "love",
    "awesome",
    "works",
    "working again",
    "fixed",
    "well done",
    "good job",
    "reactif",
    "efficace",
];

/// A sentiment label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Negative,
    Neutral,
    Positive,
}

/// Labels one text with the lexicon.
pub fn lexicon_label(text: &str) -> Label {
    let mut t = format!(" {} ", fold(text));
    let mut neg = 0;
    for n in NEGATIVE {
        let c = t.matches(n).count();
        if c > 0 {
            neg += c;
            t = t.replace(n, " ");
        }
    }
    let pos: usize = POSITIVE.iter().map(|p| t.matches(p).count()).sum();
    match pos.cmp(&neg) {
        std::cmp::Ordering::Greater => Label::Positive,
        std::cmp::Ordering::Less => Label::Negative,
        std::cmp::Ordering::Equal => Label::Neutral,
    }
}

/// Reads a provided sentiment value.
pub fn provided_label(value: &str) -> Option<Label> {
    match value.trim().to_lowercase().as_str() {
        "negative" | "neg" | "-1" => Some(Label::Negative),
        "neutral" | "neu" | "0" => Some(Label::Neutral),
        "positive" | "pos" | "1" => Some(Label::Positive),
        _ => None,
    }
}

/// Counts of each label and where they came from (`provided` or `lexicon`).
#[derive(Debug, Clone, PartialEq)]
pub struct Sentiment {
    pub source: &'static str,
    pub negative: u64,
    pub neutral: u64,
    pub positive: u64,
}

/// The label of each of the (text, provided sentiment) pairs, and where the labels came from
/// (`provided` or `lexicon`): the provided value where every post has one the source
/// understands, the lexicon otherwise.
pub fn labels(posts: &[(Option<String>, Option<String>)]) -> (&'static str, Vec<Label>) {
    let provided: Option<Vec<Label>> = posts
        .iter()
        .map(|(_, s)| s.as_deref().and_then(provided_label))
        .collect();
    match provided {
        Some(l) => ("provided", l),
        None => (
            "lexicon",
            posts
                .iter()
                .map(|(t, _)| lexicon_label(t.as_deref().unwrap_or("")))
                .collect(),
        ),
    }
}

/// Counts labels over (text, provided sentiment) pairs, labelled by [`labels`]. `None` for no
/// posts.
pub fn count(posts: &[(Option<String>, Option<String>)]) -> Option<Sentiment> {
    if posts.is_empty() {
        return None;
    }
    let (source, labels) = labels(posts);
    let n = |l: Label| labels.iter().filter(|x| **x == l).count() as u64;
    Some(Sentiment {
        source,
        negative: n(Label::Negative),
        neutral: n(Label::Neutral),
        positive: n(Label::Positive),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_reads_french_and_english() {
        assert_eq!(
            lexicon_label("Écran noir sur la plénière, ça ne fonctionne pas"),
            Label::Negative
        );
        assert_eq!(
            lexicon_label("Black screen on the live, Orange box here"),
            Label::Negative
        );
        assert_eq!(
            lexicon_label("Merci pour le lien YouTube, ça marche !"),
            Label::Positive
        );
        assert_eq!(lexicon_label("La plénière commence à 15h"), Label::Neutral);
        assert_eq!(lexicon_label("Thanks, works again"), Label::Positive);
    }

    #[test]
    fn provided_values_win_when_complete() {
        let posts = vec![
            (Some("merci".to_string()), Some("Negative".to_string())),
            (None, Some("neutral".to_string())),
        ];
        assert_eq!(
            count(&posts),
            Some(Sentiment {
                source: "provided",
                negative: 1,
                neutral: 1,
                positive: 0
            })
        );
        let partial = vec![
            (Some("merci".to_string()), Some("negative".to_string())),
            (Some("bug".to_string()), None),
        ];
        assert_eq!(
            count(&partial),
            Some(Sentiment {
                source: "lexicon",
                negative: 1,
                neutral: 0,
                positive: 1
            })
        );
        assert_eq!(count(&[]), None);
    }
}
