package no.trygg.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.to_date;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import no.trygg.jobs.TryggVersion;
import no.trygg.jobs.bronze.BronzeTables;
import no.trygg.jobs.privacy.PseudonymKey;
import no.trygg.jobs.privacy.Pseudonymizer;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.schemas.sources.SourceColumn;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Bronze to silver: typed, validated, deduplicated and pseudonymised tables plus the quarantine. Each table is
 * replaced in one commit labelled with the bronze snapshots it was built from ({@link SilverInputs}); a run rebuilds
 * the tables whose labels are out of date, from all of their source's bronze, and leaves the rest. When nothing
 * changed the job does nothing, so re-running the same input changes no table.
 */
public final class SilverBuildJob {

    /**
     * Outcome: whether anything was rebuilt, rows per table, quarantined rows by source and reason, and per source
     * with free text how many bronze rows hold personal data there ({@link FreeTextPersonalData}; counts only).
     */
    public record Result(boolean rebuilt, String builtFrom, Map<String, Long> rowsPerTable,
                         Map<String, Map<String, Long>> quarantineBySourceAndReason,
                         Map<String, Map<String, Long>> freeTextPersonalData) {
    }

    private final Warehouse warehouse;
    private final PseudonymKey key;
    private final Consumer<String> progress;

    public SilverBuildJob(Warehouse warehouse, PseudonymKey key, Consumer<String> progress) {
        this.warehouse = warehouse;
        this.key = key;
        this.progress = progress;
    }

    /** What silver would be built from now: the code version, the key id and every source's bronze snapshot. */
    public SilverInputs inputs() {
        Map<String, String> bronze = new LinkedHashMap<>();
        for (SourceFormat s : SourceFormat.values()) bronze.put(s.folder, warehouse.snapshotId(Warehouse.BRONZE, BronzeTables.tableOf(s)));
        return new SilverInputs(TryggVersion.get(), key.fingerprint(), bronze);
    }

    public String currentInputs() {
        return inputs().label();
    }

    /** Whether every silver table is built from {@code inputs} (a label from {@link #currentInputs()}). */
    public boolean upToDate(String inputs) {
        return SilverInputs.parse(inputs).map(now -> SilverInputs.stale(warehouse, now, false).isEmpty()).orElse(false);
    }

    public Result run(String runId) {
        return run(runId, false);
    }

    /**
     * Rebuilds the silver tables of every source whose bronze changed since they were built, and that source's share of
     * the quarantine; a new office register, code version or key rebuilds all, as does {@code rebuild}. Each rebuilt
     * table is computed from all of its source's bronze, exactly as a full rebuild computes it, so the result equals one.
     */
    public Result run(String runId, boolean rebuild) {
        SilverInputs now = inputs();
        Set<SourceFormat> stale = SilverInputs.stale(warehouse, now, rebuild);
        if (stale.isEmpty()) {
            progress.accept("  silver is up to date with bronze: nothing to rebuild");
            return new Result(false, now.label(), counts(), quarantineCounts(), freeTextCounts());
        }
        if (stale.size() < SourceFormat.values().length) {
            progress.accept("  new bronze rows in " + String.join(", ", SilverInputs.folders(stale)) + ": rebuilding their silver tables;"
                    + " the other sources' tables are current and stay as they are");
        }
        Pseudonymizer pseudonymizer = new Pseudonymizer(key);
        List<Dataset<Row>> rejectedPerSource = new ArrayList<>();
        List<Dataset<Row>> cached = new ArrayList<>();
        Map<String, Dataset<Row>> silver = new LinkedHashMap<>();
        Map<String, Map<String, Long>> freeText = new LinkedHashMap<>();
        List<String> heldBack = new ArrayList<>();
        try {
            // The office dimension first: every other source is checked against it.
            Dataset<Row> offices;
            if (stale.contains(SourceFormat.OFFICE_REGISTER)) {
                double maxVanished = warehouse.config().plausibility().maxVanishedShare();
                Dataset<Row> register = checked(SourceFormat.OFFICE_REGISTER, cached, freeText);
                Deduplication.Result snapshots = dedup(register, SourceFormat.OFFICE_REGISTER);
                List<RegisterSnapshots.Suspect> suspects = RegisterSnapshots.suspects(withoutRejection(snapshots.kept()), maxVanished);
                if (!suspects.isEmpty()) {
                    register = RegisterSnapshots.flag(register, suspects, maxVanished);
                    snapshots = dedup(register, SourceFormat.OFFICE_REGISTER);
                    suspects.forEach(x -> progress.accept("  SUSPECT SNAPSHOT " + x.describe(maxVanished)));
                }
                heldBack.addAll(HeldBack.suspectSnapshots(suspects, maxVanished));
                offices = OfficeHistory.fromSnapshots(withoutRejection(snapshots.kept())).cache();
                silver.put(SilverTables.OFFICE_HISTORY, offices);
                rejectedPerSource.add(quarantine(register, snapshots, SourceFormat.OFFICE_REGISTER));
            } else {
                offices = warehouse.read(Warehouse.SILVER, SilverTables.OFFICE_HISTORY).cache();
            }
            cached.add(offices);

            if (stale.contains(SourceFormat.SECURITY_MEASURES)) {
                Dataset<Row> measures = OfficeReference.resolve(checked(SourceFormat.SECURITY_MEASURES, cached, freeText), null, offices);
                Deduplication.Result m = dedup(measures, SourceFormat.SECURITY_MEASURES);
                silver.put(SilverTables.SECURITY_MEASURES, withoutRejection(m.kept()).select(col("measure_id"), col("office_id"),
                        col("measure_code"), col("valid_from"), col("valid_to"), col(Deduplication.SOURCE_ROWS),
                        col("source_file"), col("line_number")));
                rejectedPerSource.add(quarantine(measures, m, SourceFormat.SECURITY_MEASURES));
            }

            if (stale.contains(SourceFormat.OFFICE_MONTH)) {
                Dataset<Row> months = OfficeMonthPlausibility.flag(OfficeReference.resolve(
                        checked(SourceFormat.OFFICE_MONTH, cached, freeText), col("month"), offices),
                        warehouse.config().plausibility().maxFteFactor()).cache();
                cached.add(months);
                Deduplication.Result om = dedup(months, SourceFormat.OFFICE_MONTH);
                heldBack.addAll(HeldBack.missingDenominators(months, om.kept()));
                silver.put(SilverTables.OFFICE_MONTH, withoutRejection(om.kept()).select(col("office_id"),
                        col(OfficeReference.VERSION_KEY), col("month"), col("fte"), col("headcount"), col("visitors"),
                        col(Deduplication.SOURCE_ROWS), col("source_file"), col("line_number")));
                rejectedPerSource.add(quarantine(months, om, SourceFormat.OFFICE_MONTH));
            }

            if (stale.contains(SourceFormat.INCIDENTS)) {
                Dataset<Row> incidents = OfficeReference.resolve(checked(SourceFormat.INCIDENTS, cached, freeText), col("occurred_at"), offices);
                Deduplication.Result inc = dedup(incidents, SourceFormat.INCIDENTS);
                silver.put(SilverTables.INCIDENTS, withoutRejection(inc.kept()).select(col("incident_id"), col("version_time"),
                        col("reported_at"), col("occurred_at"), to_date(col("occurred_at")).as("occurred_date"), col("office_id"),
                        col(OfficeReference.VERSION_KEY), col("incident_type"), col("channel"), col("severity"), col("injury"),
                        col("sick_leave_days"), col("police_report"), col("alarm_triggered"), col("follow_up"),
                        pseudonymizer.pseudonym(col("reporter_id")).as("reporter_pseudonym"), col("reporter_employer"),
                        col(Deduplication.VERSION_COUNT), col(Deduplication.SOURCE_ROWS), col("source_file"), col("line_number")));
                rejectedPerSource.add(quarantine(incidents, inc, SourceFormat.INCIDENTS));
            }

            if (stale.contains(SourceFormat.STAFF_SURVEY)) {
                Dataset<Row> survey = OfficeReference.resolve(checked(SourceFormat.STAFF_SURVEY, cached, freeText),
                        make_date(col("survey_year"), lit(10), lit(1)), offices);
                Deduplication.Result sv = dedup(survey, SourceFormat.STAFF_SURVEY);
                Dataset<Row> respondents = withoutRejection(sv.kept())
                        .withColumn("respondent_pseudonym", pseudonymizer.pseudonym(col("respondent_id"))).cache();
                cached.add(respondents);
                silver.put(SilverTables.SURVEY_RESPONDENTS, respondents.select(col("survey_year"), col("respondent_pseudonym"),
                        col("office_id"), col(OfficeReference.VERSION_KEY), col("role"), col("employer"), col("user_contact"),
                        col(Deduplication.SOURCE_ROWS), col("source_file"), col("line_number")));
                silver.put(SilverTables.SURVEY_ANSWERS, SurveyAnswers.toLong(respondents));
                silver.put(SilverTables.SURVEY_QUESTIONS, SurveyAnswers.questions(warehouse.spark()));
                rejectedPerSource.add(quarantine(survey, sv, SourceFormat.STAFF_SURVEY));
            }

            // The quarantine first, then the tables: a run stopped in between leaves silver inconsistent, which gold
            // refuses ({@link SilverInputs#build}) and the next run repairs.
            keptQuarantine(stale).ifPresent(rejectedPerSource::add);
            Dataset<Row> quarantine = rejectedPerSource.stream().reduce(Dataset::unionByName).orElseThrow();
            Map<String, String> quarantineProps = new LinkedHashMap<>();
            quarantineProps.put(Warehouse.BUILT_FROM, now.label());
            quarantineProps.put(Warehouse.RUN_ID, runId);
            quarantineProps.put(FreeTextPersonalData.PROPERTY, FreeTextPersonalData.encode(merged(freeText, freeTextCounts(), stale)));
            List<String> allHeldBack = mergedHeldBack(heldBack, stale);
            quarantineProps.put(HeldBack.PROPERTY, HeldBack.encode(allHeldBack));
            allHeldBack.forEach(h -> progress.accept("  HELD BACK " + h));
            warehouse.replace(quarantine, Warehouse.SILVER, Quarantine.TABLE, quarantineProps);
            progress.accept("  wrote silver." + Quarantine.TABLE);
            for (Map.Entry<String, Dataset<Row>> e : silver.entrySet()) {
                warehouse.replace(e.getValue(), Warehouse.SILVER, e.getKey(),
                        Map.of(Warehouse.BUILT_FROM, now.labelOf(e.getKey()), Warehouse.RUN_ID, runId));
                progress.accept("  wrote silver." + e.getKey());
            }
        } finally {
            cached.forEach(Dataset::unpersist);
        }
        return new Result(true, now.label(), counts(), quarantineCounts(), freeTextCounts());
    }

    /** The quarantined rows of the sources not rebuilt, as the current quarantine snapshot holds them. */
    private java.util.Optional<Dataset<Row>> keptQuarantine(Set<SourceFormat> stale) {
        if (stale.size() == SourceFormat.values().length) return java.util.Optional.empty();
        long snapshot = warehouse.currentSnapshot(Warehouse.SILVER, Quarantine.TABLE).orElseThrow().snapshotId();
        Dataset<Row> current = warehouse.spark().sql("SELECT * FROM " + warehouse.name(Warehouse.SILVER, Quarantine.TABLE)
                + " VERSION AS OF " + snapshot);
        return java.util.Optional.of(current.filter(functions.not(col("source").isin(SilverInputs.folders(stale).toArray()))));
    }

    /** Per source in source order: this run's counts for a rebuilt source, the kept ones for the others. */
    private static Map<String, Map<String, Long>> merged(Map<String, Map<String, Long>> fresh, Map<String, Map<String, Long>> kept,
                                                         Set<SourceFormat> stale) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (SourceFormat s : SourceFormat.values()) {
            Map<String, Long> counts = (stale.contains(s) ? fresh : kept).get(s.folder);
            if (counts != null) out.put(s.folder, counts);
        }
        return out;
    }

    /** The reasons to hold back, in source order: this run's for a rebuilt source, the kept ones for the others. */
    private List<String> mergedHeldBack(List<String> fresh, Set<SourceFormat> stale) {
        List<String> kept = HeldBack.decode(warehouse.snapshotProperty(Warehouse.SILVER, Quarantine.TABLE, HeldBack.PROPERTY).orElse(null));
        List<String> out = new ArrayList<>();
        for (SourceFormat s : SourceFormat.values()) {
            (stale.contains(s) ? fresh : kept).stream().filter(r -> r.startsWith(s.folder + ": ")).forEach(out::add);
        }
        return out;
    }

    /**
     * Bronze rows of a source, typed and checked (rejection columns set), cached because two paths read them. Its
     * free text, which goes no further, is counted for personal data into {@code freeText}.
     */
    private Dataset<Row> checked(SourceFormat source, List<Dataset<Row>> cached, Map<String, Map<String, Long>> freeText) {
        Dataset<Row> bronze = warehouse.read(Warehouse.BRONZE, BronzeTables.tableOf(source));
        Dataset<Row> typed = TypedColumns.parse(bronze, source);
        if (source.versionColumn != null) {
            typed = AutumnFold.resolve(typed, source.versionColumn, warehouse.config().timeZone());
        }
        Dataset<Row> out = RowRules.apply(typed, source).cache();
        cached.add(out);
        Map<String, Long> found = FreeTextPersonalData.count(out, source);
        if (!found.isEmpty()) {
            freeText.put(source.folder, found);
            progress.accept("  free text with personal data (stays in bronze) " + FreeTextPersonalData.describe(source.folder, found));
        }
        return out;
    }

    private static Deduplication.Result dedup(Dataset<Row> checked, SourceFormat source) {
        List<String> content = source.columns.stream().map(SourceColumn::name).toList();
        java.util.Set<String> personKeys = source.columns.stream().filter(SourceColumn::isSensitive).map(SourceColumn::name)
                .filter(source.key::contains).collect(java.util.stream.Collectors.toSet());
        return Deduplication.latest(checked.filter(col(Rejections.REASON).isNull()), source.key, source.versionColumn, content, personKeys);
    }

    private static Dataset<Row> quarantine(Dataset<Row> checked, Deduplication.Result dedup, SourceFormat source) {
        return Quarantine.rows(Rejections.rejected(checked), source).unionByName(Quarantine.rows(dedup.conflicts(), source));
    }

    private static Dataset<Row> withoutRejection(Dataset<Row> rows) {
        return rows.drop(Rejections.REASON, Rejections.DETAIL);
    }

    /** Rows per silver table, from the snapshot summaries (no scan). */
    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String t : SilverTables.ALL) {
            out.put(t, warehouse.currentSnapshot(Warehouse.SILVER, t)
                    .map(s -> Long.parseLong(s.summary().getOrDefault("total-records", "0"))).orElse(0L));
        }
        return out;
    }

    /** The free-text counts of the build that made the current silver (a snapshot property, so no scan). */
    public Map<String, Map<String, Long>> freeTextCounts() {
        return FreeTextPersonalData.decode(warehouse.snapshotProperty(Warehouse.SILVER, Quarantine.TABLE,
                FreeTextPersonalData.PROPERTY).orElse(null));
    }

    public Map<String, Map<String, Long>> quarantineCounts() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        if (!warehouse.exists(Warehouse.SILVER, Quarantine.TABLE)) return out;
        for (Row r : warehouse.read(Warehouse.SILVER, Quarantine.TABLE).groupBy("source", "reason").count()
                .orderBy("source", "reason").collectAsList()) {
            out.computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>()).put(r.getString(1), r.getLong(2));
        }
        return out;
    }

}
