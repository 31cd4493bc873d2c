-- Affected participants delivered at least one incident campaign e-mail.
SELECT COUNT(DISTINCT a.participant) AS reached
FROM affected a JOIN incident_email e ON a.participant = e.recipient
WHERE e.event = 'delivered'
