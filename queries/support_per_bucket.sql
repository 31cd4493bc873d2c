-- Incident-related tickets per report bucket of their creation: created, answered, and the median first-reply wait in seconds (nearest rank) of those created in the bucket.
SELECT bucket,
       COUNT(*) AS created,
       COUNT(first_reply_at) AS replied,
       QUANTILE_DISC((CAST(first_reply_at AS BIGINT) - CAST(created_at AS BIGINT)) / 1000, 0.5) AS median_reply_s
FROM tickets
WHERE incident AND bucket IS NOT NULL
GROUP BY bucket
ORDER BY bucket
