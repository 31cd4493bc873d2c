//! The channels of outbound communication (metrics.md, `updates`): e-mail, social media, the
//! website, support, other. An ops-log entry's channel is read from its text.

use serde::Serialize;

use crate::text::fold;

/// A channel the team used to inform participants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Social,
    Website,
    Support,
    Other,
}

impl Channel {
    /// The name metrics.json uses.
    pub fn name(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Social => "social",
            Channel::Website => "website",
            Channel::Support => "support",
            Channel::Other => "other",
        }
    }

    /// The channel an ops-log entry speaks of, from its text (case- and accent-insensitive,
    /// French and English words): the first of [`Channel::mentioned`], in the order e-mail,
    /// social, website, support; `Other` when none is.
    pub fn of_text(text: &str) -> Channel {
        Channel::mentioned(text)
            .first()
            .copied()
            .unwrap_or(Channel::Other)
    }

    /// Every channel whose words appear in `text`, in the order e-mail, social, website,
    /// support ("e-mail sent, banner on the site" speaks of two).
    pub fn mentioned(text: &str) -> Vec<Channel> {
        let t = format!(" {} ", fold(text));
        let has_word = |w: &str| {
            t.match_indices(w).any(|(i, _)| {
                let before = t[..i].chars().next_back().unwrap_or(' ');
                let after = t[i + w.len()..].chars().next().unwrap_or(' ');
                !before.is_alphanumeric() && !after.is_alphanumeric()
            })
        };
        const WORDS: [(Channel, &[&str]); 4] = [
            (
                Channel::Email,
                &[
                    "e-mail",
                    "email",
                    "e-mails",
                    "emails",
                    "e-mailed",
                    "emailed",
                    "mail",
                    "mails",
                    "mailed",
                    "mailjet",
                    "sendgrid",
                    "mailgun",
                    "brevo",
                    "newsletter",
                    "courriel",
                    "courriels",
                ],
            ),
            (
                Channel::Social,
                &[
                    "tweet",
                    "tweets",
                    "twitter",
                    "x",
                    "social",
                    "socials",
                    "mastodon",
                    "bluesky",
                    "linkedin",
                    "facebook",
                    "instagram",
                    "reseaux sociaux",
                    "post",
                    "posted",
                ],
            ),
            (
                Channel::Website,
                &[
                    "website", "site", "web", "banner", "bandeau", "homepage", "page", "site web",
                    "landing",
                ],
            ),
            (
                Channel::Support,
                &[
                    "support", "zendesk", "chat", "macro", "helpdesk", "agents", "tickets",
                    "ticket", "hotline",
                ],
            ),
        ];
        WORDS
            .iter()
            .filter(|(_, words)| words.iter().any(|w| has_word(w)))
            .map(|(c, _)| *c)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_texts_name_their_channel() {
        assert_eq!(
            Channel::of_text("Backup link e-mail sent (Mailjet)"),
            Channel::Email
        );
        assert_eq!(
            Channel::of_text("Lien de secours envoyé par courriel"),
            Channel::Email
        );
        assert_eq!(
            Channel::of_text("Tweet posted with the YouTube link"),
            Channel::Social
        );
        assert_eq!(
            Channel::of_text("Bandeau sur le site avec le lien"),
            Channel::Website
        );
        assert_eq!(
            Channel::of_text("Zendesk macro updated with the link"),
            Channel::Support
        );
        assert_eq!(
            Channel::of_text("Backup link e-mailed to participants"),
            Channel::Email
        );
        assert_eq!(Channel::of_text("Told the speakers"), Channel::Other);
        assert_eq!(
            Channel::mentioned("Backup link e-mail sent via Mailjet, banner on the members' site"),
            vec![Channel::Email, Channel::Website]
        );
        // Whole words only: "xylophone" holds an x, "mailbox" no "mail" word.
        assert_eq!(Channel::of_text("xylophone mailbox"), Channel::Other);
    }
}
