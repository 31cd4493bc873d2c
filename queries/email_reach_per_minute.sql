-- Incident e-mail reach over time: per campaign and UTC minute, the recipients delivered, opened and clicked for the first time; their running sums are each campaign's reach at each minute.
WITH campaign_firsts AS (
  SELECT campaign, event, recipient, MIN(CAST("at" AS BIGINT)) AS "at"
  FROM incident_email
  WHERE event IN ('delivered', 'opened', 'clicked') AND recipient IS NOT NULL AND "at" IS NOT NULL
  GROUP BY campaign, event, recipient
)
SELECT campaign, "at" - "at" % 60000 AS minute,
       SUM(CASE WHEN event = 'delivered' THEN 1 ELSE 0 END) AS delivered,
       SUM(CASE WHEN event = 'opened' THEN 1 ELSE 0 END) AS opened,
       SUM(CASE WHEN event = 'clicked' THEN 1 ELSE 0 END) AS clicked
FROM campaign_firsts
GROUP BY campaign, "at" - "at" % 60000
ORDER BY campaign, minute
