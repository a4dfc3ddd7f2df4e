package no.trygg.generator;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Norwegian national identity numbers (fødselsnummer, 11 digits: ddmmyy + 3-digit individual number + 2 check
 * digits) and D-numbers (first digit + 4). Used to plant realistic personal data in free text, so the pipeline's
 * detector has something real to find. All numbers generated here are synthetic.
 */
public final class NationalIdNumbers {

    private static final int[] W1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] W2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private NationalIdNumbers() {
    }

    /**
     * Whether {@code s} is 11 digits with both mod-11 check digits right and a real birth date (D-numbers, with
     * 40 added to the day, are accepted).
     */
    public static boolean isValid(String s) {
        if (s == null || s.length() != 11) {
            return false;
        }
        int[] d = new int[11];
        for (int i = 0; i < 11; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            d[i] = c - '0';
        }
        Integer k1 = checkDigit(d, W1);
        if (k1 == null || k1 != d[9]) {
            return false;
        }
        Integer k2 = checkDigit(d, W2);
        if (k2 == null || k2 != d[10]) {
            return false;
        }
        return birthDate(s) != null;
    }

    /** Whether the number is a D-number (first digit 4–7). Assumes {@link #isValid(String)}. */
    public static boolean isDNumber(String s) {
        return s.charAt(0) >= '4';
    }

    /** The birth date encoded in a valid number (D-numbers too), or null if there is none. */
    public static LocalDate birthDate(String s) {
        int day = Integer.parseInt(s.substring(0, 2));
        int month = Integer.parseInt(s.substring(2, 4));
        int yy = Integer.parseInt(s.substring(4, 6));
        int individual = Integer.parseInt(s.substring(6, 9));
        if (day > 40) {
            day -= 40;
        }
        Integer century = century(individual, yy);
        if (century == null) {
            return null;
        }
        try {
            return LocalDate.of(century + yy, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * A valid number for {@code birth} (1900–2039), a D-number if asked. Individual numbers that give a check
     * digit of 10 are skipped, as the real issuing rules do.
     */
    public static String generate(SplittableRandom r, LocalDate birth, boolean dNumber) {
        int year = birth.getYear();
        if (year < 1900 || year > 2039) {
            throw new IllegalArgumentException("birth year must be 1900–2039, was " + year);
        }
        int day = birth.getDayOfMonth() + (dNumber ? 40 : 0);
        int[] d = new int[11];
        d[0] = day / 10;
        d[1] = day % 10;
        d[2] = birth.getMonthValue() / 10;
        d[3] = birth.getMonthValue() % 10;
        d[4] = (year % 100) / 10;
        d[5] = year % 10;
        for (int attempt = 0; attempt < 10_000; attempt++) {
            int individual = year < 2000 ? r.nextInt(500) : 500 + r.nextInt(500);
            d[6] = individual / 100;
            d[7] = (individual / 10) % 10;
            d[8] = individual % 10;
            Integer k1 = checkDigit(d, W1);
            if (k1 == null) {
                continue;
            }
            d[9] = k1;
            Integer k2 = checkDigit(d, W2);
            if (k2 == null) {
                continue;
            }
            d[10] = k2;
            StringBuilder sb = new StringBuilder(11);
            for (int x : d) {
                sb.append((char) ('0' + x));
            }
            return sb.toString();
        }
        throw new IllegalStateException("no valid individual number found for " + birth);
    }

    /** A valid number for a random adult (born 1950–2004); a D-number with probability {@code dNumberShare}. */
    static String random(SplittableRandom r, double dNumberShare) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(55 * 365));
        return generate(r, birth, r.nextDouble() < dNumberShare);
    }

    /** Check digit for weights over the first weights.length digits; null when the remainder rule gives 10. */
    private static Integer checkDigit(int[] d, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += d[i] * weights[i];
        }
        int k = 11 - (sum % 11);
        if (k == 11) {
            return 0;
        }
        if (k == 10) {
            return null;
        }
        return k;
    }

    /** Century from the individual number (the 1900–2039 ranges in use, plus 1854–1899). */
    private static Integer century(int individual, int yy) {
        if (individual <= 499) {
            return 1900;
        }
        if (individual <= 749 && yy >= 54) {
            return 1800;
        }
        if (yy <= 39) {
            return 2000;
        }
        if (individual >= 900) {
            return 1900;
        }
        return null;
    }
}
