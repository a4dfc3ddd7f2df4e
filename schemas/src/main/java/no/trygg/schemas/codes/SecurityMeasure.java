package no.trygg.schemas.codes;

/**
 * Security measures (sikkerhetstiltak) registered per office with validity periods. Codes follow
 * report_extract.md section 5; drills and risk assessments are events whose validity is one year.
 */
public enum SecurityMeasure implements CodeList {
    SIKKER_SONE("Sikker sone", "Secure zone"),
    MINSTD("Minimumsstandard", "Minimum standard"),
    TRYGGE_BRUKERMOTER("Standard for trygge brukermøter", "Safe user meetings standard"),
    PULTALARM("Pultalarm", "Desk alarm"),
    UTLOSERALARM("Utløseralarm på kroppen", "Body-worn alarm"),
    VEKTER("Vekter", "Security guard"),
    POLITISAMARBEID("Samarbeid med politiet", "Police cooperation"),
    OVELSE("Praktisk øvelse", "Drill"),
    RISIKOVURDERING("Risikovurdering", "Risk assessment");

    private final String nb;
    private final String en;

    SecurityMeasure(String nb, String en) { this.nb = nb; this.en = en; }

    public String labelNb() { return nb; }

    public String labelEn() { return en; }
}
