package no.trygg.jobs.gold.marts;

import java.util.List;
import no.trygg.schemas.codes.Channel;
import no.trygg.schemas.codes.CodeList;
import no.trygg.schemas.codes.IncidentType;

/**
 * A dimension a mart can be broken down by. Office dimensions come with the denominator (the office-month
 * or the respondent has them); event dimensions come from a code list, so every code gets a cell, zero or not.
 * The value {@link #TOTAL} in a dimension column means "all values": the cell is the sum over it.
 */
public enum Dimension {
    /** Kontorstørrelse, as valid at the time. */
    SIZE_CLASS("size_class", null),
    /** Fylke, as valid at the time (county reforms 2020 and 2024). */
    COUNTY("county_no", null),
    /** Kanalstrategi stage, as valid at the time. */
    CHANNEL_STRATEGY_STAGE("channel_strategy_stage", null),
    INCIDENT_TYPE("incident_type", CodeList.codes(IncidentType.class)),
    CHANNEL("channel", CodeList.codes(Channel.class)),
    SEVERITY("severity", List.of("1", "2", "3", "4", "5")),
    /** Survey respondent's role (leder/medarbeider). */
    ROLE("role", null),
    /** Survey respondent's employer: state or municipal staff in the same office. */
    EMPLOYER("employer", null);

    public static final String TOTAL = "ALL";

    public final String column;
    /** The full code list of an event dimension; null for dimensions taken from the denominator rows. */
    public final List<String> codes;

    Dimension(String column, List<String> codes) {
        this.column = column;
        this.codes = codes;
    }

    public boolean fromCodeList() {
        return codes != null;
    }
}
