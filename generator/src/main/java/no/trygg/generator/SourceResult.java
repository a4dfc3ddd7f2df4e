package no.trygg.generator;

import java.util.Map;

/** What one source writer produced: files, data rows (clean + defect), defect rows by reason, silver rows. */
record SourceResult(String folder, int files, long rows, Map<DefectReason, Long> defects, long expectedSilverRows) {
}
