-- Affected participants whose first successful view after their first failure started within 15 minutes after their first click on a backup URL (reach.returned_after_click).
WITH clicks AS (
  SELECT recipient, MIN(CAST("at" AS BIGINT)) AS first_click
  FROM incident_email
  WHERE event = 'clicked' AND backup_url
  GROUP BY recipient
)
SELECT COUNT(*) AS returned
FROM affected a JOIN clicks c ON a.participant = c.recipient
WHERE a.next_success IS NOT NULL AND a.next_success >= c.first_click AND a.next_success < c.first_click + 900000
