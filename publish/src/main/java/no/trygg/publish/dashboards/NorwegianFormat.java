package no.trygg.publish.dashboards;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers and periods as a Norwegian reader expects them: decimal comma, a thin no-break space between
 * thousands (it never wraps inside a number), shares as percent. Years are labels, not amounts: no grouping.
 */
public final class NorwegianFormat {

    /** Narrow no-break space: the thin space of Norwegian number typesetting that keeps a number on one line. */
    public static final char THIN_SPACE = '\u202F';
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private NorwegianFormat() {
    }

    /** A cell value for a table, a tick or a tooltip; null gives "" (callers decide between ":" and "–"). */
    public static String value(String column, Object v) {
        if (v == null) return "";
        if (v instanceof Number n && isYear(column)) return String.valueOf(n.longValue());
        if (v instanceof Number n && isShare(column)) return percent(n.doubleValue());
        if (v instanceof Long || v instanceof Integer || v instanceof Short) return decimals(((Number) v).doubleValue(), 0);
        if (v instanceof Number n) return decimal(n.doubleValue());
        return label(v);
    }

    /** A rate, ratio or other measured amount: 2 decimals below 10, 1 below 1000, whole numbers above. */
    public static String decimal(double v) {
        double a = Math.abs(v);
        return decimals(v, a >= 1000 ? 0 : a >= 10 ? 1 : 2);
    }

    /** A share 0..1 as percent with one decimal: 0.123 → "12,3 %". */
    public static String percent(double share) {
        return decimals(share * 100, 1) + "\u00A0%";
    }

    public static String decimals(double v, int decimals) {
        DecimalFormatSymbols s = new DecimalFormatSymbols(Locale.ROOT);
        s.setDecimalSeparator(',');
        s.setGroupingSeparator(THIN_SPACE);
        s.setMinusSign('\u2212');
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), s);
        return f.format(v == 0 ? 0.0 : v); // no "−0,0"
    }

    /** A period or category on an axis: dates of the first of a month as "2024-03", times to the minute. */
    public static String label(Object v) {
        if (v == null) return "";
        if (v instanceof LocalDate d) return d.getDayOfMonth() == 1 ? d.toString().substring(0, 7) : d.toString();
        if (v instanceof LocalDateTime t) return t.format(DATE_TIME);
        if (v instanceof Double d) return decimal(d);
        return String.valueOf(v);
    }

    /** Columns holding a share 0..1 (survey shares, measure coverage and their interval ends). */
    public static boolean isShare(String column) {
        return column != null && (column.equals("share") || column.startsWith("share_") || column.endsWith("_share"));
    }

    private static boolean isYear(String column) {
        return column != null && (column.equals("year") || column.endsWith("_year"));
    }
}
