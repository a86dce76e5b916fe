package io.hrloop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a service JVM's resident memory goes: the pages of each mapping from {@code /proc/<pid>/smaps}, told apart
 * with what {@code jcmd} says of the heap's address range and of metaspace. Resident pages, not reservations.
 */
final class MemoryParts {

    /** MiB each: the Java heap's resident pages, the class archive's (AOT cache or CDS), JIT code, metaspace, the rest. */
    record Parts(double rss, double heap, double archive, double code, double metaspace, double rest) {
    }

    private record Mapping(long start, long end, String perms, String path, long rssKb) {
    }

    private static final Pattern HEADER = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) (\\S{4}) \\S+ \\S+ \\S+\\s*(.*)$");
    private static final Pattern RANGE = Pattern.compile("\\[0x([0-9a-f]+), 0x[0-9a-f]+, 0x([0-9a-f]+)\\)");
    private static final Pattern METASPACE = Pattern.compile("^\\s*Metaspace\\s+used \\d+K, committed (\\d+)K");

    private MemoryParts() {
    }

    /** The parts of {@code pid}'s resident memory, or empty when the process or jcmd does not answer. */
    static Optional<Parts> of(long pid) {
        try {
            List<Mapping> mappings = smaps(pid);
            long heapFrom = Long.MAX_VALUE;
            long heapTo = 0;
            double metaspace = Double.NaN;
            for (String line : Procs.jcmd(pid, "GC.heap_info").lines()) {
                Matcher range = RANGE.matcher(line);
                if (range.find()) {
                    heapFrom = Math.min(heapFrom, Long.parseUnsignedLong(range.group(1), 16));
                    heapTo = Math.max(heapTo, Long.parseUnsignedLong(range.group(2), 16));
                }
            }
            for (String line : Procs.jcmd(pid, "VM.metaspace", "basic").lines()) {
                Matcher meta = METASPACE.matcher(line);
                if (meta.find()) {
                    metaspace = Long.parseLong(meta.group(1)) / 1024.0; // committed, class space included
                }
            }
            long total = 0;
            long heap = 0;
            long archive = 0;
            long code = 0;
            for (Mapping mapping : mappings) {
                total += mapping.rssKb();
                if (mapping.start() < heapTo && mapping.end() > heapFrom) {
                    heap += mapping.rssKb();
                } else if (mapping.path().endsWith(".aot") || mapping.path().endsWith(".jsa")) {
                    archive += mapping.rssKb();
                } else if (mapping.perms().startsWith("rwx") && mapping.path().isEmpty()) {
                    code += mapping.rssKb(); // the JIT's code cache is the one anonymous writable and executable mapping
                }
            }
            double rest = total / 1024.0 - heap / 1024.0 - archive / 1024.0 - code / 1024.0
                    - (Double.isNaN(metaspace) ? 0 : metaspace);
            return Optional.of(new Parts(total / 1024.0, heap / 1024.0, archive / 1024.0, code / 1024.0, metaspace, rest));
        } catch (IOException | InterruptedException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<Mapping> smaps(long pid) throws IOException {
        List<Mapping> mappings = new ArrayList<>();
        long start = 0;
        long end = 0;
        String perms = "";
        String path = "";
        long rss = -1;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps"))) {
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                if (rss >= 0) {
                    mappings.add(new Mapping(start, end, perms, path, rss));
                }
                start = Long.parseUnsignedLong(header.group(1), 16);
                end = Long.parseUnsignedLong(header.group(2), 16);
                perms = header.group(3);
                path = header.group(4).strip();
                rss = 0;
            } else if (line.startsWith("Rss:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        if (rss >= 0) {
            mappings.add(new Mapping(start, end, perms, path, rss));
        }
        return mappings;
    }
}
