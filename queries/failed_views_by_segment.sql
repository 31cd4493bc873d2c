-- Failed views per UTC minute of their failure instant, inside the affected segment and outside it (segment_viewing: the viewing table with its in_segment flag).
SELECT end_minute AS minute,
       SUM(CASE WHEN in_segment THEN 1 ELSE 0 END) AS segment,
       SUM(CASE WHEN in_segment THEN 0 ELSE 1 END) AS rest
FROM segment_viewing
WHERE failed AND end_minute IS NOT NULL
GROUP BY end_minute
ORDER BY minute
