#!/usr/bin/env python3
"""Peer benchmark for docs/benchmarks.md ("Text"): the same task as
bundles/org.fluxion.io.text/src/test/java/org/fluxion/io/text/KcdcTextBenchmark.java in pandas + numpy.

Reads a KCDC `E Ne Nmu Ze` file, cuts Ze < 30 and Nmu > 3.6, fills a 1-D histogram of E (50 bins on
[14, 18]) and a 2-D histogram Ne x Nmu (100 x 100 on [3.9, 7.9] x [3.4, 6.4]). Times the whole task
in-process (imports excluded), one warm-up run, then N runs; prints each and the median.

usage: /usr/bin/python3 kcdc_text_pandas.py kcdc_data.txt [runs=5] [engine=c|pyarrow]
"""
import statistics
import sys
import time

import numpy as np
import pandas as pd


def analyse(path, engine):
    df = pd.read_csv(path, sep=r"\s+", engine=engine) if engine == "c" else \
        pd.read_csv(path, sep=" ", engine=engine)
    sel = df[(df["Ze"] < 30) & (df["Nmu"] > 3.6)]
    h1, _ = np.histogram(sel["E"].to_numpy(), bins=50, range=(14, 18))
    h2, _, _ = np.histogram2d(sel["Ne"].to_numpy(), sel["Nmu"].to_numpy(), bins=100,
                              range=((3.9, 7.9), (3.4, 6.4)))
    return len(sel), h1, h2


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    engine = sys.argv[3] if len(sys.argv) > 3 else "c"
    n, h1, h2 = analyse(path, engine)  # warm-up
    print(f"selected {n} rows; E histogram integral {h1.sum()}; Ne-Nmu integral {h2.sum():.0f}; "
          f"E bins 0..4 {h1[:5].tolist()}")
    times, cpu = [], []
    for k in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        analyse(path, engine)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        print(f"run {k + 1}: {times[-1]:.3f} s, process cpu {cpu[-1]:.3f} s")
    print(f"median of {runs} runs: {statistics.median(times):.3f} s (process cpu {statistics.median(cpu):.3f} s)")


if __name__ == "__main__":
    main()
