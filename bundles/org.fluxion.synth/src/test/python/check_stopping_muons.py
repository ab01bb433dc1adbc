#!/usr/bin/python3
"""Checks the synthetic stopping-muon files with h5py (HDF5 C library) -- optional, not run by the build.

usage: /usr/bin/python3 check_stopping_muons.py DIR
Needs Debian's python3-h5py and python3-numpy. Opens every file of StoppingMuonSamples.write(DIR, ...),
checks that the hdfwriter tables hold the same events as the flat groups, the index tables, the
metadata, and prints the weighted rates. Exits non-zero on the first mismatch.
"""
import sys
import h5py
import numpy as np

d = sys.argv[1]
samples = {"mc_l0": "L0", "mc": "L2", "data": "L2"}
for sample, level in samples.items():
    flat = h5py.File(f"{d}/stopping_muons_{sample}.h5", "r")[sample]
    hdf = h5py.File(f"{d}/stopping_muons_{sample}_hdfwriter.h5", "r")
    assert flat.attrs["data_level"].decode() == level, sample
    for k, v in flat.attrs.items():
        assert hdf.attrs[k] == v, (sample, k)
    n = len(flat["run_id"])
    for key in hdf:
        if key == "__I3Index__":
            continue
        t = hdf[key][:]
        idx = hdf["__I3Index__"][key][:]
        assert len(t) == n and len(idx) == n, key
        assert np.array_equal(t["Run"], flat["run_id"][:]) and np.array_equal(t["Event"], flat["event_id"][:]), key
        assert np.array_equal(idx["start"], np.arange(n)) and np.array_equal(idx["stop"], np.arange(1, n + 1)), key
        assert (t["exists"] == 1).all() and (t["SubEvent"] == 0).all(), key
        names = [hdf[key].attrs[f"FIELD_{i}_NAME"].decode() for i in range(len(t.dtype.names))]
        assert names == list(t.dtype.names), key
    compared = 0
    for key in hdf:
        if key in ("__I3Index__", "I3EventHeader"):
            continue
        ds = hdf[key]
        for i, field in enumerate(ds.dtype.names[5:], start=5):
            doc = ds.attrs[f"FIELD_{i}_DOC"].decode()
            # find the flat column with the same unit/doc (names differ by design)
            col = None
            for c in flat:
                if flat[c].attrs.get("unit", b"").decode() == ds.attrs[f"FIELD_{i}_UNIT"].decode():
                    a = ds[field]
                    a = a[:, 0] if a.ndim == 2 else a
                    if len(a) == len(flat[c]) and np.array_equal(a, flat[c][:]):
                        col = c
                        break
            if field == "NEvents":
                assert (ds[field] == flat.attrs["n_generated"]).all()
                continue
            assert col is not None, (sample, key, field)
            compared += 1
    assert compared == len(flat) - 2, (sample, compared, len(flat))
    msg = f"{sample}: {n} events, {compared} fields equal to the flat columns"
    if "GaisserH3aWeight" in flat:
        msg += f", sum GaisserH3aWeight = {flat['GaisserH3aWeight'][:].sum():.6g} Hz"
    if "livetime_s" in flat.attrs:
        msg += f", rate = {n / flat.attrs['livetime_s']:.6g} Hz"
    print(msg)
print("OK")
