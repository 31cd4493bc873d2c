-- Views active in the incident window and views that failed in it, per value of each viewing dimension (isp, asn, country, device, os, browser, cdn, platform).
SELECT 'isp' AS dimension, isp AS value, COUNT(*) AS active, SUM(CASE WHEN failed_in_window THEN 1 ELSE 0 END) AS failed FROM window_views WHERE isp IS NOT NULL GROUP BY isp
UNION ALL
SELECT 'asn' AS dimension, asn AS value, COUNT(*) AS active, SUM(CASE WHEN failed_in_window THEN 1 ELSE 0 END) AS failed FROM window_views WHERE asn IS NOT NULL GROUP BY asn
UNION ALL
SELECT 'country' AS dimension, country AS value, COUNT(*) AS active, SUM(CASE WHEN failed_in_window THEN 1 ELSE 0 END) AS failed FROM window_views WHERE country IS NOT NULL GROUP BY country
UNION ALL
SELECT 'device' AS dimension, device AS value, COUNT(*) AS active, SUM(CASE WHEN failed_in_window THEN 1 ELSE 0 END) AS failed FROM window_views WHERE device IS NOT NULL GROUP BY device
UNION ALL
SELECT 'os' AS dimension, os AS value, COUNT(*) AS active, SUM(CASE WHEN failed_in_window THEN 1 ELSE 0 END) AS failed FROM window_views WHERE os IS NOT NULL GROUP BY os
UNION ALL
SELECT 'browser' AS dimension, browser AS value, COUNT(*) AS active, SUM(CASE WHEN failed_in_window THEN 1 ELSE 0 END) AS failed FROM window_views WHERE browser IS NOT NULL GROUP BY browser
UNION ALL
SELECT 'cdn' AS dimension, cdn AS value, COUNT(*) AS active, SUM(CASE WHEN failed_in_window THEN 1 ELSE 0 END) AS failed FROM window_views WHERE cdn IS NOT NULL GROUP BY cdn
UNION ALL
SELECT 'platform' AS dimension, platform AS value, COUNT(*) AS active, SUM(CASE WHEN failed_in_window THEN 1 ELSE 0 END) AS failed FROM window_views WHERE platform IS NOT NULL GROUP BY platform
