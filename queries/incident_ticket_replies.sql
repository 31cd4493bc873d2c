-- Creation and first reply instants of incident-related tickets, for the first-reply percentiles.
SELECT created_at, first_reply_at FROM tickets WHERE incident AND first_reply_at IS NOT NULL ORDER BY created_at
