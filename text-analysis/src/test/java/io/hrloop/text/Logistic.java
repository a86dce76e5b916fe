package io.hrloop.text;

/**
 * Logistic regression, multinomial (softmax) or binary (sigmoid), with L2 regularisation, fitted by full-batch
 * gradient descent with Adam from zero weights: no randomness, so the same data give the same weights.
 */
final class Logistic {

    private Logistic() {
    }

    /**
     * @param z       standardised features, one row per example
     * @param targets per example, the probability of each class (one-hot, or a single 0/1 for a sigmoid)
     * @param weight  per example, its weight in the loss (class balancing)
     * @return weights[class][feature] followed by the biases in {@code bias}
     */
    static double[][] fit(double[][] z, double[][] targets, double[] weight, boolean softmax, double l2, int epochs,
            double rate, double[] bias) {
        int n = z.length;
        int d = z[0].length;
        int k = targets[0].length;
        double[][] w = new double[k][d];
        double[][] m = new double[k][d + 1];
        double[][] v = new double[k][d + 1];
        double[][] grad = new double[k][d + 1];
        double totalWeight = 0;
        for (double x : weight) {
            totalWeight += x;
        }
        double beta1 = 0.9;
        double beta2 = 0.999;
        double[] logits = new double[k];
        for (int epoch = 1; epoch <= epochs; epoch++) {
            for (double[] g : grad) {
                java.util.Arrays.fill(g, 0);
            }
            for (int i = 0; i < n; i++) {
                double[] zi = z[i];
                for (int c = 0; c < k; c++) {
                    double s = bias[c];
                    double[] wc = w[c];
                    for (int j = 0; j < d; j++) {
                        s += wc[j] * zi[j];
                    }
                    logits[c] = s;
                }
                double[] p = softmax ? LinearModel.softmax(logits) : new double[] {LinearModel.sigmoid(logits[0])};
                for (int c = 0; c < k; c++) {
                    double err = (p[c] - targets[i][c]) * weight[i] / totalWeight;
                    if (err == 0) {
                        continue;
                    }
                    double[] gc = grad[c];
                    for (int j = 0; j < d; j++) {
                        gc[j] += err * zi[j];
                    }
                    gc[d] += err;
                }
            }
            double correction1 = 1 - Math.pow(beta1, epoch);
            double correction2 = 1 - Math.pow(beta2, epoch);
            for (int c = 0; c < k; c++) {
                for (int j = 0; j <= d; j++) {
                    double g = grad[c][j] + (j < d ? l2 * w[c][j] : 0);
                    m[c][j] = beta1 * m[c][j] + (1 - beta1) * g;
                    v[c][j] = beta2 * v[c][j] + (1 - beta2) * g * g;
                    double step = rate * (m[c][j] / correction1) / (Math.sqrt(v[c][j] / correction2) + 1e-8);
                    if (j < d) {
                        w[c][j] -= step;
                    } else {
                        bias[c] -= step;
                    }
                }
            }
        }
        return w;
    }
}
