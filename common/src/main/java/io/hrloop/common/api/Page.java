package io.hrloop.common.api;

import java.util.List;
import java.util.function.Function;

/** The list shape of every collection: {@code {"items": [...], "next": "<cursor>" | null}}. */
public record Page<T>(List<T> items, String next) {

    /**
     * Keyset paging: {@code fetched} was read with {@code limit + 1} rows in the list's order; the extra row
     * only says there is more, and the cursor names the last row kept ({@code cursorOf}, usually
     * {@link Cursor#of} of its sort value and id).
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, cursorOf.apply(items.getLast()));
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), next);
    }
}
