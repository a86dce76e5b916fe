-- Closing the loop: implemented improvements for the public "you said, we did" feed, and a
-- notification for each signed contributor of the feedback behind them.
create table improvement_story (
    improvement_id  uuid          primary key,
    title           varchar(300)  not null,
    summary         varchar(4000),
    area            varchar(200)  not null,
    themes          varchar(200)  not null,
    feedback_count  int           not null,
    implemented_at  timestamptz   not null
);
create index improvement_story_implemented_idx on improvement_story (implemented_at desc, improvement_id);

create table notification (
    id              uuid          primary key,
    person_id       varchar(200)  not null,
    improvement_id  uuid          not null references improvement_story (improvement_id),
    your_feedback   int           not null,
    created_at      timestamptz   not null,
    read_at         timestamptz,
    unique (person_id, improvement_id)
);
create index notification_person_idx on notification (person_id, created_at desc, id);
