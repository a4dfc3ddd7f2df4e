package no.trygg.schemas.codes;

/** Police report (politianmeldelse): offices may report as a unit (003:L1210). */
public enum PoliceReport implements CodeList {
    NONE("Ikke anmeldt", "Not reported"),
    BY_EMPLOYEE("Anmeldt av ansatt", "Reported by the employee"),
    BY_OFFICE("Anmeldt av enheten", "Reported by the office as a unit");

    private final String nb;
    private final String en;

    PoliceReport(String nb, String en) { this.nb = nb; this.en = en; }

    public String labelNb() { return nb; }

    public String labelEn() { return en; }
}
