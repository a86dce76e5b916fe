package io.hrloop.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Prints what an analysis costs, for short comments (the 303 sentences of held-out round 2) and for comments of 2,000 characters
 * (the API's maximum: long comments joined and cut at a sentence end), embedded whole (as before round 3) and
 * within the window {@link E5Embedder} now embeds ({@link EmbeddingWindow}), measured in turns so that both see
 * the same load; what the window does to the readings of long comments ({@code corpus/long-comments.tsv}); the
 * time to load the model; and the resident memory of a plain JVM with the model loaded, in a child JVM with a
 * service's heap settings ({@link RssProbe}). Timings are printed, never asserted: they depend on the machine and
 * on what else runs.
 */
class EmbeddingCostTest {

    static final String LONG_COMMENTS = "io/hrloop/text/corpus/long-comments.tsv";

    static List<String> shortComments() {
        return LabelledCorpus.file("io/hrloop/text/corpus/training/08-held-out-round-2.tsv").texts();
    }

    /** Long comments joined into comments of at most 2,000 characters, each ending at a sentence end. */
    static List<String> longComments() {
        List<String> texts = LabelledCorpus.file(LONG_COMMENTS).texts();
        List<String> comments = new ArrayList<>();
        for (int start = 0; start < texts.size(); start++) {
            StringBuilder joined = new StringBuilder();
            for (int k = start; joined.length() < 2000; k = (k + 1) % texts.size()) {
                joined.append(joined.isEmpty() ? "" : " ").append(texts.get(k));
            }
            String cut = joined.substring(0, 2000);
            comments.add(cut.substring(0, cut.lastIndexOf('.') + 1));
        }
        return comments;
    }

    @Test
    void printsTheCostOfAnAnalysis() throws Exception {
        E5Embedder embedder = E5Embedder.shared();
        List<String> shortTexts = shortComments();
        List<String> longTexts = longComments();
        for (String warmUp : shortTexts.subList(0, 50)) {
            embedder.embed(warmUp);
        }
        embedder.embedWhole(longTexts.getFirst());
        embedder.embed(longTexts.getFirst());
        System.out.printf(Locale.ROOT, "%n=== Cost of an analysis (%s; model and tokenizer loaded in %d ms) ===%n",
                embedder.modelName(), embedder.loadTime().toMillis());
        SemanticAnalyser analyser = SemanticAnalyser.standard();
        print("short comments", shortTexts, embedder::embed, analyser::analyse);
        long[][] turns = measureInTurns(longTexts, embedder::embedWhole, embedder::embed);
        System.out.printf(Locale.ROOT, "%d comments of %d characters on average: embedded whole (before): mean %.1f ms, p99 %.1f ms;"
                + " within the %d-token window (now): mean %.1f ms, p99 %.1f ms%n", longTexts.size(),
                (int) longTexts.stream().mapToInt(String::length).average().orElse(0), mean(turns[0]), p99(turns[0]),
                EmbeddingWindow.MAX_TOKENS, mean(turns[1]), p99(turns[1]));
        print("comments of 2,000 characters", longTexts, embedder::embed, analyser::analyse);
        assertTrue(longTexts.stream().allMatch(t -> t.length() > 1500 && t.length() <= 2000));

        List<LabelledCorpus.Example> longExamples = LabelledCorpus.file(LONG_COMMENTS).examples();
        Map<String, float[]> whole = longExamples.stream().collect(Collectors.toMap(LabelledCorpus.Example::text,
                e -> embedder.embedWhole(e.text()), (a, b) -> a));
        Evaluation before = Evaluation.of(longExamples, text -> analyser.classify(text, whole.get(text)));
        Evaluation now = Evaluation.of(longExamples, analyser::analyse);
        System.out.println(before.report("Long comments, embedded whole"));
        System.out.println(now.report("Long comments, embedded within the window"));

        Path status = Path.of("/proc/self/status");
        if (Files.exists(status)) {
            Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
                    .forEach(l -> System.out.println("this test JVM (surefire, model loaded): " + l.replaceAll("\\s+", " ")));
            System.out.println(plainJvm());
        }
    }

    private static void print(String what, List<String> texts, Function<String, float[]> embed,
            Function<String, SemanticAnalyser.Analysis> analyse) {
        long[] embedding = new long[texts.size()];
        long[] analysis = new long[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            long start = System.nanoTime();
            float[] v = embed.apply(texts.get(i));
            embedding[i] = System.nanoTime() - start;
            assertEquals(384, v.length);
            start = System.nanoTime();
            analyse.apply(texts.get(i));
            analysis[i] = System.nanoTime() - start;
        }
        System.out.printf(Locale.ROOT, "%s (%d, %d characters on average): embedding mean %.2f ms, p99 %.2f ms;"
                + " whole analysis (language, embedding, lexicon, classifiers, nearest examples) mean %.2f ms, p99 %.2f ms%n",
                what, texts.size(), (int) texts.stream().mapToInt(String::length).average().orElse(0), mean(embedding),
                p99(embedding), mean(analysis), p99(analysis));
    }

    /**
     * Each text embedded both ways in turn, once: three rounds took about 70 s of the build on a slower machine (an
     * AMD EPYC without VNNI: 312 ms for a 2,000-character comment embedded whole).
     */
    private static long[][] measureInTurns(List<String> texts, Function<String, float[]> first, Function<String, float[]> second) {
        long[][] nanos = new long[2][texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            long start = System.nanoTime();
            first.apply(texts.get(i));
            nanos[0][i] = System.nanoTime() - start;
            start = System.nanoTime();
            second.apply(texts.get(i));
            nanos[1][i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static String plainJvm() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), RssProbe.class.getName(), "-Xmx64m -XX:+UseSerialGC");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output.lines().filter(l -> l.startsWith("plain JVM")).findFirst()
                .orElse("plain JVM: no figures (" + output.lines().reduce((a, b) -> b).orElse("") + ")");
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    private static double p99(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
    }
}
