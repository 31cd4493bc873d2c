-- Social totals: all mentions, incident-related ones, their potential reach, impressions and engagements.
-- The organisation's own posts are communication, not mentions (docs/definitions.md): they count in none.
SELECT COUNT(*) AS mentions,
       COALESCE(SUM(CASE WHEN incident THEN 1 ELSE 0 END), 0) AS incident_related,
       SUM(CASE WHEN incident THEN followers ELSE NULL END) AS potential_reach,
       SUM(CASE WHEN incident THEN impressions ELSE NULL END) AS impressions,
       SUM(CASE WHEN incident THEN COALESCE(likes, 0) + COALESCE(reposts, 0) + COALESCE(replies, 0) + COALESCE(quotes, 0) ELSE NULL END) AS engagements
FROM mentions
WHERE NOT own
