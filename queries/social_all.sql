-- Social totals over all mentions, incident-related or not (the organisation's own posts excluded): potential reach and engagements.
SELECT COUNT(*) AS mentions,
       SUM(followers) AS potential_reach,
       SUM(COALESCE(likes, 0) + COALESCE(reposts, 0) + COALESCE(replies, 0) + COALESCE(quotes, 0)) AS engagements
FROM mentions
WHERE NOT own
