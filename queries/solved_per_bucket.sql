-- Incident-related tickets solved per report bucket of their solved instant; with support_per_bucket it gives the open backlog (created minus solved, so far).
SELECT solved_bucket AS bucket, COUNT(*) AS solved
FROM tickets
WHERE incident AND solved_bucket IS NOT NULL
GROUP BY solved_bucket
ORDER BY bucket
