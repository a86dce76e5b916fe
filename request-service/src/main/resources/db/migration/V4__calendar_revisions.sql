-- Calendar revisions: every edit of a calendar's working time (zone, hours, holidays) is a new revision,
-- in force from the moment of the edit; old revisions are kept, so that a request's service-level history
-- can be replayed with the revision that was in force for it at each moment.
alter table work_calendar add column revision int not null default 1;

create table work_calendar_revision (
    calendar_key  varchar(100) not null references work_calendar (key),
    revision      int          not null,
    -- from when it is in force; revision 1 also counts for everything before revision 2
    valid_from    timestamptz  not null,
    zone          varchar(64)  not null,
    working_hours text         not null,
    holidays      text         not null,
    primary key (calendar_key, revision)
);
insert into work_calendar_revision (calendar_key, revision, valid_from, zone, working_hours, holidays)
select key, 1, created_at, zone, working_hours, holidays from work_calendar;

-- The revision a request's plan is counted with. A constant default adds the column without rewriting the table.
alter table hr_request add column calendar_revision int not null default 1;
-- The re-plan job's work: open requests of a calendar planned with an older revision than the latest.
create index hr_request_calendar_open_idx on hr_request (calendar_key, calendar_revision)
    where status in ('SUBMITTED', 'ASSIGNED', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER');
