-- ${rows} improvement items (V1__improvements.sql) in 300 process areas and the demo request types
-- other than payroll-query (the loop's feedback spawns its own item there). Most of a long backlog is
-- finished; open and implemented items score 0 as they have no evidence rows (the hourly rescoring
-- then changes nothing).
select setseed(0.44);
insert into improvement_item (id, title, problem, area, themes, status, origin, owner, effort, target_date, impact_score,
    priority, evidence_count, distinct_people, gap_key, status_reason, merged_into, implemented_at,
    implementation_summary, verified_at, verification, created_by, created_at, updated_at, version)
with x as (
    select g, created, area, theme, effort,
           case when r1 < 0.15 then 'PROPOSED' when r1 < 0.22 then 'ACCEPTED' when r1 < 0.28 then 'IN_PROGRESS'
                when r1 < 0.35 then 'IMPLEMENTED' when r1 < 0.70 then 'VERIFIED' when r1 < 0.90 then 'REJECTED'
                else 'MERGED' end as status, r2
    from (select g, random() r1, random() r2, now() - random() * interval '730 days' as created,
                 case when random() < 0.8 then 'process-' || lpad(floor(random() * 300)::int::text, 3, '0')
                      else (array['leave-request','benefits-question','policy-advice','hr-general'])[1 + floor(random() * 4)::int] end as area,
                 (array['speed','communication','outcome','respect','process','policy','access','other'])[1 + floor(random() * 8)::int] as theme,
                 case when random() < 0.6 then round((0.5 + random() * 20)::numeric, 2) end as effort
          from generate_series(1, ${rows}) g) raw
)
select md5('bench-item-' || g)::uuid, 'Fix ' || theme || ' problems in ' || area || ' (' || g || ')',
       'People who used ' || area || ' said the ' || theme || ' was poor. Seeded by bench/run.', area,
       ',' || theme || ',', status, case when r2 < 0.7 then 'FEEDBACK' when r2 < 0.85 then 'SLA_BREACHES' else 'MANUAL' end,
       case when status <> 'PROPOSED' then 'lead-2101' end, effort, null,
       case when status in ('VERIFIED', 'REJECTED', 'MERGED') then round((r2 * 40)::numeric, 3)::double precision else 0 end,
       case when effort is null then null
            when status in ('VERIFIED', 'REJECTED', 'MERGED') then round((r2 * 40 / effort)::numeric, 3)::double precision
            else 0 end,
       0, 0, null, case when status = 'REJECTED' then 'not a priority this year' end, null,
       case when status in ('IMPLEMENTED', 'VERIFIED') then created + interval '30 days' end,
       case when status in ('IMPLEMENTED', 'VERIFIED') then 'We changed the ' || area || ' process.' end,
       case when status = 'VERIFIED' then created + interval '120 days' end, null, 'lead-2101', created,
       created + interval '120 days', 1
from x;
