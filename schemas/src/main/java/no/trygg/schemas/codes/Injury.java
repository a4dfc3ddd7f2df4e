package no.trygg.schemas.codes;

/** Physical injury (personskade). */
public enum Injury implements CodeList {
    NONE("Ingen", "None"),
    MINOR("Lettere, uten behandling", "Minor, no treatment"),
    MEDICAL("Legebehandling", "Medical treatment"),
    HOSPITAL("Sykehus", "Hospital");

    private final String nb;
    private final String en;

    Injury(String nb, String en) { this.nb = nb; this.en = en; }

    public String labelNb() { return nb; }

    public String labelEn() { return en; }
}
