package io.hrloop.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * langchain4j's ONNX embedding model (its {@link OnnxBertBiEncoder}: the same tokenizer, truncation and mean
 * pooling as {@code OnnxEmbeddingModel}) on an ONNX Runtime session built with our own {@link Settings}, where
 * {@code OnnxEmbeddingModel} takes ONNX Runtime's defaults.
 */
final class OnnxModel extends AbstractInProcessEmbeddingModel {

    /**
     * The session's options. {@code arena}: ONNX Runtime's CPU memory arena (grows to the largest input seen and
     * keeps it); {@code memoryPattern}: plans and keeps a buffer per input shape seen; threads: 0 is ONNX Runtime's
     * default (one per physical core); {@code config}: session configuration entries
     * ({@code onnxruntime_session_options_config_keys.h}).
     */
    record Settings(boolean arena, boolean memoryPattern, int intraOpThreads, int interOpThreads, OptLevel optimisation,
            Map<String, String> config) {
    }

    private final OnnxBertBiEncoder encoder;

    private OnnxModel(OnnxBertBiEncoder encoder) {
        super(null);
        this.encoder = encoder;
    }

    static OnnxModel load(Path model, Path tokenizer, Settings settings) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                InputStream tokenizerJson = Files.newInputStream(tokenizer)) {
            options.setCPUArenaAllocator(settings.arena());
            options.setMemoryPatternOptimization(settings.memoryPattern());
            if (settings.intraOpThreads() > 0) {
                options.setIntraOpNumThreads(settings.intraOpThreads());
            }
            if (settings.interOpThreads() > 0) {
                options.setInterOpNumThreads(settings.interOpThreads());
            }
            options.setOptimizationLevel(settings.optimisation());
            for (Map.Entry<String, String> entry : settings.config().entrySet()) {
                options.addConfigEntry(entry.getKey(), entry.getValue());
            }
            OrtSession session = environment.createSession(model.toString(), options);
            return new OnnxModel(new OnnxBertBiEncoder(environment, session, tokenizerJson, PoolingMode.MEAN));
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load " + model + " into ONNX Runtime", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }
}
