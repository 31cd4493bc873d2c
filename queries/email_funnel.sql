-- Per incident e-mail campaign: distinct recipients at each canonical event, backup-link clicks, first event.
SELECT campaign,
       MIN("at") AS first_event_at,
       COUNT(DISTINCT recipient) AS recipients,
       COUNT(DISTINCT recipient) FILTER (WHERE event = 'delivered') AS delivered,
       COUNT(DISTINCT recipient) FILTER (WHERE event = 'bounced') AS bounced,
       COUNT(DISTINCT recipient) FILTER (WHERE event = 'blocked') AS blocked,
       COUNT(DISTINCT recipient) FILTER (WHERE event = 'deferred') AS deferred,
       COUNT(DISTINCT recipient) FILTER (WHERE event = 'opened') AS opened,
       COUNT(DISTINCT recipient) FILTER (WHERE event = 'clicked') AS clicked,
       COUNT(DISTINCT recipient) FILTER (WHERE event = 'complained') AS complained,
       COUNT(DISTINCT recipient) FILTER (WHERE event = 'unsubscribed') AS unsubscribed,
       COUNT(DISTINCT recipient) FILTER (WHERE event = 'clicked' AND backup_url) AS backup_clicks
FROM incident_email
GROUP BY campaign
ORDER BY campaign
