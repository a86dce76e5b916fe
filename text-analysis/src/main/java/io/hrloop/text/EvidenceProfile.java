package io.hrloop.text;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What an improvement item's evidence looks like, in bounded space: the running centroid of all its
 * embeddings and at most {@link #MAX_EXEMPLARS} exemplar embeddings. When the exemplars are full, a new
 * embedding replaces the most redundant exemplar (the one closest to another) if the new one is less
 * redundant, so the exemplars keep covering the different ways people described the gap. Adding evidence
 * and comparing with it cost O(exemplars² × dimensions) and O(exemplars × dimensions), however much
 * evidence the item has.
 */
public final class EvidenceProfile {

    public static final int MAX_EXEMPLARS = 8;
    /** Two embeddings at least this alike are the same text embedded twice (ONNX runs are deterministic). */
    public static final double SAME_VECTOR = 0.999;

    private final RunningMean centroid;
    private final List<float[]> exemplars;

    public EvidenceProfile(int dimensions) {
        this(new RunningMean(dimensions), new ArrayList<>());
    }

    private EvidenceProfile(RunningMean centroid, List<float[]> exemplars) {
        this.centroid = centroid;
        this.exemplars = exemplars;
    }

    public void add(float[] embedding) {
        if (Vectors.norm(embedding) == 0) {
            return;
        }
        centroid.add(embedding);
        addExemplar(embedding);
    }

    private void addExemplar(float[] embedding) {
        if (exemplars.size() < MAX_EXEMPLARS) {
            exemplars.add(embedding.clone());
            return;
        }
        int mostRedundant = -1;
        double highest = -2;
        for (int i = 0; i < exemplars.size(); i++) {
            double nearest = nearestOther(exemplars.get(i), i);
            if (nearest > highest) {
                highest = nearest;
                mostRedundant = i;
            }
        }
        if (nearestOther(embedding, -1) < highest) {
            exemplars.set(mostRedundant, embedding.clone());
        }
    }

    /**
     * Takes one piece of evidence back out (an erasure): its embedding leaves the centroid, and the exemplar that
     * is the same vector (cosine at least {@link #SAME_VECTOR}, as the same text embedded again gives) is dropped,
     * leaving its slot to later evidence. Returns whether an exemplar was dropped.
     */
    public boolean remove(float[] embedding) {
        if (Vectors.norm(embedding) == 0) {
            return false;
        }
        centroid.remove(embedding);
        int same = -1;
        double best = SAME_VECTOR;
        for (int i = 0; i < exemplars.size(); i++) {
            double cosine = Vectors.cosine(embedding, exemplars.get(i));
            if (cosine >= best) {
                best = cosine;
                same = i;
            }
        }
        if (same >= 0) {
            exemplars.remove(same);
        }
        return same >= 0;
    }

    /** Takes over another item's evidence (a merge): its centroid's weight and its exemplars, as if added. */
    public void merge(EvidenceProfile other) {
        centroid.merge(other.centroid);
        for (float[] exemplar : other.exemplars) {
            addExemplar(exemplar);
        }
    }

    public long count() {
        return centroid.count();
    }

    public float[] centroid() {
        return centroid.mean();
    }

    public List<float[]> exemplars() {
        return List.copyOf(exemplars);
    }

    private double nearestOther(float[] vector, int self) {
        double nearest = -2;
        for (int j = 0; j < exemplars.size(); j++) {
            if (j != self) {
                nearest = Math.max(nearest, Vectors.dot(vector, exemplars.get(j)));
            }
        }
        return nearest;
    }

    public byte[] toBytes() {
        byte[] mean = centroid.toBytes();
        int dimensions = exemplars.isEmpty() ? 0 : exemplars.getFirst().length;
        ByteBuffer out = ByteBuffer.allocate(4 + mean.length + 8 + 4 * dimensions * exemplars.size());
        out.putInt(mean.length).put(mean).putInt(exemplars.size()).putInt(dimensions);
        for (float[] exemplar : exemplars) {
            for (float v : exemplar) {
                out.putFloat(v);
            }
        }
        return out.array();
    }

    public static EvidenceProfile fromBytes(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] mean = new byte[in.getInt()];
        in.get(mean);
        int size = in.getInt();
        int dimensions = in.getInt();
        List<float[]> exemplars = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            float[] exemplar = new float[dimensions];
            for (int i = 0; i < dimensions; i++) {
                exemplar[i] = in.getFloat();
            }
            exemplars.add(exemplar);
        }
        return new EvidenceProfile(RunningMean.fromBytes(mean), exemplars);
    }
}
