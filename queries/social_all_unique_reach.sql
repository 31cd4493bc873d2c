-- Unique reach over all mentions, incident-related or not: followers of each author counted once (their largest follower count).
SELECT SUM(followers) AS unique_reach FROM (
  SELECT author, MAX(followers) AS followers FROM mentions WHERE NOT own GROUP BY author
) AS authors
