-- What the test consumer's handler did: one row per application of an event.
create table probe_effect (
    id         bigserial    primary key,
    event_id   varchar(200) not null,
    person_id  varchar(200) not null,
    applied_at timestamptz  not null default now()
);
create index probe_effect_person_idx on probe_effect (person_id);
