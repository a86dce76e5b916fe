package io.hrloop.improvement.config;

import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.hrloop.text.E5Embedder;
import io.hrloop.text.Embedder;
import io.quarkus.vertx.http.HttpServerStart;

/**
 * The sentence embedder of this JVM (e5-small-v2 on ONNX Runtime), for matching complaints to items and for
 * knowledge search. It loads once the HTTP server has started (not at {@code StartupEvent}, where it competed with
 * the rest of the start), on a thread of its own (about a second): the service is ready meanwhile, and the first feedback event does not pay for the load on the consumer loop (measured by
 * bench/run: the load held up the loop's first evidence under intake load for seconds).
 */
public class TextAnalysisProducer {

    @Produces
    @Singleton
    Embedder embedder() {
        return E5Embedder.shared();
    }

    void loadAtStartup(@ObservesAsync HttpServerStart started, Instance<Embedder> embedder) {
        E5Embedder.loadInBackground(() -> embedder.get().embed("Loaded at startup."));
    }
}
