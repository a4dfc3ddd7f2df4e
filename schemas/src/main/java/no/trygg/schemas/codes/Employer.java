package no.trygg.schemas.codes;

/** Employer side of a staff member: state (statlig) or municipal (kommunal). */
public enum Employer implements CodeList {
    STATE("Statlig", "State"),
    MUNICIPAL("Kommunal", "Municipal");

    private final String nb;
    private final String en;

    Employer(String nb, String en) { this.nb = nb; this.en = en; }

    public String labelNb() { return nb; }

    public String labelEn() { return en; }
}
