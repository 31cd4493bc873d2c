-- Distinct registered participants (cancelled registrations excluded), and how many an incident e-mail was delivered to.
SELECT COUNT(DISTINCT r.participant) AS registered,
       COUNT(DISTINCT d.recipient) AS reached
FROM (SELECT participant FROM registrations WHERE participant IS NOT NULL AND COALESCE(status, '') <> 'cancelled') AS r
LEFT JOIN (SELECT DISTINCT recipient FROM incident_email WHERE event = 'delivered') AS d ON r.participant = d.recipient
