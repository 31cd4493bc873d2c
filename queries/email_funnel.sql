-- Per incident e-mail campaign: distinct recipients at each canonical event, backup-link clicks, first event.
SELECT campaign,
       MIN("at") AS first_event_at,
       COUNT(DISTINCT recipient) AS recipients,
       COUNT(DISTINCT CASE WHEN event = 'delivered' THEN recipient ELSE NULL END) AS delivered,
       COUNT(DISTINCT CASE WHEN event = 'bounced' THEN recipient ELSE NULL END) AS bounced,
       COUNT(DISTINCT CASE WHEN event = 'blocked' THEN recipient ELSE NULL END) AS blocked,
       COUNT(DISTINCT CASE WHEN event = 'deferred' THEN recipient ELSE NULL END) AS deferred,
       COUNT(DISTINCT CASE WHEN event = 'opened' THEN recipient ELSE NULL END) AS opened,
       COUNT(DISTINCT CASE WHEN event = 'clicked' THEN recipient ELSE NULL END) AS clicked,
       COUNT(DISTINCT CASE WHEN event = 'complained' THEN recipient ELSE NULL END) AS complained,
       COUNT(DISTINCT CASE WHEN event = 'unsubscribed' THEN recipient ELSE NULL END) AS unsubscribed,
       COUNT(DISTINCT CASE WHEN event = 'clicked' AND backup_url THEN recipient ELSE NULL END) AS backup_clicks
FROM incident_email
GROUP BY campaign
ORDER BY campaign
