package no.trygg.quality.history;

import java.util.ArrayList;
import java.util.List;
import no.trygg.jobs.silver.SilverTables;
import no.trygg.quality.rules.AnomalyRule;
import no.trygg.quality.rules.AnomalyRule.AbsoluteChange;
import no.trygg.quality.rules.AnomalyRule.NormalRange;
import no.trygg.quality.rules.AnomalyRule.RelativeChange;
import no.trygg.quality.rules.Level;
import no.trygg.quality.suites.SilverSuites;
import no.trygg.quality.suites.SourceSuites;
import no.trygg.schemas.sources.SourceFormat;

/** Which metrics are watched across runs, and how far they may move. Anomalies warn; they do not stop a run. */
public final class AnomalyWatch {

    /** Trygg's own per-batch metrics, beside Deequ's. */
    public static final String ROWS_PER_EXPORT_FILE = "RowsPerExportFile";
    public static final String QUARANTINE_SHARE = "QuarantineShare";
    public static final String SIZE = "Size";

    /** NormalRange needs a few earlier batches before a standard deviation means anything. */
    public static final int MIN_HISTORY_FOR_NORMAL_RANGE = 5;
    /** "Recent": anomalies are judged against at most this many earlier values (about a month of daily runs). */
    public static final int RECENT = 30;

    private AnomalyWatch() {
    }

    public static List<AnomalyRule> defaults() {
        List<AnomalyRule> rules = new ArrayList<>();
        rules.add(new AnomalyRule(SourceSuites.dataset(SourceFormat.INCIDENTS), ROWS_PER_EXPORT_FILE, new NormalRange(4.0),
                Level.WARNING, "a day's export holds far more or fewer incidents than recent ones: a duplicated or partial export?"));
        for (SourceFormat s : SourceFormat.values()) {
            rules.add(new AnomalyRule(SourceSuites.dataset(s), QUARANTINE_SHARE, new AbsoluteChange(null, 0.05), Level.WARNING,
                    "the newest export's quarantine share rose by more than 5 points: did the exporting system change?"));
        }
        for (String table : List.of(SilverTables.INCIDENTS, SilverTables.OFFICE_HISTORY, SilverTables.SURVEY_RESPONDENTS)) {
            rules.add(new AnomalyRule(SilverSuites.dataset(table), SIZE, new RelativeChange(0.9, 2.0), Level.WARNING,
                    "the table shrank by more than 10 % or doubled in one run"));
        }
        return rules;
    }
}
