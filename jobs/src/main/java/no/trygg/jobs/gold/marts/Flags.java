package no.trygg.jobs.gold.marts;

/**
 * What every published cell says about itself: an SSB-style symbol for display and a reason code for
 * machines. Symbols: ":" suppressed to protect individuals, "." not computed (too few events or no
 * denominator), "u" unreliable (few events), "" an ordinary figure.
 *
 * <p>Every suppressed cell says only {@link #SUPPRESSED} / {@link #HIDDEN}, as Statistics Norway publishes ":"
 * without a why: a public "small count" next to "complement" tells an intruder which hidden cells hold 1–2. Why
 * each cell is hidden stays in {@code gold.disclosure_decisions}, which only the pipeline and administrators read.
 */
public final class Flags {

    public static final String FLAG = "flag";
    public static final String REASON = "flag_reason";

    public static final String SUPPRESSED = ":";
    public static final String NOT_COMPUTED = ".";
    public static final String UNRELIABLE = "u";
    public static final String NONE = "";

    /** Primary suppression: the count itself is small (1–2). */
    public static final String PRIMARY_SMALL_COUNT = "PRIMARY_SMALL_COUNT";
    /** Primary suppression: an office too small to publish office-level counts for. */
    public static final String PRIMARY_SMALL_OFFICE = "PRIMARY_SMALL_OFFICE";
    /** Primary suppression: a survey group below the respondent threshold. */
    public static final String PRIMARY_SMALL_GROUP = "PRIMARY_SMALL_GROUP";
    /** Primary suppression: 1–2 of a survey group answered a sensitive item positively, or all but 1–2 did. */
    public static final String PRIMARY_SENSITIVE_ANSWERS = "PRIMARY_SENSITIVE_ANSWERS";
    /** Secondary (complementary) suppression: hidden so another hidden cell cannot be recovered by subtraction. */
    public static final String SECONDARY = "SECONDARY_COMPLEMENT";
    public static final String FEW_EVENTS_NO_RATE = "FEW_EVENTS_NO_RATE";
    public static final String NO_DENOMINATOR = "NO_DENOMINATOR";
    public static final String UNRELIABLE_FEW_EVENTS = "UNRELIABLE_FEW_EVENTS";
    public static final String PUBLISHED = "PUBLISHED";
    /** The one public reason of every suppressed cell, whatever made it so. */
    public static final String HIDDEN = "SUPPRESSED";

    private Flags() {
    }
}
