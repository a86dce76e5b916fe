package io.hrloop.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.onnxruntime.OrtEnvironment;

/**
 * A JVM that loads ONNX Runtime as a service does (after {@link NativeCache#prepare}) leaves nothing behind in
 * {@code java.io.tmpdir} but our own directory of its libraries: no {@code onnxruntime-java*} directory per start.
 * Each case runs in a child JVM with a temporary directory of its own.
 */
class OnnxRuntimeTempTest {

    @Test
    void aStartLeavesNoDirectoryOfOnnxRuntimeBehind(@TempDir Path tmp) throws Exception {
        assertEquals(0, run(tmp, "prepared"), "the child JVM loaded ONNX Runtime");
        assertEquals(List.of(NativeCache.ONNX_RUNTIME_DIRECTORY), names(tmp));
        assertEquals(List.of(System.mapLibraryName("onnxruntime"), System.mapLibraryName("onnxruntime4j_jni")),
                names(tmp.resolve(NativeCache.ONNX_RUNTIME_DIRECTORY)).stream().sorted().toList());
        // a second start replaces the copies and still leaves nothing else
        assertEquals(0, run(tmp, "prepared"));
        assertEquals(List.of(NativeCache.ONNX_RUNTIME_DIRECTORY), names(tmp));
    }

    @Test
    void withoutItOnnxRuntimeLeavesOneDirectoryPerStart(@TempDir Path tmp) throws Exception {
        assertEquals(0, run(tmp, "plain"));
        List<String> left = names(tmp);
        // what NativeCache avoids (ONNX Runtime 1.20's loader); printed, not asserted, so that a fixed release passes
        System.out.println("ONNX Runtime left behind without NativeCache: " + left);
        assertTrue(left.stream().noneMatch(n -> n.equals(NativeCache.ONNX_RUNTIME_DIRECTORY)));
    }

    private static int run(Path tmp, String mode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx64m", "-Djava.io.tmpdir=" + tmp, "-cp",
                System.getProperty("java.class.path"), Child.class.getName(), mode).inheritIO().start();
        return process.waitFor();
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Loads ONNX Runtime's native libraries and exits normally. */
    static final class Child {

        public static void main(String[] args) {
            if (args[0].equals("prepared")) {
                NativeCache.prepare();
            }
            System.out.println("ONNX Runtime " + OrtEnvironment.getEnvironment().getVersion() + " loaded");
        }
    }
}
