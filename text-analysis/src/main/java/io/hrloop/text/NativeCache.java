package io.hrloop.text;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tokenizer's native library is extracted. DJL caches it under {@code DJL_CACHE_DIR}, by default
 * {@code ~/.djl.ai}; a container with a read-only root file system has no writable home, so unless the
 * operator chose a directory, a writable home is used, else {@code java.io.tmpdir}.
 */
final class NativeCache {

    private static final String PROPERTY = "DJL_CACHE_DIR";

    private NativeCache() {
    }

    static void prepare() {
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
}
