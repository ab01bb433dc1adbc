package org.fluxion.unfolding.llh.internal;

/** In-place iterative radix-2 complex FFT. Stateless. */
final class Fourier {
    private Fourier() {
    }

    /**
     * @param re      real parts (length a power of two)
     * @param im      imaginary parts
     * @param inverse inverse transform (without the 1/n normalisation)
     */
    static void transform(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double[] cos = new double[n / 2], sin = new double[n / 2];
        for (int k = 0; k < n / 2; k++) {
            double ang = 2 * Math.PI * k / n;
            cos[k] = Math.cos(ang);
            sin[k] = inverse ? Math.sin(ang) : -Math.sin(ang);
        }
        for (int len = 2; len <= n; len <<= 1) {
            int halfLen = len >> 1, stride = n / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < halfLen; k++) {
                    int a = i + k, b = a + halfLen;
                    double cr = cos[k * stride], ci = sin[k * stride];
                    double xr = re[b] * cr - im[b] * ci, xi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
