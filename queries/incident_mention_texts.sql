-- Text and provided sentiment of the incident-related mentions (not own posts), for the sentiment counts.
SELECT text, sentiment FROM mentions WHERE incident AND NOT own ORDER BY at, post_id
