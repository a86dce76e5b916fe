package io.hrloop.testsupport;

/** Bearer tokens for the demo personas, signed by the test JVM's key. */
public final class Tokens {

    private Tokens() {
    }

    public static String of(String personId, String team, String... roles) {
        return TestInfrastructure.get().tokens().issue(personId, team, roles);
    }

    /** A token whose {@code email} claim is {@code email} (and {@code locale}, when not null). */
    public static String withEmail(String personId, String team, String email, String locale, String... roles) {
        return TestInfrastructure.get().tokens().issue(personId, team, email, locale, java.time.Duration.ofHours(2), roles);
    }

    public static String employee(String personId) {
        return of(personId, null, "employee");
    }

    public static String hr(String personId, String team, String... roles) {
        return of(personId, team, roles);
    }
}
