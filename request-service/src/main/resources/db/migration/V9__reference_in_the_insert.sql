-- The human reference comes from the insert of the request itself (and back with the row: insert ... returning),
-- one round trip to the database fewer per submission than asking the sequence first. The same sequence and
-- the same form as before: HR- and the number, at least six digits (HR-000123, HR-1234567).
create function hr_request_reference(n bigint) returns varchar
    language sql immutable strict
    as $$ select 'HR-' || lpad(n::text, greatest(6, length(n::text)), '0') $$;

alter table hr_request alter column reference set default hr_request_reference(nextval('request_reference_seq'));
