-- A counter the test consumer's handler adds to at the end of a batch (BatchEnd), and the transaction of each effect.
create table probe_tally (
    tally_key varchar(200) primary key,
    n         bigint       not null default 0
);
alter table probe_effect add column tx bigint not null default txid_current();
