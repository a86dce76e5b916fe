package io.hrloop.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * Prints what an analysis costs: the embedding time per sentence (mean and p99 over the held-out sentences,
 * after a warm-up) and the resident memory of this test JVM with the model loaded. Timings are printed,
 * never asserted: they depend on the machine and on what else runs.
 */
class EmbeddingCostTest {

    @Test
    void printsTheEmbeddingCostPerSentence() throws IOException {
        E5Embedder embedder = E5Embedder.shared();
        List<String> sentences = LabelledCorpus.file("io/hrloop/text/corpus/held-out/round-2.tsv").texts();
        for (String warmUp : sentences.subList(0, 50)) {
            embedder.embed(warmUp);
        }
        long[] nanos = new long[sentences.size()];
        SemanticAnalyser analyser = SemanticAnalyser.standard();
        long[] analysis = new long[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            long start = System.nanoTime();
            float[] v = embedder.embed(sentences.get(i));
            nanos[i] = System.nanoTime() - start;
            assertEquals(embedder.dimensions(), v.length);
            start = System.nanoTime();
            analyser.analyse(sentences.get(i));
            analysis[i] = System.nanoTime() - start;
        }
        System.out.printf(Locale.ROOT, "%n=== Embedding cost (%s, %d sentences, mean %d characters, after 50 warm-up) ===%n",
                embedder.modelName(), sentences.size(), (int) sentences.stream().mapToInt(String::length).average().orElse(0));
        System.out.printf(Locale.ROOT, "embedding per sentence: mean %.2f ms, p99 %.2f ms%n", mean(nanos), p99(nanos));
        System.out.printf(Locale.ROOT, "whole analysis (language, embedding, lexicon, classifiers): mean %.2f ms, p99 %.2f ms%n",
                mean(analysis), p99(analysis));
        Path status = Path.of("/proc/self/status");
        if (Files.exists(status)) {
            Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
                    .forEach(l -> System.out.println("this test JVM (surefire, model loaded): " + l.replaceAll("\\s+", " ")));
        }
        System.out.printf(Locale.ROOT, "heap used %d MB of max %d MB%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20, Runtime.getRuntime().maxMemory() >> 20);
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
