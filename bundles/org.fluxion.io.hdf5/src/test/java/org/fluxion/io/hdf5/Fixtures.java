package org.fluxion.io.hdf5;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fluxion.api.data.EventTable;
import org.fluxion.api.workflow.InputException;
import org.fluxion.api.workflow.ProgressMonitor;

/** Access to the fixtures written by src/test/resources/fixtures/make_fixtures.py. */
public final class Fixtures {
    private Fixtures() {
    }

    /** @return the fixture folder */
    public static Path dir() {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/flat.h5").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a fixture file */
    public static Path file(String name) {
        return dir().resolve(name);
    }

    /** @return column → values of expected_events.csv (the events of every layout) */
    public static Map<String, double[]> expected() throws IOException {
        List<String> lines = Files.readAllLines(file("expected_events.csv"));
        String[] header = lines.get(0).split(",");
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        for (int j = 0; j < header.length; j++) {
            double[] v = new double[lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                v[i - 1] = Double.parseDouble(lines.get(i).split(",")[j]);
            }
            out.put(header[j], v);
        }
        return out;
    }

    /** Reads one sample with default settings plus the given keys and model; warnings are collected. */
    public static EventTable read(String sample, Hdf5InputSettings input, Hdf5LoadSettings settings, int threads,
            List<String> warnings, String... files) throws InputException, IOException {
        List<Path> paths = new ArrayList<>();
        for (String f : files) {
            paths.add(file(f));
        }
        return Hdf5SampleReader.read(sample, paths, input, settings, threads, ProgressMonitor.NONE, warnings::add);
    }

    /** @return [name, address] pairs */
    public static List<List<String>> pairs(String... nameAddress) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < nameAddress.length; i += 2) {
            out.add(List.of(nameAddress[i], nameAddress[i + 1]));
        }
        return out;
    }
}
