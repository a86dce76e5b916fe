-- Service recovery: a poor survey answer opens a follow-up for the lead of the request's team.
create table follow_up (
    id           uuid         primary key,
    feedback_id  uuid         not null unique references feedback (id),
    request_id   uuid,
    reference    varchar(20),
    request_type varchar(100),
    team         varchar(100),
    person_id    varchar(200),
    csat         int,
    nps          int,
    status       varchar(20)  not null check (status in ('OPEN', 'CLAIMED', 'CLOSED')),
    assignee     varchar(200),
    outcome      varchar(30)  check (outcome in ('RECOVERED', 'PARTLY_RECOVERED', 'NOT_RECOVERED', 'UNREACHABLE')),
    note         varchar(2000),
    created_at   timestamptz  not null,
    claimed_at   timestamptz,
    closed_at    timestamptz,
    version      bigint       not null default 0
);
create index follow_up_team_idx on follow_up (team, created_at desc, id);
create index follow_up_status_idx on follow_up (status, created_at desc, id);
