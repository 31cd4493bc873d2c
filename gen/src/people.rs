//! Who the participants are: names, e-mail addresses, ISP, device, whether they cancelled,
//! watched, and how their mailbox answers. Everything about participant `idx` is a pure
//! function of (seed, idx), so every export can recompute it instead of holding a million
//! records in memory.

use crate::rng::Rng;
use crate::text::ascii_slug;

const TAG_PERSON: u64 = 0x5045_5253;
const TAG_DISABLED: u64 = 0x4449_5341;

/// One access provider of the audience, as Mux's geo-IP data names it.
#[derive(Debug)]
pub struct Isp {
    pub isp: &'static str,
    pub asn: u32,
    pub asn_name: &'static str,
    pub country_code: &'static str,
    pub country_name: &'static str,
    pub cities: &'static [&'static str],
    pub weight: u32,
}

const FR_CITIES: &[&str] = &[
    "Paris",
    "Paris",
    "Paris",
    "Lyon",
    "Lille",
    "Nantes",
    "Bordeaux",
    "Toulouse",
    "Marseille",
    "Strasbourg",
    "Rennes",
    "Angers",
    "Versailles",
    "Grenoble",
];

/// The ISP mix of the audience. Index 0 is Orange, the one whose route to Vimeo broke.
pub const ISPS: [Isp; 8] = [
    Isp {
        isp: "Orange",
        asn: 3215,
        asn_name: "France Telecom - Orange",
        country_code: "FR",
        country_name: "France",
        cities: FR_CITIES,
        weight: 34,
    },
    Isp {
        isp: "Free SAS",
        asn: 12322,
        asn_name: "Free SAS",
        country_code: "FR",
        country_name: "France",
        cities: FR_CITIES,
        weight: 20,
    },
    Isp {
        isp: "SFR",
        asn: 15557,
        asn_name: "Societe Francaise du Radiotelephone - SFR SA",
        country_code: "FR",
        country_name: "France",
        cities: FR_CITIES,
        weight: 16,
    },
    Isp {
        isp: "Bouygues Telecom",
        asn: 5410,
        asn_name: "Bouygues Telecom SA",
        country_code: "FR",
        country_name: "France",
        cities: FR_CITIES,
        weight: 12,
    },
    Isp {
        isp: "Proximus",
        asn: 5432,
        asn_name: "Proximus NV",
        country_code: "BE",
        country_name: "Belgium",
        cities: &["Bruxelles", "Liège", "Namur", "Tournai"],
        weight: 5,
    },
    Isp {
        isp: "Swisscom",
        asn: 3303,
        asn_name: "Swisscom (Schweiz) AG",
        country_code: "CH",
        country_name: "Switzerland",
        cities: &["Genève", "Lausanne", "Fribourg", "Sion"],
        weight: 5,
    },
    Isp {
        isp: "Videotron",
        asn: 5769,
        asn_name: "Videotron Telecom Ltee",
        country_code: "CA",
        country_name: "Canada",
        cities: &["Montréal", "Québec", "Sherbrooke"],
        weight: 4,
    },
    Isp {
        isp: "OVH",
        asn: 16276,
        asn_name: "OVH SAS",
        country_code: "FR",
        country_name: "France",
        cities: &["Roubaix", "Paris", "Lille"],
        weight: 4,
    },
];

/// Index of Orange in [`ISPS`].
pub const ORANGE: usize = 0;

/// Mux's viewer_device_category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Device {
    Desktop,
    Phone,
    Tablet,
}

impl Device {
    /// The Mux value.
    pub fn name(self) -> &'static str {
        match self {
            Device::Desktop => "desktop",
            Device::Phone => "phone",
            Device::Tablet => "tablet",
        }
    }
}

/// How the participant's mailbox answers Mailjet (the same for both campaigns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mailbox {
    Delivered,
    HardBounce,
    Blocked,
}

/// One registered participant.
#[derive(Debug, Clone)]
pub struct Person {
    pub idx: u32,
    pub first: &'static str,
    pub last: &'static str,
    /// The canonical address (lower case), as in Billetweb, Mailjet and Zendesk.
    pub email: String,
    /// The address as the members' site passed it to the player (Mux viewer_user_id):
    /// now and then with other casing or stray spaces.
    pub mux_user_id: String,
    pub disabled: bool,
    pub isp: usize,
    pub city: &'static str,
    pub device: Device,
    pub os: &'static str,
    pub browser: &'static str,
    pub watches: bool,
    pub mailbox: Mailbox,
}

const FIRST: [&str; 64] = [
    "Marie",
    "Jean",
    "Anne",
    "Pierre",
    "Claire",
    "François",
    "Hélène",
    "Michel",
    "Isabelle",
    "Philippe",
    "Catherine",
    "Bernard",
    "Sophie",
    "Jacques",
    "Élise",
    "Dominique",
    "Agnès",
    "Thierry",
    "Cécile",
    "Olivier",
    "Brigitte",
    "Laurent",
    "Véronique",
    "Nicolas",
    "Chantal",
    "Éric",
    "Martine",
    "Benoît",
    "Françoise",
    "Yves",
    "Sylvie",
    "Patrick",
    "Nathalie",
    "Christophe",
    "Monique",
    "Étienne",
    "Béatrice",
    "Grégoire",
    "Thérèse",
    "Hugues",
    "Inès",
    "Lucas",
    "Camille",
    "Louis",
    "Jeanne",
    "Paul",
    "Margaux",
    "Antoine",
    "Chloé",
    "Mathieu",
    "Bénédicte",
    "Xavier",
    "Geneviève",
    "Rémi",
    "Odile",
    "Noël",
    "Joëlle",
    "Jérôme",
    "Aurélie",
    "Guillaume",
    "Maïté",
    "Hervé",
    "Léa",
    "Jean-Baptiste",
];

const LAST: [&str; 64] = [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Lefort",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Legrand",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guérin",
    "Muller",
    "Henry",
    "Roussel",
    "Nicolas",
    "Perrin",
    "Morin",
    "Mathieu",
    "Clément",
    "Gauthier",
    "Dumont",
    "Lopez",
    "Fontaine",
    "Chevalier",
    "Robin",
    "Masson",
    "Sanchez",
    "Gérard",
    "Nguyen",
    "Boyer",
    "Denis",
    "Lemaire",
    "Duval",
    "Joly",
    "Gautier",
    "de La Tour",
    "Le Gall",
    "Ménard",
    "Brunet",
];

const DOMAINS: [&str; 3] = ["example.org", "example.com", "example.net"];

/// True when registration `idx` was cancelled (Billetweb `disabled` = "1"). Cheap, so that the
/// list of active registrations can be built before anything else.
pub fn is_disabled(seed: u64, idx: u32) -> bool {
    Rng::stream(seed, TAG_DISABLED, u64::from(idx)).chance(0.02)
}

/// Capitalises the first letter of each dot-, underscore- or hyphen-separated part.
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut up = true;
    for c in s.chars() {
        if up {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        up = matches!(c, '.' | '_' | '-' | '@');
    }
    out
}

/// Participant `idx` for this seed.
pub fn person(seed: u64, idx: u32) -> Person {
    let mut r = Rng::stream(seed, TAG_PERSON, u64::from(idx));
    let first = *r.pick(&FIRST);
    let last = *r.pick(&LAST);
    let (f, l) = (ascii_slug(first), ascii_slug(last));
    let n = idx + 1;
    let domain = *r.pick(&DOMAINS);
    // The number makes every address unique: names hold no digits, so two different
    // participants can never share an address.
    let local = match r.below(5) {
        0 | 1 => format!("{f}.{l}{n}"),
        2 => format!("{}{l}{n}", f.chars().next().unwrap_or('x')),
        3 => format!("{l}.{f}{n}"),
        _ => format!("{f}_{l}{n}"),
    };
    let email = format!("{local}@{domain}");
    let mux_user_id = match r.below(100) {
        0 | 1 => format!(" {}", title_case(&email)),
        2 => format!("{} ", email.to_uppercase()),
        3 => title_case(&email),
        _ => email.clone(),
    };
    let weights: Vec<u32> = ISPS.iter().map(|i| i.weight).collect();
    let isp = r.weighted(&weights);
    let city = *r.pick(ISPS[isp].cities);
    let device = match r.weighted(&[55, 35, 10]) {
        0 => Device::Desktop,
        1 => Device::Phone,
        _ => Device::Tablet,
    };
    let (os, browser) = match device {
        Device::Desktop => match r.weighted(&[62, 30, 8]) {
            0 => (
                "Windows",
                *r.pick(&["Chrome", "Chrome", "Chrome", "Firefox", "Microsoft Edge"]),
            ),
            1 => ("macOS", *r.pick(&["Safari", "Safari", "Chrome", "Firefox"])),
            _ => ("Linux", *r.pick(&["Firefox", "Chrome"])),
        },
        Device::Phone => match r.weighted(&[58, 42]) {
            0 => (
                "Android",
                *r.pick(&["Chrome Mobile", "Chrome Mobile", "Samsung Internet"]),
            ),
            _ => ("iOS", "Mobile Safari"),
        },
        Device::Tablet => match r.weighted(&[70, 30]) {
            0 => ("iPadOS", "Mobile Safari"),
            _ => ("Android", "Chrome Mobile"),
        },
    };
    let watches = r.chance(0.95);
    let mailbox = match r.weighted(&[975, 15, 10]) {
        0 => Mailbox::Delivered,
        1 => Mailbox::HardBounce,
        _ => Mailbox::Blocked,
    };
    Person {
        idx,
        first,
        last,
        email,
        mux_user_id,
        disabled: is_disabled(seed, idx),
        isp,
        city,
        device,
        os,
        browser,
        watches,
        mailbox,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn addresses_are_unique_and_use_example_domains() {
        let mut seen = BTreeSet::new();
        for i in 0..5000 {
            let p = person(2020, i);
            assert!(DOMAINS.iter().any(|d| p.email.ends_with(&format!("@{d}"))));
            assert_eq!(p.email, p.email.to_lowercase());
            assert_eq!(p.mux_user_id.trim().to_lowercase(), p.email);
            assert!(seen.insert(p.email));
        }
    }

    #[test]
    fn isp_weights_sum_to_100() {
        assert_eq!(ISPS.iter().map(|i| i.weight).sum::<u32>(), 100);
        assert_eq!(ISPS[ORANGE].isp, "Orange");
    }
}
