package no.trygg.publish.report;

import java.time.Instant;
import no.trygg.jobs.gold.disclosure.DisclosureRules;

/**
 * What the methods box says besides the fixed definitions: the suppression thresholds in force, the last
 * quality check, and the snapshots the figures come from.
 *
 * @param quality      the last quality-gate run, or null when none is on record
 * @param silver       the silver snapshot(s) gold was built from (its {@code silver_snapshot} column)
 * @param goldSnapshot the Iceberg snapshot id of {@code gold.incident_rates} that was read
 * @param codeVersion  the Trygg version that built gold
 */
public record ReportMethods(DisclosureRules rules, QualityStatus quality, String silver, String goldSnapshot, String codeVersion,
                            Instant generatedAt) {

    /** One quality-gate run: when, which run, and how many of its rules failed at each level. */
    public record QualityStatus(Instant checkedAt, String runId, long checks, long errors, long warnings) {
    }
}
