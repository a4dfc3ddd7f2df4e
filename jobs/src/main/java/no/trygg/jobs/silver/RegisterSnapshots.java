package no.trygg.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import no.trygg.jobs.silver.Rejections.Reason;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Monthly office register snapshots that cannot be true. The register is a full snapshot every month, so an office
 * missing from the newest one is read as closed; a snapshot delivered cut in half would close 130 offices at once and
 * send their incidents to UNKNOWN_OFFICE. Real closures come a few at a time, so a snapshot that lacks more than a set
 * share of the offices of the last snapshot before it is held back as suspect: its rows are quarantined as
 * SUSPECT_SNAPSHOT, the office history is built as if it had not come, and until a later snapshot is accepted the
 * quality gate stops the run ({@link HeldBack}). Each snapshot is compared with the last one that was not held back; an
 * office missing from a later accepted snapshot closes after the last accepted one that had it.
 */
public final class RegisterSnapshots {

    /**
     * A snapshot held back: {@code vanished} of the {@code previousOffices} offices of {@code previous} are missing.
     * {@code pending}: no snapshot after it has been accepted yet, so the register's present state is in doubt.
     */
    public record Suspect(LocalDate period, LocalDate previous, int vanished, int previousOffices, boolean pending) {
        public String describe(double maxShare) {
            return String.format(java.util.Locale.ROOT, "the office register snapshot of %s lacks %d of the %d offices of %s"
                            + " (%.1f %%, more than the %.0f %% limit): held back as cut off, not read as %d closures",
                    period.toString().substring(0, 7), vanished, previousOffices, previous.toString().substring(0, 7),
                    100.0 * vanished / previousOffices, 100 * maxShare, vanished);
        }
    }

    private RegisterSnapshots() {
    }

    /** @param snapshots register rows that passed every row check, with {@code office_id} and {@code period} */
    public static List<Suspect> suspects(Dataset<Row> snapshots, double maxShare) {
        Map<String, List<LocalDate>> periodsPerOffice = new java.util.HashMap<>();
        for (Row r : snapshots.groupBy("office_id").agg(collect_set("period")).collectAsList()) {
            periodsPerOffice.put(r.getString(0), r.<Date>getList(1).stream().map(Date::toLocalDate).toList());
        }
        return suspects(periodsPerOffice, maxShare);
    }

    /** The same on the driver: the months each office is in the register. */
    static List<Suspect> suspects(Map<String, List<LocalDate>> periodsPerOffice, double maxShare) {
        List<LocalDate> periods = new ArrayList<>(new TreeSet<>(periodsPerOffice.values().stream().flatMap(List::stream).toList()));
        List<BitSet> offices = new ArrayList<>(); // per period, which offices it has
        periods.forEach(p -> offices.add(new BitSet()));
        int i = 0;
        for (List<LocalDate> in : periodsPerOffice.values()) {
            for (LocalDate p : in) offices.get(periods.indexOf(p)).set(i);
            i++;
        }
        List<Suspect> out = new ArrayList<>();
        int accepted = 0;
        for (int q = 1; q < periods.size(); q++) {
            BitSet vanished = (BitSet) offices.get(accepted).clone();
            vanished.andNot(offices.get(q));
            int before = offices.get(accepted).cardinality();
            // Two at least: in a register of a handful of units one closure is a large share and still real.
            if (vanished.cardinality() >= 2 && vanished.cardinality() > maxShare * before) {
                out.add(new Suspect(periods.get(q), periods.get(accepted), vanished.cardinality(), before, false));
            } else {
                accepted = q;
            }
        }
        int lastAccepted = accepted;
        return out.stream().map(s -> new Suspect(s.period(), s.previous(), s.vanished(), s.previousOffices(),
                s.period().isAfter(periods.get(lastAccepted)))).toList();
    }

    /** Quarantines every row of a suspect snapshot, unless an earlier check has a reason for it already. */
    public static Dataset<Row> flag(Dataset<Row> register, List<Suspect> suspects, double maxShare) {
        Dataset<Row> out = register;
        for (Suspect s : suspects) {
            Column inIt = col("period").equalTo(lit(Date.valueOf(s.period())));
            out = Rejections.flag(out, inIt, Reason.SUSPECT_SNAPSHOT, lit(s.describe(maxShare)));
        }
        return out;
    }
}
