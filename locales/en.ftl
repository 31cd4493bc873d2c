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
