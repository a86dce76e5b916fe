package io.hrloop.feedback.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.hrloop.feedback.domain.TextAnalyser;
import io.hrloop.text.E5Embedder;
import io.quarkus.runtime.StartupEvent;

/**
 * One analyser per application. The model (e5-small-v2, ONNX Runtime) loads in about a second, so it is
 * loaded as the service starts, on a thread of its own: the service is ready meanwhile (an answer that comes
 * before the load is done waits for it), and the first piece of feedback does not pay for the load.
 */
public class TextAnalysisProducer {

    @Produces
    @Singleton
    TextAnalyser textAnalyser() {
        return TextAnalyser.standard();
    }

    void loadAtStartup(@Observes StartupEvent startup, Instance<TextAnalyser> analyser) {
        E5Embedder.loadInBackground(() -> analyser.get().analyse("Loaded at startup."));
    }
}
