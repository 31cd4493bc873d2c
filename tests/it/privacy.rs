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
