package io.hrloop.text;

import java.nio.ByteBuffer;

/**
 * The mean of the embeddings seen so far, kept as a sum and a count: adding one is O(dimensions) whatever
 * came before. Used for an area's centre (the mean of all its feedback) and an item's centroid.
 */
public final class RunningMean {

    private final double[] sum;
    private long count;

    public RunningMean(int dimensions) {
        this.sum = new double[dimensions];
    }

    private RunningMean(double[] sum, long count) {
        this.sum = sum;
        this.count = count;
    }

    public void add(float[] vector) {
        if (Vectors.norm(vector) == 0) {
            return; // a blank text says nothing about where the area is
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] += vector[i];
        }
        count++;
    }

    /**
     * Takes one embedding back out (an erasure: the vector of a comment that must no longer count). The caller
     * passes the vector that was added, or the same text embedded again; removing from an empty mean does nothing.
     */
    public void remove(float[] vector) {
        if (Vectors.norm(vector) == 0 || count == 0) {
            return;
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] -= vector[i];
        }
        count--;
        if (count == 0) {
            java.util.Arrays.fill(sum, 0); // no rounding residue of the removed vectors
        }
    }

    /** Adds everything another running mean has seen. */
    public void merge(RunningMean other) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.sum[i];
        }
        count += other.count;
    }

    public long count() {
        return count;
    }

    /** The mean, or the zero vector before anything was added. */
    public float[] mean() {
        float[] mean = new float[sum.length];
        if (count > 0) {
            for (int i = 0; i < sum.length; i++) {
                mean[i] = (float) (sum[i] / count);
            }
        }
        return mean;
    }

    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(4 + 8 + 8 * sum.length);
        out.putInt(sum.length).putLong(count);
        for (double v : sum) {
            out.putDouble(v);
        }
        return out.array();
    }

    public static RunningMean fromBytes(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        double[] sum = new double[in.getInt()];
        long count = in.getLong();
        for (int i = 0; i < sum.length; i++) {
            sum[i] = in.getDouble();
        }
        return new RunningMean(sum, count);
    }
}
