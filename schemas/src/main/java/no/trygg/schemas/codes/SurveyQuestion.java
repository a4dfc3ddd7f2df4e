package no.trygg.schemas.codes;

/**
 * Questions of the yearly staff survey (medarbeiderundersøkelsen), one column each in the wide export.
 * {@code sensitive} items (violence and harassment) need 10 respondents before anything is published,
 * the rest 5 (statistics_conventions.md 2.4).
 */
public enum SurveyQuestion implements CodeList {
    FEEL_SAFE("trygg_paa_jobb", Scale.LIKERT_5, false,
            "Jeg føler meg trygg på jobb", "I feel safe at work"),
    SAFETY_WORK_GOOD("sikkerhetsarbeid_godt", Scale.LIKERT_5, false,
            "Det jobbes godt med sikkerhet på min arbeidsplass", "Safety work at my workplace is good"),
    KNOW_MEASURES("kjenner_tiltak", Scale.LIKERT_5, false,
            "Jeg kjenner til tiltakene mot vold og trusler", "I know the measures against violence and threats"),
    EXPOSED_12M("utsatt_12mnd", Scale.YES_NO, true,
            "Har du i løpet av de siste 12 månedene blitt utsatt for vold, trusler eller trakassering på jobb?",
            "In the last 12 months, have you been exposed to violence, threats or harassment at work?"),
    EXPOSED_VERBAL("utsatt_verbal", Scale.YES_NO, true,
            "… verbal utskjelling?", "… verbal abuse?"),
    EXPOSED_THREAT("utsatt_trussel", Scale.YES_NO, true,
            "… trusler?", "… threats?"),
    EXPOSED_PHYSICAL("utsatt_vold", Scale.YES_NO, true,
            "… fysisk vold?", "… physical violence?"),
    EXPOSED_HARASSMENT("utsatt_trakassering", Scale.YES_NO, true,
            "… trakassering eller hatytringer?", "… harassment or hate speech?"),
    REPORTED("meldt_hendelse", Scale.YES_NO, true,
            "Meldte du (siste) hendelse i avvikssystemet?", "Did you report the (last) incident in the reporting system?");

    /** Answer scales: Likert 1 (strongly disagree) to 5 (strongly agree), or J/N. */
    public enum Scale { LIKERT_5, YES_NO }

    public final String column;
    public final Scale scale;
    public final boolean sensitive;
    private final String nb;
    private final String en;

    SurveyQuestion(String column, Scale scale, boolean sensitive, String nb, String en) {
        this.column = column;
        this.scale = scale;
        this.sensitive = sensitive;
        this.nb = nb;
        this.en = en;
    }

    public String labelNb() { return nb; }

    public String labelEn() { return en; }
}
