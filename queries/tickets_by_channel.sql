-- Incident-related tickets per channel (Zendesk via.channel).
SELECT COALESCE(channel, 'unknown') AS channel, COUNT(*) AS tickets
FROM tickets
WHERE incident
GROUP BY COALESCE(channel, 'unknown')
ORDER BY channel
