package no.trygg.schemas.codes;

/**
 * Survey respondent role (rolle). The security officer (sikkerhetsansvarlig, often a part-time role at an office)
 * is a small group in every county: the survey's disclosure rules meet it in the data.
 */
public enum StaffRole implements CodeList {
    LEADER("Leder", "Leader"),
    EMPLOYEE("Ansatt", "Employee"),
    SECURITY_OFFICER("Sikkerhetsansvarlig", "Security officer");

    private final String nb;
    private final String en;

    StaffRole(String nb, String en) { this.nb = nb; this.en = en; }

    public String labelNb() { return nb; }

    public String labelEn() { return en; }
}
