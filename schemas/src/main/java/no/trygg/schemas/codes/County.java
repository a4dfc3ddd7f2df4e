package no.trygg.schemas.codes;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Norwegian counties (fylker) with their validity: 19 until 2018 (Trøndelag merged 2018), 11 from 2020,
 * 15 from 2024. Region is a slowly changing dimension: an office keeps its municipality but its county
 * number and name change with the reforms.
 */
public record County(String number, String name, LocalDate validFrom, LocalDate validTo) {

    private static final LocalDate EARLY = LocalDate.of(1900, 1, 1);
    private static final LocalDate Y2018 = LocalDate.of(2018, 1, 1);
    private static final LocalDate Y2020 = LocalDate.of(2020, 1, 1);
    private static final LocalDate Y2024 = LocalDate.of(2024, 1, 1);

    /** Every county that has existed since 1900-01-01; validTo is exclusive, null while in force. */
    public static final List<County> ALL = List.of(
            new County("01", "Østfold", EARLY, Y2020),
            new County("02", "Akershus", EARLY, Y2020),
            new County("03", "Oslo", EARLY, null),
            new County("04", "Hedmark", EARLY, Y2020),
            new County("05", "Oppland", EARLY, Y2020),
            new County("06", "Buskerud", EARLY, Y2020),
            new County("07", "Vestfold", EARLY, Y2020),
            new County("08", "Telemark", EARLY, Y2020),
            new County("09", "Aust-Agder", EARLY, Y2020),
            new County("10", "Vest-Agder", EARLY, Y2020),
            new County("11", "Rogaland", EARLY, null),
            new County("12", "Hordaland", EARLY, Y2020),
            new County("14", "Sogn og Fjordane", EARLY, Y2020),
            new County("15", "Møre og Romsdal", EARLY, null),
            new County("16", "Sør-Trøndelag", EARLY, Y2018),
            new County("17", "Nord-Trøndelag", EARLY, Y2018),
            new County("18", "Nordland", EARLY, null),
            new County("19", "Troms", EARLY, Y2020),
            new County("20", "Finnmark", EARLY, Y2020),
            new County("50", "Trøndelag", Y2018, null),
            new County("30", "Viken", Y2020, Y2024),
            new County("34", "Innlandet", Y2020, null),
            new County("38", "Vestfold og Telemark", Y2020, Y2024),
            new County("42", "Agder", Y2020, null),
            new County("46", "Vestland", Y2020, null),
            new County("54", "Troms og Finnmark", Y2020, Y2024),
            new County("31", "Østfold", Y2024, null),
            new County("32", "Akershus", Y2024, null),
            new County("33", "Buskerud", Y2024, null),
            new County("39", "Vestfold", Y2024, null),
            new County("40", "Telemark", Y2024, null),
            new County("55", "Troms", Y2024, null),
            new County("56", "Finnmark", Y2024, null));

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }

    public static Optional<County> byNumber(String number) {
        return ALL.stream().filter(c -> c.number.equals(number)).findFirst();
    }

    public static List<String> numbers() {
        return ALL.stream().map(County::number).toList();
    }

    /**
     * The county in force on {@code date} for an area that belonged to {@code countyBefore2018} in the old
     * 19-county structure (the generator places municipalities with their pre-reform county).
     */
    public static County successorOn(String countyBefore2018, LocalDate date) {
        String n = switch (countyBefore2018) {
            case "01" -> pick(date, "01", "01", "30", "31");
            case "02" -> pick(date, "02", "02", "30", "32");
            case "06" -> pick(date, "06", "06", "30", "33");
            case "04", "05" -> pick(date, countyBefore2018, countyBefore2018, "34", "34");
            case "07" -> pick(date, "07", "07", "38", "39");
            case "08" -> pick(date, "08", "08", "38", "40");
            case "09", "10" -> pick(date, countyBefore2018, countyBefore2018, "42", "42");
            case "12", "14" -> pick(date, countyBefore2018, countyBefore2018, "46", "46");
            case "16", "17" -> pick(date, countyBefore2018, "50", "50", "50");
            case "19" -> pick(date, "19", "19", "54", "55");
            case "20" -> pick(date, "20", "20", "54", "56");
            case "03", "11", "15", "18" -> countyBefore2018;
            default -> throw new IllegalArgumentException("Not a pre-2018 county number: " + countyBefore2018);
        };
        return byNumber(n).orElseThrow();
    }

    private static String pick(LocalDate d, String before2018, String from2018, String from2020, String from2024) {
        if (d.isBefore(Y2018)) return before2018;
        if (d.isBefore(Y2020)) return from2018;
        if (d.isBefore(Y2024)) return from2020;
        return from2024;
    }
}
