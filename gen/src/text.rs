//! The words of the sample: the incident keywords written into debrief.toml, the accent- and
//! case-insensitive matching that debrief applies to them, and the message templates for
//! tickets and posts. Baseline templates must never match a keyword and incident templates
//! must (or carry the agents' tag); the tests at the bottom hold that line.

/// `[incident].keywords` of the sample's debrief.toml (already folded: lower case, no accents).
pub const KEYWORDS: [&str; 6] = [
    "ecran noir",
    "black screen",
    "plus d'image",
    "orange",
    "video ne se lance",
    "no picture",
];

/// The tag support agents put on incident tickets.
pub const INCIDENT_TAG: &str = "incident_live";

/// Lower case without diacritics, as debrief matches keywords.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => "o",
            'ù' | 'ú' | 'û' | 'ü' => "u",
            'ý' | 'ÿ' => "y",
            'œ' => "oe",
            'æ' => "ae",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(base);
    }
    out
}

/// True when the text holds one of the keywords (accent- and case-insensitive).
pub fn has_keyword(text: &str) -> bool {
    let f = fold(text);
    KEYWORDS.iter().any(|k| f.contains(k))
}

/// ASCII for e-mail local parts and handles: folded, letters, digits and hyphens only.
pub fn ascii_slug(s: &str) -> String {
    fold(s)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

/// Baseline helpdesk requests: (subject, first message, tags, type). No incident words.
pub const BASELINE_TICKETS: [(&str, &str, &[&str], &str); 12] = [
    ("Problème de connexion à l'espace membres", "Bonjour, je n'arrive pas à me connecter à l'espace membres avec mon adresse habituelle, le mot de passe est refusé. Pouvez-vous m'aider ?", &["connexion"], "problem"),
    ("Demande de facture", "Bonjour, pourriez-vous m'envoyer une facture au nom de notre association pour les deux inscriptions ? Merci d'avance.", &["facture"], "question"),
    ("Lien Zoom de l'atelier 4", "Bonjour, je ne trouve pas le lien Zoom de l'atelier 4 de demain matin. Où est-il publié ?", &["atelier", "zoom"], "question"),
    ("Attestation de présence", "Bonjour, mon employeur demande une attestation de présence pour les trois jours. Est-ce possible de l'avoir lundi ?", &["attestation"], "question"),
    ("Changement de nom sur le billet", "Bonjour, ma collègue viendra à ma place samedi. Comment modifier le nom sur le billet ?", &["inscription"], "question"),
    ("Invoice request", "Hello, could you send me an invoice with our VAT number on it? Thanks & regards", &["facture"], "question"),
    ("Sous-titres", "Bonjour, y aura-t-il des sous-titres pendant les tables rondes ? Mon mari est malentendant.", &["accessibilite"], "question"),
    ("Replay des plénières", "Bonjour, les plénières seront-elles disponibles en replay ? Je travaille cet après-midi et ne pourrai suivre qu'en soirée.", &["replay"], "question"),
    ("Mot de passe oublié", "Bonjour, le lien de réinitialisation du mot de passe a expiré, pouvez-vous m'en renvoyer un ?", &["connexion"], "problem"),
    ("Question pour l'intervenant", "Bonjour, comment poser une question à l'intervenant pendant la table ronde ? Le bouton \"Questions\" n'apparaît pas chez moi.", &["question_intervenant"], "question"),
    ("Reçu fiscal pour mon don", "Bonjour, j'ai fait un don en plus de mon inscription, quand recevrai-je le reçu fiscal ?", &["don"], "question"),
    ("Programme de samedi", "Bonsoir, le programme de samedi a-t-il changé ? L'horaire de l'atelier 9 n'est plus le même sur le site et dans le mail.", &["programme"], "question"),
];

/// Incident requests that name the symptom: (subject, first message, language).
pub const INCIDENT_TICKETS: [(&str, &str, &str); 10] = [
    ("Écran noir sur la plénière", "Bonjour, depuis 15h15 j'ai un écran noir à la place de la plénière. J'ai rechargé la page plusieurs fois, rien à faire.", "fr"),
    ("Plus d'image", "Bonjour, plus d'image depuis quelques minutes, juste le logo qui tourne. Que faire ?", "fr"),
    ("La vidéo ne se lance pas", "La vidéo ne se lance pas, le lecteur affiche une erreur puis reste noir. Box Orange, Chrome.", "fr"),
    ("Black screen on the live", "Hi, I only get a black screen since 3:15 pm. Orange fibre at home, tried two browsers.", "en"),
    ("Plénière : écran noir", "Écran noir sur mon téléphone et sur l'ordinateur. Mon fils chez SFR voit la plénière normalement, moi je suis chez Orange.", "fr"),
    ("Direct interrompu", "Le direct s'est coupé vers 15h14, depuis écran noir quand je relance. Merci de regarder vite, nous sommes 12 dans la salle paroissiale.", "fr"),
    ("Problème chez Orange ?", "Tous les participants de notre groupe qui sont chez Orange ont un écran noir, les autres non.", "fr"),
    ("Vidéo bloquée", "La vidéo ne se lance pas sur ma tablette, message \"erreur réseau\" puis plus d'image.", "fr"),
    ("No picture", "No picture since 3:15, only the spinner. Sound neither. Is it just me?", "en"),
    ("Écran noir", "Écran noir ! On a raté le début de l'intervention.", "fr"),
];

/// Incident requests too vague to match a keyword: only the agents' tag marks them.
pub const VAGUE_TICKETS: [(&str, &str, &str); 4] = [
    (
        "Le live ne marche pas",
        "Bonjour, impossible de suivre la plénière depuis tout à l'heure. Merci de votre aide.",
        "fr",
    ),
    ("Plénière", "Ça ne marche plus !!!", "fr"),
    ("Help", "The stream stopped and I cannot get it back.", "en"),
    (
        "Impossible de suivre le direct",
        "Je rate l'intervention du président, c'est vraiment dommage. Que se passe-t-il ?",
        "fr",
    ),
];

/// The incident ticket carrying a phone number (privacy handling).
pub const PHONE_TICKET: (&str, &str) = (
    "Écran noir depuis 15h15",
    "Bonjour, écran noir depuis 15h15 sur la plénière. Je n'ai pas de lien de secours, rappelez-moi au 06 12 34 56 78 s'il vous plaît.",
);

/// The incident ticket with pasted markup, an ampersand and quotes (escaping).
pub const MARKUP_TICKET: (&str, &str) = (
    "Erreur du lecteur",
    "Le lecteur affiche un écran noir & ce code quand j'ouvre la console : <script>alert(1)</script> puis \"Failed to load fragment\". Je suis chez Orange.",
);

/// Agent chat replies before the backup link existed, and after.
pub const AGENT_WAIT: &str =
    "Merci, nous sommes au courant d'un problème sur le direct et cherchons une solution.";
/// Agent reply once the backup link existed.
pub const AGENT_LINK: &str =
    "Le direct continue ici : https://www.youtube.com/watch?v=ssf2020live (lien aussi envoyé par e-mail).";
/// Agent reply on baseline chats.
pub const AGENT_BASELINE: &str = "Bonjour, je regarde cela tout de suite et reviens vers vous.";

/// Baseline posts before the plenary starts (no incident words). (text, lang)
pub const BEFORE_POSTS: [(&str, &str); 4] = [
    (
        "Hâte de suivre la plénière d'ouverture des #SSF2020 cet après-midi !",
        "fr",
    ),
    (
        "Suivre les #SSF2020 depuis Montréal, à l'heure du petit déjeuner",
        "fr",
    ),
    (
        "Proud to attend #SSF2020 with our whole team this year",
        "en",
    ),
    (
        "Café prêt, ordinateur branché, on attend le début #SSF2020",
        "fr",
    ),
];

/// Baseline posts once the plenary is on (no incident words). (text, lang)
pub const DURING_POSTS: [(&str, &str); 12] = [
    (
        "Très belle introduction, merci pour ce moment #SSF2020",
        "fr",
    ),
    (
        "Great opening talk on solidarity & the common good #SSF2020",
        "en",
    ),
    (
        "Les ateliers de demain s'annoncent passionnants #SSF2020",
        "fr",
    ),
    (
        "Bravo aux équipes pour l'organisation en ligne, pas simple cette année #SSF2020",
        "fr",
    ),
    (
        "Je prends des notes pour ma paroisse, merci ! #SSF2020",
        "fr",
    ),
    (
        "Question très juste dans le chat sur le travail des jeunes #SSF2020",
        "fr",
    ),
    ("Thread : mes notes de la plénière 1/5 #SSF2020", "fr"),
    (
        "\"Le bien commun n'est pas une option\" : phrase forte de la table ronde #SSF2020",
        "fr",
    ),
    (
        "Proud to attend #SSF2020 with our whole team this year",
        "en",
    ),
    (
        "Pause café devant l'ordinateur, reprise dans 10 minutes #SSF2020",
        "fr",
    ),
    (
        "Merci aux intervenants pour la clarté des exposés #SSF2020",
        "fr",
    ),
    (
        "Les slides seront-elles partagées après la session ? #SSF2020",
        "fr",
    ),
];

/// Incident posts from Orange subscribers (each names a keyword). (text, lang)
pub const INCIDENT_POSTS: [(&str, &str); 12] = [
    (
        "écran noir sur la plénière #SSF2020, quelqu'un d'autre chez Orange ?",
        "fr",
    ),
    ("Black screen on the live, Orange box here #SSF2020", "en"),
    (
        "@ssf_officiel plus d'image depuis 10 minutes... #SSF2020",
        "fr",
    ),
    (
        "La vidéo ne se lance pas chez moi (fibre Orange). Vous avez le même problème ? #SSF2020",
        "fr",
    ),
    (
        "Toujours écran noir. Rechargé 5 fois. #SSF2020 @ssf_officiel",
        "fr",
    ),
    (
        "Chez Orange c'est mort pour la plénière, chez mon voisin SFR ça marche #SSF2020",
        "fr",
    ),
    (
        "Black screen again & again... anyone on Orange watching #SSF2020?",
        "en",
    ),
    ("Vimeo + Orange = écran noir. Super. #SSF2020", "fr"),
    (
        "\"Erreur réseau\" puis écran noir, merci Orange #SSF2020",
        "fr",
    ),
    (
        "On est 15 devant un écran noir à la maison paroissiale #SSF2020 @ssf_officiel",
        "fr",
    ),
    (
        "No picture on the #SSF2020 stream for Orange users it seems",
        "en",
    ),
    (
        "Plus d'image pour nous non plus, Orange à Lyon #SSF2020",
        "fr",
    ),
];

/// Replies within an incident thread (each names a keyword). (text, lang)
pub const INCIDENT_REPLIES: [(&str, &str); 3] = [
    ("pareil ici, écran noir (Orange)", "fr"),
    ("same here, black screen since 15:12", "en"),
    ("idem, plus d'image. Orange aussi ?", "fr"),
];

/// Posts after the switch (no incident words). (text, lang)
pub const RECOVERY_POSTS: [(&str, &str); 5] = [
    (
        "Ça remarche sur YouTube, merci @ssf_officiel #SSF2020",
        "fr",
    ),
    ("Back on track via the YouTube link, thanks! #SSF2020", "en"),
    (
        "Merci pour la réactivité, on a retrouvé le direct #SSF2020",
        "fr",
    ),
    (
        "Reçu le mail avec le nouveau lien, tout va bien #SSF2020",
        "fr",
    ),
    ("On a raté 30 minutes, vivement le replay #SSF2020", "fr"),
];

/// The organisation's welcome post (no incident words).
pub const OWN_WELCOME: &str = "Bienvenue aux Semaines sociales 2020 ! La plénière d'ouverture commence à 15h sur l'espace membres. Bon direct à tous #SSF2020";
/// The organisation's incident post (names Orange, so it is incident-related).
pub const OWN_INCIDENT: &str = "Problème de diffusion pour certains abonnés Orange : suivez la plénière ici https://www.youtube.com/watch?v=ssf2020live #SSF2020";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("ÉCRAN Noir, Vidéo ÇA"), "ecran noir, video ca");
        assert!(has_keyword("Écran NOIR"));
        assert!(has_keyword("La vidéo ne se lance pas"));
        assert!(!has_keyword("La vidéo se lance"));
    }

    #[test]
    fn keywords_are_stored_folded() {
        for k in KEYWORDS {
            assert_eq!(fold(k), k);
        }
    }

    #[test]
    fn baseline_texts_hold_no_keyword() {
        for (subject, body, tags, _) in BASELINE_TICKETS {
            assert!(!has_keyword(subject) && !has_keyword(body), "{subject}");
            assert!(tags.iter().all(|t| !has_keyword(t) && *t != INCIDENT_TAG));
        }
        for (t, _) in BEFORE_POSTS
            .iter()
            .chain(&DURING_POSTS)
            .chain(&RECOVERY_POSTS)
        {
            assert!(!has_keyword(t), "{t}");
        }
        for t in [OWN_WELCOME, AGENT_BASELINE] {
            assert!(!has_keyword(t), "{t}");
        }
    }

    #[test]
    fn incident_texts_hold_a_keyword() {
        for (s, b, _) in INCIDENT_TICKETS {
            assert!(has_keyword(b), "{s}");
        }
        for (t, _) in INCIDENT_POSTS.iter().chain(&INCIDENT_REPLIES) {
            assert!(has_keyword(t), "{t}");
        }
        for t in [PHONE_TICKET.1, MARKUP_TICKET.1, OWN_INCIDENT] {
            assert!(has_keyword(t), "{t}");
        }
    }
}
