package io.hrloop.request.api;

/** Request and response examples of the OpenAPI document. */
final class Examples {

    static final String PROBLEM = "application/problem+json";

    static final String CALENDAR = """
            {"key":"office-de","name":"Berlin office","zone":"Europe/Berlin",
             "workingHours":{"MONDAY":[{"start":"09:00","end":"17:00"}],"TUESDAY":[{"start":"09:00","end":"17:00"}],
              "WEDNESDAY":[{"start":"09:00","end":"17:00"}],"THURSDAY":[{"start":"09:00","end":"17:00"}],
              "FRIDAY":[{"start":"09:00","end":"17:00"}]},
             "holidays":["2026-12-25","2026-12-26","2027-01-01"]}""";

    static final String REQUEST_TYPE = """
            {"key":"payroll-query","name":"Payroll query","category":"payroll","defaultPriority":"NORMAL",
             "team":"payroll","confidential":false,"calendar":"office-de",
             "targets":{"LOW":{"firstResponseMinutes":960,"resolutionMinutes":4800},
              "NORMAL":{"firstResponseMinutes":480,"resolutionMinutes":2400},
              "HIGH":{"firstResponseMinutes":120,"resolutionMinutes":960},
              "URGENT":{"firstResponseMinutes":60,"resolutionMinutes":240}},
             "surveySamplingRate":0.5}""";

    static final String SUBMIT = """
            {"type":"payroll-query","subject":"Overtime missing from October payslip",
             "description":"My 6 hours of overtime on 14 October are not on the payslip.","priority":"NORMAL"}""";

    static final String SUBMIT_ON_BEHALF = """
            {"type":"leave-request","subject":"Parental leave for Alex","description":"From 1 March, six months",
             "onBehalfOf":"emp-1002","channel":"PORTAL"}""";

    static final String SUBMIT_SERVICE = """
            {"type":"benefits-question","subject":"Pension enrolment","description":"Forwarded from the email gateway",
             "requester":"emp-1003","requesterEmail":"emp-1003@hrloop.local","channel":"EMAIL"}""";

    static final String REQUEST = """
            {"id":"3f0b6f7e-2a4c-4d8e-9b1a-5c2d7e8f9a01","reference":"HR-000123","type":"payroll-query",
             "category":"payroll","subject":"Overtime missing from October payslip",
             "description":"My 6 hours of overtime on 14 October are not on the payslip.","priority":"NORMAL",
             "channel":"PORTAL","status":"ASSIGNED","requester":"emp-1001","onBehalfOf":null,"owner":"agent-2001",
             "team":"payroll","confidential":false,"createdAt":"2026-11-20T15:30:00Z","updatedAt":"2026-11-20T15:42:00Z",
             "version":2,"allowedTransitions":["IN_PROGRESS","DECLINED","WITHDRAWN"],
             "serviceLevel":{"calendar":"office-de","firstResponseDue":"2026-11-23T12:30:00+01:00",
              "resolutionDue":"2026-11-26T12:30:00+01:00","paused":false,"atRisk":false,"breached":false,
              "firstResponse":{"targetMinutes":480,"dueAt":"2026-11-23T12:30:00+01:00","elapsedMinutes":30,
               "paused":false,"atRisk":false},
              "resolution":{"targetMinutes":2400,"dueAt":"2026-11-26T12:30:00+01:00","elapsedMinutes":30,
               "paused":false,"atRisk":false}}}""";

    static final String ASSIGN = """
            {"owner":"agent-2002","reason":"Agent 2001 is on leave this week"}""";

    static final String STATUS = """
            {"status":"WAITING_ON_CUSTOMER","note":"Please send the timesheet approved by your manager."}""";

    static final String WITHDRAW = """
            {"status":"WITHDRAWN","note":"Sorted out with my manager, thank you."}""";

    static final String RETRIAGE = """
            {"type":"payroll-query","priority":"HIGH","reason":"A payslip correction, not a benefits question; due Friday"}""";

    static final String SUGGESTION_VIEW = """
            {"type":"payroll-query","suggestionIds":["7c9e6679-7425-40de-944b-e07fc1f90ae7","lesson-overtime-claims"]}""";

    static final String DEFLECTION = """
            {"from":"2026-09-28T00:00:00Z","to":"2026-11-02T00:00:00Z","followWindow":"PT168H","minGroupSize":5,
             "groups":[{"type":"benefits-question","suppressed":true,"views":null,"followedBySubmission":null,
               "deflected":null,"pending":null,"people":null,"peopleFollowed":null,"peopleDeflected":null,
               "deflectionShare":null},
              {"type":"payroll-query","suppressed":false,"views":120,"followedBySubmission":70,"deflected":38,
               "pending":12,"people":104,"peopleFollowed":62,"peopleDeflected":33,"deflectionShare":0.3474}]}""";

    static final String COMMENT = """
            {"body":"We have asked payroll to check the overtime entry.","visibility":"PUBLIC"}""";

    static final String DECLINE = """
            {"reason":"UNSUSTAINABLE","subReason":"OTHER_CUSTOMERS_NEEDS",
             "explanation":"A personal salary benchmark for one employee would take two weeks of the analyst team.",
             "policyReference":"HR-POL-12 Compensation reviews",
             "alternative":"The yearly compensation review in March covers your role; we can book you in."}""";

    static final String APPEAL = """
            {"statement":"The March review is too late: my contract renewal is in January."}""";

    static final String APPEAL_DECISION = """
            {"outcome":"OVERTURNED","note":"Contract renewal makes this time-critical; we will do the benchmark."}""";

    static final String ILLEGAL_TRANSITION = """
            {"type":"https://hrloop.dev/problems/illegal-transition","title":"Conflict","status":409,
             "detail":"a request cannot go from SUBMITTED to RESOLVED; from SUBMITTED it can go to [ASSIGNED, WITHDRAWN]",
             "from":"SUBMITTED","to":"RESOLVED","allowed":["ASSIGNED","WITHDRAWN"]}""";

    static final String STALE = """
            {"type":"https://hrloop.dev/problems/stale-version","title":"Precondition failed","status":412,
             "detail":"the resource is at version 3, not the one in If-Match; read it again and retry",
             "currentVersion":3}""";

    static final String NOT_FOUND = """
            {"type":"https://hrloop.dev/problems/not-found","title":"Not found","status":404,
             "detail":"request 3f0b6f7e-2a4c-4d8e-9b1a-5c2d7e8f9a01 does not exist or is not visible to you"}""";

    static final String VALIDATION = """
            {"type":"https://hrloop.dev/problems/validation","title":"Invalid request","status":400,
             "detail":"subject: must not be blank","errors":[{"field":"subject","message":"must not be blank"}]}""";

    private Examples() {
    }
}
