-- Unique reach: followers of each author of an incident-related mention, counted once (their largest follower count).
SELECT SUM(followers) AS unique_reach FROM (
  SELECT author, MAX(followers) AS followers FROM mentions WHERE incident AND NOT own GROUP BY author
) AS authors
