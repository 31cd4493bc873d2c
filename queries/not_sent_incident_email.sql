-- Registered participants (cancelled registrations excluded) among no incident campaign's recipients although an e-mail of another campaign was delivered to them: left off the incident send.
SELECT COUNT(DISTINCT r.participant) AS not_sent
FROM (SELECT DISTINCT participant FROM registrations WHERE participant IS NOT NULL AND COALESCE(status, '') <> 'cancelled') AS r
JOIN (SELECT DISTINCT recipient FROM email WHERE event = 'delivered') AS d ON r.participant = d.recipient
LEFT JOIN (SELECT DISTINCT recipient FROM incident_email) AS i ON r.participant = i.recipient
WHERE i.recipient IS NULL
