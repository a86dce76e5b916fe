package io.hrloop.common.security;

/** The roles of PRODUCT.md, as they appear in the token's {@code groups} claim. */
public final class Roles {
    public static final String EMPLOYEE = "employee";
    public static final String MANAGER = "manager";
    public static final String HR_AGENT = "hr-agent";
    public static final String HR_LEAD = "hr-lead";
    public static final String HR_ADMIN = "hr-admin";
    public static final String ER_SPECIALIST = "er-specialist";
    public static final String SERVICE = "service";
    /** Runs the platform: sees event metadata and the payloads it must replay, no other HR content. */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
