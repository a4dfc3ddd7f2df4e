package no.trygg.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Locale-free number and date formatting for the exports (no Locale, no String.format surprises). */
final class Fmt {

    static final DateTimeFormatter ISO_TS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    static final DateTimeFormatter NO_TS = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm");
    static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");

    private Fmt() {
    }

    /** {@code value} rounded to {@code decimals} places with the given decimal separator, e.g. "12,5". */
    static String decimal(double value, int decimals, char separator) {
        long factor = 1;
        for (int i = 0; i < decimals; i++) {
            factor *= 10;
        }
        long scaled = Math.round(value * factor);
        boolean negative = scaled < 0;
        scaled = Math.abs(scaled);
        StringBuilder sb = new StringBuilder();
        if (negative) {
            sb.append('-');
        }
        sb.append(scaled / factor);
        if (decimals > 0) {
            sb.append(separator);
            String frac = Long.toString(scaled % factor);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb.toString();
    }

    /** Whole number with a space as thousands separator, e.g. "1 943". */
    static String thousands(long n) {
        String s = Long.toString(Math.abs(n));
        StringBuilder sb = new StringBuilder();
        int lead = s.length() % 3;
        for (int i = 0; i < s.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                sb.append(' ');
            }
            sb.append(s.charAt(i));
        }
        return (n < 0 ? "-" : "") + sb;
    }

    static String pad(long n, int width) {
        String s = Long.toString(n);
        if (s.length() >= width) {
            return s;
        }
        return "0".repeat(width - s.length()) + s;
    }

    static String hex8(long n) {
        String s = Long.toHexString(n & 0xFFFFFFFFL);
        return "0".repeat(8 - s.length()) + s;
    }

    static String ts(LocalDateTime t) {
        return ISO_TS.format(t);
    }

    static String date(LocalDate d) {
        return ISO_DATE.format(d);
    }

    static String yesNo(boolean b) {
        return b ? "J" : "N";
    }
}
