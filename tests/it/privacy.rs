//! tests/fixtures/privacy: every way an address or a phone number reached an output once
//! (found in review): an ops-log owner, international and US phone forms in log text, a
//! header-less CSV whose first row is data, a chat message cut after 120 characters, and a
//! click URL carrying an encoded address, read back through the user's queries.

use super::common::*;

#[test]
fn no_address_or_phone_reaches_any_output() {
    let out = scratch("privacy");
    let m = report(&root().join("tests/fixtures/privacy"), &out);
    let mut files = outputs(&out);
    for q in ["subjects", "urls"] {
        files.push((
            format!("queries/{q}.csv"),
            std::fs::read_to_string(out.join(format!("queries/{q}.csv"))).unwrap(),
        ));
    }
    for (name, text) in &files {
        assert_no_contact_details(name, text);
        assert!(
            !text.contains("%40example"),
            "{name} holds an encoded address"
        );
        assert!(
            !text.contains("(555) 123") && !text.contains("(0)6 12"),
            "{name} holds a phone number"
        );
    }
    let contacts = m["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["path"] == "contacts.csv")
        .unwrap()
        .clone();
    assert!(
        contacts["problem"].as_str().unwrap().contains("[e-mail]"),
        "{contacts}"
    );
}

/// Every output of a report folder, with report-context.json and the user's query results.
fn all_outputs(out: &std::path::Path) -> Vec<(String, String)> {
    let mut files = outputs(out);
    for name in ["report-context.json", "queries/authors.csv"] {
        files.push((
            name.to_string(),
            std::fs::read_to_string(out.join(name)).unwrap(),
        ));
    }
    files
}

/// The handles of tests/fixtures/authors that are not the organisation's.
const OTHER_HANDLES: [&str; 5] = ["zoe_k", "vera_m", "xavier_t", "yann_b", "walter_q"];

fn authors_report(show: bool) -> std::path::PathBuf {
    let out = scratch("authors");
    let fixture = root().join("tests/fixtures/authors");
    let mut config = std::fs::read_to_string(fixture.join("debrief.toml")).unwrap();
    if show {
        config.push_str("show_authors = true\n");
    }
    let config_path = out.join("debrief.toml");
    std::fs::write(&config_path, config).unwrap();
    let o = debrief(&[
        "report",
        fixture.to_str().unwrap(),
        "--config",
        config_path.to_str().unwrap(),
        "--out",
        out.join("out").to_str().unwrap(),
        "--debug-context",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out.join("out")
}

/// tests/fixtures/authors: by time, then post id, across both files: zoe_k at 14:05 (X 2002)
/// is author 1, vera_m at 14:08 (the listening CSV) author 2, xavier_t at 14:10 (X 2000)
/// author 3, Yann_B at 14:10 (X 2003, after 2000) author 4; xavier_t's second post (14:20)
/// keeps 3. walter_q only appears in Yann_B's retweet text: the next number, 5. The team's
/// own reply names yann_b (lower case): author 4. Org_Team keeps its name and post id.
#[test]
fn other_accounts_are_pseudonymised_in_every_output() {
    let out = authors_report(false);
    assert_eq!(
        std::fs::read_to_string(out.join("queries/authors.csv")).unwrap(),
        "network,post_id,author,text\n\
         x,post 1,author 1,\"black screen, @Org_Team ?\"\n\
         x,post 2,author 2,black screen for me\n\
         x,post 3,author 3,no picture at all\n\
         x,post 4,author 4,RT @author 5: black screen on Orange\n\
         x,post 5,author 3,'@author 1 black screen here too\n\
         x,2005,Org_Team,\"'@author 4 black screen: we are on it, watch https://youtube.com/live\"\n"
    );
    for (name, text) in all_outputs(&out) {
        for h in OTHER_HANDLES {
            assert!(
                !text.to_lowercase().contains(h),
                "{name} names the account {h}"
            );
        }
    }
    // The organisation's post, in the timeline and the report, under its own name.
    let timeline = std::fs::read_to_string(out.join("timeline.csv")).unwrap();
    assert!(
        timeline.contains("post by @Org_Team: @author 4 black screen: we are on it"),
        "{timeline}"
    );
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        html.contains("@Org_Team"),
        "the organisation keeps its name"
    );
    // Pseudonyms keep accounts apart: each author counted once, as with names.
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    // zoe_k 10 + vera_m 40 + xavier_t 30 + Yann_B 20 (xavier_t's two posts count once).
    assert_eq!(m["social"]["unique_reach"], 100);
    assert_eq!(m["social"]["potential_reach"], 130);
}

#[test]
fn show_authors_keeps_the_names() {
    let out = authors_report(true);
    assert_eq!(
        std::fs::read_to_string(out.join("queries/authors.csv")).unwrap(),
        "network,post_id,author,text\n\
         x,2002,zoe_k,\"black screen, @Org_Team ?\"\n\
         x,https://x.com/vera_m/status/77,vera_m,black screen for me\n\
         x,2000,xavier_t,no picture at all\n\
         x,2003,Yann_B,RT @walter_q: black screen on Orange\n\
         x,2001,xavier_t,'@zoe_k black screen here too\n\
         x,2005,Org_Team,\"'@yann_b black screen: we are on it, watch https://youtube.com/live\"\n"
    );
    let timeline = std::fs::read_to_string(out.join("timeline.csv")).unwrap();
    assert!(timeline.contains("@yann_b black screen"), "{timeline}");
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    assert_eq!(m["social"]["unique_reach"], 100);
    assert_eq!(m["social"]["potential_reach"], 130);
}
