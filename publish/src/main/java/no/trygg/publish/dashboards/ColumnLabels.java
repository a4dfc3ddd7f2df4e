package no.trygg.publish.dashboards;

import java.util.Map;

/**
 * Short bokmål names for the columns and codes the dashboards show in legends and table headers; anything
 * not listed shows as it is stored. (The research glossary holds the full definitions.)
 */
final class ColumnLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("period", "Periode"),
            Map.entry("period_start", "Periode"),
            Map.entry("year", "År"),
            Map.entry("survey_year", "År"),
            Map.entry("incidents", "Hendelser"),
            Map.entry("fte_years", "Årsverk"),
            Map.entry("rate_per_100_fte", "Rate per 100 årsverk"),
            Map.entry("rate_ci95_lower", "KI nedre"),
            Map.entry("rate_ci95_upper", "KI øvre"),
            Map.entry("flag", "Merknad"),
            Map.entry("size_class", "Kontorstørrelse"),
            Map.entry("incident_type", "Hendelsestype"),
            Map.entry("county_name", "Fylke"),
            Map.entry("channel", "Kanal"),
            Map.entry("office_name", "Kontor"),
            Map.entry("observed_incidents", "Observert"),
            Map.entry("expected_incidents", "Forventet"),
            Map.entry("position", "Plassering"),
            Map.entry("group_label", "Gruppe"),
            Map.entry("measure_code", "Tiltak"),
            Map.entry("offices", "Kontorer"),
            Map.entry("offices_with_measure", "Kontorer med tiltaket"),
            Map.entry("share", "Andel"),
            Map.entry("median", "Median"),
            Map.entry("offices_below_minimum", "Under minimum"),
            Map.entry("centre_line_per_100_fte", "Senterlinje"),
            Map.entry("limit_per_100_fte", "Kontrollgrenser (3 sigma)"),
            Map.entry("ci95", "95 % KI"),
            Map.entry("limit95", "95 %-grenser"),
            Map.entry("limit998", "99,8 %-grenser"),
            Map.entry("registered_per_exposed", "Registrerte per utsatt"),
            Map.entry("value", "Verdi"));

    private ColumnLabels() {
    }

    static String of(String column) {
        return LABELS.getOrDefault(column, column);
    }
}
