package io.hrloop.improvement.service;

/**
 * What a caller may see of the backlog (the API builds it from the token's roles; README "improvement-service"):
 * <ul>
 * <li>{@code wholeBacklog}: items in every status (HR roles and internal systems); otherwise only IMPLEMENTED and
 * VERIFIED ones;</li>
 * <li>{@code hrText}: free text that may rest on what people wrote (problem, status reasons, evidence excerpts,
 * request references, signed contributors, comments, figures of verification) — HR roles only; everyone else reads
 * only text HR wrote for them: title, public summary, implementation summary, lessons;</li>
 * <li>{@code confidential}: items resting on employee-relations evidence — er-specialists only; for anyone else
 * they do not exist (404).</li>
 * </ul>
 */
public record Access(boolean wholeBacklog, boolean hrText, boolean confidential) {

    /** employee, manager: the public part of the loop. */
    public static final Access PUBLIC = new Access(false, false, false);
    /** service (internal systems): the whole backlog's state, only the text written for everyone. */
    public static final Access SYSTEM = new Access(true, false, false);
    /** hr-agent, hr-lead, hr-admin. */
    public static final Access HR = new Access(true, true, false);
    /** er-specialist: HR, and the confidential items. */
    public static final Access ER = new Access(true, true, true);
}
