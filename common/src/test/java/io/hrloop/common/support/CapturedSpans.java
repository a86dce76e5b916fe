package io.hrloop.common.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;

/**
 * The spans the test application ends, kept in memory (the last {@value #LIMIT}) instead of going out over OTLP.
 * Quarkus's OpenTelemetry extension exports to the {@link SpanExporter} beans there are (through its batch span
 * processor); this one is an alternative, so only a test profile that selects it ({@link TracingProfile}) has it.
 */
@Alternative
@Singleton
@Unremovable
public class CapturedSpans implements SpanExporter {

    static final int LIMIT = 50_000;

    private final List<SpanData> spans = new ArrayList<>();

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> batch) {
        spans.addAll(batch);
        if (spans.size() > LIMIT) {
            spans.subList(0, spans.size() - LIMIT).clear();
        }
        return CompletableResultCode.ofSuccess();
    }

    /** A copy of what has been exported so far. */
    public synchronized List<SpanData> all() {
        return List.copyOf(spans);
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
