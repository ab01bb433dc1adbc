package org.fluxion.unfolding.internal;

import java.nio.file.Path;
import java.util.List;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.ResponseMatrix;
import org.fluxion.api.workflow.InputException;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepContext;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.fluxion.unfolding.api.RegisteredUnfolder;
import org.fluxion.unfolding.api.RegularisationScan;
import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Step {@code unfold_histograms}: unfolds an observed histogram with a given response (CSV files)
 * using any installed unfolder; writes the estimate, covariance, diagnostics, plots and an
 * optional regularisation scan.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=unfold_histograms",
        StepProvider.STEP_TITLE + "=Unfold histograms (CSV)" })
public final class UnfoldHistogramsProvider implements StepProvider<UnfoldHistogramsSettings> {
    private final UnfolderCatalog catalog;

    @Activate
    public UnfoldHistogramsProvider(@Reference UnfolderCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public StepDescriptor<UnfoldHistogramsSettings> descriptor() {
        return new StepDescriptor<>("unfold_histograms", "Unfold histograms (CSV)",
                "Unfolds an observed histogram with a response matrix given as CSV files, with any installed unfolder.",
                List.of(), List.of(Port.of("result", UnfoldingResult.class, "the unfolding result")),
                UnfoldHistogramsSettings.class);
    }

    @Override
    public Step create(UnfoldHistogramsSettings s) {
        return ctx -> run(ctx, s);
    }

    private void run(StepContext ctx, UnfoldHistogramsSettings s) throws Exception {
        ConfiguredUnfolder cu = ConfiguredUnfolder.resolve(catalog, s.method(), s.methodSettings());
        RegisteredUnfolder ru = cu.registration();
        Unfolder unfolder = cu.unfolder();

        Path responseFile = ctx.inputFile(s.response()), observedFile = ctx.inputFile(s.observed());
        ResponseMatrix response = HistogramCsv.response(responseFile);
        HistogramCsv.Binned observed = HistogramCsv.binned(observedFile, "count", null);
        requireSame(observed.binning(), response.proxyBinning(), observedFile, responseFile, "proxy");
        UnfoldingProblem.Builder pb;
        try {
            pb = UnfoldingProblem.builder(response, observed.columns()[0]);
        } catch (IllegalArgumentException e) {
            throw new InputException(responseFile, -1, e.getMessage());
        }
        double[] truth = null;
        if (!s.truth().isEmpty()) {
            Path f = ctx.inputFile(s.truth());
            HistogramCsv.Binned t = HistogramCsv.binned(f, "count", null);
            requireSame(t.binning(), response.trueBinning(), f, responseFile, "true");
            truth = t.columns()[0];
            pb.truth(truth);
        }
        if (!s.efficiency().isEmpty()) {
            Path f = ctx.inputFile(s.efficiency());
            HistogramCsv.Binned e = HistogramCsv.binned(f, "efficiency", "thrown");
            requireSame(e.binning(), response.trueBinning(), f, responseFile, "true");
            try {
                pb.efficiency(e.columns()[0], e.columns().length > 1 ? e.columns()[1] : null);
            } catch (IllegalArgumentException x) {
                throw new InputException(f, -1, x.getMessage());
            }
        }
        if (!s.background().isEmpty()) {
            Path f = ctx.inputFile(s.background());
            HistogramCsv.Binned b = HistogramCsv.binned(f, "count", null);
            requireSame(b.binning(), response.proxyBinning(), f, responseFile, "proxy");
            pb.background(b.columns()[0]);
        }
        UnfoldingProblem problem = pb.build();
        UnfoldingContext uc = new UnfoldingContext(ctx.seed(), ctx.parallelism(), ctx.progress());

        if (s.scan().enabled()) {
            RegularisationScan scan = unfolder.scan(problem, uc, s.scan().min(), s.scan().max(), s.scan().steps());
            UnfoldingArtifacts.writeScan(ctx, scan);
        }
        UnfoldingResult result = unfolder.unfold(problem, uc);
        UnfoldingArtifacts.writeResult(ctx, s.quantity(), s.unit(), ru, problem, result, truth);
        ctx.output("result", result);
    }

    private static void requireSame(Binning a, Binning b, Path fa, Path fb, String axis) throws InputException {
        if (!a.equals(b)) {
            throw new InputException(fa, -1, "its " + a.bins() + " bins [" + a.low() + ", " + a.high()
                    + "] do not match the " + axis + " binning of " + fb + " (" + b.bins() + " bins [" + b.low() + ", "
                    + b.high() + "]); the edges must be identical");
        }
    }
}
