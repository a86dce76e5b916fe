create table improvement_item (
    id          uuid primary key,
    title       varchar(200) not null,
    problem     text         not null,
    area        varchar(100) not null,
    status      varchar(20)  not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null
);
