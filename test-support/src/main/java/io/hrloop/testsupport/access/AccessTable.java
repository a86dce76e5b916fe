package io.hrloop.testsupport.access;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.hrloop.testsupport.openapi.ApiDocument;

/**
 * The access table of one service, read from the README section {@code ### Access: <service>}: one row per
 * operation (its {@code operationId} in back-quotes in the first column), one column per role of the product
 * contract plus {@code anonymous} (no token). A cell is one outcome for every object ({@code ✓}, {@code 401},
 * {@code 403}, {@code 404}) or three separated by {@code /}: the caller's own object, another person's and a
 * confidential one (see {@link Target}).
 * <p>
 * The README is the one place the rules are written down; {@link AccessMatrix} checks the service against it.
 */
public final class AccessTable {

    public static final List<String> ROLES = List.of("anonymous", "employee", "manager", "hr-agent", "hr-lead",
            "hr-admin", "er-specialist", "service", "operator");

    private static final Pattern OPERATION = Pattern.compile("`([A-Za-z0-9_]+)`");

    private final String service;
    private final Map<String, Map<String, EnumMap<Target, Outcome>>> rows;

    private AccessTable(String service, Map<String, Map<String, EnumMap<Target, Outcome>>> rows) {
        this.service = service;
        this.rows = rows;
    }

    /** The table of {@code service} in the repository's README.md. */
    public static AccessTable read(String service) {
        return parse(service, ApiDocument.read(ApiDocument.repositoryRoot().resolve("README.md")));
    }

    public static AccessTable parse(String service, String markdown) {
        String heading = "### Access: " + service;
        int start = markdown.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new IllegalStateException("README.md has no section '" + heading + "'");
        }
        List<String> lines = markdown.substring(start + heading.length() + 2).lines().toList();
        List<String> header = null;
        Map<String, Map<String, EnumMap<Target, Outcome>>> rows = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith("#")) {
                break;
            }
            if (!line.startsWith("|")) {
                if (header != null && line.isBlank()) {
                    break;
                }
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells;
                List<String> roles = cells.subList(1, cells.size());
                if (!roles.equals(ROLES)) {
                    throw new IllegalStateException(heading + ": the columns after the first must be " + ROLES
                            + ", not " + roles);
                }
                continue;
            }
            if (cells.get(0).matches("-+|:?-+:?")) {
                continue;
            }
            Matcher m = OPERATION.matcher(cells.get(0));
            if (!m.find()) {
                throw new IllegalStateException(heading + ": no `operationId` in the first cell of: " + line);
            }
            if (cells.size() != ROLES.size() + 1) {
                throw new IllegalStateException(heading + ": " + (ROLES.size() + 1) + " cells expected in: " + line);
            }
            Map<String, EnumMap<Target, Outcome>> row = new LinkedHashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                row.put(ROLES.get(i), cell(heading, m.group(1), ROLES.get(i), cells.get(i + 1)));
            }
            if (rows.put(m.group(1), row) != null) {
                throw new IllegalStateException(heading + ": operation " + m.group(1) + " has two rows");
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException(heading + " has no table rows");
        }
        return new AccessTable(service, rows);
    }

    private static List<String> cells(String line) {
        String body = line.strip();
        body = body.substring(1, body.endsWith("|") ? body.length() - 1 : body.length());
        List<String> out = new ArrayList<>();
        for (String c : body.split("\\|", -1)) {
            out.add(c.strip());
        }
        return out;
    }

    private static EnumMap<Target, Outcome> cell(String heading, String op, String role, String text) {
        String[] parts = text.split("/");
        EnumMap<Target, Outcome> out = new EnumMap<>(Target.class);
        try {
            if (parts.length == 1) {
                Outcome o = Outcome.parse(parts[0]);
                for (Target t : Target.values()) {
                    out.put(t, o);
                }
            } else if (parts.length == 3) {
                for (Target t : Target.values()) {
                    out.put(t, Outcome.parse(parts[t.ordinal()]));
                }
            } else {
                throw new IllegalArgumentException("one outcome or three separated by '/' expected");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(heading + ", " + op + ", " + role + ": '" + text + "': " + e.getMessage(), e);
        }
        return out;
    }

    public String service() {
        return service;
    }

    public Set<String> operationIds() {
        return new TreeSet<>(rows.keySet());
    }

    public Outcome expected(String operationId, String role, Target target) {
        Map<String, EnumMap<Target, Outcome>> row = rows.get(operationId);
        if (row == null) {
            throw new IllegalArgumentException("README access table of " + service + " has no row " + operationId);
        }
        EnumMap<Target, Outcome> cell = row.get(role);
        if (cell == null) {
            throw new IllegalArgumentException("unknown role " + role + "; roles: " + ROLES);
        }
        return cell.get(target);
    }

    /** The operationIds of the service's committed API document (api/&lt;service&gt;.yaml). */
    public static Set<String> documentedOperations(String service) {
        var doc = ApiDocument.parse(ApiDocument.read(ApiDocument.committed(service)));
        Set<String> ids = new TreeSet<>();
        doc.path("paths").forEach(path -> path.forEach(op -> {
            if (op.hasNonNull("operationId")) {
                ids.add(op.get("operationId").asText());
            }
        }));
        return ids;
    }
}
