/**
 * Synthetic, seeded and calibrated source exports for Trygg (no real data is public).
 *
 * <p>{@link no.trygg.generator.SourceGenerator} writes the five sources of
 * {@link no.trygg.schemas.sources.SourceFormat} plus {@code manifest.json}:
 * <ul>
 *   <li>{@code office_register/office_register_YYYY-MM.csv}: monthly full snapshot, ';', decimal comma,
 *       Windows-1252; county and municipality number as in force on the first of the month;</li>
 *   <li>{@code security_measures/security_measures_{toYear}-12-31.csv}: one full export, ',', UTF-8;</li>
 *   <li>{@code office_month/office_month_YYYY.csv}: every unit × 12 months, ',', decimal point, UTF-8;</li>
 *   <li>{@code incidents/incidents_YYYY-MM-DD.csv}: one per day (header only on quiet days), ';', UTF-8 without
 *       BOM; a report's later versions come in the files of the days they were saved;</li>
 *   <li>{@code staff_survey/staff_survey_YYYY.csv}: ';', UTF-8 with BOM.</li>
 * </ul>
 *
 * <p>Defects are extra rows on top of the clean data (never altered clean rows), defectShare of each source's
 * clean rows (defectShare / 10 for the two registers, office_register and security_measures), with the reasons of
 * {@link no.trygg.generator.DefectReason}. The {@link no.trygg.generator.Manifest} counts them per source and
 * reason and states what silver must hold (expectedSilverRows) and the incident truth per year.
 *
 * <p>Determinism: every source and year draws from its own {@link java.util.SplittableRandom} derived from the
 * seed and a name; units come from their own stream; StrictMath keeps floating point identical across JVMs.
 */
package no.trygg.generator;
