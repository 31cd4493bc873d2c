-- Instants of the incident-related tickets and mentions, for the onset test of metrics.md.
SELECT 'tickets' AS signal, created_at AS at FROM tickets WHERE incident
UNION ALL
SELECT 'mentions' AS signal, at FROM mentions WHERE incident
ORDER BY signal, at
