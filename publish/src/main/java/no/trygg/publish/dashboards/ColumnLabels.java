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
            Map.entry("value", "Verdi"),
            // Codes that appear as series and categories.
            Map.entry("VERBAL", "Utskjelling"), Map.entry("THREAT", "Trusler"), Map.entry("THREAT_WEAPON", "Trusler med våpen"),
            Map.entry("SELF_HARM", "Trussel om selvskading"), Map.entry("HARASSMENT", "Trakassering"), Map.entry("HATE_SPEECH", "Hatytringer"),
            Map.entry("PROPERTY_DAMAGE", "Skadeverk"), Map.entry("PHYSICAL", "Fysisk angrep"),
            Map.entry("RECEPTION", "Publikumsmottak"), Map.entry("MEETING_ROOM", "Samtalerom"), Map.entry("PHONE", "Telefon"),
            Map.entry("DIGITAL", "Digitalt"), Map.entry("HOME_VISIT", "Hjemmebesøk"), Map.entry("FIELD_INSPECTION", "Kontroll ute"),
            Map.entry("OUTSIDE", "Utenfor kontoret"),
            Map.entry("SMALL", "Små"), Map.entry("MEDIUM", "Mellomstore"), Map.entry("LARGE", "Store"), Map.entry("VERY_LARGE", "Svært store"),
            Map.entry("NOT_STARTED", "Ikke startet"), Map.entry("IN_PROGRESS", "Under innføring"), Map.entry("IMPLEMENTED", "Innført"),
            Map.entry("ABOVE_998", "Over 99,8 %-grensen"), Map.entry("BELOW_998", "Under 99,8 %-grensen"),
            Map.entry("ABOVE_95", "Over 95 %-grensen"), Map.entry("BELOW_95", "Under 95 %-grensen"), Map.entry("INSIDE", "Innenfor"));

    /** Codes with an order of their own (sizes, stages): that order is the natural one, not the alphabet. */
    private static final java.util.List<java.util.List<String>> ORDERED = java.util.List.of(
            java.util.List.of("SMALL", "MEDIUM", "LARGE", "VERY_LARGE"),
            java.util.List.of("NOT_STARTED", "IN_PROGRESS", "IMPLEMENTED"));

    private ColumnLabels() {
    }

    static String of(String column) {
        return LABELS.getOrDefault(column, column);
    }

    /** Compares two codes of the same ordered kind (e.g. two size classes) by that order; null when they have none. */
    static Integer compareOrdered(Object a, Object b) {
        for (java.util.List<String> order : ORDERED) {
            int i = order.indexOf(String.valueOf(a)), j = order.indexOf(String.valueOf(b));
            if (i >= 0 && j >= 0) return Integer.compare(i, j);
        }
        return null;
    }
}
