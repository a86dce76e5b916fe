package io.hrloop.feedback.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.hrloop.feedback.domain.TextAnalyser;

/** One analyser per application: the lexicons are read once at startup. */
public class TextAnalysisProducer {

    @Produces
    @Singleton
    TextAnalyser textAnalyser() {
        return TextAnalyser.standard();
    }
}
