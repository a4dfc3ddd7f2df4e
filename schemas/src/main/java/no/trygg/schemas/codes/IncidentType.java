package no.trygg.schemas.codes;

/** Incident type (hendelsestype), as used in NAV's registrations (statistics_conventions.md 1.7). */
public enum IncidentType implements CodeList {
    VERBAL("Verbal utskjelling", "Verbal abuse"),
    THREAT("Trusler og truende atferd", "Threat"),
    THREAT_WEAPON("Trussel med våpen", "Threat with weapon"),
    SELF_HARM("Trussel om selvskading eller selvmord", "Self-harm or suicide threat"),
    HARASSMENT("Sjikane/trakassering", "Harassment"),
    HATE_SPEECH("Hatytringer", "Hate speech"),
    PROPERTY_DAMAGE("Hærverk/skadeverk", "Property damage"),
    PHYSICAL("Fysisk angrep", "Physical attack");

    private final String nb;
    private final String en;

    IncidentType(String nb, String en) { this.nb = nb; this.en = en; }

    public String labelNb() { return nb; }

    public String labelEn() { return en; }
}
