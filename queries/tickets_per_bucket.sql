-- Tickets created per report bucket (aligned to the UTC epoch): all of them and the incident-related ones.
SELECT bucket, COUNT(*) AS tickets, SUM(CASE WHEN incident THEN 1 ELSE 0 END) AS incident
FROM tickets
GROUP BY bucket
ORDER BY bucket
