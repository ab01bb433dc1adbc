package org.fluxion.ui.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What a run folder ({@code output_path/unique_name}, as the engine writes it) holds: the plots
 * ({@code steps/<id>/*.png}), tables ({@code *.csv}), summaries ({@code *.json} without a CSV
 * twin), the provenance record and the resolved configuration. Steps are listed in the order the run
 * executed them (from {@code provenance.json}), files in the order the step wrote them. Immutable.
 *
 * @param folder     the run folder
 * @param plots      plot images
 * @param tables     CSV tables
 * @param summaries  JSON summaries (fit results, counts)
 * @param provenance the parsed {@code provenance.json} (maps, lists, scalars), empty if absent
 */
public record RunFolderContents(Path folder, List<Artifact> plots, List<Artifact> tables, List<Artifact> summaries,
        Map<String, Object> provenance) {

    /**
     * One file of a step.
     *
     * @param step step instance name
     * @param name file stem
     * @param file the file
     */
    public record Artifact(String step, String name, Path file) {
        /** @return "step / name" */
        public String label() {
            return step + " / " + name;
        }
    }

    public RunFolderContents {
        plots = List.copyOf(plots);
        tables = List.copyOf(tables);
        summaries = List.copyOf(summaries);
        provenance = Map.copyOf(provenance);
    }

    /** @return the folder's {@code config.resolved.yaml} */
    public Path resolvedConfig() {
        return folder.resolve("config.resolved.yaml");
    }

    /** @return whether a folder looks like a run folder (has provenance.json or steps/) */
    public static boolean isRunFolder(Path folder) {
        return Files.isRegularFile(folder.resolve("provenance.json")) || Files.isDirectory(folder.resolve("steps"));
    }

    /**
     * Reads a run folder.
     *
     * @throws IOException if it is not a run folder or cannot be read; the message names the folder
     */
    @SuppressWarnings("unchecked")
    public static RunFolderContents read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("run folder " + folder + " does not exist");
        }
        if (!isRunFolder(folder)) {
            throw new IOException(folder + " is not a run folder: it has neither provenance.json nor steps/");
        }
        Map<String, Object> prov = Map.of();
        Path p = folder.resolve("provenance.json");
        if (Files.isRegularFile(p)) {
            try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                Object o = new Yaml(new LoaderOptions()).load(r);
                if (o instanceof Map<?, ?> m) {
                    prov = new LinkedHashMap<>((Map<String, Object>) m);
                }
            } catch (YAMLException e) {
                throw new IOException("cannot read " + p + ": " + e.getMessage().lines().findFirst().orElse(""), e);
            }
        }
        Map<String, List<String>> order = new LinkedHashMap<>();
        if (prov.get("steps") instanceof List<?> steps) {
            for (Object s : steps) {
                if (s instanceof Map<?, ?> m && m.get("id") != null) {
                    List<String> files = new ArrayList<>();
                    if (m.get("files") instanceof List<?> fl) {
                        fl.forEach(f -> files.add(String.valueOf(f)));
                    }
                    order.put(String.valueOf(m.get("id")), files);
                }
            }
        }
        Path stepsDir = folder.resolve("steps");
        List<String> stepNames = new ArrayList<>(order.keySet());
        if (Files.isDirectory(stepsDir)) {
            List<String> onDisk = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(stepsDir, Files::isDirectory)) {
                ds.forEach(d -> onDisk.add(d.getFileName().toString()));
            }
            onDisk.sort(null);
            stepNames.retainAll(onDisk);
            for (String d : onDisk) {
                if (!stepNames.contains(d)) {
                    stepNames.add(d);
                }
            }
        }
        List<Artifact> plots = new ArrayList<>(), tables = new ArrayList<>(), summaries = new ArrayList<>();
        for (String step : stepNames) {
            Path dir = stepsDir.resolve(step);
            List<String> names = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, Files::isRegularFile)) {
                ds.forEach(f -> names.add(f.getFileName().toString()));
            }
            List<String> written = order.getOrDefault(step, List.of());
            names.sort(Comparator.<String>comparingInt(n -> written.contains(n) ? written.indexOf(n) : Integer.MAX_VALUE)
                    .thenComparing(Comparator.naturalOrder()));
            for (String n : names) {
                String stem = n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n;
                Artifact a = new Artifact(step, stem, dir.resolve(n));
                if (n.endsWith(".png")) {
                    plots.add(a);
                } else if (n.endsWith(".csv")) {
                    tables.add(a);
                } else if (n.endsWith(".json") && !names.contains(stem + ".csv")) {
                    summaries.add(a);
                }
            }
        }
        return new RunFolderContents(folder, plots, tables, summaries, prov);
    }

    /**
     * Lists the run folders below a configuration's {@code output_path}, newest first (partial
     * folders of running or crashed runs, which start with '.', are left out).
     */
    public static List<Path> runFolders(Path outputDirectory) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(outputDirectory)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(outputDirectory,
                d -> Files.isDirectory(d) && !d.getFileName().toString().startsWith(".") && isRunFolder(d))) {
            ds.forEach(out::add);
        }
        Map<Path, Long> modified = new LinkedHashMap<>();
        for (Path d : out) {
            modified.put(d, Files.getLastModifiedTime(d).toMillis());
        }
        out.sort(Comparator.<Path>comparingLong(modified::get).reversed().thenComparing(Comparator.naturalOrder()));
        return out;
    }
}
