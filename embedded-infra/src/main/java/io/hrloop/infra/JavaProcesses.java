package io.hrloop.infra;

import java.nio.file.Path;

final class JavaProcesses {
    private JavaProcesses() {
    }

    /** The java launcher of the running JVM, so child JVMs use the same JDK 21+. */
    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
