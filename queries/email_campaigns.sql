-- Per e-mail campaign: first event, first delivery and distinct recipients.
SELECT campaign,
       MIN("at") AS first_event_at,
       MIN(CASE WHEN event = 'delivered' THEN "at" ELSE NULL END) AS first_delivered_at,
       COUNT(DISTINCT recipient) AS recipients
FROM email
WHERE campaign IS NOT NULL
GROUP BY campaign
ORDER BY campaign
