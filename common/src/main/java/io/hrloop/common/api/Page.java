package io.hrloop.common.api;

import java.util.List;

/** The list shape of every collection: {@code {"items": [...], "next": "<cursor>" | null}}. */
public record Page<T>(List<T> items, String next) {
}
