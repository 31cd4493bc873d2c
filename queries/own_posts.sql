-- Incident-related posts of the organisation's own accounts, with impressions and engagements.
SELECT "at", post_id, network, author, text, impressions,
       COALESCE(likes, 0) + COALESCE(reposts, 0) + COALESCE(replies, 0) + COALESCE(quotes, 0) AS engagements
FROM mentions
WHERE own AND incident
ORDER BY "at", post_id
