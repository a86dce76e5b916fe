package io.hrloop.testsupport.access;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a service against its README access table, one observed cell at a time, and fails with every mismatch at
 * the end. A <em>leak</em> is a mismatch that shows the caller more than the table allows: an answer (or a listed
 * object) where the table says 401, 403 or 404, or a 403 where the table says 404 (it tells the caller that the
 * object exists).
 * <p>
 * A test drives every operation of the service's API document as every role against each object, reports what it
 * saw with {@link #observe} (an HTTP status) or {@link #observeListed} (whether a list showed the object), then
 * calls {@link #verify}. {@link #verify} also fails when the table and the API document do not list the same
 * operations, or when a cell of the table was never observed.
 */
public final class AccessMatrix {

    private record Key(String operationId, String role, Target target) {
    }

    private final AccessTable table;
    private final Map<Key, List<String>> observed = new LinkedHashMap<>();
    private final List<String> mismatches = new ArrayList<>();
    private int leaks;
    private int checks;

    public AccessMatrix(AccessTable table) {
        this.table = table;
    }

    public static AccessMatrix of(String service) {
        return new AccessMatrix(AccessTable.read(service));
    }

    public AccessTable table() {
        return table;
    }

    public Outcome expected(String operationId, String role, Target target) {
        return table.expected(operationId, role, target);
    }

    /** Records the status {@code role} got from {@code operationId} on {@code target}. */
    public void observe(String operationId, String role, Target target, int status, String detail) {
        Outcome expected = table.expected(operationId, role, target);
        Outcome seen = Outcome.ofStatus(status);
        record(operationId, role, target, expected, seen, "HTTP " + status + (detail == null ? "" : " " + detail));
    }

    /**
     * Records a list call: {@code status} of the list, and whether {@code target}'s object was in it. ✓ in the table
     * means listed, 404 means absent from a 2xx list, 401 and 403 mean the list itself is refused.
     */
    public void observeListed(String operationId, String role, Target target, int status, boolean listed) {
        Outcome expected = table.expected(operationId, role, target);
        Outcome seen = Outcome.ofStatus(status);
        if (seen == Outcome.ALLOWED && !listed) {
            seen = Outcome.NOT_FOUND;
        }
        record(operationId, role, target, expected, seen, "HTTP " + status + (listed ? ", listed" : ", not listed"));
    }

    private synchronized void record(String op, String role, Target target, Outcome expected, Outcome seen,
            String what) {
        checks++;
        observed.computeIfAbsent(new Key(op, role, target), k -> new ArrayList<>()).add(what);
        if (seen == expected) {
            return;
        }
        boolean leak = seen == Outcome.ALLOWED
                || (expected == Outcome.NOT_FOUND && seen == Outcome.FORBIDDEN);
        if (leak) {
            leaks++;
        }
        mismatches.add((leak ? "LEAK " : "") + op + " as " + role + " on " + target.name().toLowerCase()
                + " object: README says " + expected.symbol() + ", got " + what);
    }

    public int cellsChecked() {
        return observed.size();
    }

    public int leaks() {
        return leaks;
    }

    /** Prints the figures ({@code [hrloop-access]}) and fails on any mismatch, unobserved cell or undocumented operation. */
    public void verify() {
        List<String> problems = new ArrayList<>(mismatches);
        Set<String> documented = AccessTable.documentedOperations(table.service());
        Set<String> inTable = table.operationIds();
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(inTable);
        Set<String> extra = new TreeSet<>(inTable);
        extra.removeAll(documented);
        if (!missing.isEmpty()) {
            problems.add("operations of api/" + table.service() + ".yaml without a row in the README access table: "
                    + missing);
        }
        if (!extra.isEmpty()) {
            problems.add("README access table rows that are not operations of api/" + table.service() + ".yaml: "
                    + extra);
        }
        List<String> unobserved = new ArrayList<>();
        for (String op : inTable) {
            for (String role : AccessTable.ROLES) {
                for (Target t : Target.values()) {
                    if (!observed.containsKey(new Key(op, role, t))) {
                        unobserved.add(op + "/" + role + "/" + t.name().toLowerCase());
                    }
                }
            }
        }
        if (!unobserved.isEmpty()) {
            problems.add(unobserved.size() + " cells never checked, e.g. "
                    + unobserved.subList(0, Math.min(20, unobserved.size())));
        }
        System.out.printf("[hrloop-access] %s: %d operations x %d roles x %d objects, %d cells checked (%d calls), "
                + "%d mismatches, %d leaks%n", table.service(), inTable.size(), AccessTable.ROLES.size(),
                Target.values().length, cellsChecked(), checks, mismatches.size(), leaks);
        if (!problems.isEmpty()) {
            fail(table.service() + " does not match its README access table:\n  " + String.join("\n  ", problems));
        }
    }
}
