package org.fluxion.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Table;
import org.fluxion.core.ConfigException;
import org.fluxion.core.Engine;
import org.fluxion.core.StepCatalog;
import org.fluxion.core.WorkflowConfig;
import org.fluxion.synth.KascadeSamples;
import org.fluxion.ui.internal.AnalysisSession;
import org.fluxion.ui.internal.ConfigEditorPart;
import org.fluxion.ui.internal.MasterclassPart;
import org.fluxion.ui.internal.OpenMasterclassHandler;
import org.fluxion.ui.internal.PlotGalleryPart;
import org.fluxion.ui.internal.StepRow;
import org.fluxion.ui.internal.WorkflowPart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * UI smoke test of the desktop product under a real X display (Xvfb in CI): the workbench starts,
 * opens the demo (small samples), marks a configuration error where the headless runner puts it,
 * runs the workflow in a job, shows the plots and opens one in the chart window, cancels a run
 * without leaving a run folder, and writes screenshots to target/screenshots. Skipped, with the
 * reason, only where no display can be made.
 */
@TestMethodOrder(OrderAnnotation.class)
class WorkbenchSmokeTest {
    private static final String WORKFLOW = "org.fluxion.ui.part.workflow";
    private static final String EDITOR = "org.fluxion.ui.part.config";
    private static final String PLOTS = "org.fluxion.ui.part.plots";

    @TempDir
    static Path dir;
    private static WorkbenchHarness wb;
    private static AnalysisSession session;
    private static Path screenshots;

    @BeforeAll
    static void start() throws Exception {
        screenshots = Path.of(System.getProperty("fluxion.ui.screenshots", "target/screenshots"));
        wb = WorkbenchHarness.start();
        if (wb == null) {
            System.out.println(WorkbenchHarness.skipReason);
            return;
        }
        wb.await("the main window", 60, () -> wb.mainShell() != null);
        System.out.printf("UI smoke: main window visible %d ms after the test started the workbench%n",
                (System.nanoTime() - wb.startedNanos) / 1_000_000);
        session = wb.ui(() -> wb.application().getContext().get(AnalysisSession.class));
        assertNotNull(session, "the life cycle did not put an AnalysisSession into the application context");
    }

    @BeforeEach
    void needsADisplay() {
        Assumptions.assumeTrue(wb != null, WorkbenchHarness.skipReason);
    }

    @AfterAll
    static void stop() throws Exception {
        if (wb != null) {
            wb.close();
        }
    }

    @Test
    @Order(1)
    void opensTheDemoConfiguration() throws Exception {
        Job prepare = wb.ui(() -> session.openDemo(dir.resolve("demo"), KascadeSamples.Size.SMALL, 2));
        prepare.join(120_000, null);
        assertEquals(dir.resolve("demo/demo.yaml").toAbsolutePath(), session.file(), session.status());
        // the steps appear once Felix SCR has registered the engine and the step providers
        wb.await("a valid demo configuration", 60, () -> session.validation() != null && session.validation().valid());
        WorkflowPart workflow = (WorkflowPart) wb.part(WORKFLOW);
        wb.await("4 steps in the workflow view", 10, () -> workflow.table().getItemCount() == 4);
        List<String> names = wb.ui(() -> Stream.of(workflow.table().getItems()).map(i -> i.getText(0)).toList());
        assertEquals(List.of("load", "data_overview", "data_selected", "simulation_by_primary"), names);
    }

    @Test
    @Order(2)
    void marksAConfigurationErrorWhereTheHeadlessRunnerDoes() throws Exception {
        String original = session.text();
        String broken = original.replaceFirst("bins: 50", "bins: -5");
        assertFalse(broken.equals(original), "the demo configuration has no 'bins: 50' to break");
        ConfigException expected = headlessError(broken);
        assertNotNull(expected, "the headless check accepts bins: -5");
        ConfigEditorPart editor = (ConfigEditorPart) wb.part(EDITOR);
        wb.ui(() -> {
            editor.editor().setText(broken);
            return null;
        });
        String lineColumn = expected.location().substring(expected.location().lastIndexOf(':', expected.location()
                .lastIndexOf(':') - 1) + 1);
        String line = lineColumn.substring(0, lineColumn.indexOf(':'));
        wb.await("the error marker of " + expected.location(), 10,
                () -> editor.problemLabel().getText().startsWith("\u2717 line " + line + ": "));
        assertEquals("\u2717 line " + line + ": " + expected.getMessage(), wb.ui(() -> editor.problemLabel().getText()));
        assertFalse(session.validation().valid());
        wb.ui(() -> {
            editor.editor().setText(original);
            return null;
        });
        wb.await("the configuration to be valid again", 10, () -> session.validation().valid());
        session.save();
    }

    private static ConfigException headlessError(String text) throws Exception {
        ServiceTracker<StepCatalog, StepCatalog> t = new ServiceTracker<>(
                FrameworkUtil.getBundle(WorkbenchSmokeTest.class).getBundleContext(), StepCatalog.class, null);
        t.open();
        try {
            StepCatalog catalog = t.waitForService(10_000);
            WorkflowConfig c = WorkflowConfig.parse(text, session.file().toString(), session.file().getParent(), List.of());
            new Engine(catalog.snapshot(), null).plan(c, false);
            return null;
        } catch (ConfigException e) {
            return e;
        } finally {
            t.close();
        }
    }

    @Test
    @Order(3)
    void runsTheDemoAndShowsItsPlots() throws Exception {
        Job run = wb.ui(() -> {
            try {
                return session.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        run.join(300_000, null);
        assertTrue(run.getResult().isOK(), () -> "run failed: " + session.status());
        for (StepRow r : session.rows()) {
            assertEquals(StepRow.State.DONE, r.state(), r.name() + ": " + r.message());
            assertFalse(Double.isNaN(r.seconds()), r.name() + " has no time");
        }
        Path folder = dir.resolve("demo/runs/kascade-demo").toAbsolutePath();
        assertTrue(Files.isRegularFile(folder.resolve("provenance.json")), "no run folder at " + folder);
        assertEquals(folder, session.results().folder());
        int plots = session.results().plots().size();
        assertTrue(plots >= 8, "only " + plots + " plots in " + folder);
        PlotGalleryPart gallery = (PlotGalleryPart) wb.part(PLOTS);
        wb.await("every thumbnail drawn", 60, () -> gallery.thumbnailCount() == plots);
        Shell main = wb.mainShell();
        Thread.sleep(500); // let the last paints land
        wb.screenshot(main, screenshots.resolve("workbench.png"));
        assertTrue(Files.size(screenshots.resolve("workbench.png")) > 10_000, "screenshot is empty");

        // a thumbnail opens the zoomable chart window with that plot
        int before = wb.ui(() -> wb.display().getShells().length);
        wb.ui(() -> {
            Canvas first = gallery.thumbnails().get(0);
            Event e = new Event();
            e.button = 1;
            first.notifyListeners(SWT.MouseUp, e);
            return null;
        });
        wb.await("the chart window", 10, () -> wb.display().getShells().length == before + 1);
        Shell chart = wb.ui(() -> Stream.of(wb.display().getShells()).filter(s -> s.getText().endsWith("\u2014 Fluxion"))
                .findFirst().orElse(null));
        assertNotNull(chart, "no chart window");
        assertTrue(wb.ui(() -> chart.getText()).startsWith(session.results().plots().get(0).label()));
        assertNotNull(session.plotSpec(session.results().plots().get(0).file()),
                "the plot made in this session has no recorded plot spec to draw again");
        Thread.sleep(800); // the sharp re-render after the first layout
        wb.screenshot(chart, screenshots.resolve("chart.png"));
        wb.ui(() -> {
            chart.close();
            return null;
        });
    }

    @Test
    @Order(4)
    void aCancelledRunLeavesNoRunFolder() throws Exception {
        session.setText(session.text().replace("unique_name: kascade-demo", "unique_name: cancelled-run"));
        // the steps must really run to be cancelled: otherwise the session reuses the previous run's results
        session.stepResults().clear();
        Job run = wb.ui(() -> {
            try {
                Job j = session.run();
                session.cancel();
                return j;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        run.join(120_000, null);
        wb.await("the session to be idle", 10, () -> !session.busy());
        assertTrue(session.status().startsWith("cancelled"), session.status());
        Path runs = dir.resolve("demo/runs");
        try (Stream<Path> s = Files.list(runs)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("kascade-demo"), names, "a cancelled run left something behind in " + runs);
        }
        assertTrue(session.rows().stream().noneMatch(r -> r.state() == StepRow.State.RUNNING
                || r.state() == StepRow.State.DONE));
    }

    @Test
    @Order(5)
    void opensAnEarlierRunFolder() throws Exception {
        Path earlier = dir.resolve("demo/runs/kascade-demo");
        wb.ui(() -> {
            try {
                session.openRunFolder(earlier);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        assertEquals(earlier.toAbsolutePath(), session.results().folder());
        assertNull(session.plotSpec(earlier.resolve("steps/data_overview/data_energy.png")),
                "a run folder opened from disk has no plot specs");
        PlotGalleryPart gallery = (PlotGalleryPart) wb.part(PLOTS);
        wb.await("the thumbnails of the earlier run", 60,
                () -> gallery.thumbnailCount() == session.results().plots().size());
        Table t = ((WorkflowPart) wb.part(WORKFLOW)).table();
        assertEquals(4, (int) wb.ui(() -> t.getItemCount()));
    }

    @Test
    @Order(6)
    void runsTheFirstMasterclassLessonAndShowsItsPlotsBesideTheText() throws Exception {
        Job prepare = wb.ui(() -> session.openMasterclass(dir.resolve("masterclass"), KascadeSamples.Size.SMALL, 2));
        prepare.join(120_000, null);
        assertEquals(dir.resolve("masterclass/masterclass.yaml").toAbsolutePath(), session.file(), session.status());
        wb.await("a valid masterclass configuration", 60, () -> session.validation() != null && session.validation().valid());
        MasterclassPart part = wb.ui(() -> {
            MApplication app = wb.application();
            return OpenMasterclassHandler.show(app.getChildren().get(0).getContext().get(EPartService.class),
                    app.getContext().get(EModelService.class), app);
        });
        assertNotNull(part, "the Masterclass part was not created");
        assertEquals(6, part.lessons().size());
        assertEquals(1, part.lesson().number());
        wb.await("the Run button of lesson 1", 10, () -> part.runButton().isEnabled());
        assertEquals("\u25b6 Run lesson 1", wb.ui(() -> part.runButton().getText()));
        wb.ui(() -> {
            part.runButton().notifyListeners(SWT.Selection, new Event());
            return null;
        });
        wb.await("the lesson's run to finish", 300, () -> !session.busy());
        assertTrue(session.status().startsWith("run finished"), session.status());
        Path folder = dir.resolve("masterclass/runs/masterclass").toAbsolutePath();
        assertEquals(folder, session.results().folder());
        try (Stream<Path> st = Files.list(folder.resolve("steps"))) {
            assertEquals(List.of("load", "step1_histograms", "step1_zenith", "units"),
                    st.map(p -> p.getFileName().toString()).sorted().toList(), "lesson 1 runs only what it needs");
        }
        for (StepRow r : session.rows()) {
            boolean lesson1 = List.of("load", "units", "step1_histograms", "step1_zenith").contains(r.name());
            assertEquals(lesson1 ? StepRow.State.DONE : StepRow.State.NOT_RUN, r.state(), r.name() + ": " + r.message());
        }
        int plots = (int) session.results().plots().stream().filter(a -> a.step().startsWith("step1_")).count();
        assertTrue(plots >= 4, "lesson 1 made only " + plots + " plots");
        wb.await("the lesson's plots drawn", 60, () -> part.plots().size() == plots && part.plotCount() == plots);
        assertTrue(part.plots().stream().allMatch(a -> a.step().startsWith("step1_")), "plots of other steps: " + part.plots());

        // the lesson's setting edits the configuration (zenith bins 45 -> 30)
        Spinner bins = (Spinner) part.settingControl();
        assertEquals(45, (int) wb.ui(() -> bins.getSelection()));
        wb.ui(() -> {
            bins.setSelection(30);
            bins.notifyListeners(SWT.Modify, new Event());
            return null;
        });
        assertTrue(session.text().contains("      bins: 30\n      min: 0\n      max: 45"), "the setting did not reach the YAML");
        assertTrue(session.validation().valid());
        Thread.sleep(500); // let the last paints land
        Shell main = wb.mainShell();
        wb.screenshot(main, screenshots.resolve("masterclass-workbench.png"));
        assertTrue(Files.size(screenshots.resolve("masterclass-workbench.png")) > 10_000, "screenshot is empty");
    }

    @Test
    @Order(7)
    void aLaterLessonReusesTheEarlierSteps() throws Exception {
        MasterclassPart part = (MasterclassPart) wb.part(MasterclassPart.ID);
        wb.ui(() -> {
            part.showLesson(3);
            part.runButton().notifyListeners(SWT.Selection, new Event());
            return null;
        });
        wb.await("lesson 3's run to finish", 300, () -> !session.busy());
        assertTrue(session.status().startsWith("run finished"), session.status());
        String provenance = Files.readString(dir.resolve("masterclass/runs/masterclass/provenance.json"));
        // step1_histograms and the preparation are unchanged; step1_zenith has 30 bins now and runs again
        assertEquals(3, provenance.split("unchanged since an earlier run of this session", -1).length - 1, provenance);
        int plots = (int) session.results().plots().stream().filter(a -> a.step().startsWith("step3_")).count();
        assertTrue(plots >= 3, "lesson 3 made only " + plots + " plots");
        wb.await("lesson 3's plots drawn", 60, () -> part.plots().size() == plots && part.plotCount() == plots);
        Thread.sleep(500);
        wb.screenshot(wb.mainShell(), screenshots.resolve("masterclass-lesson3.png"));
    }
}
