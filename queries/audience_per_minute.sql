-- Active viewers per platform and UTC minute, as changes: the distinct participants whose successful views there cover a minute (a participant's overlapping views merged into one run) start (+) or stop (-) being counted; summed in order they give each minute's viewers.
-- audience_runs holds those runs (platform, s, e: first and last minute), one per participant and platform stretch of covered minutes: the successful views with a participant, a platform and end_minute >= start_minute, sorted by (platform, participant, start_minute, end_minute), a view opening a new run when it starts after every earlier view of the same participant there ended (src/analysis/engagement.rs, merged_runs).
WITH audience_edges AS (
  SELECT platform, s AS minute, 1 AS delta FROM audience_runs
  UNION ALL
  SELECT platform, e + 60000 AS minute, -1 AS delta FROM audience_runs
)
SELECT platform, minute, SUM(delta) AS delta
FROM audience_edges
GROUP BY platform, minute
ORDER BY platform, minute
