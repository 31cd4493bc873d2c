-- Affected participants by what happened to the incident e-mail: reached (delivered), bounced, blocked, other (sent, never delivered), not sent the incident e-mail (not among its recipients, though another campaign's e-mail was delivered to them) or no e-mail known (no e-mail delivered to them at all).
SELECT reason, COUNT(*) AS participants FROM (
  SELECT a.participant,
         CASE WHEN SUM(CASE WHEN e.event = 'delivered' THEN 1 ELSE 0 END) > 0 THEN 'reached'
              WHEN SUM(CASE WHEN e.event = 'bounced' THEN 1 ELSE 0 END) > 0 THEN 'bounced'
              WHEN SUM(CASE WHEN e.event = 'blocked' THEN 1 ELSE 0 END) > 0 THEN 'blocked'
              WHEN COUNT(e.event) = 0 AND COUNT(o.recipient) > 0 THEN 'not sent the incident e-mail'
              WHEN COUNT(e.event) = 0 THEN 'no e-mail known'
              ELSE 'other' END AS reason
  FROM affected a
  LEFT JOIN incident_email e ON a.participant = e.recipient
  LEFT JOIN (SELECT DISTINCT recipient FROM email WHERE event = 'delivered') AS o ON a.participant = o.recipient
  GROUP BY a.participant
) AS per_participant
GROUP BY reason
ORDER BY reason
