package no.trygg.jobs.gold.disclosure;

/**
 * Disclosure-control thresholds (statistics_conventions.md 2.4), configurable in {@code TryggConfig}; the
 * defaults are SSB practice for counts and the ONS rules for rates.
 *
 * @param minCount              counts 1 … minCount−1 are suppressed (":"); zeros are shown
 * @param minRateNumerator      no rate (nor interval) below this many events
 * @param reliableRateNumerator rates below this many events are flagged unreliable ("u")
 * @param minSurveyGroup        survey groups below this many respondents show nothing
 * @param minSensitiveSurveyGroup the same for violence and harassment items
 * @param minOfficeFte          office-level counts only for offices with at least this average FTE
 * @param protectionWidth       the range an intruder with a linear-programming solver can compute for a primary
 *                              cell from everything published is at least this wide (τ-ARGUS' protection interval)
 */
public record DisclosureRules(int minCount, int minRateNumerator, int reliableRateNumerator, int minSurveyGroup,
                              int minSensitiveSurveyGroup, double minOfficeFte, int protectionWidth) {

    public static final DisclosureRules DEFAULT = new DisclosureRules(3, 3, 20, 5, 10, 10.0, 3);

    public DisclosureRules {
        if (minCount < 1 || minRateNumerator < 0 || reliableRateNumerator < minRateNumerator || minSurveyGroup < 1
                || minSensitiveSurveyGroup < minSurveyGroup || minOfficeFte < 0 || protectionWidth < 1) {
            throw new IllegalArgumentException("Inconsistent disclosure thresholds: " + this);
        }
    }

    /** For the built-from label: gold must be rebuilt when a threshold changes. */
    public String describe() {
        return "count>=" + minCount + ",rate>=" + minRateNumerator + ",reliable>=" + reliableRateNumerator + ",survey>="
                + minSurveyGroup + "/" + minSensitiveSurveyGroup + ",officeFte>=" + minOfficeFte + ",width>=" + protectionWidth;
    }
}
