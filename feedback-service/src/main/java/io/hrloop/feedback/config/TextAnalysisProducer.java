package io.hrloop.feedback.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.hrloop.feedback.domain.TextAnalyser;
import io.quarkus.runtime.StartupEvent;

/**
 * One analyser per application. The model (e5-small-v2, ONNX Runtime) loads in about a second, so it is
 * loaded at startup, not by the first piece of feedback.
 */
public class TextAnalysisProducer {

    @Produces
    @Singleton
    TextAnalyser textAnalyser() {
        return TextAnalyser.standard();
    }

    void loadAtStartup(@Observes StartupEvent startup, TextAnalyser analyser) {
        analyser.analyse("Loaded at startup.");
    }
}
