package no.trygg.jobs.gold.disclosure;

/** Why a cell is hidden; {@link #flag()} is the SSB table symbol to publish in its place. */
public enum SuppressionReason {
    NONE(""),
    /** 1 ≤ count < {@link Thresholds#minPublished()}. */
    PRIMARY_SMALL_COUNT(":"),
    /** Hidden only so that a primary cell cannot be computed from the published ones. */
    SECONDARY_COMPLEMENT(":");

    private final String flag;

    SuppressionReason(String flag) {
        this.flag = flag;
    }

    public String flag() {
        return flag;
    }

    public boolean suppressed() {
        return this != NONE;
    }
}
