package no.trygg.schemas.codes;

/** Survey respondent role (rolle). */
public enum StaffRole implements CodeList {
    LEADER("Leder", "Leader"),
    EMPLOYEE("Ansatt", "Employee");

    private final String nb;
    private final String en;

    StaffRole(String nb, String en) { this.nb = nb; this.en = en; }

    public String labelNb() { return nb; }

    public String labelEn() { return en; }
}
