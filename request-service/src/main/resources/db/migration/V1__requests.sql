create sequence request_reference_seq start with 1;

create table hr_request (
    id          uuid primary key,
    reference   varchar(20)  not null unique,
    type_key    varchar(100) not null,
    subject     varchar(200) not null,
    description text         not null,
    priority    varchar(10)  not null,
    status      varchar(30)  not null,
    requester   varchar(200) not null,
    team        varchar(100) not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null
);
create index hr_request_requester_idx on hr_request (requester, created_at desc);
