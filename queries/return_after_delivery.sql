-- Affected participants delivered an incident e-mail: milliseconds from their first delivery to the start of their first successful view after it (reach.return_after_delivery_median_s).
-- (The alias d is avoided: polars SQL 0.55 fails to resolve "d.column" in a grouped join.)
WITH delivered AS (
  SELECT a.participant, MIN(CAST(e.at AS BIGINT)) AS first_delivery
  FROM affected a JOIN incident_email e ON a.participant = e.recipient
  WHERE e.event = 'delivered'
  GROUP BY a.participant
),
back AS (
  SELECT dl.participant, dl.first_delivery, MIN(CAST(v.started_at AS BIGINT)) AS view_start
  FROM delivered dl JOIN viewing v ON dl.participant = v.participant
  WHERE NOT v.failed AND CAST(v.started_at AS BIGINT) > dl.first_delivery
  GROUP BY dl.participant, dl.first_delivery
)
SELECT participant, view_start - first_delivery AS wait_ms
FROM back
ORDER BY wait_ms, participant
