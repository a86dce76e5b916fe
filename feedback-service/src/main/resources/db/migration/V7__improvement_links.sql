-- Which feedback an improvement item rests on, from hr.improvement.evidence-added: the implemented event
-- carries only the first of them (its size is bounded), so everyone linked is told from here.
create table improvement_link (
    improvement_id uuid        not null,
    feedback_id    uuid        not null,
    linked_at      timestamptz not null default now(),
    primary key (improvement_id, feedback_id)
);
