package io.hrloop.request.domain;

import java.time.Instant;

/**
 * The two service-level timers of a request and how lifecycle moves drive them. The live service and
 * the recomputation from the audit history both go through these methods, so they cannot disagree on
 * the rules, only on the facts.
 *
 * <p>First response is the first moment HR answers the customer: a PUBLIC comment by someone other than
 * the requester, or a move to WAITING_ON_CUSTOMER, RESOLVED or DECLINED (each tells the customer
 * something). Taking ownership, starting work and internal comments do not count.
 */
public record ServiceLevels(SlaTimer firstResponse, SlaTimer resolution) {

    public static ServiceLevels start(int firstResponseMinutes, int resolutionMinutes, Instant at, BusinessHours hours,
            double riskShare) {
        return new ServiceLevels(SlaTimer.start(firstResponseMinutes, at, hours, riskShare),
                SlaTimer.start(resolutionMinutes, at, hours, riskShare));
    }

    public SlaTimer get(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? firstResponse : resolution;
    }

    public ServiceLevels with(SlaTarget target, SlaTimer timer) {
        return target == SlaTarget.FIRST_RESPONSE ? new ServiceLevels(timer, resolution)
                : new ServiceLevels(firstResponse, timer);
    }

    public ServiceLevels onFirstResponse(Instant at, BusinessHours hours) {
        return new ServiceLevels(firstResponse.complete(at, hours), resolution);
    }

    public ServiceLevels onStatusChange(RequestStatus from, RequestStatus to, Instant at, BusinessHours hours,
            double riskShare) {
        SlaTimer fr = firstResponse;
        SlaTimer res = resolution;
        if (to == RequestStatus.WAITING_ON_CUSTOMER || to == RequestStatus.RESOLVED || to == RequestStatus.DECLINED) {
            fr = fr.complete(at, hours);
        }
        switch (to) {
            // A withdrawal stops both clocks without a verdict: neither attained nor breached by it.
            case WITHDRAWN -> {
                fr = fr.withdraw(at, hours);
                res = res.withdraw(at, hours);
            }
            case WAITING_ON_CUSTOMER -> res = res.pause(at, hours);
            case RESOLVED, DECLINED -> res = res.complete(at, hours);
            case IN_PROGRESS -> {
                if (from == RequestStatus.WAITING_ON_CUSTOMER) {
                    res = res.resume(at, hours, riskShare);
                } else if (from == RequestStatus.RESOLVED || from == RequestStatus.DECLINED) {
                    res = res.reopen(at, hours, riskShare);
                }
            }
            default -> {
            }
        }
        return new ServiceLevels(fr, res);
    }

    /** Time used until {@code at} counted under {@code before}, the rest planned under {@code after}. */
    public ServiceLevels recalendar(Instant at, BusinessHours before, BusinessHours after, double riskShare) {
        return new ServiceLevels(firstResponse.recalendar(at, before, after, riskShare),
                resolution.recalendar(at, before, after, riskShare));
    }

    /** New targets (re-triage) against the time already used; see {@link SlaTimer#retarget}. */
    public ServiceLevels retarget(int firstResponseMinutes, int resolutionMinutes, Instant at, BusinessHours hours,
            double riskShare) {
        return new ServiceLevels(firstResponse.retarget(firstResponseMinutes, at, hours, riskShare),
                resolution.retarget(resolutionMinutes, at, hours, riskShare));
    }
}
