-- Text and provided sentiment of the incident-related mentions, for the sentiment counts.
SELECT text, sentiment FROM mentions WHERE incident ORDER BY at, post_id
