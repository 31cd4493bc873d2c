-- Affected participants by what happened to the incident e-mail: reached (delivered), bounced, blocked, other (sent, never delivered) or no e-mail known (not among the recipients).
SELECT reason, COUNT(*) AS participants FROM (
  SELECT a.participant,
         CASE WHEN SUM(CASE WHEN e.event = 'delivered' THEN 1 ELSE 0 END) > 0 THEN 'reached'
              WHEN SUM(CASE WHEN e.event = 'bounced' THEN 1 ELSE 0 END) > 0 THEN 'bounced'
              WHEN SUM(CASE WHEN e.event = 'blocked' THEN 1 ELSE 0 END) > 0 THEN 'blocked'
              WHEN COUNT(e.event) = 0 THEN 'no e-mail known'
              ELSE 'other' END AS reason
  FROM affected a LEFT JOIN incident_email e ON a.participant = e.recipient
  GROUP BY a.participant
) AS per_participant
GROUP BY reason
ORDER BY reason
