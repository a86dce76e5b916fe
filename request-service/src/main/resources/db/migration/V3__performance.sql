-- Reads that were slow at a million requests (bench/run, section "Reads").

-- "My requests": each column of the caller's side has its index, so the four-way OR is a bitmap OR of
-- small index scans (submitted_by had none and made it a scan of the table).
create index hr_request_submitted_by_idx on hr_request (submitted_by, created_at desc);

-- Team queues sorted by a due time or by the last change walk an index in that order.
create index hr_request_team_res_due_idx on hr_request (team, res_due_at, id);
create index hr_request_team_fr_due_idx on hr_request (team, fr_due_at, id);
create index hr_request_team_updated_idx on hr_request (team, updated_at, id);

-- History entries are numbered in blocks of 50 per replica (one round trip per 50 entries, written in
-- batches), so a request's history is ordered by its moment and then its number.
alter sequence request_audit_id_seq increment by 50;
create index request_audit_request_at_idx on request_audit (request_id, at, id);
drop index request_audit_request_idx;
