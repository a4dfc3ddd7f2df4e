package no.trygg.generator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How many defect rows a chunk (a file or a year) gets, and of which kinds. Counts use cumulative rounding, so
 * the source's total is exactly round(clean rows × share) however the rows are split into files. Reasons come
 * round-robin in a seeded order; a duplicate conflict takes two rows.
 */
final class DefectPlan {

    private final double share;
    private final List<DefectReason> cycle;
    private int next;
    private long cumulativeClean;
    private long cumulativeDefects;
    private final EnumMap<DefectReason, Long> counts = new EnumMap<>(DefectReason.class);

    DefectPlan(double share, List<DefectReason> reasons, SplittableRandom r) {
        this.share = share;
        List<DefectReason> c = new ArrayList<>(reasons);
        for (int i = c.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            DefectReason t = c.get(i);
            c.set(i, c.get(j));
            c.set(j, t);
        }
        this.cycle = List.copyOf(c);
        for (DefectReason d : reasons) {
            counts.put(d, 0L);
        }
    }

    /**
     * The defects for a chunk with {@code cleanRows} clean rows, one entry per defect; a DUPLICATE_CONFLICT entry
     * stands for two rows.
     */
    List<DefectReason> next(long cleanRows) {
        cumulativeClean += cleanRows;
        long target = Math.round(cumulativeClean * share);
        long rows = target - cumulativeDefects;
        List<DefectReason> out = new ArrayList<>();
        if (cycle.isEmpty() || rows <= 0) {
            return out;
        }
        long remaining = rows;
        while (remaining > 0) {
            DefectReason reason = cycle.get(next % cycle.size());
            if (reason == DefectReason.DUPLICATE_CONFLICT && remaining < 2) {
                DefectReason alt = null;
                for (int k = 1; k < cycle.size(); k++) {
                    DefectReason c = cycle.get((next + k) % cycle.size());
                    if (c != DefectReason.DUPLICATE_CONFLICT) {
                        alt = c;
                        break;
                    }
                }
                if (alt == null) {
                    break; // only duplicates allowed: carry the odd row over to the next chunk
                }
                out.add(alt);
                counts.merge(alt, 1L, Long::sum);
                remaining -= 1;
                continue;
            }
            next++;
            out.add(reason);
            long n = reason == DefectReason.DUPLICATE_CONFLICT ? 2 : 1;
            counts.merge(reason, n, Long::sum);
            remaining -= n;
        }
        cumulativeDefects = target - remaining;
        return out;
    }

    /** Defect rows written so far, by reason (every applicable reason present, possibly 0). */
    /**
     * Adds this file's defect rows at random positions among {@code rows} (the clean rows of one file); the
     * position is drawn before the row, so the random sequence is the same as writing it out by hand.
     */
    void mixInto(List<String[]> rows, java.util.function.Function<DefectReason, String[]> defectRow, SplittableRandom r) {
        for (DefectReason reason : next(rows.size())) {
            int at = r.nextInt(rows.size() + 1);
            rows.add(at, defectRow.apply(reason));
        }
    }

    Map<DefectReason, Long> counts() {
        return new EnumMap<>(counts);
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
