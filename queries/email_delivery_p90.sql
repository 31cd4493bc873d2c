-- Per incident campaign: the instant 90% of its eventually-delivered recipients had been delivered (nearest rank over each recipient's first delivery).
SELECT campaign, QUANTILE_DISC(first_delivery, 0.9) AS p90_delivered_at
FROM (
  SELECT campaign, recipient, MIN(CAST("at" AS BIGINT)) AS first_delivery
  FROM incident_email
  WHERE event = 'delivered' AND recipient IS NOT NULL
  GROUP BY campaign, recipient
) AS firsts
GROUP BY campaign
ORDER BY campaign
