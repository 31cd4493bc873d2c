-- The cost of waiting: each affected participant waits from their first failure to the earlier of their next successful view and recovery. Per UTC minute, the waits that begin (+1) or end (-1) in it, and the milliseconds from each of those instants to the minute's end: with the waits open at the minute's start they give the participant-minutes lost in the minute.
WITH waiting_waits AS (
  SELECT a.first_failure AS from_ms,
         CASE WHEN a.next_success IS NOT NULL AND a.next_success < w.recovered_at
              THEN a.next_success ELSE w.recovered_at END AS to_ms
  FROM affected a CROSS JOIN incident_window w
),
waiting_edges AS (
  SELECT from_ms AS "at", 1 AS delta FROM waiting_waits
  UNION ALL
  SELECT to_ms AS "at", -1 AS delta FROM waiting_waits
)
SELECT "at" - "at" % 60000 AS minute,
       SUM(delta) AS delta,
       SUM(delta * ("at" - "at" % 60000 + 60000 - "at")) AS rest_ms
FROM waiting_edges
GROUP BY "at" - "at" % 60000
ORDER BY minute
