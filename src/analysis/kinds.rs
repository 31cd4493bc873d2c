//! The small closed vocabularies of the analysis, as enums so that every `match` on them is
//! exhaustive: a finding's severity, a milestone's provenance, an impact signal's source. Each
//! serialises (and displays) as the name metrics.json and the report use.

use serde::Serialize;

/// How much a finding matters. Ordered from the most to the least urgent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Critical,
    Warning,
    /// A data-quality problem.
    Data,
    Info,
}

/// Where a milestone's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// An ops-log entry said so.
    Log,
    /// Derived from the data.
    Observed,
}

/// The source of an impact signal's onset. Declared in the order of their names, so that
/// sorting by it sorts as the names do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalSource {
    /// The ops log's `start` entry.
    Log,
    Mentions,
    Tickets,
    Viewing,
}

/// The incident's milestones, in the order of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum MilestoneKind {
    #[serde(rename = "started_at")]
    Started,
    #[serde(rename = "detected_at")]
    Detected,
    #[serde(rename = "first_communication_at")]
    FirstCommunication,
    #[serde(rename = "mitigated_at")]
    Mitigated,
    #[serde(rename = "recovered_at")]
    Recovered,
}

impl MilestoneKind {
    /// Every milestone, in the contract's order.
    pub const ALL: [MilestoneKind; 5] = [
        MilestoneKind::Started,
        MilestoneKind::Detected,
        MilestoneKind::FirstCommunication,
        MilestoneKind::Mitigated,
        MilestoneKind::Recovered,
    ];

    /// How the report names it.
    pub fn label(self) -> &'static str {
        match self {
            MilestoneKind::Started => "Impact started",
            MilestoneKind::Detected => "Detected",
            MilestoneKind::FirstCommunication => "First communication",
            MilestoneKind::Mitigated => "Mitigated",
            MilestoneKind::Recovered => "Recovered",
        }
    }

    /// How a sentence names it ("the mitigation").
    pub fn in_words(self) -> &'static str {
        match self {
            MilestoneKind::Started => "the impact start",
            MilestoneKind::Detected => "the detection",
            MilestoneKind::FirstCommunication => "the first communication",
            MilestoneKind::Mitigated => "the mitigation",
            MilestoneKind::Recovered => "the recovery",
        }
    }
}

macro_rules! named {
    ($t:ty { $($v:ident => $name:literal),* $(,)? }) => {
        impl $t {
            /// The name metrics.json and the report use.
            pub fn name(self) -> &'static str {
                match self { $(<$t>::$v => $name),* }
            }
        }
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

named!(MilestoneKind {
    Started => "started_at",
    Detected => "detected_at",
    FirstCommunication => "first_communication_at",
    Mitigated => "mitigated_at",
    Recovered => "recovered_at",
});
named!(Severity { Critical => "critical", Warning => "warning", Data => "data", Info => "info" });
named!(Provenance { Log => "log", Observed => "observed" });
named!(SignalSource { Log => "log", Mentions => "mentions", Tickets => "tickets", Viewing => "viewing" });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_serialise_as_metrics_json_writes_them() {
        assert_eq!(
            serde_json::to_string(&Severity::Warning).unwrap(),
            "\"warning\""
        );
        assert_eq!(
            serde_json::to_string(&Provenance::Observed).unwrap(),
            "\"observed\""
        );
        assert_eq!(SignalSource::Mentions.to_string(), "mentions");
        // Sorting by source sorts as the names do (first_signals' tie order).
        let mut s = [
            SignalSource::Viewing,
            SignalSource::Log,
            SignalSource::Tickets,
            SignalSource::Mentions,
        ];
        s.sort();
        let names: Vec<&str> = s.iter().map(|x| x.name()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
    }
}
