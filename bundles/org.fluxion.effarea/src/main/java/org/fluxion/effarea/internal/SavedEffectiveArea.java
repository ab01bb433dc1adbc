package org.fluxion.effarea.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.effarea.EffectiveAreaResult;

/**
 * What the {@code effective_area} step saves as {@code effective_area.json} and reloads: the
 * fingerprint of the inputs and settings, the result, and the areas of the other flux models
 * behind the systematic. {@link #toJson()} and {@link #fromJson} are exact inverses (doubles are
 * written in their shortest round-trip form), so a reloaded run writes byte-identical files.
 *
 * @param fingerprint binning, result-changing settings, row counts and column hashes of both samples
 * @param result      the effective area (with the systematic error if included)
 * @param modelAreas  weight column → A_eff per bin, m², of each other flux model used (ordered)
 */
record SavedEffectiveArea(Map<String, Object> fingerprint, EffectiveAreaResult result, Map<String, double[]> modelAreas) {
    /** File stem of the saved result. */
    static final String NAME = "effective_area";
    /** Format tag. */
    static final String FORMAT = "fluxion.effective_area/1";

    SavedEffectiveArea {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(result, "result");
        modelAreas = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modelAreas));
    }

    /** @return the JSON tree (String, Long, Double, Boolean, List, Map) */
    Map<String, Object> toJson() {
        EffectiveArea a = result.effectiveArea();
        Binning b = a.binning();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("quantity", a.quantity());
        m.put("unit", a.unit());
        m.put("generation_area_m2", result.generationAreaM2());
        m.put("replicas", (long) result.replicas());
        m.put("fingerprint", fingerprint);
        Map<String, Object> bins = new LinkedHashMap<>();
        bins.put("edges", doubles(b.edges()));
        bins.put("area_m2", doubles(a.areaM2()));
        bins.put("stat_error_m2", doubles(a.statErrorM2()));
        bins.put("syst_error_m2", doubles(a.systErrorM2()));
        bins.put("band_low_m2", doubles(result.lowM2()));
        bins.put("band_high_m2", doubles(result.highM2()));
        bins.put("cos_zenith_low", doubles(a.cosZenithLow()));
        bins.put("cos_zenith_high", doubles(a.cosZenithHigh()));
        bins.put("solid_angle_sr", doubles(a.solidAngleSr()));
        bins.put("selected_rate_hz", doubles(result.selectedRateHz()));
        bins.put("l0_rate_hz", doubles(result.l0RateHz()));
        bins.put("selected_events", longs(result.selectedEvents()));
        bins.put("l0_events", longs(result.l0Events()));
        m.put("bins", bins);
        Map<String, Object> models = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : modelAreas.entrySet()) {
            models.put(e.getKey(), doubles(e.getValue()));
        }
        m.put("model_area_m2", models);
        return m;
    }

    /**
     * @param json    the parsed file
     * @param source  the file, for messages
     * @param binning the binning the result must have (its kind sets the bin centres of the plots)
     * @throws IllegalArgumentException naming the file and the missing or malformed entry
     */
    @SuppressWarnings("unchecked")
    static SavedEffectiveArea fromJson(Object json, String source, Binning binning) {
        Map<String, Object> m = map(json, "the top level", source);
        Object format = m.get("format");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException(source + ": expected format '" + FORMAT + "' but found '" + format + "'");
        }
        Map<String, Object> bins = map(m.get("bins"), "bins", source);
        Binning b = binning;
        if (!b.equals(Binning.ofEdges(toDoubles(bins, "edges", source)))) {
            throw new IllegalArgumentException(source + ": the saved bin edges " + list(bins, "edges", source)
                    + " differ from the configured " + java.util.Arrays.toString(b.edges()));
        }
        EffectiveArea a = EffectiveArea.of(string(m, "quantity", source), string(m, "unit", source), b,
                toDoubles(bins, "area_m2", source), toDoubles(bins, "stat_error_m2", source),
                toDoubles(bins, "syst_error_m2", source), toDoubles(bins, "cos_zenith_low", source),
                toDoubles(bins, "cos_zenith_high", source));
        EffectiveAreaResult r = new EffectiveAreaResult(a, number(m, "generation_area_m2", source).doubleValue(),
                number(m, "replicas", source).intValue(), toDoubles(bins, "selected_rate_hz", source),
                toDoubles(bins, "l0_rate_hz", source), toLongs(bins, "selected_events", source),
                toLongs(bins, "l0_events", source), toDoubles(bins, "band_low_m2", source),
                toDoubles(bins, "band_high_m2", source));
        Map<String, double[]> models = new LinkedHashMap<>();
        Map<String, Object> mm = map(m.get("model_area_m2"), "model_area_m2", source);
        for (String k : mm.keySet()) {
            models.put(k, toDoubles(mm, k, source));
        }
        return new SavedEffectiveArea(map(m.get("fingerprint"), "fingerprint", source), r, models);
    }

    static List<Object> doubles(double[] v) {
        List<Object> l = new ArrayList<>(v.length);
        for (double d : v) {
            l.add(d);
        }
        return l;
    }

    static List<Object> longs(long[] v) {
        List<Object> l = new ArrayList<>(v.length);
        for (long d : v) {
            l.add(d);
        }
        return l;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what, String source) {
        if (!(o instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(source + ": expected an object at '" + what + "' but found " + o);
        }
        return (Map<String, Object>) o;
    }

    private static String string(Map<String, Object> m, String key, String source) {
        if (!(m.get(key) instanceof String s)) {
            throw new IllegalArgumentException(source + ": expected a string at '" + key + "' but found " + m.get(key));
        }
        return s;
    }

    private static Number number(Map<String, Object> m, String key, String source) {
        if (!(m.get(key) instanceof Number n)) {
            throw new IllegalArgumentException(source + ": expected a number at '" + key + "' but found " + m.get(key));
        }
        return n;
    }

    private static List<?> list(Map<String, Object> m, String key, String source) {
        if (!(m.get(key) instanceof List<?> l)) {
            throw new IllegalArgumentException(source + ": expected a list at '" + key + "' but found " + m.get(key));
        }
        return l;
    }

    private static double[] toDoubles(Map<String, Object> m, String key, String source) {
        List<?> l = list(m, key, source);
        double[] v = new double[l.size()];
        for (int i = 0; i < v.length; i++) {
            if (!(l.get(i) instanceof Number n)) {
                throw new IllegalArgumentException(source + ": '" + key + "' entry " + i + " must be a number but was "
                        + l.get(i));
            }
            v[i] = n.doubleValue();
        }
        return v;
    }

    private static long[] toLongs(Map<String, Object> m, String key, String source) {
        List<?> l = list(m, key, source);
        long[] v = new long[l.size()];
        for (int i = 0; i < v.length; i++) {
            if (!(l.get(i) instanceof Long n)) {
                throw new IllegalArgumentException(source + ": '" + key + "' entry " + i + " must be an integer but was "
                        + l.get(i));
            }
            v[i] = n;
        }
        return v;
    }
}
