-- The 5 mentions with the most engagements (likes + reposts + replies + quotes), incident-related or not; ties by time, then post id.
-- Post ids are compared by length first: pseudonyms ("post 9" before "post 10") and numeric ids sort as numbers.
SELECT "at", network, author, post_id, text,
       COALESCE(likes, 0) + COALESCE(reposts, 0) + COALESCE(replies, 0) + COALESCE(quotes, 0) AS engagements
FROM mentions
WHERE NOT own
ORDER BY engagements DESC, "at", LENGTH(post_id), post_id, network, author, text
LIMIT 5
