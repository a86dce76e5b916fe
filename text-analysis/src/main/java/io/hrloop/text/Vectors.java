package io.hrloop.text;

/** Small vector arithmetic on embeddings. */
public final class Vectors {

    private Vectors() {
    }

    /** The dot product; for unit vectors, their cosine similarity. */
    public static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " dimensions");
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * (double) b[i];
        }
        return sum;
    }

    public static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }

    /** The cosine similarity in [-1, 1]; 0 when either vector is zero. */
    public static double cosine(float[] a, float[] b) {
        double na = norm(a);
        double nb = norm(b);
        return na == 0 || nb == 0 ? 0 : dot(a, b) / (na * nb);
    }

    /** 4 bytes a dimension, big-endian: a vector as a database column stores it. */
    public static byte[] toBytes(float[] v) {
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(4 * v.length);
        for (float x : v) {
            out.putFloat(x);
        }
        return out.array();
    }

    public static float[] fromBytes(byte[] bytes) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        float[] v = new float[bytes.length / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.getFloat();
        }
        return v;
    }

    /**
     * 4 bytes a dimension, big-endian, in base64: a vector as an event carries it (hr.feedback.received's
     * {@code commentEmbedding}).
     */
    public static String toBase64(float[] v) {
        return java.util.Base64.getEncoder().encodeToString(toBytes(v));
    }

    /** The vector {@link #toBase64} wrote, or null when the text is not base64 of whole 4-byte numbers. */
    public static float[] fromBase64(String text) {
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return bytes.length == 0 || bytes.length % 4 != 0 ? null : fromBytes(bytes);
    }

    /** {@code v} scaled to unit length (a copy); the zero vector stays zero. */
    public static float[] normalised(float[] v) {
        double n = norm(v);
        float[] out = new float[v.length];
        if (n == 0) {
            return out;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / n);
        }
        return out;
    }
}
