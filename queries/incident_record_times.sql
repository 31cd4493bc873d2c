-- Instants of the incident-related tickets and mentions (not the organisation's own posts), for the
-- onset test (docs/definitions.md).
SELECT 'tickets' AS signal, created_at AS "at" FROM tickets WHERE incident
UNION ALL
SELECT 'mentions' AS signal, "at" FROM mentions WHERE incident AND NOT own
ORDER BY signal, "at"
