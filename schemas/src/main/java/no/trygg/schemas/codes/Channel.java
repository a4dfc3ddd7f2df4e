package no.trygg.schemas.codes;

/** Channel or setting where the incident happened (kanal/sted), report_extract.md 2.4. */
public enum Channel implements CodeList {
    RECEPTION("Publikumsmottak", "Reception"),
    MEETING_ROOM("Samtalerom", "Meeting room"),
    PHONE("Telefon", "Phone"),
    DIGITAL("Digitalt/skriftlig", "Digital"),
    HOME_VISIT("Hjemmebesøk", "Home visit"),
    FIELD_INSPECTION("Stedlig kontroll", "Field inspection"),
    OUTSIDE("Utenfor kontoret", "Outside the office");

    private final String nb;
    private final String en;

    Channel(String nb, String en) { this.nb = nb; this.en = en; }

    public String labelNb() { return nb; }

    public String labelEn() { return en; }
}
