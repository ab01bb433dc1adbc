package org.fluxion.ui.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV table as the engine writes it: one header line ({@code name [unit]}), comma separated,
 * fields with commas, quotes or line breaks in double quotes. Immutable.
 *
 * @param headers   column titles
 * @param rows      cells as text; rows may be shorter than the header
 * @param truncated whether rows beyond the reading limit were left out
 */
public record CsvTable(List<String> headers, List<List<String>> rows, boolean truncated) {
    public CsvTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /**
     * Reads a CSV file.
     *
     * @param maxRows rows to keep at most (the rest is counted as truncated)
     * @throws IOException if the file cannot be read or a quoted field is not closed (message names file and line)
     */
    public static CsvTable read(Path file, int maxRows) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<List<String>> records = new ArrayList<>();
            boolean truncated = false;
            int lineNo = 0;
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                int startLine = lineNo;
                List<String> fields = new ArrayList<>();
                StringBuilder cell = new StringBuilder();
                boolean quoted = false;
                int i = 0;
                while (true) {
                    if (i >= line.length()) {
                        if (!quoted) {
                            break;
                        }
                        String next = r.readLine();
                        if (next == null) {
                            throw new IOException(file + ":" + startLine + ": quoted field is not closed");
                        }
                        lineNo++;
                        cell.append('\n');
                        line = next;
                        i = 0;
                        continue;
                    }
                    char c = line.charAt(i++);
                    if (quoted) {
                        if (c == '"') {
                            if (i < line.length() && line.charAt(i) == '"') {
                                cell.append('"');
                                i++;
                            } else {
                                quoted = false;
                            }
                        } else {
                            cell.append(c);
                        }
                    } else if (c == '"') {
                        quoted = true;
                    } else if (c == ',') {
                        fields.add(cell.toString());
                        cell.setLength(0);
                    } else {
                        cell.append(c);
                    }
                }
                fields.add(cell.toString());
                if (records.size() > maxRows) {
                    truncated = true;
                    continue;
                }
                records.add(fields);
            }
            if (records.isEmpty()) {
                return new CsvTable(List.of(), List.of(), false);
            }
            return new CsvTable(records.get(0), records.subList(1, records.size()), truncated);
        }
    }
}
