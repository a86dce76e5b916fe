package io.hrloop.feedback.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.hrloop.feedback.domain.TextAnalyser;
import io.quarkus.logging.Log;
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
        Thread.ofPlatform().name("text-analysis-load").daemon().start(() -> {
            try {
                analyser.get().analyse("Loaded at startup.");
            } catch (RuntimeException e) {
                Log.warnf(e, "The text analysis model did not load at startup; the first comment tries again");
            }
        });
    }
}
