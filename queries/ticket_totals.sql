-- Ticket totals: all tickets, incident-related ones, and the first agent reply on an incident-related ticket.
SELECT COUNT(*) AS total,
       COALESCE(SUM(CASE WHEN incident THEN 1 ELSE 0 END), 0) AS incident_related,
       MIN(CASE WHEN incident THEN first_reply_at ELSE NULL END) AS first_incident_reply_at
FROM tickets
