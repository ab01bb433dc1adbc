package org.fluxion.systematics.internal;

import org.fluxion.api.data.Selection;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.ResponseMatrix;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingException;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;

/**
 * Unfolds the data events of one sector (or of the whole sample) with the response filled from the
 * same sector's MC events: N_ij = Σ w over MC events with the proxy in bin i and the truth in bin j,
 * g_i = data events with the proxy in bin i; no efficiencies (f counts selected events, the effective
 * area corrects for the acceptance), no background. Events outside the proxy or true range are not
 * used. Stateless.
 */
final class SectorUnfolding {
    private SectorUnfolding() {
    }

    /**
     * The problem of one sector.
     *
     * @param sector    sector name for messages ("all" for the full sample)
     * @param mcProxy   proxy per MC event
     * @param mcTruth   truth per MC event
     * @param mcWeight  weight per MC event
     * @param mcRows    the sector's MC events
     * @param dataProxy proxy per data event
     * @param dataRows  the sector's data events
     * @throws InvalidSettingsException for key {@code sectors} if a true bin has no MC event of the sector
     *                                  with the proxy in range
     */
    static UnfoldingProblem problem(String sector, Binning proxyBins, Binning trueBins, double[] mcProxy,
            double[] mcTruth, double[] mcWeight, Selection mcRows, double[] dataProxy, Selection dataRows) {
        int np = proxyBins.bins(), nt = trueBins.bins();
        double[][] n = new double[np][nt], n2 = new double[np][nt];
        for (int k = 0; k < mcRows.size(); k++) {
            int r = mcRows.row(k);
            int i = proxyBins.findBin(mcProxy[r]), j = trueBins.findBin(mcTruth[r]);
            if (i >= 0 && i < np && j >= 0 && j < nt) {
                n[i][j] += mcWeight[r];
                n2[i][j] += mcWeight[r] * mcWeight[r];
            }
        }
        double[] g = new double[np];
        for (int k = 0; k < dataRows.size(); k++) {
            int i = proxyBins.findBin(dataProxy[dataRows.row(k)]);
            if (i >= 0 && i < np) {
                g[i] += 1;
            }
        }
        ResponseMatrix response = ResponseMatrix.of(proxyBins, trueBins, n, n2);
        double[] cols = response.columnSums();
        for (int j = 0; j < nt; j++) {
            if (!(cols[j] > 0)) {
                throw new InvalidSettingsException("sectors", "sector '" + sector + "' has no MC event in true bin " + j
                        + " [" + trueBins.edge(j) + ", " + trueBins.edge(j + 1) + ") with the proxy in [" + proxyBins.low()
                        + ", " + proxyBins.high() + "]: the sector cannot be unfolded; use fewer or larger sectors or "
                        + "fewer true bins");
            }
        }
        return UnfoldingProblem.builder(response, g).build();
    }

    /** Unfolds a problem, naming the sector if the unfolder fails. */
    static UnfoldingResult unfold(String sector, Unfolder unfolder, UnfoldingProblem problem, UnfoldingContext context) {
        try {
            return unfolder.unfold(problem, context);
        } catch (UnfoldingException e) {
            throw new IllegalStateException("unfolding of sector '" + sector + "' failed: " + e.getMessage(), e);
        }
    }
}
