# debrief's English catalogue: every text of the report a reader sees, by key.
# Every key here must exist in every other catalogue (a test checks).
# Fluent syntax: https://projectfluent.org/fluent/guide/ . Plurals select on a number:
#   { $n -> [one] … *[other] … }   (the categories are CLDR's for the language).

## How numbers, durations, times and dates are written (src/i18n/format.rs)

# Between groups of three digits ({""} for none: English reports write 1962).
fmt-group-separator = {""}
fmt-decimal-separator = .
# $value: the number, already written.
fmt-percent = { $value }%
# Durations: $s and $min are zero-padded where they follow a larger unit.
fmt-duration-s = { $s } s
fmt-duration-min = { $min } min
fmt-duration-min-s = { $min } min { $s } s
fmt-duration-h-min = { $h } h { $min } min
# A time of day: $h the hour (9), $hh the hour on two digits (09), $mm the minutes (05).
fmt-clock = { $hh }:{ $mm }
# $n: 1 for Monday to 7 for Sunday.
fmt-weekday = { $n ->
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
    [6] Saturday
   *[7] Sunday
}
fmt-month = { $n ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
# A date in running text, without its weekday: $iso is 2021-03-01; $day, $month, $year as for
# fmt-long-date below.
fmt-date = { $iso }
# $day is a number (select on it for 1st, 1er …); $year is text.
fmt-long-date = { $weekday } { $day } { $month } { $year }

## Counts

count-tickets = { $n ->
    [one] { $n } ticket
   *[other] { $n } tickets
}
count-affected-participants = { $n ->
    [one] { $n } affected participant
   *[other] { $n } affected participants
}

## Findings (src/analysis/findings.rs): `text` and `recommendation` of metrics.json's findings,
## the report and runbook.md. $source is a signal's source: mentions, tickets, viewing or log.
## Times ($at, …) and durations ($lead, …) come written by src/i18n/format.rs.

# A duration of metrics.md in a sentence; $metric is its name in metrics.json.
metric-label = { $metric ->
    [time_to_detect_s] time to detect
    [time_to_communicate_s] time to communicate
    [time_to_mitigate_s] time to mitigate
    [time_to_recover_s] time to recover
   *[other] duration
}
# A milestone in a sentence; $milestone is its name in metrics.json.
milestone-in-words = { $milestone ->
    [started_at] the impact start
    [detected_at] the detection
    [first_communication_at] the first communication
    [mitigated_at] the mitigation
   *[recovered_at] the recovery
}
# A channel of metrics.json's communication.updates.
channel-name = { $channel ->
    [email] email
    [social] social
    [website] website
    [support] support
   *[other] other
}
# "a, b and c": $rest is the items but the last, joined by ", ".
list-and = { $rest } and { $last }

finding-no-incident-criteria = No [incident].keywords or ticket_tags are configured: no ticket or mention can count as incident-related, so the support and social figures and their onsets cannot show the incident.
advice-no-incident-criteria = List in debrief.toml the words participants used (for example "black screen", "écran noir") and the tags agents put on incident tickets.

finding-signalled-first = { $source ->
    [mentions] Social media
    [tickets] Support tickets
    [viewing] Player analytics
   *[log] The ops log
} signalled the incident first, at { $at }, { $lead } before the team's detection at { $detected }.
finding-watched-channel-signalled-first = Of the channels a person watches, { $source ->
    [mentions] social media
    [tickets] support tickets
    [viewing] player analytics
   *[log] the ops log
} signalled first, at { $at }, { $lead } before the team's detection at { $detected }.
advice-watch-social = Watch social mentions (keywords and the affected ISPs) live during every session, with one person named to do it.
advice-route-tickets = Route support tickets matching incident keywords to the ops channel as they arrive.
advice-alert-failure-rate = Alert on the player's failure rate per minute during live sessions.

finding-start-earlier-than-logged = Impact started at { $start }, { $before } before the start the team logged ({ $logged }).
advice-log-start-from-first-signal = Log the start of an incident from the first customer signal, not from the team's awareness.

# $label: metric-label.
finding-target-met = Target met: { $label } was { $actual } against a target of { $target }.
finding-target-missed = Target missed: { $label } was { $actual } against a target of { $target }, { $over } over.
advice-keep-practice = Keep the practice that made this target.
advice-detect-watch = { $source ->
    [mentions] Social media
    [tickets] Support tickets
    [viewing] Player analytics
   *[log] The ops log
} showed the incident at { $at }, { $lead } before the detection: have one person watch mentions and the support queue live during every session, with the incident keywords ready.
advice-detect-alert = Alert on the player's failure rate per minute and route incident-like tickets to the ops channel, so that detection does not wait for a report.
advice-communicate-delivery = The longest step was delivery: 90% of the incident e-mail was delivered { $to_90 } after its first send (detection to first send: { $to_send }). Agree the send rate you need with the e-mail provider, and give the first word on social media and the website while the e-mail goes out.
advice-communicate-send-and-delivery = The longest step was from detection to the first send ({ $to_send }; first send to 90% delivered: { $to_90 }): keep the incident message pre-written and approved, and let the person on duty send a first word without waiting for a fix or an ETA.
advice-communicate-send = The longest step was from detection to the first send ({ $to_send }): keep the incident message pre-written and approved, and let the person on duty send a first word without waiting for a fix or an ETA.
advice-communicate-ready = Keep a pre-written incident message ready on every channel, and send a first word without waiting for a fix or an ETA.
advice-mitigate-overrun = Fix attempts ran { $overrun } past their timeboxes in all: when a timebox runs out, switch to the next plan (B, C, D) without waiting.
advice-mitigate-fallback = Decide the switch to the fallback platform earlier: prepare it before the event so that it is one decision, not a project.
advice-recover-after = Recovery came { $after } after mitigation: push the backup link on every channel at once (e-mail, social media, website, support macros) as soon as the fallback is live.
advice-recover-review = Review what delayed the recovery; rehearse the switch before the next edition.
advice-step-review = Review what delayed this step; rehearse it before the next edition.

# $attempt: the ops log's text of the attempt.
finding-attempt-overran = Fix attempt "{ $attempt }" ({ $at }) ran { $over } past its timebox of { $timebox }.
advice-move-to-next-plan = When a timebox runs out, move to the next plan (B, C, D) without waiting.

# $label: metric-label, capitalised; $later and $earlier: finding-milestone-entry.
finding-negative-duration = { $label } would be negative ({ $seconds } s): { $later } comes after { $earlier }. A clock, a time zone or a typed timestamp is wrong; the duration is not shown.
# $milestone: milestone-in-words; $evidence: where the milestone came from.
finding-milestone-entry = { $milestone } at { $at } ({ $evidence })
advice-check-negative-duration = Check these two entries and the time zones of their sources; fix the ops log's time or write it with an offset.

# $milestone: milestone-in-words.
finding-log-vs-data = The ops log puts { $milestone } at { $logged }, the data at { $observed } ({ $apart } apart); the log's time is used.
advice-note-what-entries-refer-to = Note in the log what each entry refers to, so next year's comparison is like for like.

# $outcomes: the outcome-* below, joined by ", ".
finding-affected-not-reached = { $missed } affected participants were not reached by the incident e-mail: { $outcomes }.
outcome-bounced = { $n } bounced
outcome-blocked = { $n } blocked
outcome-other = { $n } other
outcome-not-sent = { $n } not sent the incident e-mail
outcome-no-email = { $n } no e-mail known
# $places: the place-* the team did not use, joined by list-and.
advice-clean-addresses-and-publish = Clean bounced and blocked addresses before the event, and publish the backup link { $places } too.
advice-clean-addresses = Clean bounced and blocked addresses before the event; the other channels were used, so check that the backup link was prominent on each.
place-on-website = on the website
place-on-social = on social media
place-in-support-macros = in the support macros

# $share: a percentage, written.
finding-segment-still-failing = After the recovery at { $recovered }, views of { $dimension } = { $value } on the main platforms kept failing: { $failed } of their { $active } views there failed ({ $share }), the last at { $last }. The recovery was a workaround: the main platform never recovered for them.
advice-keep-segment-on-fallback = Keep { $dimension } = { $value } on the fallback platform until the main platform is confirmed fixed for them, and get a fix from the supplier before the next edition.

finding-first-word-late = Participants waited { $wait } for a first word: the impact started at { $started }, the first communication came at { $first }.
advice-holding-message = Send a holding message within { $within } of the impact, with no fix and no ETA needed: say that you know, and when the next update comes.
finding-long-silence = Participants went { $gap } without news, from the update at { $from } until { $until }.
advice-update-regularly = Give an update at least every { $every } until the recovery, even to say that nothing has changed yet.
# $channel: channel-name.
finding-single-channel = All { $updates } updates went out on one channel ({ $channel }).
advice-several-channels = Inform on several channels at once: e-mail, social media, the website and the support macros reach different people.

finding-affected-did-not-open = { $share } of the affected participants the incident e-mail reached never opened it ({ $unopened } of { $reached }).
advice-not-email-alone = Do not count on e-mail alone during a live: keep the backup link prominent where people look (the player page, social media, the website, support).
# $places: the place-also-* the team did not use, joined by list-and.
advice-not-email-alone-also = Do not count on e-mail alone during a live: put the backup link on { $places } too.
place-also-social = social media
place-also-website = the website
place-also-support-macros = the support macros

# $who: registered or affected.
finding-not-sent-incident-email = { $participants } { $who } participants were not sent the incident e-mail, although an e-mail of another campaign reached them: they were left off the send.
finding-not-sent-incident-email-affected = { $affected } of the affected participants were among those not sent it.
advice-send-to-every-registered = Send the incident e-mail to the same list as the reminders (every registered participant), and check its recipient count against the registrations before sending.

finding-tickets-around-communication = Incident tickets in the 30 minutes before the first communication: { $before }; in the 30 minutes after: { $after }.
finding-fix-near-communication = The fix ({ $fixed }) came within 10 minutes of the first communication ({ $first }): the data cannot tell the message's effect on support from the fix's.
advice-holding-message-before-fix = To learn what a message does for support, send a holding message as soon as the incident is detected, before any fix lands.
advice-send-message-early = Send the pre-written incident message as early as possible: it takes load off support.
advice-message-did-not-ease = The message did not ease support: check its reach and wording, and publish it on every channel.

## runbook.md (src/report/outputs.rs). Its Markdown (#, -, **) stays in the code.

runbook-title = Runbook notes: { $event }
runbook-window = Event window: { $window } ({ $zone }).
runbook-findings = Findings
runbook-no-findings = No findings.
# $severity: severity-name; $id: the finding's id (English, as in metrics.json).
runbook-finding = **{ $severity }** ({ $id }): { $text }
runbook-next-time = Next time: { $recommendation }
runbook-compared-with = Compared with { $previous }
runbook-compare-header = | Figure | This edition | Previous | Change | |
runbook-actions = Action items
# The syntax of an action item stays as lessons.md must write it: "(owner, due YYYY-MM-DD)".
runbook-no-actions = No action items: add lines like `- [ ] text (owner, due YYYY-MM-DD)` to lessons.md.
# $due: fmt-date.
runbook-action = { $text } (owner: { $owner }, due { $due })
# A finding's severity, as metrics.json names it.
severity-name = { $severity ->
    [critical] critical
    [warning] warning
    [data] data
   *[info] info
}
# A figure against the previous edition; none where either side is unknown.
compare-verdict = { $verdict ->
    [better] better
    [worse] worse
    [same] same
   *[none] not comparable
}
