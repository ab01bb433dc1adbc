package org.fluxion.synth.internal;

import java.util.SplittableRandom;

import org.fluxion.synth.MuonEnergyLoss;
import org.fluxion.synth.PropagationLength;

/**
 * One simulated muon bundle of the synthetic stopping-muon samples (PHYSICS.md §6), in IceCube
 * detector coordinates (m, z up, origin at the detector centre). Mutable scratch object reused
 * within a block: {@link #simulate} draws the truth, {@link #detect} the trigger and filter
 * bits, {@link #reconstruct} the DNN-like reconstructions. Not thread-safe.
 *
 * <p>Model (every number a synthetic choice, documented in the bundle README): the leading muon
 * carries the generated surface energy; n_μ = 1 + Geometric(0.7) muons; companions have
 * E·10^(−1.5 U) and a lateral offset N(0, 15 m) per axis, parallel tracks. Each muon's range is
 * R(E)·exp(σ N(0,1)) with σ = clip(0.10 + 0.10 log10(E/TeV), 0.06, 0.35) in metres of ice; its
 * stopping point is where the curved slant depth L(θ, z) equals that range.
 */
public final class StoppingMuonEvent {
    /** True class codes. */
    public static final int SINGLE = 0, MULTIPLE = 1, NOT_STOPPING = 2;

    /** Radius and half height of the detector cylinder, m. */
    public static final double CYLINDER_RADIUS_M = 500.0, CYLINDER_HALF_HEIGHT_M = 500.0;
    /** Disk radius of the impact points, m. */
    public static final double DISK_RADIUS_M = 800.0;
    /** Success probability of the geometric number of companion muons. */
    public static final double BUNDLE_P = 0.7;
    /** Lateral spread of companion muons, m per axis. */
    public static final double COMPANION_SPREAD_M = 15.0;
    /** Companions get E · 10^(−COMPANION_DECADES · U). */
    public static final double COMPANION_DECADES = 1.5;
    /** Trigger probability 1 − exp(−ℓ/TRIGGER_LENGTH_M), ℓ the visible track length. */
    public static final double TRIGGER_LENGTH_M = 40.0;
    /** Muon filter probability per class (single, multiple, not stopping), given the trigger. */
    public static final double[] MUON_FILTER_P = { 0.80, 0.88, 0.95 };
    /** FSS filter probability per class, given the trigger. */
    public static final double[] FSS_FILTER_P = { 0.30, 0.20, 0.05 };
    /** Stopping score distributions per class. */
    public static final BetaVariate[] SCORE = { new BetaVariate(9, 1.3), new BetaVariate(3, 3), new BetaVariate(1, 10) };
    private static final int MAX_MUONS = 1000;
    private static final double LN_BUNDLE_Q = Math.log(1 - BUNDLE_P);

    // truth
    public double energy, cosZenith, zenith, azimuth;
    public int nMuons, nStopping, trueClass;
    public double stopX, stopY, stopZ, propagationLength;
    // visible end point of the deepest-ending muon that reaches the cylinder
    public boolean reaches;
    public double endX, endY, endZ, visibleLength;
    // detection
    public boolean triggered, filterMuon, filterFss;
    // reconstruction
    public double recoZenith, recoStopX, recoStopY, recoStopZ, recoPropagationLength, recoLog10Energy, stoppingScore;
    public int multiplicity;

    // direction: u points to the source, the muon travels along -u; e1, e2 span the plane ⊥ u
    private double ux, uy, uz, e1x, e1y, e1z, e2x, e2y;

    /**
     * Draws the bundle for a leading muon of the given energy and direction.
     *
     * @param energyGeV surface energy of the leading muon, GeV
     * @param cosZen    cosine of the zenith angle, in (0, 1]
     */
    public void simulate(SplittableRandom rng, double energyGeV, double cosZen) {
        energy = energyGeV;
        cosZenith = cosZen;
        zenith = Math.acos(cosZen);
        azimuth = 2 * Math.PI * rng.nextDouble();
        double sinZen = Math.sqrt(Math.max(0, 1 - cosZen * cosZen));
        double cp = Math.cos(azimuth), sp = Math.sin(azimuth);
        ux = sinZen * cp;
        uy = sinZen * sp;
        uz = cosZen;
        e1x = cosZen * cp;
        e1y = cosZen * sp;
        e1z = -sinZen;
        e2x = -sp;
        e2y = cp;
        double rho = DISK_RADIUS_M * Math.sqrt(rng.nextDouble());
        double psi = 2 * Math.PI * rng.nextDouble();
        double b1 = rho * Math.cos(psi), b2 = rho * Math.sin(psi);
        int extra = (int) Math.min(MAX_MUONS - 1, Math.floor(Math.log(1 - rng.nextDouble()) / LN_BUNDLE_Q));
        nMuons = 1 + extra;
        nStopping = 0;
        reaches = false;
        boolean leadStops = false;
        int companionsReaching = 0, companionsStopping = 0;
        double deepestEnd = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < nMuons; k++) {
            double ek = k == 0 ? energyGeV : energyGeV * Math.pow(10, -COMPANION_DECADES * rng.nextDouble());
            double o1 = b1, o2 = b2;
            if (k > 0) {
                o1 += COMPANION_SPREAD_M * rng.nextGaussian();
                o2 += COMPANION_SPREAD_M * rng.nextGaussian();
            }
            double px = o1 * e1x + o2 * e2x, py = o1 * e1y + o2 * e2y, pz = o1 * e1z;
            double sigma = Math.min(0.35, Math.max(0.06, 0.10 + 0.10 * Math.log10(ek / 1000.0)));
            double range = MuonEnergyLoss.ICE.rangeMetres(ek) * Math.exp(sigma * rng.nextGaussian());
            double zs = PropagationLength.stopZ(zenith, range);
            double s = (pz - zs) / cosZen; // position p - s u
            double sx = px - s * ux, sy = py - s * uy;
            if (k == 0) {
                stopX = sx;
                stopY = sy;
                stopZ = zs;
                propagationLength = range;
            }
            // the line inside the cylinder: s in [sIn, sOut]
            double sIn, sOut;
            double a = ux * ux + uy * uy;
            double c = px * px + py * py - CYLINDER_RADIUS_M * CYLINDER_RADIUS_M;
            if (a < 1e-15) {
                if (c > 0) {
                    continue;
                }
                sIn = Double.NEGATIVE_INFINITY;
                sOut = Double.POSITIVE_INFINITY;
            } else {
                double bb = -2 * (px * ux + py * uy);
                double disc = bb * bb - 4 * a * c;
                if (disc < 0) {
                    continue;
                }
                double q = Math.sqrt(disc);
                sIn = (-bb - q) / (2 * a);
                sOut = (-bb + q) / (2 * a);
            }
            sIn = Math.max(sIn, (pz - CYLINDER_HALF_HEIGHT_M) / cosZen);
            sOut = Math.min(sOut, (pz + CYLINDER_HALF_HEIGHT_M) / cosZen);
            if (!(sIn < sOut) || !(s > sIn)) {
                continue; // misses the cylinder or stops before reaching it
            }
            boolean stopsInside = s <= sOut;
            if (stopsInside) {
                nStopping++;
            }
            if (k == 0) {
                leadStops = stopsInside;
            } else {
                companionsReaching++;
                if (stopsInside) {
                    companionsStopping++;
                }
            }
            double end = Math.min(s, sOut);
            if (end > deepestEnd) {
                deepestEnd = end;
                reaches = true;
                endX = px - end * ux;
                endY = py - end * uy;
                endZ = pz - end * uz;
                visibleLength = end - sIn;
            }
        }
        if (leadStops && companionsReaching == 0) {
            trueClass = SINGLE;
        } else if (leadStops || companionsStopping > 0) {
            trueClass = MULTIPLE;
        } else {
            trueClass = NOT_STOPPING;
        }
    }

    /**
     * Draws the trigger (probability 1 − exp(−ℓ/{@value #TRIGGER_LENGTH_M} m) for the visible
     * length ℓ) and, if triggered, the Muon and FSS filter bits.
     *
     * @return whether the event is in the level-2 sample (triggered and at least one filter passed)
     */
    public boolean detect(SplittableRandom rng) {
        triggered = reaches && rng.nextDouble() < -Math.expm1(-visibleLength / TRIGGER_LENGTH_M);
        if (!triggered) {
            filterMuon = filterFss = false;
            return false;
        }
        filterMuon = rng.nextDouble() < MUON_FILTER_P[trueClass];
        filterFss = rng.nextDouble() < FSS_FILTER_P[trueClass];
        return filterMuon || filterFss;
    }

    /** Draws the DNN-like reconstructions of a detected event. */
    public void reconstruct(SplittableRandom rng) {
        double sigmaDeg = 1.5 + 2.5 * (300.0 / Math.max(visibleLength, 30.0));
        double z = zenith + Math.toRadians(sigmaDeg) * rng.nextGaussian();
        z = Math.abs(z);
        if (z > Math.PI) {
            z = 2 * Math.PI - z;
        }
        recoZenith = z;
        double n1 = 25.0 * rng.nextGaussian(), n2 = 25.0 * rng.nextGaussian(), n3 = 40.0 * rng.nextGaussian();
        recoStopX = endX + n1 * e1x + n2 * e2x - n3 * ux;
        recoStopY = endY + n1 * e1y + n2 * e2y - n3 * uy;
        recoStopZ = endZ + n1 * e1z - n3 * uz;
        recoPropagationLength = PropagationLength.metres(recoZenith, recoStopZ);
        double g = rng.nextGaussian();
        recoLog10Energy = Math.log10(energy) + (trueClass == SINGLE ? 0.15 * g : 0.25 + 0.30 * g);
        stoppingScore = SCORE[trueClass].sample(rng);
        multiplicity = (int) Math.round(nMuons * Math.exp(0.25 * rng.nextGaussian()));
    }
}
