-- Trust (issue 10) and bounded work per event (issues 11, 15).

-- What HR tells everyone about an item (title, public summary, implementation summary and lessons are the only
-- texts shown outside HR).
alter table improvement_item add column public_summary text;

-- Employee-relations evidence: confidential items are for er-specialists only and never share a gap, a merge or
-- a verification figure with the others. Rows from before this flag existed are not confidential.
alter table improvement_item add column confidential boolean not null default false;
alter table improvement_evidence add column confidential boolean not null default false;
alter table area_feedback add column confidential boolean not null default false;
alter table sla_breach add column confidential boolean not null default false;
drop index sla_breach_type_idx;
create index sla_breach_type_idx on sla_breach (request_type, confidential, occurred_at);

-- Automatically created items no longer quote the first comment: it stays only in the evidence excerpt.
update improvement_item
   set problem = rtrim(left(problem, position(' First report: "' in problem) - 1))
 where origin = 'FEEDBACK' and created_by = 'improvement-service' and position(' First report: "' in problem) > 0;
-- and no longer name the breached requests: the references are in the evidence.
update improvement_item
   set problem = rtrim(left(problem, position(' days: ' in problem) - 1)) || ' days. The breaches are in the evidence.'
 where origin = 'SLA_BREACHES' and created_by = 'improvement-service' and position(' days: ' in problem) > 0;
update improvement_item
   set public_summary = case origin
           when 'FEEDBACK' then 'Raised automatically from customer feedback about ' || area || '.'
           else 'Raised automatically from repeated missed service-level targets of ' || area || '.' end
 where created_by = 'improvement-service' and public_summary is null;

-- Running aggregates of an item's evidence (io.hrloop.improvement.domain.ImpactScore.Sums): adding a piece costs
-- the same however much evidence the item has. impact_as_of null: computed from the evidence rows on first use
-- (the hourly rescoring does it for every open and implemented item).
alter table improvement_item add column signed_people int not null default 0;
alter table improvement_item add column anonymous_pieces int not null default 0;
alter table improvement_item add column impact_signed double precision not null default 0;
alter table improvement_item add column impact_anonymous double precision not null default 0;
alter table improvement_item add column impact_as_of date;

-- Gap keys (io.hrloop.improvement.domain.GapKey): "<area>|breaches", "<area>|<theme>" (feedback without a comment),
-- "<area>|<theme>|<item id>" (a comment that matched no item), each with "|confidential" on confidential items.
-- The index below still refuses a second open item for a named gap (breaches of an area, a theme without
-- comments); items opened by comments are told apart by meaning, and only the area lock guards them.
alter table improvement_item alter column gap_key type varchar(200);
update improvement_item set gap_key = area || '|breaches' where origin = 'SLA_BREACHES' and gap_key is not null;
