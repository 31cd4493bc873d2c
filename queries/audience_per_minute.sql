-- Active viewers per platform and UTC minute, as changes: the distinct participants whose successful views there cover a minute (a participant's overlapping views merged into one run) start (+) or stop (-) being counted; summed in order they give each minute's viewers.
WITH audience_ok AS (
  SELECT platform, participant, start_minute AS s, end_minute AS e
  FROM viewing
  WHERE NOT failed AND participant IS NOT NULL AND platform IS NOT NULL
    AND start_minute IS NOT NULL AND end_minute IS NOT NULL AND end_minute >= start_minute
),
audience_reach AS (
  SELECT platform, participant, s, e,
         MAX(e) OVER (PARTITION BY platform, participant ORDER BY s, e) AS reach
  FROM audience_ok
),
audience_previous AS (
  SELECT platform, participant, s, e,
         LAG(reach) OVER (PARTITION BY platform, participant ORDER BY s, e) AS before
  FROM audience_reach
),
audience_flagged AS (
  SELECT platform, participant, s, e,
         CASE WHEN before IS NULL OR s > before THEN 1 ELSE 0 END AS fresh
  FROM audience_previous
),
audience_numbered AS (
  SELECT platform, participant, s, e,
         SUM(fresh) OVER (PARTITION BY platform, participant ORDER BY s, e) AS run
  FROM audience_flagged
),
audience_runs AS (
  SELECT platform, participant, run, MIN(s) AS s, MAX(e) AS e
  FROM audience_numbered
  GROUP BY platform, participant, run
),
audience_edges AS (
  SELECT platform, s AS minute, 1 AS delta FROM audience_runs
  UNION ALL
  SELECT platform, e + 60000 AS minute, -1 AS delta FROM audience_runs
)
SELECT platform, minute, SUM(delta) AS delta
FROM audience_edges
GROUP BY platform, minute
ORDER BY platform, minute
