-- Each affected participant (a failed view whose failure instant is in the incident window): first failure in the window, and the start of their next successful view.
WITH affected_first_failures AS (
  SELECT participant, MIN(CAST(ended_at AS BIGINT)) AS first_failure
  FROM window_views
  WHERE failed_in_window AND participant IS NOT NULL
  GROUP BY participant
),
later AS (
  SELECT a.participant, MIN(CAST(v.started_at AS BIGINT)) AS next_success
  FROM affected_first_failures a JOIN viewing v ON a.participant = v.participant
  WHERE NOT v.failed AND CAST(v.started_at AS BIGINT) > a.first_failure
  GROUP BY a.participant
)
SELECT a.participant, a.first_failure, l.next_success
FROM affected_first_failures a LEFT JOIN later l ON a.participant = l.participant
ORDER BY a.participant
