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

## The report page (report_templates/report.html)

rt-title = Incident debrief: { $event }
rt-kicker = Incident debrief
rt-window-note = , window { $note }
rt-window-unknown = Event window unknown: set [event] start and end in debrief.toml
rt-times-local = . All times are local to { $zone }.
rt-summary = Summary
rt-na = n/a
rt-target = target { $target }:
rt-met = met
rt-missed = missed
rt-not-measurable = not measurable
rt-no-target = no target set
rt-last-edition = last edition: { $value }
rt-verdict-better = better
rt-verdict-worse = worse
rt-verdict-same = same
rt-change-first = Change first
rt-why = Why: { $text }
rt-other-findings = Other findings ({ $n })
rt-findings = Findings ({ $n })
rt-severity-warning = warning
rt-severity-info = info
rt-severity-critical = critical
rt-severity-data = data
rt-next-time = Next time: { $text }
rt-compared-with = Compared with { $previous }
rt-figure = Figure
rt-this-edition = This edition
rt-previous = Previous
rt-change = Change
rt-not-comparable = not comparable
rt-what-happened = What happened, when
rt-timeline-caption = Zoomed to the incident. Signal onsets (dots), the team's phases measured from the impact start (communication from the detection), and fix attempts against their timebox (outlined), with the milestones across.
rt-timeline-data = The timeline's numbers
rt-item = Item
rt-start-zone = Start ({ $zone })
rt-end = End
rt-duration = Duration
rt-milestone = Milestone
rt-local-time = Local time
rt-source = Source
rt-evidence = Evidence
rt-unknown = unknown
rt-provenance-log = log
rt-provenance-observed = observed
rt-how-measured = how it was measured
rt-first-channel = Which channel saw it first
rt-channel = Channel
rt-onset = Onset
rt-lead = Lead over detection
rt-none = none
rt-attempts = Fix attempts
rt-attempt = Attempt
rt-owner = Owner
rt-start = Start
rt-timebox = Timebox
rt-overrun = Overrun
rt-open = open
rt-viewing = Viewing
rt-see-audience-before = Active viewers per platform, minute by minute: see
rt-audience = The event's audience
rt-failures-caption = Failed views per minute (a view fails with a fatal player error, or by exiting before the video started); red minutes are those anomalous against the baseline failure share
rt-failures-caption-segment = Failed views per minute (a view fails with a fatal player error, or by exiting before the video started), those of the affected segment ({ $segment }) against the rest; a dark strip marks each minute anomalous against the baseline failure share
rt-failures-baseline = of { $share } (binomial test, p < 0.001).
rt-failures-data = Failed views, minute by minute
rt-minute-zone = Minute ({ $zone })
rt-from-zone = From ({ $zone })
rt-time-in-zone = Time ({ $zone })
rt-elsewhere = Elsewhere
rt-failed-views = Failed views
rt-anomalous = Anomalous
rt-yes = yes
rt-no-viewing = No viewing analytics were supplied: the viewing signal and observed recovery cannot be measured.
rt-who-affected = Who was affected
rt-views-active-failed = Views active during the incident / failed during it
rt-affected = Affected participants (a view failed during the incident)
rt-recovered = Of whom watching again before the end of the event
rt-minutes-lost = Participant-minutes lost (first failure to next successful view, or to recovery)
rt-impact-needs-window = Impact per participant needs both ends of the incident window (impact start and recovery).
rt-cost-of-waiting = The cost of waiting
rt-waiting-caption = Affected participants not yet watching again: each waits from their first failure to their next successful view or the recovery, whichever comes first. Each minute's height is the participants waiting in it, on average; the area, { $total } participant-minutes, is the participant-minutes lost.
rt-waiting-data = Participants waiting, minute by minute
rt-waiting-column = Participants waiting (participant-minutes lost in the minute)
rt-reach = Reach of the crisis communication
rt-campaign = Campaign
rt-first-event = First event
rt-recipients = Recipients
rt-delivered = Delivered
rt-opened = Opened
rt-clicked = Clicked
rt-backup-link = Backup link
rt-bounced-blocked = Bounced / blocked
rt-to-90pct = 90% delivered in
rt-no-incident-campaign = No incident e-mail campaign was found.
rt-no-email-export = No e-mail delivery export was supplied: the e-mail's reach cannot be measured.
rt-incident-campaigns-rule = Incident campaigns: { $rule }. Counts are distinct recipients.
rt-email-caption = Distinct recipients delivered, opened and clicked so far.
rt-email-data = Reach over time
rt-email-affected-caption = Affected participants delivered, opened and clicked an incident e-mail so far.
rt-email-affected-data = Reach of the affected participants over time
rt-outcomes = What happened to the e-mail for affected participants
rt-no-reach = No e-mail delivery export was supplied: reach cannot be measured.
rt-communication = Did our communication work?
rt-waited-first-word = Participants waited for a first word
rt-their-side = impact start → first communication: their side
rt-time-to-communicate = Time to communicate
rt-team-side = detection → first communication: the team's side
rt-updates-caption = Every update to participants, one row per channel; the shaded band is the longest time without news between the first word and the recovery.
rt-updates = The updates ({ $n })
rt-what = What
rt-affected-funnel = What the affected participants did with the e-mail
rt-affected-funnel-caption = From the affected participants to those watching again within 15 minutes of clicking the backup link.
rt-funnel-data = The funnel's numbers
rt-stage = Stage
rt-participants = Participants
rt-of-affected = Of the affected
rt-returns-caption = The box spans the middle half of the affected participants who came back after the e-mail; the line is the median.
rt-support-social = Support and social media
rt-support-queue = Support queue
rt-support-caption = Incident-related tickets created per { $minutes } minutes, those still open (created minus solved so far, by their solved time), and the median wait for a first reply of the tickets created in each bucket.
rt-support-data = The support queue, bucket by bucket
rt-created = Created
rt-solved = Solved
rt-open-at-end = Open at the end
rt-answered = Answered
rt-median-first-reply = Median first reply
rt-all-tickets = All tickets in the exports
rt-incident-tickets = Incident-related tickets
rt-peak = Peak
rt-not-available = not available
rt-baseline = Baseline before the incident
rt-baseline-not-available = not available (baseline under 10 minutes)
rt-peak-against-baseline = Peak against baseline
rt-first-reply = First reply, median / 90th percentile
rt-before-after = Incident tickets 30 min before / after the first communication
rt-tickets-via = Incident tickets via { $channel }
rt-no-helpdesk = No helpdesk export was supplied.
rt-social = Social media
rt-social-caption = Incident-related mentions (not our own posts) per { $minutes } minutes, by sentiment: { $source }.
rt-social-data = Mentions by sentiment, bucket by bucket
rt-negative = Negative
rt-neutral = Neutral
rt-positive = Positive
rt-mentions = Mentions
rt-incident-mentions = Incident-related mentions
rt-potential-reach-incident = Potential reach (followers, summed over incident mentions)
rt-unique-reach = Unique reach (each author once)
rt-engagements-incident = Engagements on incident mentions
rt-sentiment = Sentiment of incident mentions
rt-own-posts = Our own posts
rt-time = Time
rt-account = Account
rt-post = Post
rt-engagements = Engagements
rt-no-social = No social-media export was supplied.
rt-attended = Attended
rt-no-viewing-analytics = no viewing analytics
rt-peak-concurrent = Peak concurrent
rt-average-per-attendee = Average per attendee
rt-lost-to-incident = Lost to the incident
rt-retention-caption = Of the participants who watched at all, the share watching at some point of each { $minutes }-minute bucket; the incident window shaded.
rt-retention-data = Retention, bucket by bucket
rt-retention-column = Share of the attendees watching
rt-audience-caption = Active viewers: distinct participants with a successful view active at some point of the minute, per platform, the incident window shaded.
rt-audience-snapshots-caption = Dots: the concurrent viewers a platform counted itself (its snapshots), which include viewers debrief cannot identify.
rt-audience-data = Active viewers, minute by minute
rt-platform = Platform
rt-viewers = Viewers
rt-of-attendees = Of the attendees
rt-minutes-watched = Minutes watched
rt-every-campaign = Every e-mail campaign
rt-unsubscribed = Unsubscribed
rt-complaints = Complaints
rt-campaigns-note = Counts are distinct recipients; a campaign is the export's campaign or tag.
rt-social-all = Social media, all mentions
rt-mentions-not-own = Mentions (not our own posts)
rt-potential-reach = Potential reach (followers, summed over mentions)
rt-network = Network
rt-author = Author
rt-top-posts-note = The posts with the most engagements (likes, reposts, replies, quotes).
rt-website = The website
rt-web-caption = Requests to the pages that carried the backup link ({ $pages }) per { $minutes } minutes, the first communication marked.
rt-web-data = Backup-page requests, bucket by bucket
rt-requests = Requests
rt-no-audience = No viewing, e-mail, social, snapshot or web export was supplied: there is nothing to say about the audience.
rt-lessons = Lessons and actions
rt-action = Action
rt-due = Due
rt-no-lessons-before = No lessons.md in the input folder:
rt-no-lessons-after = writes a template.
rt-your-queries = Your queries
rt-query-failed = This query failed: { $error }
rt-query-rows = { $n } rows; all of them in { $file }.
rt-query-rows-first = { $n } rows, the first { $shown } shown; all of them in { $file }.
rt-rebuilt-timeline = Rebuilt timeline
rt-kind = Kind
rt-entry = Entry
rt-data-quality = Data quality and sources
rt-check = check
rt-file = File
rt-format = Format
rt-time-zone = Time zone
rt-read = Read
rt-kept = Kept
rt-rejected = Rejected
rt-duplicates = Duplicates
rt-warnings = Warnings
rt-rejected-row = rejected: { $reason }
rt-warning-row = warning: { $reason }
rt-how-computed = How the figures are computed
rt-how-computed-before = Every figure of this report and of metrics.json is defined in
rt-how-computed-after = , which comes with debrief (in its repository and in every copy of its sources, beside README.md): what it counts, from which exports, over which window, and when it is left empty. In short:
rt-rule-impact-start = Impact start is the earliest of the ops log's start entry and the onset of each signal: failed views (binomial test per minute against the median failure share, floored at 1% to start an episode and at 0.1% to continue it), incident-related tickets and mentions (Poisson test over 5-minute windows against the median rate, floored at 0.5 per hour).
rt-rule-log-wins = Apart from the start, an ops-log entry wins over an observed value; both are shown when they differ by more than 5 minutes. The first communication is the earliest of the incident e-mail's first delivery, the first incident post by an organisation account and the log's communication entry.
rt-rule-identities = Participants are identified by a salted SHA-256 of their e-mail address; no address or phone number appears in any output.
rt-rule-dst = A local time written without its offset that falls on a DST change is kept: one the clocks showed twice is read as its first occurrence, one they skipped is moved forward by the length of the skip. Each is counted as a warning of its file and listed above.

## The report's section builders (src/report/model.rs, marketing.rs, words.rs)

fmt-clock-seconds = { $hh }:{ $mm }:{ $ss }
md-na = n.a.
md-ev-views-failed = { $failed } of the { $active } views active in the minute from { $minute } failed, far more than usual; the first at { $first }
md-ev-views-failing = views started failing far more than usual at { $at }
md-ev-tickets = incident tickets started arriving far faster than usual with this one, at { $at }
md-ev-mentions = posts about the incident started appearing far faster than usual with this one, at { $at }
md-ev-recovered = failed views back to their usual level: the last minute with too many failures ended at { $at }
md-ev-log = ops log: "{ $text }"
md-ev-fallback-view = first successful view on fallback platform '{ $platform }' after the start
md-ev-campaign = first delivery of incident e-mail campaign '{ $campaign }'
md-ev-first-reply = first agent reply on an incident-related ticket (Zendesk ticket metrics)
md-ev-episode-end = end of the last elevated minute of the failed-view episode
md-ev-org-post = first incident-related post by an organisation account
md-ev-no-start = no impact signal was found and the ops log has no 'start' entry: add one, or supply viewing, ticket or mention exports
md-ev-no-detection = no 'detection' entry in the ops log and no agent reply on an incident-related ticket: add a detection entry to ops_log.csv
md-ev-no-recovery = no 'recovery' entry in the ops log and no failed-view episode to end: add a recovery entry to ops_log.csv
md-ev-no-mitigation = no 'mitigation' entry in the ops log and no successful view on a platform of [incident].fallback_platforms: add either
md-ev-no-communication = no incident e-mail campaign, organisation post or 'communication' log entry: list the campaign in [incident].email_campaigns or add a log entry
md-ev-note-start-later = ; the ops log's start entry ({ $at }) is later
md-ev-note-communication-at = ; the ops log's communication entry is at { $at }
md-ticket-channel-web = web form
md-ticket-channel-email = e-mail
md-ticket-channel-api = API
md-ticket-channel-mobile = mobile app
md-ticket-channel-voice = phone
md-ticket-channel-twitter = X (Twitter)
md-ticket-channel-facebook = Facebook
md-ticket-channel-native-messaging = messaging
md-sum-segment-share = ({ $share } of the viewers were on { $dimension } { $value }, where the failures were)
md-sum-segment = (the failures were on { $dimension } { $value })
md-sum-who = { $n ->
        [one] { $n } participant could not watch{ $segment }
       *[other] { $n } participants could not watch{ $segment }
    }
md-sum-who-unknown = An unknown number of participants were affected (no viewing export can say that a view failed)
md-sum-who-some = Participants were affected
md-sum-when = from { $start } to { $end } ({ $duration })
md-sum-when-open = from { $start }; the recovery is unknown
md-sum-target-met = (target { $target }: met)
md-sum-target-missed = (target { $target }: missed)
md-sum-detected = detected it after { $duration }
md-sum-communicated = sent the first word { $duration } after detecting it
md-sum-mitigated = mitigated it after { $duration }
md-sum-recovered = recovered after { $duration }
md-sum-team-one = The team { $step }.
md-sum-team = The team { $steps }, and { $last }.
md-of-delivered = { $n } ({ $share } of delivered)
md-signal-mentions = Social media
md-signal-tickets = Support tickets
md-signal-viewing = Player analytics
md-signal-log = Ops log (declared start)
md-window-config = from the config ([event] start and end)
md-window-config-viewing = start from the config, end from the last viewing session (no [event] end in the config)
md-window-viewing-config = start from the first viewing session (no [event] start in the config), end from the config
md-window-viewing = from the first to the last viewing session (no [event] start or end in the config)
md-milestone-started-at = Impact started
md-milestone-detected-at = Detected
md-milestone-first-communication-at = First communication
md-milestone-mitigated-at = Mitigated
md-milestone-recovered-at = Recovered
md-timeline-onset = { $channel } signal onset
md-timeline-fallback-view = first successful view on fallback platform '{ $platform }'
md-timeline-own-post = post by @{ $author }: { $text }
md-card-detect = Time to detect
md-card-detect-span = impact start → detection
md-card-communicate = Time to communicate
md-card-communicate-span = detection → first communication
md-card-mitigate = Time to mitigate
md-card-mitigate-span = impact start → mitigation
md-card-recover = Time to recover
md-card-recover-span = impact start → recovery
md-observed-detected = the first agent reply on an incident ticket came at { $at }
md-observed-mitigated = the first view on the fallback platform started at { $at }
md-observed-recovered = failures stopped at { $at }
md-observed-other = the data say { $at }
md-first-signal-lead = { $channel } signalled first, at { $at }, { $lead } before the team's detection.
md-first-signal = { $channel } signalled first, at { $at }.
md-tickets-peak = { $n ->
        [one] { $n } incident ticket in the { $minutes } min from { $at }
       *[other] { $n } incident tickets in the { $minutes } min from { $at }
    }
md-tickets-per-hour = { $rate } tickets per hour
md-mentions-peak = { $n ->
        [one] { $n } incident mention in the { $minutes } min from { $at }
       *[other] { $n } incident mentions in the { $minutes } min from { $at }
    }
md-sentiment = { $negative } negative, { $neutral } neutral, { $positive } positive ({ $source })
md-sentiment-provided = as given by the source
md-sentiment-lexicon = debrief's built-in French and English lexicon
md-source-not-recognised = not recognised
md-zone-file = { $zone } (in the file)
md-zone-assumed = { $zone } (event zone, assumed)
md-read-as = read as { $encoding }
# Bytes that are not UTF-8, read as Windows-1252 (the name stays as metrics.json writes it).
md-read-as-cp1252-assumed = read as windows-1252 (assumed: not UTF-8)
md-line = line { $line }: { $text }
md-segment-lead-share = { $share } of the viewers active during the incident were on { $dimension } = { $value }, and that is where the failures were:
md-segment-lead = Failures were concentrated on { $dimension } = { $value }:
md-segment-body = { $rate } of its views failed during the incident against { $elsewhere } elsewhere ({ $lift } times as often). It held { $failed } of the failed views and { $active } of the views active during the incident (one-sided z-test, p { $p }).
md-no-segment = No audience segment explains the failures: none holds at least 20 failed views and half of them with a significantly higher failure rate.
md-rule-config = the campaigns listed in [incident].email_campaigns
md-rule-automatic = campaigns whose first event falls between the impact start and two hours after recovery (no [incident].email_campaigns in the config)
md-reached-affected = The incident e-mail was delivered to { $reached } of the { $n } affected participants ({ $share }).
md-reached-registered = It was delivered to { $reached } of the { $n } registered participants ({ $share }).
md-outcome-reached = reached
md-outcome-bounced = bounced
md-outcome-blocked = blocked
md-outcome-not-sent = not sent the incident e-mail
md-outcome-no-email = no e-mail known
md-outcome-other = other
md-impact-unknown = None of the viewing exports can say that a view failed (a Zoom participants report records only who joined and left; a viewing CSV needs a failed or error column): affected participants, the affected segment, participant-minutes lost and the affected participants reached are unknown, not zero. The impact start comes from tickets, mentions and the ops log alone.
md-not-yet-sentiment = Sentiment comes from the source where it gives one, else from a small built-in French and English word list: read it as a trend, not a verdict.
mk-of-registered = of { $registered } registered ({ $share })
mk-no-registration-kept = no registration kept
mk-no-registration-export = no registration export
mk-lost-note = of the { $affected } affected participants, not watching again before the end of the event
mk-lost-unknown-failures = unknown: no viewing export can say that a view failed
mk-lost-unknown-viewing = unknown: no viewing analytics
mk-lost-unknown-window = unknown: the incident window (impact start and recovery) is not known
mk-peak-at = at { $at }, distinct participants watching
mk-no-successful-view = no successful view
mk-snapshot-peak = { $platform }'s own count: { $viewers } at { $at }
mk-minutes = { $minutes } min
mk-minutes-watched = { $minutes } minutes watched in all
mk-web-since = { $n } requests to these pages from the first communication ({ $at }) to the end of the event.
mk-web-no-pages = Web logs were read, but no page to look for: name the pages that carried the backup link in [web] pages (or [incident] backup_urls).
mk-audience-cost = For the audience, the incident cost { $minutes } participant-minutes of viewing, and { $lost } of the { $affected } affected participants never came back before the end of the event.
mk-retention-title = Retention: the share of the attendees watching, bucket by bucket
mk-web-title = The website: requests to the pages carrying the backup link
mk-campaigns-title = Every e-mail campaign: delivered (of recipients), opened and clicked (of delivered)
mk-campaign-heading-sent = { $campaign }: { $n } recipients, first sent { $at }
mk-campaign-heading = { $campaign }: { $n } recipients
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

## "Did our communication work?" (src/report/communication.rs)

cm-channel-email = e-mail
cm-channel-social = social media
cm-channel-website = website
cm-channel-support = support
cm-channel-other = other
cm-what-campaign = e-mail campaign { $campaign }
cm-what-post = post on { $network }
cm-what-post-any = post on social media
cm-updates-title = Updates to participants, by channel ({ $zone })
cm-longest-silence-label = longest silence
cm-stage-affected = affected
cm-stage-delivered = delivered the incident e-mail
cm-stage-opened = opened it
cm-stage-clicked = clicked it
cm-stage-back = watching again within 15 minutes of their click
cm-funnel-title = The affected participants, from the e-mail to watching again
cm-the-recovery-at = the recovery at { $at }
cm-longest-silence = The longest silence: { $duration }, from the update at { $from } to { $to }.
cm-return-sentence = Of the { $n } affected participants who watched again after the incident e-mail reached them, half did so within { $median } of the delivery (a quarter within { $q1 }, three quarters within { $q3 }).

## Milestone evidence as the analysis words it (src/report/model.rs)

md-ev-onset-views = failed views: first anomalous minute { $minute } ({ $failed } failures among { $active } active views against a baseline share of { $share }); onset at its earliest failure
md-ev-onset-tickets = incident-related tickets: first 5-minute window above the baseline of { $baseline } per 5 minutes opens at this ticket
md-ev-onset-mentions = incident-related mentions: first 5-minute window above the baseline of { $baseline } per 5 minutes opens at this post
md-timeline-milestone = { $label }: { $evidence }
## Charts (src/report/charts_data.rs, src/charts/)

ch-axis-local-time = local time ({ $zone })
# A tick of an axis spanning days: month and day in digits, then the clock time.
ch-tick-day = { $month }-{ $day } { $time }
ch-marker-impact = impact { $time }
ch-marker-detected = detected { $time }
ch-marker-communicated = communicated { $time }
ch-marker-mitigated = mitigated { $time }
ch-marker-recovered = recovered { $time }
ch-shade-incident = incident
ch-missing-timeline = No milestone, signal onset or fix attempt is known: there is no timeline to draw.
ch-missing-too-long = The charts' window ({ $from } to { $to }) spans more than { $days ->
        [one] { $days } day
       *[other] { $days } days
    }: check the event window and the milestones; charts drawn minute by minute are left out.
ch-why-failures-unknown = No viewing export can say that a view failed, so who was affected is unknown.
ch-why-no-viewing = No viewing analytics were supplied.
ch-why-window-ends = Both ends of the incident window (impact start and recovery) are needed.
ch-missing-audience = No successful view carries a platform and a participant: active viewers cannot be counted.
ch-missing-failures-unknown = No viewing export can say that a view failed: failed views cannot be drawn.
ch-missing-failures = No failed view: there is nothing to draw.
ch-missing-waiting-nobody = No participant was affected: nobody waited.
ch-missing-waiting = The cost of waiting cannot be drawn. { $why }
ch-missing-email = No incident e-mail was delivered, opened or clicked.
ch-missing-support = No incident-related ticket: there is nothing to draw.
ch-missing-social = No incident-related mention: there is nothing to draw.
ch-channel-mentions = social media
ch-channel-tickets = support tickets
ch-channel-viewing = player analytics
ch-channel-log = ops log start
ch-signal = { $channel } { $time }
ch-lane-detect = to detect: { $duration }
ch-lane-communicate = to communicate (from detection): { $duration }
ch-lane-mitigate = to mitigate: { $duration }
ch-lane-recover = to recover: { $duration }
ch-lane-attempt = attempt: { $text }
ch-lane-attempt-over = attempt: { $text } ({ $over } over its timebox)
ch-timeline-title = Timeline of the incident
ch-timeline-signals = Signal onsets
ch-timeline-response = The team's response
ch-timeline-attempts = Fix attempts
ch-legend-signal-onset = signal onset
ch-legend-phase = phase
ch-legend-recovery = recovery
ch-legend-attempt = fix attempt (timebox outlined)
ch-legend-overrun = over its timebox
ch-legend-incident-window = incident window
ch-audience-title = Audience: active viewers per minute, per platform
ch-audience-title-snapshots = Audience: the platforms' own counts of concurrent viewers
ch-audience-title-both = Audience: active viewers per minute, per platform, and the platforms' own counts
ch-audience-y = viewers watching
ch-platform-fallback = { $platform } (fallback)
ch-snapshot-label = { $platform }: its own count
ch-failures-title = Failed views per minute
ch-failures-title-segment = Failed views per minute: { $segment } against the rest
ch-failures-y = failed views per minute
ch-legend-elsewhere = elsewhere
ch-legend-anomalous-strip = anomalous minute (strip above)
ch-legend-anomalous = anomalous minute
ch-legend-other-minutes = other minutes
ch-waiting-title = The cost of waiting: affected participants not yet watching again
ch-waiting-y = participants waiting
ch-legend-waiting-area = area: { $total } participant-minutes lost
ch-waiting-after-recovery = The first communication ({ $time }) came after the recovery: nobody affected was still waiting for it.
ch-waiting-nobody = No affected participant was still waiting at the first communication ({ $time }).
ch-waiting-sentence = At the first communication ({ $time }), { $n ->
        [one] { $n } affected participant was
       *[other] { $n } affected participants were
    } still waiting to watch again: each minute earlier would have saved about { $n ->
        [one] { $n } participant-minute
       *[other] { $n } participant-minutes
    }.
ch-email-title = E-mail reach over time: campaign { $campaign }
ch-email-affected-title = E-mail reach among the affected participants (any incident campaign)
ch-email-y = recipients (running total)
ch-email-beyond = After the end of the chart: { $delivered } more delivered, { $opened } opened, { $clicked } clicked (not drawn).
ch-recipients = recipients
ch-delivered = delivered
ch-opened = opened
ch-clicked = clicked
ch-clicked-backup = clicked the backup link
ch-not-available = n/a
ch-funnel-title = E-mail funnel: campaign { $campaign }
# A bar of the funnel: its stage, its count and its share of the first stage.
ch-funnel-stage = { $label }: { $count } ({ $share })
ch-support-title = Support: incident tickets per { $minutes } min and the open backlog
ch-support-reply-title = First reply: median wait of the incident tickets created in each { $minutes } min
ch-support-y = incident tickets
ch-support-reply-y = minutes to the first reply
ch-legend-created-per = created per { $minutes } min
ch-legend-open = open (created minus solved, so far)
ch-social-title = Social media: incident mentions per { $minutes } min, by sentiment
ch-social-y = incident mentions per { $minutes } min
ch-sentiment-provided = sentiment as given by the source
ch-sentiment-word-list = sentiment from debrief's built-in French and English word list: a trend, not a verdict
ch-legend-negative = negative
ch-legend-neutral = neutral
ch-legend-positive = positive
ch-legend-update = an update
ch-legend-longest-silence = the longest silence
ch-legend-attendees-watching = attendees watching, per { $minutes } min
ch-retention-y = share of the attendees
ch-web-y = requests
ch-legend-requests-per = requests per { $minutes } min
ch-returns-title = Minutes from the e-mail's delivery to watching again
# As the report always wrote it, "1 affected participants" included.
ch-returns-caption = Minutes from the e-mail's delivery to watching again ({ $n } affected participants)
ch-returns-x = minutes
ch-returns-median = median { $duration }

## Comparison with a previous edition (src/report/compare.rs)

cmp-time-to-detect = Time to detect
cmp-time-to-communicate = Time to communicate
cmp-time-to-mitigate = Time to mitigate
cmp-time-to-recover = Time to recover
cmp-affected-participants = Affected participants
cmp-segment-viewer-share = Share of viewers in the affected segment
cmp-participant-minutes-lost = Participant-minutes lost
cmp-affected-reached = Affected participants reached by the incident e-mail
cmp-registered-reached = Registered participants reached by the incident e-mail
cmp-tickets-peak = Incident tickets in the peak bucket
cmp-first-reply-median = Median first reply on incident tickets
cmp-incident-mentions = Incident-related mentions
cmp-negative-mentions = Negative incident mentions
cmp-attendance-rate = Attendance rate (attended of registered)
cmp-peak-concurrent = Peak concurrent viewers
cmp-average-minutes = Average minutes watched per attendee
cmp-all-mentions = Mentions, all of them
cmp-lost-to-incident = Participants lost to the incident
cmp-not-available = n/a
# A change of a share, in percentage points: `+3.4 pts`.
cmp-points = { $value } pts
cmp-previous-name-date = { $name } ({ $date })
cmp-previous-date = the edition of { $date }
cmp-previous-unknown = the previous edition

## The event window in the report's header (src/report/model.rs)

md-window = { $date }, { $start } – { $end }
md-window-days = { $date }, { $start } – { $end_date }, { $end }

## Config warnings (src/analysis/guards.rs): the zone assumed

gr-zone-assumed = { $files }: times written without a zone were read in { $zone }, the event's zone ([event].timezone); neither the file nor a [[sources]] entry gives one. If a tool wrote them in another zone (a Zendesk account's zone, a laptop's clock), give it with a [[sources]] entry (path and timezone).
gr-zone-utc = { $files }: times written without a zone were read as UTC, because debrief.toml sets no [event].timezone: set it to the zone your tools write in (an IANA name such as America/New_York), or give each file its zone with a [[sources]] entry.

## The other config warnings (src/analysis/guards.rs)

gr-zone-tickets-before = { $file } reads { $hours ->
        [one] 1 hour
       *[other] { $hours } hours
    } before { $other } for the same tickets ({ $n } of their creation and solve times compared): its times may be in { $candidate } rather than { $zone }, the zone they were read in. A Zendesk admin CSV is written in the account's zone: give it with a [[sources]] entry (path = "{ $file }", timezone = "{ $name }").
gr-zone-tickets-after = { $file } reads { $hours ->
        [one] 1 hour
       *[other] { $hours } hours
    } after { $other } for the same tickets ({ $n } of their creation and solve times compared): its times may be in { $candidate } rather than { $zone }, the zone they were read in. A Zendesk admin CSV is written in the account's zone: give it with a [[sources]] entry (path = "{ $file }", timezone = "{ $name }").
gr-zone-moment-before = { $file } reads { $hours ->
        [one] 1 hour
       *[other] { $hours } hours
    } before the other exports around the incident ({ $what } at { $at } against { $reference } at { $reference_at }, { $zone }): its times may be in { $candidate } rather than { $zone }. If the team works in that zone, set [event].timezone to it; otherwise give this file its zone with a [[sources]] entry (path = "{ $file }", timezone = "{ $name }").
gr-zone-moment-after = { $file } reads { $hours ->
        [one] 1 hour
       *[other] { $hours } hours
    } after the other exports around the incident ({ $what } at { $at } against { $reference } at { $reference_at }, { $zone }): its times may be in { $candidate } rather than { $zone }. If the team works in that zone, set [event].timezone to it; otherwise give this file its zone with a [[sources]] entry (path = "{ $file }", timezone = "{ $name }").
gr-candidate-named = { $zone } (UTC{ $offset } then)
gr-candidate-offset = a zone at UTC{ $offset }
gr-moment-first-failed-views = the first failed views
gr-moment-first-incident-tickets = the first incident tickets
gr-moment-first-incident-mentions = the first incident mentions
gr-moment-its-start-entry = its start entry
gr-moment-its-detection-entry = its detection entry
gr-moment-its-first-failed-views = its first failed views
gr-moment-its-first-incident-tickets = its first incident tickets
gr-moment-its-first-incident-mentions = its first incident mentions
gr-did-you-mean = (did you mean '{ $value }'?)
gr-listed = '{ $value }' ({ $detail })
gr-and-more = and { $n } more
gr-no-campaign = The e-mail exports name no campaign at all: the incident e-mail cannot be told from the others.
gr-first-sent = first sent { $at }
gr-no-time = no time
gr-campaigns-are = Campaigns in the e-mail exports ({ $zone }): { $list }.
gr-campaign-unknown = [incident].email_campaigns lists '{ $value }', which is no campaign of the e-mail exports{ $mean }: its reach is not measured. { $what }
gr-no-tags = The ticket exports carry no tags at all.
gr-tickets = { $n ->
        [one] { $n } ticket
       *[other] { $n } tickets
    }
gr-tags-are = Most used tags: { $list }.
gr-tag-unknown = [incident].ticket_tags lists '{ $value }', which no ticket carries{ $mean }: tickets count as incident-related by [incident].keywords alone. { $what }
gr-clicks = { $n } clicks
gr-requests = { $n } requests
gr-most-clicked = Most clicked in the e-mails: { $list }.
gr-most-requested = Most requested on the website: { $list }.
gr-url-unknown = [incident].backup_urls lists '{ $value }', which no clicked link and no web request contains: backup-link clicks are not counted. { $what }
gr-no-platform = The viewing exports name no platform.
gr-views = { $n } views
gr-platforms-are = Platforms in the viewing exports: { $list }.
gr-platform-unknown = [incident].fallback_platforms lists '{ $value }', which is no platform of the viewing exports{ $mean }: the switch to the fallback cannot be seen in the data. { $what }
gr-handle-unknown = [org].social_handles lists '{ $value }', which wrote none of the { $posts } posts of the mention exports ({ $authors } authors): the organisation's posts, if any are there, count as mentions and not as communication. Write the handle as the exports do (case and a leading @ do not matter).

## Ingest's reasons (src/ingest/, src/timeutil.rs): why a file or a row was not used, and the
## warnings on rows read, in the data-quality table. metrics.json and `debrief check` write
## them in English. $field is a column or key as the file names it, $value a cell as written
## (both as they are, in every language); $error is another library's message (English).

# A reason about a field or at a place: the prefix, then the inner reason ($reason).
in-field = { $field }: { $reason }
in-at = { $place }: { $reason }
# Two problems of one file, one after the other.
in-then = { $first }; { $next }
# Places in a file: an item of a JSON array (the document's own, or a named one), the one
# record of a document, a line; $outer then $inner for an array inside a line.
in-place-record-item = record[{ $index }]
in-place-item = { $array }[{ $index }]
in-place-document = record { $index }
in-place-line = line { $line }
in-place-within = { $outer } { $inner }

# What is wrong with a field's value.
in-missing = missing
in-empty = empty
in-missing-or-not-a-number = missing or not a number
in-missing-and-no = missing (and no { $other })
in-not-a-date = not a date: '{ $value }'
in-not-a-number = not a number: '{ $value }'
in-not-a-boolean = not a boolean: '{ $value }'
in-not-a-count = not a count: '{ $value }'
in-not-a-viewer-count = not a viewer count: '{ $value }'
in-before = before { $other }
in-before-as-written = before { $other } ({ $end } < { $start })
in-not-one-of = '{ $value }' is not one of { $list }
in-not-unix-seconds = { $value } is not unix seconds between 2000 and 2100
in-not-epoch = { $value } is neither unix seconds nor milliseconds between 2000 and 2100
in-unknown-event = unknown { $vendor } event '{ $value }'
in-no-canonical-event = '{ $value }' has no canonical e-mail event (docs/definitions.md, Reach)
in-not-attendee-number = '{ $value }' is not an attendee number (spreadsheet notation?)
in-not-ticket-id-notation = '{ $value }' is not a ticket id (spreadsheet notation?)
in-not-ticket-id-number = '{ $value }' is not a ticket id (a spreadsheet may have turned it into a number)
in-not-live = absent (the stream was not live at that time)
in-outside-years = '{ $value }' is outside the years 2000-2099

# What is wrong with a record.
in-brevo-no-time = ts_epoch, ts_event, ts and date: all missing
in-not-attended = not a viewing session: the registrant did not attend (Attended = No)
in-no-event-data = no 'event-data' in this webhook
in-no-ticket = no 'ticket' or 'tickets' in this line
in-feed-no-post = feed item without 'post'
in-not-object = not a JSON object
in-invalid-json = not valid JSON: { $error }
in-ragged = { $fields } fields where the header has { $width }
in-unreadable-record = unreadable CSV record: { $error }
in-unterminated-quote = unterminated quote: this record's quoted field runs to the end of the file
in-inside-unterminated = inside the unterminated quote opened on line { $line }

# Local times on a DST change ($local as written, $zone an IANA name, $offset like +02:00,
# $at a local time with its offset), and durations (the ops log's timebox).
in-dst-twice = { $local } happens twice in { $zone }; read as { $offset }
in-dst-gap = { $local } never happens in { $zone } (the clocks jump forward); read as { $at }
in-dst-twice-refused = local time { $local } happens twice in { $zone } (the clocks go back); write it with an offset
in-dst-gap-refused = local time { $local } does not exist in { $zone } (the clocks jump forward); write it with an offset
in-local-time-not-exist = local time { $local } does not exist in { $zone }
in-empty-duration = empty duration
in-not-a-duration = not a duration: '{ $value }' (use forms like 10m, 90s, 1h30m)
in-duration-too-large = not a duration: '{ $value }' (too large)
in-duration-no-unit = not a duration: '{ $value }' (a unit h, m or s is required, e.g. 10m)

# Why a file was not used.
in-cannot-read = cannot read: { $error }
in-unknown-format = [[sources]] names format '{ $name }', which is not one of: { $known }
in-no-table = no table of the recognised format in this file
in-columnar-failed = { $format } could not be read: { $error } (a bug in debrief: please report it)
# $format and $table are names (mux-views-csv, viewing); $missing and $found list fields.
in-not-recognised-nearest = format not recognised; nearest is { $format } ({ $table }), which needs { $missing } (found: { $found }). Map it with [[sources]] in debrief.toml
in-not-recognised-nearest-advice = format not recognised; nearest is { $format } ({ $table }), which needs { $missing } (found: { $found }); { $advice }. Map it with [[sources]] in debrief.toml
in-not-recognised = format not recognised: it shares no field name with any known format (found: { $found }). Map it with [[sources]] in debrief.toml
in-found-none = none
in-found-more = { $names }, and { $n } more
in-advice-x-request = request it with tweet.fields=created_at,public_metrics&expansions=author_id&user.fields=public_metrics
in-missing-columns = missing column(s) { $missing }; the file has: { $headers }
in-mapping-unknown-field = [[sources]] columns: '{ $field }' is not a field of this format; its fields are { $fields }
in-mapping-no-column = [[sources]] columns: { $field } = '{ $header }' is not a column of this file; it has: { $headers }
in-missing-fields = missing column(s) for { $missing }; the file has: { $headers }. Map them with [[sources]] columns in debrief.toml
in-expected-csv = expected a CSV file
in-expected-json = expected JSON, found CSV
in-expected-document = expected one JSON document
in-expected-document-with = expected one JSON document with '{ $field }', found one object per line
in-not-an-array = '{ $field }' is not an array
in-json-neither = the JSON document is neither an object nor an array of objects
in-empty-file = empty file
in-empty-file-zero = empty file (0 bytes)
in-empty-file-blank = empty file (only blank space)
in-x-archive-no-bracket = an X archive file with no '[' after its assignment
in-binary = binary file ({ $kind }), not a text export; for .xlsx, save it as CSV
in-binary-zip = a zip archive, as an .xlsx workbook is
in-binary-empty-zip = an empty zip archive
in-binary-ole2 = an OLE2 document, as an .xls workbook is
in-binary-png = a PNG image
in-binary-jpeg = a JPEG image
in-binary-gif = a GIF image
in-binary-pdf = a PDF document
in-binary-gzip = a gzip archive
in-binary-7z = a 7-Zip archive
in-binary-nul = NUL bytes: not text, or UTF-16 text without its byte-order mark
in-utf16-odd = UTF-16 file with an odd number of bytes: truncated?
in-utf16-invalid = UTF-16 file with invalid characters
in-truncated-json = truncated JSON: the file ends inside a value (line { $line }, column { $column })
in-invalid-json-at = not valid JSON at line { $line }, column { $column }: { $error }
in-unreadable-header = unreadable header: { $error }

# Warnings about a whole file.
in-sendgrid-millis = { $n ->
        [one] { $n } event has its timestamp in milliseconds, where SendGrid documents seconds: read by its magnitude
       *[other] { $n } events have their timestamp in milliseconds, where SendGrid documents seconds: read by their magnitude
    }
in-cloudflare-no-path = no request path in this log: the web figures need ClientRequestPath or ClientRequestURI among the Logpush job's fields
in-x-lacks = this X API v2 response lacks { $fields }: { $consequence }; { $advice }
in-x-lacks-time = its posts cannot be placed in time
in-x-lacks-details = authors, followers or engagement are unknown
