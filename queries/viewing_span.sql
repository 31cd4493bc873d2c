-- First and last viewing instant: the event window when the config gives none.
SELECT MIN(started_at) AS first_at, MAX(ended_at) AS last_at, COUNT(*) AS views FROM viewing
