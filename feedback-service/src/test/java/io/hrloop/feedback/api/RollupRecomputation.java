package io.hrloop.feedback.api;

/**
 * The insight rollups recomputed from the raw feedback in sight (anonymous feedback from its release on) and the
 * invitations, compared row by row with the stored ones.
 */
final class RollupRecomputation {

    private static final String THEME = "count(*) filter (where (',' || chosen_themes || ',' || detected_themes || ',') like '%%,%s,%%') as theme_%s";

    /** The cell key of a row of feedback, as {@code Publication.Cell.key()} writes it. */
    private static final String CELL_KEY = "coalesce(f.team, '') || chr(31) || case when f.confidential "
            + "then chr(31) || 'confidential' else coalesce(f.request_type, '') end";

    static final String MISMATCHES = """
            with expanded as (
                select g.grain,
                       case g.grain when 'DAY' then f.received_on
                                    when 'WEEK' then date_trunc('week', f.received_on)::date
                                    else date_trunc('month', f.received_on)::date end as period_start,
                       d.dimension, d.dimension_key, f.*
                from feedback f
                cross join (values ('DAY'), ('WEEK'), ('MONTH')) g (grain)
                cross join lateral (values ('ALL', ''), ('TYPE', case when f.confidential then null else f.request_type end),
                                           ('TEAM', f.team), ('CELL', %s)) d (dimension, dimension_key)
                where f.released and d.dimension_key is not null and (d.dimension <> 'CELL' or g.grain = 'WEEK')
            ), responses as (
                select grain, period_start, dimension, dimension_key,
                       count(*) as responses, count(*) filter (where source = 'SURVEY') as survey_responses,
                       count(csat) as csat_count, count(*) filter (where csat >= 4) as csat_satisfied, coalesce(sum(csat), 0) as csat_sum,
                       count(nps) as nps_count, count(*) filter (where nps >= 9) as nps_promoters, count(*) filter (where nps <= 6) as nps_detractors,
                       count(ces) as ces_count, coalesce(sum(ces), 0) as ces_sum,
                       count(sentiment) as sentiment_count, coalesce(sum(sentiment), 0) as sentiment_sum,
                       count(*) filter (where sentiment <= -0.1) as sentiment_negative,
                       count(*) filter (where sentiment > -0.1 and sentiment < 0.1) as sentiment_neutral,
                       count(*) filter (where sentiment >= 0.1) as sentiment_positive,
                       count(*) filter (where frustrated) as frustrated,
                       %s
                from expanded group by grain, period_start, dimension, dimension_key
            ), invited as (
                select g.grain,
                       case g.grain when 'DAY' then (i.created_at at time zone 'UTC')::date
                                    when 'WEEK' then date_trunc('week', (i.created_at at time zone 'UTC')::date)::date
                                    else date_trunc('month', (i.created_at at time zone 'UTC')::date)::date end as period_start,
                       d.dimension, d.dimension_key, count(*) as invitations
                from survey_invitation i
                cross join (values ('DAY'), ('WEEK'), ('MONTH')) g (grain)
                cross join lateral (values ('ALL', ''), ('TYPE', i.request_type), ('TEAM', i.team),
                                           ('CELL', i.team || chr(31) || i.request_type)) d (dimension, dimension_key)
                where i.status <> 'WITHDRAWN' and (d.dimension <> 'CELL' or g.grain = 'WEEK')
                group by 1, 2, 3, 4
            ), recomputed as (
                select coalesce(r.grain, v.grain) as grain, coalesce(r.period_start, v.period_start) as period_start,
                       coalesce(r.dimension, v.dimension) as dimension, coalesce(r.dimension_key, v.dimension_key) as dimension_key,
                       coalesce(v.invitations, 0) as invitations,
                       r.responses, r.survey_responses, r.csat_count, r.csat_satisfied, r.csat_sum, r.nps_count, r.nps_promoters, r.nps_detractors, r.ces_count, r.ces_sum, r.sentiment_count, r.sentiment_sum, r.sentiment_negative, r.sentiment_neutral, r.sentiment_positive, r.frustrated, r.theme_speed, r.theme_communication, r.theme_outcome, r.theme_respect, r.theme_process, r.theme_policy, r.theme_access, r.theme_other
                from responses r full outer join invited v
                  on r.grain = v.grain and r.period_start = v.period_start and r.dimension = v.dimension and r.dimension_key = v.dimension_key
            )
            select coalesce(s.grain, c.grain), coalesce(s.period_start, c.period_start), coalesce(s.dimension, c.dimension),
                   coalesce(s.dimension_key, c.dimension_key)
            from feedback_rollup s
            full outer join recomputed c
              on s.grain = c.grain and s.period_start = c.period_start and s.dimension = c.dimension and s.dimension_key = c.dimension_key
            where coalesce(s.responses, 0) <> coalesce(c.responses, 0)
               or coalesce(s.survey_responses, 0) <> coalesce(c.survey_responses, 0)
               or coalesce(s.invitations, 0) <> coalesce(c.invitations, 0)
               or coalesce(s.csat_count, 0) <> coalesce(c.csat_count, 0)
               or coalesce(s.csat_satisfied, 0) <> coalesce(c.csat_satisfied, 0)
               or coalesce(s.csat_sum, 0) <> coalesce(c.csat_sum, 0)
               or coalesce(s.nps_count, 0) <> coalesce(c.nps_count, 0)
               or coalesce(s.nps_promoters, 0) <> coalesce(c.nps_promoters, 0)
               or coalesce(s.nps_detractors, 0) <> coalesce(c.nps_detractors, 0)
               or coalesce(s.ces_count, 0) <> coalesce(c.ces_count, 0)
               or coalesce(s.ces_sum, 0) <> coalesce(c.ces_sum, 0)
               or coalesce(s.sentiment_count, 0) <> coalesce(c.sentiment_count, 0)
               or abs(coalesce(s.sentiment_sum, 0) - coalesce(c.sentiment_sum, 0)) > 1e-6
               or coalesce(s.sentiment_negative, 0) <> coalesce(c.sentiment_negative, 0)
               or coalesce(s.sentiment_neutral, 0) <> coalesce(c.sentiment_neutral, 0)
               or coalesce(s.sentiment_positive, 0) <> coalesce(c.sentiment_positive, 0)
               or coalesce(s.frustrated, 0) <> coalesce(c.frustrated, 0)
               or coalesce(s.theme_speed, 0) <> coalesce(c.theme_speed, 0)
               or coalesce(s.theme_communication, 0) <> coalesce(c.theme_communication, 0)
               or coalesce(s.theme_outcome, 0) <> coalesce(c.theme_outcome, 0)
               or coalesce(s.theme_respect, 0) <> coalesce(c.theme_respect, 0)
               or coalesce(s.theme_process, 0) <> coalesce(c.theme_process, 0)
               or coalesce(s.theme_policy, 0) <> coalesce(c.theme_policy, 0)
               or coalesce(s.theme_access, 0) <> coalesce(c.theme_access, 0)
               or coalesce(s.theme_other, 0) <> coalesce(c.theme_other, 0)
            """.formatted(CELL_KEY, String.join(",\n", java.util.Arrays.stream(new String[] { "speed", "communication", "outcome",
            "respect", "process", "policy", "access", "other" }).map(t -> THEME.formatted(t, t)).toList()));

    private RollupRecomputation() {
    }
}
