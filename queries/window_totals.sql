-- All views active in the incident window, and those that failed in it.
SELECT COUNT(*) AS active, COALESCE(SUM(CASE WHEN failed_in_window THEN 1 ELSE 0 END), 0) AS failed FROM window_views
