package io.hrloop.testsupport;

/** Creates topics on the test broker the way the Strimzi KafkaTopic resources do in production. */
public final class Topics {

    private Topics() {
    }

    public static void ensure(String... topics) {
        TestInfrastructure.get().kafka().ensureTopics(3, topics);
    }
}
