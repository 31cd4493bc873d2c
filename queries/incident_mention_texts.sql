-- Text, provided sentiment and report bucket of the incident-related mentions (not own posts), for the sentiment counts.
SELECT text, sentiment, bucket FROM mentions WHERE incident AND NOT own ORDER BY "at", post_id
