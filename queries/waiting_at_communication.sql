-- Affected participants still waiting (first failure passed, next successful view and recovery not yet) at the first communication.
SELECT COUNT(*) AS waiting
FROM affected a CROSS JOIN incident_window w CROSS JOIN first_communication c
WHERE a.first_failure <= c.at
  AND c.at < w.recovered_at
  AND (a.next_success IS NULL OR a.next_success > c.at)
