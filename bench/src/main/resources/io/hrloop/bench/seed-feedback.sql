-- ${rows} pieces of feedback over the last two years in feedback-service's schema (V2), and the
-- insight rollups feedback-service keeps for them (V4, the same sums as Rollups.deltas/ofResponse):
-- one row per day, ISO week and month for everything, per request type (not confidential) and per
-- team. Every survey response counts as one invitation. Ids derive from the row number.
select setseed(0.43);
create temporary table bench_feedback on commit drop as
with x as (
    select g, received,
           case when r1 < 0.35 then 0 when r1 < 0.65 then 1 when r1 < 0.80 then 2 when r1 < 0.95 then 3 else 4 end as ti,
           r2 < 0.85 as survey,
           case when r3 < 0.05 then 1 when r3 < 0.12 then 2 when r3 < 0.25 then 3 when r3 < 0.55 then 4 else 5 end as csat,
           r4, r5, r6, r7, r8
    from (select g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7,
                 random() r8, (now() - random() * interval '730 days')::date as received
          from generate_series(1, ${rows}) g) raw
)
select md5('bench-feedback-' || g)::uuid as id, case when survey then 'SURVEY' else 'UNSOLICITED' end as source,
       case when survey then 'REQUEST' else 'REQUEST_TYPE' end as subject_type,
       case when survey then null else (array['payroll-query','leave-request','benefits-question','policy-advice','employee-relations-concern'])[ti + 1] end as subject_key,
       case when survey then md5('bench-request-' || (1 + floor(r8 * 1000000))::int)::uuid end as request_id,
       case when survey then 'BN-' || lpad((1 + floor(r8 * 1000000))::int::text, 7, '0') end as reference,
       (array['payroll-query','leave-request','benefits-question','policy-advice','employee-relations-concern'])[ti + 1] as request_type,
       (array['payroll','people-services','benefits','policy','employee-relations'])[ti + 1] as team,
       ti = 4 as confidential,
       case when survey or r4 < 0.5 then csat end as csat,
       case when r5 < 0.6 then 1 + floor(r5 / 0.6 * 7)::int end as ces,
       case when r6 < 0.4 then least(10, greatest(0, csat * 2 + floor(r6 * 5)::int - 1)) end as nps,
       case when r7 < 0.5 then (array['Took far too long and nobody answered my emails.','Still waiting for a reply, very frustrating.',
            'It was fine in the end.','Clear answer, thank you.','Quick and friendly, great help.'])[csat] end as comment,
       (array['speed','communication','outcome','respect','process','policy','access','other'])[1 + floor(r4 * 8)::int] as chosen_themes,
       '' as detected_themes,
       case when r7 < 0.5 then round(((csat - 3) / 2.5 + (r5 - 0.5) * 0.4)::numeric, 3)::double precision end as sentiment,
       r7 < 0.5 and csat = 1 as frustrated,
       not survey and r4 < 0.6 as anonymous,
       received
from x;
update bench_feedback set sentiment = greatest(-1, least(1, sentiment)) where sentiment is not null;

insert into feedback (id, source, subject_type, subject_key, request_id, reference, request_type, team, confidential, csat,
    ces, nps, comment, chosen_themes, detected_themes, sentiment, frustrated, anonymous, author, received_on, created_at,
    comment_erased)
select id, source, subject_type, subject_key, request_id, reference, request_type, team, confidential, csat, ces, nps,
       comment, chosen_themes, detected_themes, sentiment, frustrated, anonymous,
       case when anonymous then null else 'emp-' || (1000 + (hashtext(id::text) & 65535) % 50000) end,
       received, case when anonymous then null else received + time '10:00' at time zone 'UTC' end, false
from bench_feedback;

insert into feedback_rollup (grain, period_start, dimension, dimension_key, responses, survey_responses, invitations,
    csat_count, csat_satisfied, csat_sum, nps_count, nps_promoters, nps_detractors, ces_count, ces_sum, sentiment_count,
    sentiment_sum, sentiment_negative, sentiment_neutral, sentiment_positive, frustrated, theme_speed,
    theme_communication, theme_outcome, theme_respect, theme_process, theme_policy, theme_access, theme_other)
select grain, period_start, dimension, dimension_key, count(*), count(*) filter (where source = 'SURVEY'),
       count(*) filter (where source = 'SURVEY'), count(csat), count(*) filter (where csat >= 4), coalesce(sum(csat), 0),
       count(nps), count(*) filter (where nps >= 9), count(*) filter (where nps <= 6), count(ces), coalesce(sum(ces), 0),
       count(sentiment), coalesce(sum(sentiment), 0), count(*) filter (where sentiment <= -0.1),
       count(*) filter (where sentiment > -0.1 and sentiment < 0.1), count(*) filter (where sentiment >= 0.1),
       count(*) filter (where frustrated),
       count(*) filter (where chosen_themes = 'speed'), count(*) filter (where chosen_themes = 'communication'),
       count(*) filter (where chosen_themes = 'outcome'), count(*) filter (where chosen_themes = 'respect'),
       count(*) filter (where chosen_themes = 'process'), count(*) filter (where chosen_themes = 'policy'),
       count(*) filter (where chosen_themes = 'access'), count(*) filter (where chosen_themes = 'other')
from (select f.*, gr.grain, d.dimension,
             case gr.grain when 'DAY' then received when 'WEEK' then date_trunc('week', received)::date
                           else date_trunc('month', received)::date end as period_start,
             case d.dimension when 'ALL' then '' when 'TYPE' then request_type else team end as dimension_key
      from bench_feedback f
      cross join (values ('DAY'), ('WEEK'), ('MONTH')) gr(grain)
      cross join (values ('ALL'), ('TYPE'), ('TEAM')) d(dimension)
      where d.dimension = 'ALL' or (d.dimension = 'TYPE' and not f.confidential) or d.dimension = 'TEAM') rows
group by grain, period_start, dimension, dimension_key
on conflict (grain, dimension, period_start, dimension_key) do update set
    responses = feedback_rollup.responses + excluded.responses,
    survey_responses = feedback_rollup.survey_responses + excluded.survey_responses,
    invitations = feedback_rollup.invitations + excluded.invitations,
    csat_count = feedback_rollup.csat_count + excluded.csat_count,
    csat_satisfied = feedback_rollup.csat_satisfied + excluded.csat_satisfied,
    csat_sum = feedback_rollup.csat_sum + excluded.csat_sum,
    nps_count = feedback_rollup.nps_count + excluded.nps_count,
    nps_promoters = feedback_rollup.nps_promoters + excluded.nps_promoters,
    nps_detractors = feedback_rollup.nps_detractors + excluded.nps_detractors,
    ces_count = feedback_rollup.ces_count + excluded.ces_count,
    ces_sum = feedback_rollup.ces_sum + excluded.ces_sum,
    sentiment_count = feedback_rollup.sentiment_count + excluded.sentiment_count,
    sentiment_sum = feedback_rollup.sentiment_sum + excluded.sentiment_sum,
    sentiment_negative = feedback_rollup.sentiment_negative + excluded.sentiment_negative,
    sentiment_neutral = feedback_rollup.sentiment_neutral + excluded.sentiment_neutral,
    sentiment_positive = feedback_rollup.sentiment_positive + excluded.sentiment_positive,
    frustrated = feedback_rollup.frustrated + excluded.frustrated,
    theme_speed = feedback_rollup.theme_speed + excluded.theme_speed,
    theme_communication = feedback_rollup.theme_communication + excluded.theme_communication,
    theme_outcome = feedback_rollup.theme_outcome + excluded.theme_outcome,
    theme_respect = feedback_rollup.theme_respect + excluded.theme_respect,
    theme_process = feedback_rollup.theme_process + excluded.theme_process,
    theme_policy = feedback_rollup.theme_policy + excluded.theme_policy,
    theme_access = feedback_rollup.theme_access + excluded.theme_access,
    theme_other = feedback_rollup.theme_other + excluded.theme_other;
