package org.fluxion.testsupport.unfolding;

import java.util.List;
import java.util.Map;

import org.fluxion.api.hist.Spectrum;
import org.fluxion.unfolding.api.Diagnostics;
import org.fluxion.unfolding.api.RegisteredUnfolder;
import org.fluxion.unfolding.api.RegularisationScan;
import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.fluxion.unfolding.api.UnfolderDescriptor;
import org.fluxion.unfolding.api.UnfolderProvider;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;

/**
 * A test unfolder: iteratively reweighted least squares f = (Aᵀ W A)⁻¹ Aᵀ W g, the first pass with
 * W = diag(1/max(g, 1)) (Neyman), then {@code passes} passes with W = diag(1/max(A f, 0.5)) from the
 * previous solution (Pearson, which removes the Neyman pull towards low counts in sparse cells);
 * covariance (Aᵀ W A)⁻¹. Unbiased enough for closure tests on a well-conditioned response, with no
 * dependency on an unfolder bundle.
 */
public final class LeastSquaresUnfolder implements Unfolder {
    private final int passes;

    /** The default: 4 Pearson passes after the Neyman one. */
    public LeastSquaresUnfolder() {
        this(4);
    }

    /** @param passes Pearson reweighting passes after the first (Neyman) one; 0 = plain Neyman weights */
    public LeastSquaresUnfolder(int passes) {
        if (passes < 0) {
            throw new IllegalArgumentException("passes must be >= 0 but was " + passes);
        }
        this.passes = passes;
    }

    @Override
    public UnfoldingResult unfold(UnfoldingProblem p, UnfoldingContext c) {
        double[][] a = p.probabilities();
        double[] g = p.observed();
        int ni = g.length, nj = p.trueBins();
        double[] f = null;
        double[][] v = null;
        for (int pass = 0; pass <= passes; pass++) {
            double[][] m = new double[nj][nj];
            double[] b = new double[nj];
            for (int i = 0; i < ni; i++) {
                double w;
                if (f == null) {
                    w = 1 / Math.max(g[i], 1);
                } else {
                    double nu = 0;
                    for (int j = 0; j < nj; j++) {
                        nu += a[i][j] * f[j];
                    }
                    w = 1 / Math.max(nu, 0.5);
                }
                for (int j = 0; j < nj; j++) {
                    b[j] += a[i][j] * w * g[i];
                    for (int k = 0; k < nj; k++) {
                        m[j][k] += a[i][j] * w * a[i][k];
                    }
                }
            }
            v = invert(m);
            f = new double[nj];
            for (int j = 0; j < nj; j++) {
                for (int k = 0; k < nj; k++) {
                    f[j] += v[j][k] * b[k];
                }
            }
        }
        Spectrum est = Spectrum.of(p.trueBinning(), f, v, "");
        Spectrum acc = null;
        if (p.hasEfficiency()) {
            double[] e = p.efficiency();
            double[] fa = new double[nj];
            double[][] va = new double[nj][nj];
            for (int j = 0; j < nj; j++) {
                fa[j] = f[j] / e[j];
                for (int k = 0; k < nj; k++) {
                    va[j][k] = v[j][k] / (e[j] * e[k]);
                }
            }
            acc = Spectrum.of(p.trueBinning(), fa, va, "");
        }
        double[] lo = new double[nj], hi = new double[nj];
        for (int j = 0; j < nj; j++) {
            lo[j] = f[j] - est.uncertainty(j);
            hi[j] = f[j] + est.uncertainty(j);
        }
        return new UnfoldingResult(est, lo, hi, acc, new double[0][],
                new Diagnostics("lsq", Double.NaN, 1, true, "exact", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Map.of()));
    }

    @Override
    public RegularisationScan scan(UnfoldingProblem p, UnfoldingContext c, double min, double max, int steps) {
        throw new UnsupportedOperationException("no scan");
    }

    private static double[][] invert(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            double piv = m[c][c];
            for (int k = 0; k < 2 * n; k++) {
                m[c][k] /= piv;
            }
            for (int i = 0; i < n; i++) {
                if (i != c) {
                    double f = m[i][c];
                    for (int k = 0; k < 2 * n; k++) {
                        m[i][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                inv[i][j] = 0.5 * (m[i][n + j] + m[j][n + i]);
            }
        }
        return inv;
    }

    /** Settings of the test unfolder (none). */
    public record NoSettings() {
    }

    /** A catalog holding only the default unfolder, id {@code lsq}. */
    public static final UnfolderCatalog CATALOG = catalog(4);

    /** @return a catalog holding only a least-squares unfolder with {@code passes}, id {@code lsq} */
    public static UnfolderCatalog catalog(int passes) {
        RegisteredUnfolder lsq = new RegisteredUnfolder(new UnfolderProvider<NoSettings>() {
            @Override
            public UnfolderDescriptor<NoSettings> descriptor() {
                return new UnfolderDescriptor<>("lsq", "least squares", "test", NoSettings.class);
            }

            @Override
            public Unfolder create(NoSettings settings) {
                return new LeastSquaresUnfolder(passes);
            }
        }, "lsq", 0, 1, "", "");
        return new UnfolderCatalog() {
            @Override
            public List<RegisteredUnfolder> all() {
                return List.of(lsq);
            }

            @Override
            public RegisteredUnfolder resolve(String id) {
                return id.equals("lsq") ? lsq : null;
            }
        };
    }
}
