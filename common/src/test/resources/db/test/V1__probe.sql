create table probe_aggregate (
    id      varchar(50) primary key,
    counter int    not null,
    version bigint not null
);
