package no.trygg.schemas.codes;

/**
 * Office size class (kontorstørrelse) by budgeted FTE. The source report names small, medium and large
 * offices without thresholds (report_extract.md 1.3); these bands put its anchors (10 staff small,
 * ~80 Moss, ~120 large Oslo office) in distinct classes.
 */
public enum OfficeSizeClass implements CodeList {
    SMALL("Lite (under 20 årsverk)", "Small (under 20 FTE)", 0, 20),
    MEDIUM("Mellomstort (20–49 årsverk)", "Medium (20–49 FTE)", 20, 50),
    LARGE("Stort (50–99 årsverk)", "Large (50–99 FTE)", 50, 100),
    VERY_LARGE("Svært stort (100+ årsverk)", "Very large (100+ FTE)", 100, Double.MAX_VALUE);

    private final String nb;
    private final String en;
    /** Inclusive lower bound in FTE. */
    public final double fromFte;
    /** Exclusive upper bound in FTE. */
    public final double toFte;

    OfficeSizeClass(String nb, String en, double fromFte, double toFte) {
        this.nb = nb;
        this.en = en;
        this.fromFte = fromFte;
        this.toFte = toFte;
    }

    public String labelNb() { return nb; }

    public String labelEn() { return en; }

    public static OfficeSizeClass ofFte(double fte) {
        for (OfficeSizeClass c : values()) {
            if (fte >= c.fromFte && fte < c.toFte) return c;
        }
        throw new IllegalArgumentException("FTE must be >= 0, was " + fte);
    }
}
