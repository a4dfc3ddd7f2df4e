package no.trygg.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded randomness. Every source (and every year of a source) gets its own {@link SplittableRandom} derived
 * from the seed and a name, so generating one source or year never shifts the numbers of another. Stateless
 * draws ({@link #unit(long...)}) serve attributes that must not depend on the order of generation.
 */
final class Rng {

    private Rng() {
    }

    /** SplitMix64 finaliser: a well-mixed 64-bit value. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Stable hash of a name (String.hashCode is specified, so stable across JVMs). */
    static long nameKey(String name) {
        return mix64(name.hashCode() * 0x9E3779B97F4A7C15L + name.length());
    }

    static long key(long seed, String name, long... parts) {
        long h = mix64(seed ^ 0x5DEECE66DL) ^ nameKey(name);
        for (long p : parts) {
            h = mix64(h + 0x9E3779B97F4A7C15L + p);
        }
        return mix64(h);
    }

    /** An independent stream for (seed, name, parts). */
    static SplittableRandom stream(long seed, String name, long... parts) {
        return new SplittableRandom(key(seed, name, parts));
    }

    /** A uniform double in [0,1) that depends only on the key parts. */
    static double unit(long seed, String name, long... parts) {
        return (key(seed, name, parts) >>> 11) * 0x1.0p-53;
    }

    static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    /** Standard normal (Box–Muller, one value per call). */
    static double normal(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        if (u1 < 1e-300) {
            u1 = 1e-300;
        }
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    /** Index drawn with probability proportional to weights (non-negative, not all zero). */
    static int weighted(SplittableRandom r, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("all weights are zero");
    }

    /** Index into a cumulative-weight array (strictly increasing last element = total). */
    static int cumulative(SplittableRandom r, double[] cumulative) {
        double x = r.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    static <T> T pick(SplittableRandom r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    static <T> T pick(SplittableRandom r, T[] items) {
        return items[r.nextInt(items.length)];
    }

    /** Uniform integer in [lo, hi] inclusive. */
    static int between(SplittableRandom r, int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }
}
