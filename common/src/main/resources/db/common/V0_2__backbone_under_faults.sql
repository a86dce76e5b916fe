-- The backbone under faults: outbox rows that cannot be published are parked (per aggregate, in order),
-- events a consumer cannot process are kept for the operator to replay or discard.

alter table outbox_event add column created_at timestamptz not null default now();
alter table outbox_event add column attempts   int         not null default 0;
alter table outbox_event add column last_error varchar(2000);
alter table outbox_event add column parked_at  timestamptz;
create index outbox_event_parked_key_idx on outbox_event (event_key) where parked_at is not null;

-- Inbound events this service could not process (direction INBOUND), and the record of parked outbox
-- rows an operator discarded (direction OUTBOUND). Parked outbox rows themselves stay in outbox_event.
create table dead_letter (
    id            uuid          primary key,
    direction     varchar(10)   not null,
    status        varchar(12)   not null,
    event_id      varchar(200),
    event_type    varchar(200),
    topic         varchar(200)  not null,
    partition_no  int,
    offset_no     bigint,
    event_key     varchar(200),
    reason        varchar(2000) not null,
    payload       bytea         not null,
    parked_at     timestamptz   not null default now(),
    resolved_at   timestamptz,
    resolved_by   varchar(200),
    resolution    varchar(2000),
    constraint dead_letter_direction_ck check (direction in ('INBOUND', 'OUTBOUND')),
    constraint dead_letter_status_ck check (status in ('PARKED', 'REPLAYED', 'DISCARDED'))
);
-- One parking per consumed record, however often the consumer retries after a crash.
create unique index dead_letter_record_idx on dead_letter (topic, partition_no, offset_no) where direction = 'INBOUND';
create index dead_letter_status_idx on dead_letter (status, parked_at, id);
create index inbox_event_processed_idx on inbox_event (processed_at);

-- Leases of jobs that must run on one replica at a time and span several transactions.
create table job_lease (
    job_name    varchar(100) primary key,
    holder      varchar(200) not null,
    held_until  timestamptz  not null
);
