-- Anonymous feedback stays out of sight until its release batch: not released, it is in no list, count,
-- rollup or metric. Rows given before release batches existed were in sight (and counted) at once: they stay
-- released, and the release still publishes their held events without counting them again.
alter table feedback add column released boolean not null default true;
alter table feedback add constraint feedback_signed_is_released check (anonymous or released);
