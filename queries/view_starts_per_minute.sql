-- Views started per UTC minute; with view_ends_per_minute it gives the views active in each minute.
SELECT start_minute AS minute, COUNT(*) AS views
FROM viewing
GROUP BY start_minute
ORDER BY minute
