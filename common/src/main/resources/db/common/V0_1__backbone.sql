-- The event backbone shared by every HR Loop service: outbox, inbox and idempotency records.

create table outbox_event (
    id          bigserial primary key,
    event_id    uuid         not null unique,
    topic       varchar(200) not null,
    event_key   varchar(200) not null,
    event_type  varchar(200) not null,
    event_time  timestamptz  not null,
    payload     bytea        not null
);
create index outbox_event_key_idx on outbox_event (event_key, id);

create table inbox_event (
    event_id     varchar(200) not null,
    consumer     varchar(100) not null,
    event_type   varchar(200) not null,
    processed_at timestamptz  not null default now(),
    primary key (event_id, consumer)
);

create table idempotency_record (
    caller       varchar(200) not null,
    idem_key     varchar(200) not null,
    operation    varchar(300) not null,
    request_hash varchar(64)  not null,
    status       int          not null,
    location     varchar(1000),
    etag         varchar(100),
    body         text,
    created_at   timestamptz  not null default now(),
    primary key (caller, idem_key)
);
create index idempotency_record_created_idx on idempotency_record (created_at);
