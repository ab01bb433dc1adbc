package org.fluxion.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderContentsTest {
    @Test
    void listsArtifactsInRunOrder(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("runs/demo");
        Files.createDirectories(run.resolve("steps/b"));
        Files.createDirectories(run.resolve("steps/a"));
        for (String f : List.of("b/z.png", "b/z.pdf", "b/y.png", "b/cuts.csv", "b/cuts.json", "b/fit.json", "a/h.png")) {
            Files.writeString(run.resolve("steps/" + f), "x");
        }
        Files.writeString(run.resolve("provenance.json"), """
                {"format": "fluxion-provenance/1", "steps": [
                  {"id": "b", "files": ["z.png", "z.pdf", "y.png", "cuts.csv", "cuts.json", "fit.json"]},
                  {"id": "a", "files": ["h.png"]}]}
                """);
        RunFolderContents c = RunFolderContents.read(run);
        assertEquals(List.of("b / z", "b / y", "a / h"), c.plots().stream().map(RunFolderContents.Artifact::label).toList());
        assertEquals(List.of("b / cuts"), c.tables().stream().map(RunFolderContents.Artifact::label).toList());
        assertEquals(List.of("b / fit"), c.summaries().stream().map(RunFolderContents.Artifact::label).toList());
        assertEquals("fluxion-provenance/1", c.provenance().get("format"));
        Files.createDirectories(dir.resolve("runs/.demo.partial-1-2/steps"));
        assertEquals(List.of(run), RunFolderContents.runFolders(dir.resolve("runs")));
    }

    @Test
    void aFolderWithoutRunFilesIsRefused(@TempDir Path dir) {
        assertEquals(dir + " is not a run folder: it has neither provenance.json nor steps/",
                assertThrows(IOException.class, () -> RunFolderContents.read(dir)).getMessage());
    }
}
