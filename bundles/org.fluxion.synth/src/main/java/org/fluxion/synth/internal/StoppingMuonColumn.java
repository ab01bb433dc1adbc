package org.fluxion.synth.internal;

/**
 * The columns of the synthetic stopping-muon samples: flat-layout name, storage type, unit,
 * description, the samples that carry it (bit mask of {@link #L0}, {@link #L2_MC}, {@link #DATA})
 * and its address {@code Key/field} in the hdfwriter layout. The README of the bundle documents
 * the same table. Immutable.
 */
public enum StoppingMuonColumn {
    RUN_ID("run_id", Storage.INT64, "", "run number (MC: 1 + generation block; data: 130000 + block)", Masks.ALL, "I3EventHeader", "Run"),
    EVENT_ID("event_id", Storage.INT64, "", "event number within the run (index of the thrown event in its block)", Masks.ALL, "I3EventHeader", "Event"),
    TRUE_SURFACE_ENERGY("true_surface_energy", Storage.FLOAT64, "GeV", "energy of the leading muon at the surface", Masks.MC, "StoppingMuonLabels", "surface_energy"),
    TRUE_ZENITH("true_zenith", Storage.FLOAT64, "rad", "zenith angle of the arrival direction", Masks.MC, "StoppingMuonLabels", "zenith"),
    TRUE_AZIMUTH("true_azimuth", Storage.FLOAT64, "rad", "azimuth of the arrival direction", Masks.MC, "StoppingMuonLabels", "azimuth"),
    TRUE_PROPAGATION_LENGTH("true_propagation_length", Storage.FLOAT64, "m", "slant depth in ice from the surface to the leading muon's stopping point, L(zenith, z) with Earth curvature", Masks.MC, "StoppingMuonLabels", "propagation_length"),
    TRUE_STOP_X("true_stop_x", Storage.FLOAT64, "m", "stopping point of the leading muon, detector x", Masks.MC, "StoppingMuonLabels", "stop_x"),
    TRUE_STOP_Y("true_stop_y", Storage.FLOAT64, "m", "stopping point of the leading muon, detector y", Masks.MC, "StoppingMuonLabels", "stop_y"),
    TRUE_STOP_Z("true_stop_z", Storage.FLOAT64, "m", "stopping point of the leading muon, detector z", Masks.MC, "StoppingMuonLabels", "stop_z"),
    TRUE_CLASS("true_class", Storage.INT32, "", "0 single stopping, 1 multiple stopping, 2 not stopping", Masks.MC, "StoppingMuonLabels", "stopping_class"),
    N_MUONS("n_muons", Storage.INT32, "", "muons in the bundle at the surface", Masks.MC, "StoppingMuonLabels", "n_muons"),
    N_STOPPING("n_stopping", Storage.INT32, "", "muons of the bundle that stop inside the detector cylinder", Masks.MC, "StoppingMuonLabels", "n_stopping"),
    RECO_ZENITH("reco_zenith", Storage.FLOAT64, "rad", "DNN-like zenith angle", Masks.L2, "DNNStoppingMuonReco", "zenith"),
    RECO_STOP_X("reco_stop_x", Storage.FLOAT64, "m", "DNN-like stopping point, detector x", Masks.L2, "DNNStoppingMuonReco", "stop_x"),
    RECO_STOP_Y("reco_stop_y", Storage.FLOAT64, "m", "DNN-like stopping point, detector y", Masks.L2, "DNNStoppingMuonReco", "stop_y"),
    RECO_STOP_Z("reco_stop_z", Storage.FLOAT64, "m", "DNN-like stopping point, detector z", Masks.L2, "DNNStoppingMuonReco", "stop_z"),
    RECO_PROPAGATION_LENGTH("reco_propagation_length", Storage.FLOAT64, "m", "L(reco zenith, reco stop z) with Earth curvature", Masks.L2, "DNNStoppingMuonReco", "propagation_length"),
    RECO_LOG10_ENERGY("reco_log10_energy", Storage.FLOAT64, "log10(E/GeV)", "DNN-like log10 of the surface energy", Masks.L2, "DNNStoppingMuonReco", "log10_energy"),
    STOPPING_SCORE("stopping_score", Storage.FLOAT64, "", "DNN-like single-stopping score in [0, 1]", Masks.L2, "DNNStoppingMuonReco", "stopping_score"),
    MULTIPLICITY("multiplicity", Storage.INT32, "", "DNN-like muon multiplicity", Masks.L2, "DNNStoppingMuonReco", "multiplicity"),
    FILTER_FSS("filter_fss", Storage.UINT8, "", "FSS filter passed (0/1)", Masks.L2, "FilterMask", "FSSFilter_13"),
    FILTER_MUON("filter_muon", Storage.UINT8, "", "Muon filter passed (0/1)", Masks.L2, "FilterMask", "MuonFilter_13"),
    ONE_WEIGHT("one_weight", Storage.FLOAT64, "GeV cm2 sr", "generation weight A_gen Omega_gen Int(E^-gamma dE) / (N_gen E^-gamma)", Masks.MC, "I3MCWeightDict", "OneWeight"),
    GAISSER_H3A_WEIGHT("GaisserH3aWeight", Storage.FLOAT64, "Hz", "flux weight of the GaisserH3a model", Masks.MC, "FluxWeights", "GaisserH3aWeight"),
    GAISSER_H4A_WEIGHT("GaisserH4aWeight", Storage.FLOAT64, "Hz", "flux weight of the GaisserH4a model", Masks.MC, "FluxWeights", "GaisserH4aWeight"),
    GLOBAL_FIT_GST_WEIGHT("GlobalFitGSTWeight", Storage.FLOAT64, "Hz", "flux weight of the GlobalFitGST model", Masks.MC, "FluxWeights", "GlobalFitGSTWeight");

    /** Sample bit: untriggered level-0 MC. */
    public static final int L0 = 1;
    /** Sample bit: level-2 MC. */
    public static final int L2_MC = 2;
    /** Sample bit: measured-like level-2 data. */
    public static final int DATA = 4;

    /** Storage types (HDF5 dtypes of the flat layout). */
    public enum Storage {
        FLOAT64, INT64, INT32, UINT8
    }

    private static final class Masks {
        static final int MC = L0 | L2_MC;
        static final int L2 = L2_MC | DATA;
        static final int ALL = L0 | L2_MC | DATA;
    }


    private final String flatName;
    private final Storage storage;
    private final String unit;
    private final String description;
    private final int samples;
    private final String hdfKey;
    private final String hdfField;

    StoppingMuonColumn(String flatName, Storage storage, String unit, String description, int samples, String hdfKey,
            String hdfField) {
        this.flatName = flatName;
        this.storage = storage;
        this.unit = unit;
        this.description = description;
        this.samples = samples;
        this.hdfKey = hdfKey;
        this.hdfField = hdfField;
    }

    /** @return the dataset name in the flat layout */
    public String flatName() {
        return flatName;
    }

    /** @return the storage type */
    public Storage storage() {
        return storage;
    }

    /** @return the unit ("" if dimensionless) */
    public String unit() {
        return unit;
    }

    /** @return a one-line description */
    public String description() {
        return description;
    }

    /** @return whether the sample with bit {@code sampleBit} carries this column */
    public boolean in(int sampleBit) {
        return (samples & sampleBit) != 0;
    }

    /** @return the frame key (table name) in the hdfwriter layout */
    public String hdfKey() {
        return hdfKey;
    }

    /** @return the field name in the hdfwriter layout */
    public String hdfField() {
        return hdfField;
    }
}
