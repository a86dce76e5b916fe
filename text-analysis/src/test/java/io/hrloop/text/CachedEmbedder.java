package io.hrloop.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The real embedder, each text embedded once per test JVM: the corpora are read by several tests. */
final class CachedEmbedder implements Embedder {

    private static final CachedEmbedder SHARED = new CachedEmbedder(E5Embedder.shared());

    private final Embedder embedder;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    CachedEmbedder(Embedder embedder) {
        this.embedder = embedder;
    }

    static CachedEmbedder shared() {
        return SHARED;
    }

    @Override
    public float[] embed(String text) {
        return cache.computeIfAbsent(text, embedder::embed);
    }

    @Override
    public int dimensions() {
        return embedder.dimensions();
    }

    @Override
    public String modelName() {
        return embedder.modelName();
    }
}
