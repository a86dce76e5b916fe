-- Issue 14: an item's history (every status change, who, why, and whether a lead overrode the verdict of
-- verification), and the memory of a rejected item (it keeps taking the evidence of its gap for a while).

create table improvement_item_history (
    id          uuid primary key,
    item_id     uuid         not null references improvement_item (id),
    at          timestamptz  not null,
    actor       varchar(200) not null,
    from_status varchar(20)  not null,
    to_status   varchar(20)  not null,
    -- HR only, like the item's status reason
    reason      text,
    -- VERIFIED against the verdict of verification (WORSE, INCONCLUSIVE, or a side without enough answers)
    override    boolean      not null default false,
    -- the verdict of verification when the item became VERIFIED
    verdict     varchar(20)
);
create index improvement_item_history_item_idx on improvement_item_history (item_id, at, id);

-- When the item was last rejected, and how many pieces of evidence joined it since (reset by each rejection).
alter table improvement_item add column rejected_at timestamptz;
alter table improvement_item add column raised_again int not null default 0;
update improvement_item set rejected_at = updated_at where status = 'REJECTED';
create index improvement_item_rejected_idx on improvement_item (area, rejected_at) where status = 'REJECTED';
