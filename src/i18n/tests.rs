use std::collections::BTreeSet;

use super::*;

/// The variables (`$name`) a catalogue's message uses, from its text.
fn variables(lang: Lang, key: &str) -> BTreeSet<String> {
    let text = lang.catalogue_text();
    let mut lines = text.lines().skip_while(|l| {
        l.split_once('=')
            .is_none_or(|(k, _)| k.trim() != key || l.starts_with(' '))
    });
    let mut body = lines.next().unwrap_or_default().to_string();
    // The message's further lines are indented, or a lone closing brace.
    for l in lines.take_while(|l| l.starts_with(' ') || l.starts_with('}')) {
        body.push_str(l);
    }
    let mut out = BTreeSet::new();
    let mut rest = body.as_str();
    while let Some(i) = rest.find('$') {
        rest = &rest[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        out.insert(name);
    }
    out
}

/// Every key of every catalogue is in every other; a translation uses no variable the English
/// message does not (the code gives what English uses), except the conventions (`fmt-*`),
/// whose arguments en.ftl documents and the code always gives.
#[test]
fn every_key_is_in_every_catalogue_with_the_same_variables() {
    for a in Lang::ALL.iter().copied() {
        let keys = a.keys();
        assert!(!keys.is_empty(), "{a}: no keys");
        let unique: BTreeSet<_> = keys.iter().collect();
        assert_eq!(unique.len(), keys.len(), "{a}: a key is defined twice");
        for b in Lang::ALL.iter().copied() {
            for key in &keys {
                assert!(
                    b.has(key),
                    "locales/{b}.ftl lacks '{key}' (in locales/{a}.ftl)"
                );
                if !key.starts_with("fmt-") {
                    let (en, other) = (variables(Lang::En, key), variables(b, key));
                    assert!(
                        other.is_subset(&en),
                        "'{key}' uses {:?} in {b}, which English does not give",
                        other.difference(&en).collect::<Vec<_>>()
                    );
                }
            }
        }
    }
}

#[test]
fn every_message_formats_without_errors() {
    for lang in Lang::ALL.iter().copied() {
        for key in lang.keys() {
            let names = variables(lang, key);
            for n in [0, 1, 2, 1962] {
                let args: Vec<(&str, Arg)> = names.iter().map(|v| (v.as_str(), n.into())).collect();
                let out = lang.format(key, &args).unwrap_or_else(|e| panic!("{e}"));
                assert!(
                    !out.is_empty() || key == "fmt-group-separator",
                    "{lang} {key}"
                );
                assert!(
                    !out.contains(['\u{2068}', '\u{2069}']),
                    "{lang} {key}: isolation marks in {out:?}"
                );
            }
        }
    }
}

#[test]
fn plurals_follow_each_language() {
    let t = |lang: Lang, key: &str, n: i64| lang.t_args(key, &[("n", n.into())]);
    // French: 0 and 1 are singular.
    assert_eq!(t(Lang::Fr, "count-tickets", 0), "0 ticket");
    assert_eq!(t(Lang::Fr, "count-tickets", 1), "1 ticket");
    assert_eq!(t(Lang::Fr, "count-tickets", 2), "2 tickets");
    assert_eq!(
        t(Lang::Fr, "count-affected-participants", 0),
        "0 participant touché"
    );
    assert_eq!(
        t(Lang::Fr, "count-affected-participants", 1),
        "1 participant touché"
    );
    assert_eq!(
        t(Lang::Fr, "count-affected-participants", 2),
        "2 participants touchés"
    );
    // English: only 1 is.
    assert_eq!(t(Lang::En, "count-tickets", 0), "0 tickets");
    assert_eq!(t(Lang::En, "count-tickets", 1), "1 ticket");
    assert_eq!(t(Lang::En, "count-tickets", 2), "2 tickets");
    assert_eq!(
        t(Lang::En, "count-affected-participants", 0),
        "0 affected participants"
    );
    assert_eq!(
        t(Lang::En, "count-affected-participants", 1),
        "1 affected participant"
    );
}

#[test]
fn codes_parse_and_unknown_ones_name_the_languages() {
    assert_eq!("fr".parse::<Lang>(), Ok(Lang::Fr));
    assert_eq!(" EN ".parse::<Lang>(), Ok(Lang::En));
    assert_eq!(Lang::default(), Lang::En);
    let e = "de".parse::<Lang>().unwrap_err();
    assert_eq!(e, "unknown language 'de'; languages available: en, fr");
    for l in Lang::ALL {
        assert_eq!(l.code().parse::<Lang>(), Ok(*l));
        assert_eq!(Lang::ALL[*l as usize], *l);
    }
}

#[test]
fn a_missing_key_is_an_error() {
    assert!(Lang::Fr.format("no-such-key", &[]).is_err());
    assert!(!Lang::Fr.has("no-such-key"));
}

/// French typography in the French catalogue: a no-break space (U+00A0) before `:` and inside
/// « », a narrow one (U+202F) before `;`, `!`, `?` and `%`; never a plain space, which a line
/// could break at.
#[test]
fn french_punctuation_is_held_by_no_break_spaces() {
    for (i, line) in Lang::Fr.catalogue_text().lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        for bad in [" :", " ;", " !", " ?", " %", "« ", " »"] {
            assert!(
                !line.contains(bad),
                "locales/fr.ftl:{}: \"{bad}\" with a plain space: {line}",
                i + 1
            );
        }
    }
}

#[test]
fn plurals_in_the_findings() {
    let fr = Lang::Fr;
    let outcomes = |n: i64| fr.t_args("outcome-bounced", &[("n", n.into())]);
    assert_eq!(outcomes(0), "0 adresse rejetée");
    assert_eq!(outcomes(1), "1 adresse rejetée");
    assert_eq!(outcomes(2), "2 adresses rejetées");
    let missed = |n: i64| {
        fr.t_args(
            "finding-affected-not-reached",
            &[("missed", n.into()), ("outcomes", "…".into())],
        )
    };
    assert_eq!(
        missed(1),
        "L’e-mail d’incident n’a pas atteint 1 participant touché\u{a0}: …."
    );
    assert_eq!(
        missed(12),
        "L’e-mail d’incident n’a pas atteint 12 participants touchés\u{a0}: …."
    );
    let not_sent = |n: i64, who: &str| {
        fr.t_args(
            "finding-not-sent-incident-email",
            &[("participants", n.into()), ("who", who.into())],
        )
    };
    assert!(not_sent(1, "registered").starts_with(
        "L’e-mail d’incident n’a pas été envoyé à 1 participant inscrit, alors qu’un e-mail d’une autre campagne lui est"
    ));
    assert!(not_sent(2, "affected").starts_with(
        "L’e-mail d’incident n’a pas été envoyé à 2 participants touchés, alors qu’un e-mail d’une autre campagne leur est"
    ));
    // English keeps today's sentence, whatever the count.
    assert_eq!(
        Lang::En.t_args("outcome-bounced", &[("n", 1.into())]),
        "1 bounced"
    );
    assert_eq!(
        Lang::En.t_args(
            "finding-not-sent-incident-email",
            &[("participants", 2.into()), ("who", "registered".into())],
        ),
        "2 registered participants were not sent the incident e-mail, although an e-mail of another campaign reached them: they were left off the send."
    );
}
