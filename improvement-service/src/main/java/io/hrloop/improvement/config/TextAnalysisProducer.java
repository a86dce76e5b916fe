package io.hrloop.improvement.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.hrloop.text.E5Embedder;
import io.hrloop.text.Embedder;

/**
 * The sentence embedder of this JVM (e5-small-v2 on ONNX Runtime, loaded on first use), for matching
 * complaints to items and for knowledge search.
 */
public class TextAnalysisProducer {

    @Produces
    @Singleton
    Embedder embedder() {
        return E5Embedder.shared();
    }
}
