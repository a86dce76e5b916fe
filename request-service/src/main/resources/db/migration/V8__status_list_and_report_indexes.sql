-- Reads that missed their targets at a million requests (bench/run, section "Reads").

-- A list filtered by status walked the created_at index and skipped every newer request of another status: after a
-- burst of 40,000 new (SUBMITTED) requests, status=IN_PROGRESS read 40,000 rows to find a page (12-16 ms; the plan
-- is the same for the literal and the prepared statement). Here each status is its own range in creation order.
create index hr_request_status_created_idx on hr_request (status, created_at, id);

-- The service-level report reads a team's requests of a period. Through (team, created_at) alone it fetched every
-- row from the table (35,000 pages for a team's 90 days); this index holds every column the report reads, so
-- that it is an index-only scan. It replaces hr_request_team_idx (same key), so intake maintains no more indexes.
create index hr_request_team_created_idx on hr_request (team, created_at desc)
    include (type_key, confidential, status, owner,
             fr_outcome, fr_running_since, fr_due_at, fr_target_minutes, fr_elapsed_seconds, fr_completed_at,
             res_outcome, res_running_since, res_due_at, res_target_minutes, res_elapsed_seconds, res_completed_at);
drop index hr_request_team_idx;
