package org.fluxion.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.io.hdf5.Hdf5InputSettings.Type;
import org.junit.jupiter.api.Test;

class Hdf5LoadSettingsTest {
    private static final Map<String, Hdf5InputSettings> IN = Map.of("mc", Hdf5InputSettings.of(Type.MC, "mc.h5"));

    @Test
    void keysAreMatchedToDataTypesCaseInsensitively() {
        Hdf5LoadSettings s = new Hdf5LoadSettings(IN, Map.of("Mc", List.of(List.of("energy", "DNN/energy"))), "H3a",
                List.of(), null);
        assertEquals(List.of(List.of("energy", "DNN/energy")), s.keysFor("mc", Type.MC));
        assertNull(s.keysFor("data", Type.DATA));
        assertEquals(Hdf5LoadSettings.MissingRows.DROP, s.missingRows());
    }

    @Test
    void aSamplesOwnKeysWinOverItsDataType() {
        Map<String, Hdf5InputSettings> in = new java.util.LinkedHashMap<>(IN);
        in.put("mc_l0", Hdf5InputSettings.of(Type.MC, "l0.h5"));
        Map<String, List<List<String>>> keys = new java.util.LinkedHashMap<>();
        keys.put("MC", List.of(List.of("energy", "DNN/energy"), List.of("e_true", "truth/energy")));
        keys.put("mc_l0", List.of(List.of("e_true", "truth/energy")));
        Hdf5LoadSettings s = new Hdf5LoadSettings(in, keys, "", List.of(), null);
        assertEquals(List.of(List.of("e_true", "truth/energy")), s.keysFor("mc_l0", Type.MC));
        assertEquals(2, s.keysFor("mc", Type.MC).size());
    }

    @Test
    void rejectsBadKeys() {
        InvalidSettingsException pair = assertThrows(InvalidSettingsException.class, () -> new Hdf5LoadSettings(IN,
                Map.of("MC", List.of(List.of("energy"))), "", List.of(), null));
        assertEquals("keys", pair.key());
        assertTrue(pair.getMessage().contains("[name_to_save, name_in_hdf5] but was [energy]"), pair.getMessage());
        InvalidSettingsException type = assertThrows(InvalidSettingsException.class, () -> new Hdf5LoadSettings(IN,
                Map.of("simulation", List.of()), "", List.of(), null));
        assertTrue(type.getMessage().contains("'simulation' is neither a data type (MC, data) nor one of the inputs"), type.getMessage());
        InvalidSettingsException twice = assertThrows(InvalidSettingsException.class, () -> new Hdf5LoadSettings(IN,
                Map.of("MC", List.of(List.of("e", "a"), List.of("e", "b"))), "", List.of(), null));
        assertTrue(twice.getMessage().contains("saves two columns as 'e'"), twice.getMessage());
    }

    @Test
    void cutExceptionsMustBeInputs() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> new Hdf5LoadSettings(IN, Map.of(), "", List.of("mc_l0"), null));
        assertEquals("cut_exceptions", e.key());
        assertTrue(e.getMessage().contains("'mc_l0'") && e.getMessage().contains("[mc]"), e.getMessage());
    }

    @Test
    void livetimeSettingsAreConsistent() {
        InvalidSettingsException both = assertThrows(InvalidSettingsException.class,
                () -> new Hdf5InputSettings(List.of("d.h5"), true, null, Type.DATA, true, 10.0, null));
        assertEquals("livetime_s", both.key());
        InvalidSettingsException mc = assertThrows(InvalidSettingsException.class,
                () -> new Hdf5InputSettings(List.of("d.h5"), true, null, Type.MC, true, null, null));
        assertEquals("read_livetime", mc.key());
        InvalidSettingsException negative = assertThrows(InvalidSettingsException.class,
                () -> new Hdf5InputSettings(List.of("d.h5"), true, null, Type.DATA, false, -1.0, null));
        assertTrue(negative.getMessage().contains("-1.0"), negative.getMessage());
        InvalidSettingsException type = assertThrows(InvalidSettingsException.class,
                () -> new Hdf5InputSettings(List.of("d.h5"), true, null, null, false, null, null));
        assertEquals("type", type.key());
        assertEquals(Hdf5InputSettings.Level.L2, new Hdf5InputSettings(List.of("d.h5"), true, null, Type.DATA, false,
                null, null).level());
    }
}
