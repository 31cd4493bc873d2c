-- Views ended per UTC minute; with view_starts_per_minute it gives the views active in each minute.
SELECT end_minute AS minute, COUNT(*) AS views
FROM viewing
GROUP BY end_minute
ORDER BY minute
