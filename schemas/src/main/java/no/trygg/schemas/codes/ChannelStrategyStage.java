package no.trygg.schemas.codes;

/** How far an office has come with the channel strategy (kanalstrategi), report_extract.md 1.3. */
public enum ChannelStrategyStage implements CodeList {
    NOT_STARTED("Ikke startet", "Not started"),
    IN_PROGRESS("Under innføring", "In progress"),
    IMPLEMENTED("Innført", "Implemented");

    private final String nb;
    private final String en;

    ChannelStrategyStage(String nb, String en) { this.nb = nb; this.en = en; }

    public String labelNb() { return nb; }

    public String labelEn() { return en; }
}
