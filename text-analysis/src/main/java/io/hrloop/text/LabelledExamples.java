package io.hrloop.text;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The labelled training sentences' embeddings, for reading a comment by its nearest labelled examples: the vote of
 * its {@value #NEIGHBOURS} most similar examples, each weighted by {@code exp(cosine / }{@value #TEMPERATURE}{@code )},
 * on the sentiment, the frustration and the themes (an example shares its theme vote among its themes). Blended with
 * the classifiers ({@link SemanticAnalyser}), it catches what a linear classifier cannot: an HR phrasing that means
 * one thing although its words suggest another. Stored as {@code labelled-examples.bin} (written with
 * {@code model.txt} by {@code ModelTraining}): per example its labels in two bytes and its embedding with one byte
 * a dimension (scaled by its largest magnitude), about 390 bytes an example; a vote costs one dot product per
 * example (some 2,700 × 384 multiplications, well under a millisecond).
 */
public final class LabelledExamples {

    public static final String RESOURCE = "io/hrloop/text/labelled-examples.bin";
    /** Chosen by 5-fold cross-validation on the training corpus and on held-out round 2 after its first run. */
    public static final int NEIGHBOURS = 10;
    public static final double TEMPERATURE = 0.02;
    private static final int MAGIC = 0x48524c45; // "HRLE"
    private static final int FRUSTRATED = 1 << 8;
    private static final int SENTIMENT_SHIFT = 9;

    /**
     * What the nearest examples say: shares of the vote per theme (by {@link Theme#ordinal()}) and per sentiment
     * (by {@link Sentiment#ordinal()}), and the share voting frustrated.
     */
    public record Vote(double[] themes, double[] sentiment, double frustration) {
    }

    private final int dimensions;
    private final byte[][] vectors;
    private final float[] scales;
    private final int[] masks;

    private LabelledExamples(int dimensions, byte[][] vectors, float[] scales, int[] masks) {
        this.dimensions = dimensions;
        this.vectors = vectors;
        this.scales = scales;
        this.masks = masks;
    }

    /** The examples of the given embeddings and labels, quantised as they are stored. */
    public static LabelledExamples of(List<float[]> embeddings, List<Set<Theme>> themes, List<Sentiment> sentiments,
            List<Boolean> frustrated) {
        int n = embeddings.size();
        int dimensions = n == 0 ? 0 : embeddings.getFirst().length;
        byte[][] vectors = new byte[n][];
        float[] scales = new float[n];
        int[] masks = new int[n];
        for (int k = 0; k < n; k++) {
            float[] v = embeddings.get(k);
            float largest = 0;
            for (float x : v) {
                largest = Math.max(largest, Math.abs(x));
            }
            scales[k] = largest == 0 ? 0 : largest / 127f;
            vectors[k] = new byte[dimensions];
            for (int i = 0; i < dimensions; i++) {
                vectors[k][i] = (byte) (largest == 0 ? 0 : Math.round(v[i] / scales[k]));
            }
            for (Theme theme : themes.get(k)) {
                masks[k] |= 1 << theme.ordinal();
            }
            masks[k] |= (frustrated.get(k) ? FRUSTRATED : 0) | sentiments.get(k).ordinal() << SENTIMENT_SHIFT;
        }
        return new LabelledExamples(dimensions, vectors, scales, masks);
    }

    public static LabelledExamples standard() {
        try (InputStream in = LabelledExamples.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return vectors.length;
    }

    public int dimensions() {
        return dimensions;
    }

    /** The vote of the nearest examples. */
    public Vote vote(float[] embedding) {
        double[] themes = new double[Theme.values().length];
        double[] sentiment = new double[Sentiment.values().length];
        if (vectors.length == 0 || Vectors.norm(embedding) == 0) {
            themes[Theme.OTHER.ordinal()] = 1;
            sentiment[Sentiment.NEUTRAL.ordinal()] = 1;
            return new Vote(themes, sentiment, 0);
        }
        int k = Math.min(NEIGHBOURS, vectors.length);
        int[] nearest = new int[k];
        double[] similarity = new double[k];
        Arrays.fill(similarity, Double.NEGATIVE_INFINITY);
        for (int e = 0; e < vectors.length; e++) {
            byte[] v = vectors[e];
            double sum = 0;
            for (int i = 0; i < dimensions; i++) {
                sum += embedding[i] * v[i];
            }
            double s = sum * scales[e];
            if (s > similarity[k - 1]) {
                int at = k - 1;
                while (at > 0 && similarity[at - 1] < s) {
                    similarity[at] = similarity[at - 1];
                    nearest[at] = nearest[at - 1];
                    at--;
                }
                similarity[at] = s;
                nearest[at] = e;
            }
        }
        double total = 0;
        double frustration = 0;
        for (int r = 0; r < k; r++) {
            double weight = Math.exp((similarity[r] - similarity[0]) / TEMPERATURE);
            int labels = masks[nearest[r]];
            int count = Integer.bitCount(labels & 0xff);
            for (Theme theme : Theme.values()) {
                if ((labels & 1 << theme.ordinal()) != 0) {
                    themes[theme.ordinal()] += weight / count;
                }
            }
            sentiment[labels >>> SENTIMENT_SHIFT & 3] += weight;
            frustration += (labels & FRUSTRATED) != 0 ? weight : 0;
            total += weight;
        }
        for (int t = 0; t < themes.length; t++) {
            themes[t] /= total;
        }
        for (int c = 0; c < sentiment.length; c++) {
            sentiment[c] /= total;
        }
        return new Vote(themes, sentiment, frustration / total);
    }

    /** The largest difference, in quantisation steps, between this and another set's vectors; -1 when they differ in shape or labels. */
    public int largestDifference(LabelledExamples other) {
        if (!sameExamples(other)) {
            return -1;
        }
        int largest = 0;
        for (int k = 0; k < vectors.length; k++) {
            for (int i = 0; i < dimensions; i++) {
                float a = vectors[k][i] * scales[k];
                float b = other.vectors[k][i] * other.scales[k];
                largest = Math.max(largest, Math.round(Math.abs(a - b) / Math.max(scales[k], 1e-12f)));
            }
        }
        return largest;
    }

    /**
     * The lowest cosine similarity between an example's vector here and the same example's in {@code other} (1: the
     * same directions); -1 when they differ in shape or labels.
     */
    public double lowestCosine(LabelledExamples other) {
        if (!sameExamples(other)) {
            return -1;
        }
        double lowest = 1;
        for (int k = 0; k < vectors.length; k++) {
            double dot = 0;
            double a = 0;
            double b = 0;
            for (int i = 0; i < dimensions; i++) {
                dot += vectors[k][i] * other.vectors[k][i];
                a += vectors[k][i] * vectors[k][i];
                b += other.vectors[k][i] * other.vectors[k][i];
            }
            lowest = Math.min(lowest, a == 0 || b == 0 ? (a == b ? 1 : 0) : dot / Math.sqrt(a * b));
        }
        return lowest;
    }

    /** Whether {@code other} holds as many examples of as many dimensions, with the same labels. */
    private boolean sameExamples(LabelledExamples other) {
        return other.vectors.length == vectors.length && other.dimensions == dimensions && Arrays.equals(masks, other.masks);
    }

    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(vectors.length);
        out.writeInt(dimensions);
        for (int k = 0; k < vectors.length; k++) {
            out.writeShort(masks[k]);
            out.writeFloat(scales[k]);
            out.write(vectors[k]);
        }
        out.flush();
    }

    public static LabelledExamples read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(stream));
        if (in.readInt() != MAGIC) {
            throw new IllegalArgumentException("not a labelled examples file");
        }
        int n = in.readInt();
        int dimensions = in.readInt();
        byte[][] vectors = new byte[n][dimensions];
        float[] scales = new float[n];
        int[] masks = new int[n];
        for (int k = 0; k < n; k++) {
            masks[k] = in.readUnsignedShort();
            scales[k] = in.readFloat();
            in.readFully(vectors[k]);
        }
        return new LabelledExamples(dimensions, vectors, scales, masks);
    }

    /** Only the examples at the given indices (a cross-validation fold's training part). */
    LabelledExamples subset(List<Integer> indices) {
        List<Integer> kept = new ArrayList<>(indices);
        byte[][] v = new byte[kept.size()][];
        float[] s = new float[kept.size()];
        int[] m = new int[kept.size()];
        for (int j = 0; j < kept.size(); j++) {
            v[j] = vectors[kept.get(j)];
            s[j] = scales[kept.get(j)];
            m[j] = masks[kept.get(j)];
        }
        return new LabelledExamples(dimensions, v, s, m);
    }
}
