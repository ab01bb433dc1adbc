#!/usr/bin/python3
"""HDF5 read benchmark, Python side: writes the two benchmark files (flat layout, 5,000,000 rows,
8 float64 columns, of which 4 are read) and times h5py reading 4 columns, median of 5 after one
warm-up read, with time.perf_counter. The Java side is Hdf5Benchmark (src/test/java).

    /usr/bin/python3 bench_h5py.py /tmp/fluxion-bench        # writes the files if absent, then times h5py
"""
import os
import statistics
import sys
import time

import h5py
import numpy as np

N = 5_000_000
COLUMNS = ["energy", "zenith", "azimuth", "stop_score", "length", "x", "y", "z"]
READ = ["energy", "zenith", "stop_score", "length"]
CHUNK = 65536


def write(path, **kw):
    rng = np.random.default_rng(1)
    with h5py.File(path, "w") as f:
        g = f.create_group("mc")
        g.attrs["data_level"] = "L2"
        g.attrs["data_type"] = "MC"
        for c in COLUMNS:
            # smooth, realistic values (not incompressible noise): lognormal energies, angles, lengths
            v = np.exp(rng.normal(7.0, 1.2, N)) if c == "energy" else rng.uniform(0, 3.0, N)
            g.create_dataset(c, data=v, **kw)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/fluxion-bench"
    os.makedirs(out, exist_ok=True)
    files = {"gzip1_shuffle": os.path.join(out, "flat_gzip1_shuffle.h5"),
             "uncompressed": os.path.join(out, "flat_uncompressed.h5")}
    if not os.path.exists(files["gzip1_shuffle"]):
        write(files["gzip1_shuffle"], chunks=(CHUNK,), compression="gzip", compression_opts=1, shuffle=True)
    if not os.path.exists(files["uncompressed"]):
        write(files["uncompressed"])
    for name, path in files.items():
        times = []
        for run in range(6):
            t0 = time.perf_counter()
            with h5py.File(path, "r") as f:
                cols = [f["mc"][c][:] for c in READ]
            dt = time.perf_counter() - t0
            if run > 0:
                times.append(dt)
        print("h5py %-14s %s  4 x %d float64: median %.3f s  runs %s  (%.1f MB file)" % (
            name, path, N, statistics.median(times), " ".join("%.3f" % t for t in times),
            os.path.getsize(path) / 1e6))
        assert sum(c.size for c in cols) == 4 * N


if __name__ == "__main__":
    main()
