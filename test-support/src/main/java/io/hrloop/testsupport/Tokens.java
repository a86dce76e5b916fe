package io.hrloop.testsupport;

/** Bearer tokens for the demo personas, signed by the test JVM's key. */
public final class Tokens {

    private Tokens() {
    }

    public static String of(String personId, String team, String... roles) {
        return TestInfrastructure.get().tokens().issue(personId, team, roles);
    }

    public static String employee(String personId) {
        return of(personId, null, "employee");
    }

    public static String hr(String personId, String team, String... roles) {
        return of(personId, team, roles);
    }
}
