package io.hrloop.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A plain JVM that loads the standard analyser and analyses 1,000 comments, then prints how long loading took and
 * its resident memory: what the model adds to a service. {@link EmbeddingCostTest} runs it in a child JVM with a
 * service's heap settings ({@code -Xmx64m -XX:+UseSerialGC}).
 */
final class RssProbe {

    private RssProbe() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        SemanticAnalyser analyser = SemanticAnalyser.standard();
        double load = (System.nanoTime() - start) / 1e6;
        List<String> texts = EmbeddingCostTest.shortComments();
        List<String> longTexts = EmbeddingCostTest.longComments();
        for (int i = 0; i < 1000; i++) {
            analyser.analyse(i % 10 == 0 ? longTexts.get(i / 10 % longTexts.size()) : texts.get(i % texts.size()));
        }
        System.out.printf("plain JVM (%s): analyser loaded in %.0f ms (model and tokenizer %d ms); after 1,000 analyses (one in ten of 2,000 characters): %s%n",
                String.join(" ", args), load, E5Embedder.shared().loadTime().toMillis(),
                Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
                        .map(l -> l.replaceAll("\\s+", " ")).toList());
    }
}
