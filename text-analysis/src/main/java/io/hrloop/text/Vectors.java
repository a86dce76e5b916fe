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
