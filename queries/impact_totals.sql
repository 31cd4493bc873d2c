-- Affected and recovered participants, and participant-minutes lost (first failure to the earlier of the next successful view and recovery).
SELECT COUNT(*) AS affected,
       COALESCE(SUM(CASE WHEN a.next_success IS NOT NULL AND a.next_success < w.event_end THEN 1 ELSE 0 END), 0) AS recovered,
       SUM(CASE WHEN a.next_success IS NOT NULL AND a.next_success < w.recovered_at
                THEN a.next_success - a.first_failure
                ELSE w.recovered_at - a.first_failure END) AS lost_ms
FROM affected a CROSS JOIN incident_window w
