package no.trygg.publish.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter (kvartal), written as the marts write it: {@code 2025Q3}. The report compares a quarter with
 * the same quarter a year earlier (no seasonal bias) and the twelve months ending with it against the twelve before.
 */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {

    private static final Pattern FORM = Pattern.compile("(\\d{4})-?[Qq]([1-4])");

    public Quarter {
        if (quarter < 1 || quarter > 4) throw new IllegalArgumentException("A quarter is 1 to 4, got " + quarter);
        if (year < 1900 || year > 2999) throw new IllegalArgumentException("Year out of range: " + year);
    }

    /** Parses {@code 2025Q3} (also {@code 2025-Q3}, {@code 2025q3}); anything else is a plain-language error. */
    public static Quarter parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) throw new IllegalArgumentException("Not a quarter: '" + text + "'. Write it like 2025Q3");
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The quarter a day falls in. */
    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** The period value of the marts' QUARTER rows. */
    public String id() {
        return year + "Q" + quarter;
    }

    public Quarter sameQuarterLastYear() {
        return new Quarter(year - 1, quarter);
    }

    public Quarter previous() {
        return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
    }

    public LocalDate start() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate end() {
        return YearMonth.of(year, quarter * 3).atEndOfMonth();
    }

    /** The MONTH period values ("2025-01") of the {@code count} months ending with this quarter, oldest first. */
    public List<String> monthsEndingHere(int count) {
        List<String> months = new ArrayList<>();
        YearMonth last = YearMonth.of(year, quarter * 3);
        for (int i = count - 1; i >= 0; i--) months.add(last.minusMonths(i).toString());
        return months;
    }

    @Override
    public int compareTo(Quarter o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
    }

    @Override
    public String toString() {
        return id();
    }
}
