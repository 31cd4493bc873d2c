-- Social mentions per report bucket (aligned to the UTC epoch): all of them and the incident-related ones;
-- the organisation's own posts are not mentions.
SELECT bucket, COUNT(*) AS mentions, SUM(CASE WHEN incident THEN 1 ELSE 0 END) AS incident
FROM mentions
WHERE NOT own
GROUP BY bucket
ORDER BY bucket
