package io.hrloop.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trained linear classifiers over {@link Features}: the features are standardised (mean and scale from the
 * training corpus), then each head is a multinomial logistic regression (softmax over its labels) or a binary
 * one (sigmoid, with its decision threshold). Stored as a small text file ({@code model.txt}) written by
 * {@code ModelTraining} and committed; it names the embedding model it was trained on.
 */
public final class LinearModel {

    public enum Kind {
        SOFTMAX, SIGMOID
    }

    /** One classifier: a weight row and a bias per label (one label for a sigmoid head). */
    public record Head(String name, Kind kind, double threshold, List<String> labels, double[][] weights,
            double[] bias) {

        public double[] probabilities(double[] z) {
            double[] logits = new double[labels.size()];
            for (int k = 0; k < logits.length; k++) {
                double sum = bias[k];
                double[] w = weights[k];
                for (int i = 0; i < w.length; i++) {
                    sum += w[i] * z[i];
                }
                logits[k] = sum;
            }
            return kind == Kind.SOFTMAX ? softmax(logits) : new double[] {sigmoid(logits[0])};
        }
    }

    private final String embeddingModel;
    private final double[] mean;
    private final double[] scale;
    private final Map<String, Head> heads;

    public LinearModel(String embeddingModel, double[] mean, double[] scale, List<Head> heads) {
        this.embeddingModel = embeddingModel;
        this.mean = mean;
        this.scale = scale;
        this.heads = new LinkedHashMap<>();
        heads.forEach(h -> this.heads.put(h.name(), h));
    }

    public String embeddingModel() {
        return embeddingModel;
    }

    public int featureCount() {
        return mean.length;
    }

    public Head head(String name) {
        Head head = heads.get(name);
        if (head == null) {
            throw new IllegalArgumentException("no head " + name);
        }
        return head;
    }

    public boolean has(String name) {
        return heads.containsKey(name);
    }

    public List<Head> heads() {
        return List.copyOf(heads.values());
    }

    public double[] standardise(double[] x) {
        if (x.length != mean.length) {
            throw new IllegalArgumentException(x.length + " features, the model has " + mean.length);
        }
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = (x[i] - mean[i]) / scale[i];
        }
        return z;
    }

    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    public static double[] softmax(double[] logits) {
        double max = Arrays.stream(logits).max().orElse(0);
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    public void write(Writer out, List<String> comments) throws IOException {
        for (String comment : comments) {
            out.write("# " + comment + "\n");
        }
        out.write("model " + embeddingModel + "\n");
        out.write("features " + mean.length + "\n");
        out.write("mean " + numbers(mean) + "\n");
        out.write("scale " + numbers(scale) + "\n");
        for (Head head : heads.values()) {
            out.write("head " + head.name() + " " + head.kind().name().toLowerCase(Locale.ROOT) + " "
                    + number(head.threshold()) + " " + String.join(" ", head.labels()) + "\n");
            for (int k = 0; k < head.labels().size(); k++) {
                out.write("w " + number(head.bias()[k]) + " " + numbers(head.weights()[k]) + "\n");
            }
        }
    }

    public static LinearModel read(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String model = null;
            double[] mean = null;
            double[] scale = null;
            List<Head> heads = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.strip().split(" ");
                switch (cells[0]) {
                    case "model" -> model = cells[1];
                    case "features" -> {
                    }
                    case "mean" -> mean = parse(cells, 1);
                    case "scale" -> scale = parse(cells, 1);
                    case "head" -> {
                        List<String> labels = List.of(Arrays.copyOfRange(cells, 4, cells.length));
                        double[][] weights = new double[labels.size()][];
                        double[] bias = new double[labels.size()];
                        for (int k = 0; k < labels.size(); k++) {
                            String[] row = reader.readLine().strip().split(" ");
                            bias[k] = Double.parseDouble(row[1]);
                            weights[k] = parse(row, 2);
                        }
                        heads.add(new Head(cells[1], Kind.valueOf(cells[2].toUpperCase(Locale.ROOT)),
                                Double.parseDouble(cells[3]), labels, weights, bias));
                    }
                    default -> throw new IllegalArgumentException("unexpected line in model: " + cells[0]);
                }
            }
            if (model == null || mean == null || scale == null) {
                throw new IllegalArgumentException("incomplete model file");
            }
            return new LinearModel(model, mean, scale, heads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] parse(String[] cells, int from) {
        double[] out = new double[cells.length - from];
        for (int i = from; i < cells.length; i++) {
            out[i - from] = Double.parseDouble(cells[i]);
        }
        return out;
    }

    private static String numbers(double[] values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(number(values[i]));
        }
        return out.toString();
    }

    private static String number(double value) {
        return Float.toString((float) value);
    }
}
