package io.hrloop.text;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * DJL, under the tokenizer, before it first runs. It is kept offline and quiet: by default it would, on every
 * tokenizer load, ask the cloud metadata address (169.254.169.254) who runs it and report the load to an S3
 * telemetry bucket ({@code Ec2Utils.callHome}), and it may download native libraries it lacks. HR Loop sends
 * nothing anywhere and downloads nothing at run time, so {@code OPT_OUT_TRACKING} and {@code ai.djl.offline} are
 * set unless the operator set them (the jar holds the tokenizer's library for the supported platforms).
 *
 * <p>Where the tokenizer's native library is extracted. DJL caches it under {@code DJL_CACHE_DIR}, by default
 * {@code ~/.djl.ai}; a container with a read-only root file system has no writable home, so unless the
 * operator chose a directory, a writable home is used, else {@code java.io.tmpdir}.
 */
final class NativeCache {

    private static final String PROPERTY = "DJL_CACHE_DIR";

    private NativeCache() {
    }

    static void prepare() {
        quiet("OPT_OUT_TRACKING");
        quiet("ai.djl.offline");
        if (System.getProperty(PROPERTY) != null || System.getenv(PROPERTY) != null) {
            return;
        }
        Path home = Path.of(System.getProperty("user.home", "/"));
        Path djl = home.resolve(".djl.ai");
        if (Files.isWritable(djl) || !Files.exists(djl) && Files.isWritable(home)) {
            return;
        }
        System.setProperty(PROPERTY, Path.of(System.getProperty("java.io.tmpdir"), "djl.ai").toString());
    }

    private static void quiet(String property) {
        if (System.getProperty(property) == null && System.getenv(property) == null) {
            System.setProperty(property, "true");
        }
    }
}
