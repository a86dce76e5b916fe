package io.hrloop.improvement.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.common.contract.Theme;
import io.hrloop.common.domain.DomainException;
import io.hrloop.improvement.service.ItemPatch;

/**
 * Reads a JSON merge patch of an item: absent = unchanged, null = cleared (effort, targetDate, publicSummary only).
 * Every bad value is a 400 naming its field, never a 500: numbers beyond double (1e400), dates beyond what the
 * database stores, NUL characters.
 */
final class ItemPatchParser {

    private static final Set<String> FIELDS = Set.of("title", "problem", "publicSummary", "themes", "effort",
            "targetDate");
    private static final BigDecimal MAX_EFFORT = new BigDecimal("999999.99");

    private ItemPatchParser() {
    }

    static ItemPatch parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw DomainException.invalid("malformed-body", "send a JSON object with the fields to change");
        }
        List<Map<String, String>> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(error(name, "cannot be changed here; changeable fields are " + FIELDS.stream().sorted().toList()
                        + " (status and owner have their own operations)"));
            }
        }
        String title = text(body, "title", 200, errors);
        String problem = text(body, "problem", 10000, errors);
        String publicSummary = body.has("publicSummary") && body.get("publicSummary").isNull() ? null
                : text(body, "publicSummary", 2000, errors);
        List<String> themes = null;
        if (body.has("themes")) {
            JsonNode node = body.get("themes");
            if (!node.isArray() || node.isEmpty()) {
                errors.add(error("themes", "must be a non-empty array of " + Theme.KEYS));
            } else {
                themes = new ArrayList<>();
                for (JsonNode t : node) {
                    if (!t.isTextual() || Theme.fromKey(t.asText()).isEmpty()) {
                        errors.add(error("themes", "unknown theme " + t + "; themes are " + Theme.KEYS));
                    } else if (!themes.contains(t.asText())) {
                        themes.add(t.asText());
                    }
                }
            }
        }
        BigDecimal effort = null;
        if (body.has("effort") && !body.get("effort").isNull()) {
            BigDecimal value = decimal(body.get("effort"));
            if (value == null || value.signum() <= 0 || value.compareTo(MAX_EFFORT) > 0 || value.scale() > 2) {
                errors.add(error("effort", "must be a positive number of person-days up to " + MAX_EFFORT
                        + " (at most 2 decimals), or null"));
            } else {
                effort = value;
            }
        }
        LocalDate targetDate = null;
        if (body.has("targetDate") && !body.get("targetDate").isNull()) {
            JsonNode node = body.get("targetDate");
            try {
                targetDate = node.isTextual() ? LocalDate.parse(node.asText()) : null;
            } catch (DateTimeParseException e) {
                targetDate = null;
            }
            if (targetDate == null || !TargetDates.plausible(targetDate)) {
                errors.add(error("targetDate", "must be a date (YYYY-MM-DD) between " + TargetDates.EARLIEST + " and "
                        + TargetDates.LATEST + ", or null"));
                targetDate = null;
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("validation", errors.stream()
                    .map(e -> e.get("field") + ": " + e.get("message")).reduce((a, b) -> a + "; " + b).orElseThrow())
                    .with("errors", errors);
        }
        return new ItemPatch(title, problem, themes, body.has("effort"), effort, body.has("targetDate"), targetDate,
                body.has("publicSummary"), publicSummary);
    }

    /** The exact decimal of a JSON number, or null when it is not one or not finite (1e400 reads as infinity). */
    private static BigDecimal decimal(JsonNode node) {
        if (!node.isNumber() || ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue()))) {
            return null;
        }
        try {
            return node.decimalValue();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String text(JsonNode body, String field, int max, List<Map<String, String>> errors) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode node = body.get(field);
        if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > max
                || !PlainText.Validator.isPlain(node.asText())) {
            errors.add(error(field, "must be a non-blank text of at most " + max
                    + " characters, without NUL characters or broken unicode"));
            return null;
        }
        return node.asText();
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
