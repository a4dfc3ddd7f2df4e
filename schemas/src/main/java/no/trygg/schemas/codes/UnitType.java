package no.trygg.schemas.codes;

/** Organisational unit type (enhetstype), report_extract.md 2.5. */
public enum UnitType implements CodeList {
    LOCAL_OFFICE("NAV-kontor", "Local office"),
    CONTACT_CENTRE("NAV Kontaktsenter", "Contact centre"),
    CONTROL_UNIT("NAV Kontroll", "Control unit");

    private final String nb;
    private final String en;

    UnitType(String nb, String en) { this.nb = nb; this.en = en; }

    public String labelNb() { return nb; }

    public String labelEn() { return en; }
}
