-- Incident e-mail reach of the affected participants over time: per UTC minute, the affected participants first delivered, opened and clicked an incident campaign e-mail (any campaign).
WITH affected_firsts AS (
  SELECT e.event, e.recipient, MIN(CAST(e.at AS BIGINT)) AS "at"
  FROM incident_email e JOIN affected a ON a.participant = e.recipient
  WHERE e.event IN ('delivered', 'opened', 'clicked') AND e.at IS NOT NULL
  GROUP BY e.event, e.recipient
)
SELECT "at" - "at" % 60000 AS minute,
       SUM(CASE WHEN event = 'delivered' THEN 1 ELSE 0 END) AS delivered,
       SUM(CASE WHEN event = 'opened' THEN 1 ELSE 0 END) AS opened,
       SUM(CASE WHEN event = 'clicked' THEN 1 ELSE 0 END) AS clicked
FROM affected_firsts
GROUP BY "at" - "at" % 60000
ORDER BY minute
