-- Insights publish sums of cells: one team and request type (all confidential types of a team as one) in one ISO
-- week (see Publication and the README). The key is the team, a unit separator (chr(31)), then the type, or a
-- second separator and 'confidential'.
alter table feedback_rollup drop constraint feedback_rollup_dimension_check;
alter table feedback_rollup add constraint feedback_rollup_dimension_check
    check (dimension in ('ALL', 'TYPE', 'TEAM', 'CELL'));
alter table feedback_rollup alter column dimension_key type varchar(250);

with responses as (
    select date_trunc('week', received_on)::date as period_start,
           coalesce(team, '') || chr(31) || case when confidential then chr(31) || 'confidential'
                                                 else coalesce(request_type, '') end as dimension_key,
           count(*) as responses, count(*) filter (where source = 'SURVEY') as survey_responses,
           count(csat) as csat_count, count(*) filter (where csat >= 4) as csat_satisfied, coalesce(sum(csat), 0) as csat_sum,
           count(nps) as nps_count, count(*) filter (where nps >= 9) as nps_promoters,
           count(*) filter (where nps <= 6) as nps_detractors,
           count(ces) as ces_count, coalesce(sum(ces), 0) as ces_sum,
           count(sentiment) as sentiment_count, coalesce(sum(sentiment), 0) as sentiment_sum,
           count(*) filter (where sentiment <= -0.1) as sentiment_negative,
           count(*) filter (where sentiment > -0.1 and sentiment < 0.1) as sentiment_neutral,
           count(*) filter (where sentiment >= 0.1) as sentiment_positive,
           count(*) filter (where frustrated) as frustrated,
           count(*) filter (where (',' || chosen_themes || ',' || detected_themes || ',') like '%,speed,%') as theme_speed,
           count(*) filter (where (',' || chosen_themes || ',' || detected_themes || ',') like '%,communication,%') as theme_communication,
           count(*) filter (where (',' || chosen_themes || ',' || detected_themes || ',') like '%,outcome,%') as theme_outcome,
           count(*) filter (where (',' || chosen_themes || ',' || detected_themes || ',') like '%,respect,%') as theme_respect,
           count(*) filter (where (',' || chosen_themes || ',' || detected_themes || ',') like '%,process,%') as theme_process,
           count(*) filter (where (',' || chosen_themes || ',' || detected_themes || ',') like '%,policy,%') as theme_policy,
           count(*) filter (where (',' || chosen_themes || ',' || detected_themes || ',') like '%,access,%') as theme_access,
           count(*) filter (where (',' || chosen_themes || ',' || detected_themes || ',') like '%,other,%') as theme_other
    from feedback where released
    group by 1, 2
), invited as (
    select date_trunc('week', (created_at at time zone 'UTC')::date)::date as period_start,
           team || chr(31) || request_type as dimension_key, count(*) as invitations
    from survey_invitation where status <> 'WITHDRAWN'
    group by 1, 2
)
insert into feedback_rollup (grain, period_start, dimension, dimension_key, responses, survey_responses, invitations,
        csat_count, csat_satisfied, csat_sum, nps_count, nps_promoters, nps_detractors, ces_count, ces_sum,
        sentiment_count, sentiment_sum, sentiment_negative, sentiment_neutral, sentiment_positive, frustrated,
        theme_speed, theme_communication, theme_outcome, theme_respect, theme_process, theme_policy, theme_access, theme_other)
select 'WEEK', coalesce(r.period_start, v.period_start), 'CELL', coalesce(r.dimension_key, v.dimension_key),
       coalesce(r.responses, 0), coalesce(r.survey_responses, 0), coalesce(v.invitations, 0),
       coalesce(r.csat_count, 0), coalesce(r.csat_satisfied, 0), coalesce(r.csat_sum, 0),
       coalesce(r.nps_count, 0), coalesce(r.nps_promoters, 0), coalesce(r.nps_detractors, 0),
       coalesce(r.ces_count, 0), coalesce(r.ces_sum, 0),
       coalesce(r.sentiment_count, 0), coalesce(r.sentiment_sum, 0), coalesce(r.sentiment_negative, 0),
       coalesce(r.sentiment_neutral, 0), coalesce(r.sentiment_positive, 0), coalesce(r.frustrated, 0),
       coalesce(r.theme_speed, 0), coalesce(r.theme_communication, 0), coalesce(r.theme_outcome, 0),
       coalesce(r.theme_respect, 0), coalesce(r.theme_process, 0), coalesce(r.theme_policy, 0),
       coalesce(r.theme_access, 0), coalesce(r.theme_other, 0)
from responses r full outer join invited v on r.period_start = v.period_start and r.dimension_key = v.dimension_key;
