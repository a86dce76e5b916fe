package io.hrloop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The processes of the local stack as Linux shows them in /proc: command lines, CPU time and RSS. */
final class Procs {

    /** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    private Procs() {
    }

    /** Arguments of a process, or empty when it is gone. */
    static List<String> commandLine(long pid) {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")), StandardCharsets.UTF_8);
            return raw.isEmpty() ? List.of() : Arrays.asList(raw.split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<Long> all() {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one process whose command line has an argument equal to or containing {@code part}. */
    static Optional<Long> find(String part) {
        return all().stream().filter(pid -> commandLine(pid).stream().anyMatch(arg -> arg.contains(part))).findFirst();
    }

    /** The JVM running {@code <root>/<module>/target/quarkus-app/quarkus-run.jar} on {@code port}. */
    static Optional<Long> service(Path root, String module, int port) {
        String jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar").toString();
        return all().stream().filter(pid -> {
            List<String> args = commandLine(pid);
            return args.contains(jar) && args.contains("-Dquarkus.http.port=" + port);
        }).findFirst();
    }

    /** The PostgreSQL server of the local stack and its backends. */
    static List<Long> postgres(Path root) {
        String data = root.resolve(".local-stack/postgres").toString();
        List<Long> pids = new ArrayList<>();
        Optional<Long> postmaster = all().stream()
                .filter(pid -> commandLine(pid).stream().anyMatch(a -> a.equals(data))).findFirst();
        postmaster.ifPresent(master -> {
            pids.add(master);
            all().stream().filter(pid -> parent(pid) == master).forEach(pids::add);
        });
        return pids;
    }

    private static String[] stat(long pid) {
        return stat(String.valueOf(pid));
    }

    /** The fields of {@code /proc/<process>/stat} after the command name; {@code process} may be {@code <pid>/task/<tid>}. */
    private static String[] stat(String process) {
        try {
            String stat = Files.readString(Path.of("/proc", process, "stat"));
            // the command name in parentheses may contain spaces; the fields follow the last ')'
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null;
        }
    }

    private static long parent(long pid) {
        String[] fields = stat(pid);
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    /** User plus system CPU seconds a process has used (0 when it is gone). */
    static double cpuSeconds(long pid) {
        return cpuSeconds(String.valueOf(pid));
    }

    /** User plus system CPU seconds of {@code /proc/<process>}, a process or {@code <pid>/task/<tid>} (0 when gone). */
    private static double cpuSeconds(String process) {
        String[] fields = stat(process);
        return fields == null ? 0 : (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
    }

    /**
     * CPU seconds the JIT compiler threads of a JVM have used (its threads named {@code C1 CompilerThread<n>} and
     * {@code C2 CompilerThread<n>}, which Linux shows cut to 15 characters); 0 when it is gone.
     */
    static double compilerCpuSeconds(long pid) {
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).strip().matches("C[12] CompilerThre.*");
                } catch (IOException e) {
                    return false; // the thread ended
                }
            }).mapToDouble(t -> cpuSeconds(pid + "/task/" + t.getFileName())).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    static double cpuSeconds(List<Long> pids) {
        return pids.stream().mapToDouble(Procs::cpuSeconds).sum();
    }

    /**
     * CPU seconds of a process and all its children, live and exited: its own time, the time of its children that
     * have exited (cutime and cstime, added when it reaps them) and that of the live ones. Summing only the live
     * children loses a backend that exits within a window and made the difference of two samples negative.
     */
    static double treeCpuSeconds(long parent, List<Long> children) {
        String[] fields = stat(parent);
        if (fields == null) {
            return 0;
        }
        double reaped = (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS;
        return cpuSeconds(parent) + reaped + children.stream().mapToDouble(Procs::cpuSeconds).sum();
    }

    /**
     * Runs {@code jcmd <pid> <command...>} of the JDK the bench runs on; returns its exit status and output lines.
     */
    static JcmdResult jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        args.addAll(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        return new JcmdResult(p.waitFor(), lines);
    }

    record JcmdResult(int status, List<String> lines) {
    }

    /** Resident set size in MiB (VmRSS), or NaN when the process is gone. */
    static double rssMiB(long pid) {
        return status(pid, "VmRSS:");
    }

    /** The highest resident set size the process has had, in MiB (VmHWM), or NaN when it is gone. */
    static double peakRssMiB(long pid) {
        return status(pid, "VmHWM:");
    }

    private static double status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            // gone
        }
        return Double.NaN;
    }

    /** Busy CPU seconds of the whole machine, all cores (from /proc/stat). */
    static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5) { // idle and iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / TICKS;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String firstLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
