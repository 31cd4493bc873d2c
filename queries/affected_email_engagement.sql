-- Affected participants who opened, and who clicked, an incident campaign e-mail (distinct), for reach.affected_opened and affected_clicked.
SELECT e.event AS event, COUNT(DISTINCT a.participant) AS participants
FROM affected a JOIN incident_email e ON a.participant = e.recipient
WHERE e.event IN ('opened', 'clicked')
GROUP BY e.event
ORDER BY event
