package io.hrloop.common.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.hrloop.common.domain.DomainException;

/** Parsing of list filters shared by the services' collection endpoints. */
public final class QueryParams {

    private QueryParams() {
    }

    /**
     * The enum constants of a multi-valued filter, given repeated ({@code ?status=A&status=B}) or
     * comma-separated ({@code ?status=A,B}); an unknown value is a 400 that lists the accepted ones.
     */
    public static <E extends Enum<E>> List<E> enums(Class<E> type, String parameter, List<String> values) {
        List<E> parsed = new ArrayList<>();
        if (values == null) {
            return parsed;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    parsed.add(Enum.valueOf(type, part.strip()));
                } catch (IllegalArgumentException e) {
                    throw DomainException.invalid("invalid-filter", parameter + " '" + part.strip()
                            + "' is not one of " + Arrays.toString(type.getEnumConstants()));
                }
            }
        }
        return parsed;
    }
}
