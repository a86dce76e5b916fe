package io.hrloop.common.metrics;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * A gauge per combination of labels (e.g. requests by status and type), read from the database by the owner on
 * a schedule and replaced as a whole, so that combinations that no longer exist disappear.
 */
public final class CountsByLabel {

    /** One row: its labels (name, value, name, value, ...) and its count. */
    public record Row(Tags tags, long count) {
        public static Row of(long count, String... labels) {
            return new Row(Tags.of(labels), count);
        }
    }

    private final MultiGauge gauge;

    public CountsByLabel(MeterRegistry registry, String name, String description) {
        this.gauge = MultiGauge.builder(name).description(description).register(registry);
    }

    public void replace(List<Row> rows) {
        List<MultiGauge.Row<?>> gaugeRows = new ArrayList<>();
        for (Row row : rows) {
            gaugeRows.add(MultiGauge.Row.of(row.tags(), row.count()));
        }
        gauge.register(gaugeRows, true);
    }
}
