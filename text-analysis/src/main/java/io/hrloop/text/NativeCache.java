package io.hrloop.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

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
 *
 * <p>Where ONNX Runtime's libraries are loaded from: a directory of ours, {@code java.io.tmpdir/hrloop-onnxruntime},
 * they are extracted into at every start, unless the operator set {@code onnxruntime.native.path}. Left to itself,
 * ONNX Runtime 1.20 extracts them into a fresh {@code onnxruntime-java*} directory and, at exit, asks the JVM to
 * delete that directory before the files in it: the directory stays, one more in {@code java.io.tmpdir} at every
 * start of every service.
 */
final class NativeCache {

    private static final String PROPERTY = "DJL_CACHE_DIR";
    static final String ONNX_RUNTIME_PATH = "onnxruntime.native.path";
    static final String ONNX_RUNTIME_DIRECTORY = "hrloop-onnxruntime";

    private NativeCache() {
    }

    static void prepare() {
        onnxRuntime();
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

    private static synchronized void onnxRuntime() {
        if (System.getProperty(ONNX_RUNTIME_PATH) != null) {
            return;
        }
        String platform = platform();
        List<String> libraries = List.of(System.mapLibraryName("onnxruntime"), System.mapLibraryName("onnxruntime4j_jni"));
        ClassLoader loader = NativeCache.class.getClassLoader();
        String folder = "ai/onnxruntime/native/" + platform + "/";
        if (platform == null || libraries.stream().anyMatch(l -> loader.getResource(folder + l) == null)) {
            return; // not a platform the jar carries: ONNX Runtime looks for its libraries itself
        }
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), ONNX_RUNTIME_DIRECTORY);
        for (String library : libraries) {
            extract(loader, folder + library, directory, library);
        }
        System.setProperty(ONNX_RUNTIME_PATH, directory.toString());
    }

    /** The folder name ONNX Runtime's jar keeps this platform's libraries under (its own naming), or null. */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "osx"
                : os.contains("win") ? "win" : null;
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "aarch64" : null;
        return o == null || a == null ? null : o + "-" + a;
    }

    /** A partial file no process has written to for this long was left by one that died while copying. */
    static final Duration ABANDONED = Duration.ofMinutes(10);

    /**
     * Copies a resource to {@code directory/name}, through a partial file and an atomic rename: another service on
     * the same machine that has the previous copy loaded keeps it, one that loads meanwhile gets a whole file. A copy
     * that fails deletes its partial file; partial files of {@code name} that nobody has written to for
     * {@link #ABANDONED} were left by a process killed while it copied (a pod killed during its start, which keeps
     * its {@code /tmp} volume across restarts) and are deleted first, so that they do not fill the directory.
     */
    static Path extract(ClassLoader loader, String resource, Path directory, String name) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Files.createDirectories(directory);
            deleteAbandoned(directory, name);
            Path target = directory.resolve(name);
            Path partial = Files.createTempFile(directory, name, ".part");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteAbandoned(Path directory, String name) throws IOException {
        Instant before = Instant.now().minus(ABANDONED);
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(directory, name + "*.part")) {
            for (Path partial : partials) {
                try {
                    if (Files.getLastModifiedTime(partial).toInstant().isBefore(before)) {
                        Files.deleteIfExists(partial);
                    }
                } catch (NoSuchFileException e) {
                    // another service deleted it first
                }
            }
        }
    }

    private static void quiet(String property) {
        if (System.getProperty(property) == null && System.getenv(property) == null) {
            System.setProperty(property, "true");
        }
    }
}
