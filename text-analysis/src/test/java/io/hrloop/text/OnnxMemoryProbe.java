package io.hrloop.text;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * What ONNX Runtime's session options cost in resident memory and time, one variant per JVM (not a test: run it
 * by hand, see the README's "Text analysis", Cost). It loads {@link E5Embedder} with the session of
 * {@code args[0]}, embeds 200 comments (190 short ones, 10 of about 1,500 characters), prints the process's
 * VmRSS after loading and after the embeds, then the mean and p99 time to embed a short comment (two timed passes
 * over the 190, on one thread); the 200 embeds run on {@code -Dprobe.threads} threads (1 unless set), as a
 * service embeds on many worker threads, and writes the 200 vectors to {@code args[1]}; with {@code args[2]}, the vectors of another
 * variant, it prints the lowest cosine between the two for the same comment.
 *
 * <p>{@code args[0]}: {@code default} (langchain4j's {@code OnnxEmbeddingModel}, ONNX Runtime's default options, as before), {@code standard} (the
 * options {@link E5Embedder} uses) or
 * {@code arena,pattern,intraOpThreads,interOpThreads,optimisation[,configKey=value...]}, e.g.
 * {@code true,false,1,1,ALL_OPT,session.use_device_allocator_for_initializers=1}; {@code none}: the resident
 * memory of the JVM without the model. {@code -Dprobe.settle=N}: one more reading after N seconds idle.
 */
final class OnnxMemoryProbe {

    private OnnxMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        String variant = args[0];
        if (variant.equals("none")) {
            System.out.printf("none: VmRSS without the model %d MiB%n", rssKb() / 1024);
            return;
        }
        long start = System.nanoTime();
        E5Embedder embedder = new E5Embedder(variant.equals("default")
                ? (model, tokenizer) -> new OnnxEmbeddingModel(model, tokenizer, PoolingMode.MEAN)
                : (model, tokenizer) -> OnnxModel.load(model, tokenizer,
                        variant.equals("standard") ? E5Embedder.SESSION : settings(variant)));
        double load = (System.nanoTime() - start) / 1e6;
        long afterLoad = rssKb();
        List<String> shortTexts = EmbeddingCostTest.shortComments().subList(0, 190);
        List<String> texts = comments(shortTexts);
        float[][] vectors = new float[texts.size()][];
        int threads = Integer.getInteger("probe.threads", 1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<float[]>> embeddings = new ArrayList<>();
            for (String text : texts) {
                embeddings.add(pool.submit(() -> embedder.embed(text)));
            }
            for (int i = 0; i < texts.size(); i++) {
                vectors[i] = embeddings.get(i).get();
            }
        }
        long afterEmbeds = rssKb();
        long[] nanos = new long[2 * shortTexts.size()];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            embedder.embed(shortTexts.get(i % shortTexts.size()));
            nanos[i] = System.nanoTime() - t;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT,
                "%s MALLOC_ARENA_MAX=%s: load %.0f ms; VmRSS after load %d MiB, after %d embeds on %d threads %d MiB, after timing %d MiB (VmHWM %d MiB); short comment %.2f ms mean, %.2f ms p99%n",
                variant, System.getenv().getOrDefault("MALLOC_ARENA_MAX", "-"), load, afterLoad / 1024, texts.size(), threads,
                afterEmbeds / 1024, rssKb() / 1024, status("VmHWM") / 1024,
                Arrays.stream(nanos).average().orElse(0) / 1e6, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6);
        int settle = Integer.getInteger("probe.settle", 0);
        if (settle > 0) {
            Thread.sleep(settle * 1000L);
            System.out.printf("after %d s idle: VmRSS %d MiB%n", settle, rssKb() / 1024);
        }
        write(Path.of(args[1]), vectors);
        if (args.length > 2) {
            float[][] reference = read(Path.of(args[2]));
            double lowest = 1;
            double difference = 0;
            for (int i = 0; i < vectors.length; i++) {
                lowest = Math.min(lowest, Vectors.cosine(vectors[i], reference[i]));
                for (int k = 0; k < vectors[i].length; k++) {
                    difference = Math.max(difference, Math.abs(vectors[i][k] - reference[i][k]));
                }
            }
            System.out.printf(Locale.ROOT, "against %s, %d comments: lowest cosine %.9f, largest difference in a dimension %.3g%n",
                    args[2], vectors.length, lowest, difference);
        }
    }

    /** The short comments with one of about 1,500 characters after every 19th. */
    private static List<String> comments(List<String> shortTexts) {
        List<String> longTexts = EmbeddingCostTest.longComments();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < shortTexts.size(); i++) {
            texts.add(shortTexts.get(i));
            if (i % 19 == 18) {
                String text = longTexts.get(i / 19 * 5 % longTexts.size());
                String cut = text.substring(0, Math.min(text.length(), 1600));
                texts.add(cut.substring(0, cut.lastIndexOf('.') + 1));
            }
        }
        return texts;
    }

    private static OnnxModel.Settings settings(String variant) {
        String[] parts = variant.split(",");
        Map<String, String> config = new TreeMap<>();
        for (int i = 5; i < parts.length; i++) {
            config.put(parts[i].substring(0, parts[i].indexOf('=')), parts[i].substring(parts[i].indexOf('=') + 1));
        }
        return new OnnxModel.Settings(Boolean.parseBoolean(parts[0]), Boolean.parseBoolean(parts[1]),
                Integer.parseInt(parts[2]), Integer.parseInt(parts[3]), OptLevel.valueOf(parts[4]), config);
    }

    private static long rssKb() throws IOException {
        return status("VmRSS");
    }

    private static long status(String field) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(field + ":"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1);
    }

    private static void write(Path file, float[][] vectors) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(vectors.length);
            for (float[] vector : vectors) {
                out.writeInt(vector.length);
                for (float x : vector) {
                    out.writeFloat(x);
                }
            }
        }
    }

    private static float[][] read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            float[][] vectors = new float[in.readInt()][];
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = new float[in.readInt()];
                for (int k = 0; k < vectors[i].length; k++) {
                    vectors[i][k] = in.readFloat();
                }
            }
            return vectors;
        }
    }
}
