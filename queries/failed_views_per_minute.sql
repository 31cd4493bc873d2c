-- Failed views per UTC minute of their failure instant (a failed view fails when it ends), with the earliest failure instant of each minute.
SELECT end_minute AS minute, COUNT(*) AS failed, MIN(ended_at) AS first_failure
FROM viewing
WHERE failed
GROUP BY end_minute
ORDER BY minute
