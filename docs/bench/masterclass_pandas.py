#!/usr/bin/python3
"""The KASCADE masterclass (examples/masterclass.yaml, steps 0-4) done with pandas + numpy + scipy on the
same three files, for docs/benchmarks.md ("Masterclass"). Prints the fits so that they can be compared
with the product's tables (steps/step3_ratio/mu_e_fits.csv, ...), and the wall and CPU time of the
whole task (reading included, imports and plotting excluded: the product also renders PNG + PDF, which
this script does not).

usage: masterclass_pandas.py DATA_DIR [repeats]
"""
import os
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats

GROUPS = [("p", ["p", "14"]), ("He", ["he", "402"]), ("CNO", ["c", "co", "c/o", "1206", "1608"]),
          ("Si", ["si", "2814"]), ("Fe", ["fe", "5626"])]


def to_ev(e):
    """KCDC unit rule: median > 10 means lg(E/eV), else lg(E/GeV)."""
    return e if np.nanmedian(e) > 10 else e + 9.0


def to_lg(n):
    """Sizes: median > 100 means the number itself."""
    if np.nanmedian(n) > 100:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(n > 0, np.log10(n), np.nan)
    return n


def wstats(x, w):
    sw = w.sum()
    mu = np.sum(w * x) / sw
    sigma = np.sqrt(np.sum(w * (x - mu) ** 2) / sw)
    neff = sw * sw / np.sum(w * w)
    return mu, sigma / np.sqrt(neff), sigma, sigma / np.sqrt(2 * neff)


def binned_means(x, lge, w, edges):
    idx = np.digitize(lge, edges) - 1
    ok = (idx >= 0) & (idx < len(edges) - 1)
    n = len(edges) - 1
    sw = np.bincount(idx[ok], weights=w[ok], minlength=n)
    swx = np.bincount(idx[ok], weights=(w * x)[ok], minlength=n)
    swxx = np.bincount(idx[ok], weights=(w * x * x)[ok], minlength=n)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = swx / sw
        sd = np.sqrt(np.maximum(swxx / sw - mean * mean, 0))
    return mean, sd


def task(d):
    out = {}
    data = pd.read_csv(os.path.join(d, "kcdc_data.txt"), sep=r"\s+")
    sim = pd.read_csv(os.path.join(d, "kcdc_simulation.csv"))
    ev = pd.read_csv(os.path.join(d, "kcdc_events.csv"),
                     usecols=["energy", "zenith", "electron_number", "muon_number"])
    # units
    E = to_ev(data["E"].to_numpy()); Ne = to_lg(data["Ne"].to_numpy()); Nmu = to_lg(data["Nmu"].to_numpy())
    Ze = data["Ze"].to_numpy()
    lgE = to_ev(sim["lgE"].to_numpy()); sNe = to_lg(sim["lgNe"].to_numpy()); sNmu = to_lg(sim["lgNmu"].to_numpy())
    sZe = sim["Ze"].to_numpy()
    eE = to_ev(ev["energy"].to_numpy()); eNe = to_lg(ev["electron_number"].to_numpy())
    eNmu = to_lg(ev["muon_number"].to_numpy()); eZe = ev["zenith"].to_numpy()
    part = sim["Particle"].astype(str).str.lower().to_numpy()
    masks = [(g, np.isin(part, names)) for g, names in GROUPS]
    # step 1: histograms and zenith with the sin*cos expectation
    np.histogram(E, 50, (14, 18)); np.histogram(Ne, 50, (3.5, 8.5)); np.histogram(Nmu, 50, (3, 7))
    edges = np.linspace(0, 45, 46)
    s2 = np.sin(np.radians(edges)) ** 2
    for z in (Ze, eZe):
        h, _ = np.histogram(z, edges)
        _ = h / (h.sum() * np.diff(s2) / (s2[-1] - s2[0]))
    # step 2: planes per primary (unweighted, as the histogram step) and data with weighted p / Fe planes
    w = 10 ** (-0.7 * (lgE - 15))
    for g, m in masks:
        np.histogram2d(sNe[m], sNmu[m], bins=(84, 74), range=((3.8, 8.0), (3.3, 7.0)))
        np.histogram2d(sNe[m], sNmu[m], bins=(84, 74), range=((3.8, 8.0), (3.3, 7.0)), weights=w[m])
    np.histogram2d(Ne, Nmu, bins=(84, 74), range=((3.8, 8.0), (3.3, 7.0)))
    np.histogram(lgE, 40, (14, 18))
    # step 3: ratios, Gaussian fits (data: scipy.stats.norm.fit; simulation weighted to E^-2.7), mean vs lg E
    lge_edges = np.linspace(14, 18, 17)
    for name, num, den, rng in (("mu_e", (Nmu, sNmu), (Ne, sNe), (0.7, 1.2)), ("e_mu", (Ne, sNe), (Nmu, sNmu), (0.8, 1.4))):
        r = num[0] / den[0]
        np.histogram(r, 100, rng)
        mu, sigma = stats.norm.fit(r)
        n = len(r)
        out[(name, "data")] = (mu, sigma / np.sqrt(n), sigma, sigma / np.sqrt(2 * n))
        binned_means(r, E, np.ones_like(r), lge_edges)
        rs = num[1] / den[1]
        for g, m in masks:
            np.histogram(rs[m], 100, rng, weights=w[m])
            out[(name, g)] = wstats(rs[m], w[m])
            binned_means(rs[m], lgE[m], w[m], lge_edges)
    r = eNmu / eNe
    mu, sigma = stats.norm.fit(r)
    out[("mu_e", "events")] = (mu, sigma / np.sqrt(len(r)), sigma, sigma / np.sqrt(2 * len(r)))
    # step 4: energy estimator on the simulation, bias and resolution per primary and energy bin
    est = 10.83 + 0.347 * sNe + 0.609 * sNmu + 1.29 * (1 / np.cos(np.radians(sZe)) - 1)
    delta = est - lgE
    np.histogram2d(lgE, est, bins=(80, 80), range=((14, 18), (14, 18)))
    for g, m in masks:
        np.histogram(delta[m], 60, (-0.6, 0.6))
        binned_means(delta[m], lgE[m], np.ones(m.sum()), lge_edges)
        out[("energy", g)] = (delta[m].mean(), 0, delta[m].std(), 0)
    check = E - (10.83 + 0.347 * Ne + 0.609 * Nmu + 1.29 * (1 / np.cos(np.radians(Ze)) - 1))
    out[("energy", "data_check_max_abs")] = (np.abs(check).max(), 0, 0, 0)
    return out


def main():
    d = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    walls, cpus = [], []
    for _ in range(repeats):
        c0, t0 = time.process_time(), time.perf_counter()
        out = task(d)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    for k, v in out.items():
        print("%-10s %-20s mu=%.6f +- %.6f  sigma=%.6f +- %.6f" % (k[0], k[1], *v))
    print("wall %s s, median %.2f s; CPU median %.2f s" % (["%.2f" % t for t in walls], float(np.median(walls)),
                                                          float(np.median(cpus))))


if __name__ == "__main__":
    main()
