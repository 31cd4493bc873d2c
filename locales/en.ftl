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
