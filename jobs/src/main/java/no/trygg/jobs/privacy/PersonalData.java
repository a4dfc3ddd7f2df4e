package no.trygg.jobs.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in text: Norwegian national identity numbers (fødselsnummer, D-nummer, H-nummer), Norwegian
 * phone numbers and e-mail addresses. Pure Java, so the silver build, the tests and a scan of output files agree on
 * what counts. An 11-digit number is an identity number only when its date part is a real date and both mod-11
 * control digits are right: most 11-digit numbers (account numbers, counters) fail that.
 */
public final class PersonalData {

    /** What was found; the names are what a quarantine reason or a count shows, never the value. */
    public enum Kind {
        NATIONAL_ID_NUMBER, PHONE_NUMBER, EMAIL_ADDRESS
    }

    /** One finding: its kind and where it is in the text ({@code end} exclusive). */
    public record Finding(Kind kind, int start, int end) {
        boolean overlaps(Finding o) {
            return start < o.end && o.start < end;
        }
    }

    /** Not the decimals of a number ("0.15038512363"), which are no one's ID or phone number. */
    private static final String NOT_DECIMALS = "(?<![0-9][.,])";
    /**
     * ddmmyy and the 5-digit individual part, together or with one space or dot between (ddmmyy nnnnn), standing
     * alone: not part of a longer run of digits, and not glued to letters, as digits are inside the hex of a
     * pseudonym ("…ee01010112377bc…"), where about one value in 60,000 would otherwise pass both control digits.
     */
    private static final Pattern ID_NUMBER = Pattern.compile(NOT_DECIMALS + "(?<![\\p{L}\\p{N}_])([0-9]{6})[ .]?([0-9]{5})(?![\\p{L}\\p{N}_])");
    /**
     * Eight digits, first 2–9 (no Norwegian number starts with 0 or 1), written together or grouped as "xx xx xx xx"
     * or "xxx xx xxx", with an optional +47 or 0047 country code; standing alone, not glued to letters or joined by
     * '-' or '/' as in ids and paths ("run-20261130T1345").
     */
    private static final Pattern PHONE = Pattern.compile(NOT_DECIMALS + "(?<![\\p{L}\\p{N}_+/-])(?:(?:\\+|00)47 ?)?"
            + "(?:[2-9][0-9]{7}|[2-9][0-9] [0-9]{2} [0-9]{2} [0-9]{2}|[2-9][0-9]{2} [0-9]{2} [0-9]{3})(?![\\p{L}\\p{N}_])");
    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}0-9._%+-]+@[\\p{L}0-9-]+(?:\\.[\\p{L}0-9-]+)*\\.\\p{L}{2,}");

    /**
     * A cheap test, in the same regex dialect as Spark's {@code rlike}, that lets through every text that could hold
     * personal data (an '@', or eight digits with at most single spaces or dots between them), so the full scan
     * runs only on the few values that need it.
     */
    public static final String CANDIDATE_REGEX = "@|[0-9](?:[ .]?[0-9]){7}";
    /** Shortest text that can hold personal data ("a@b.no" has 6 characters, a phone number 8). */
    public static final int MIN_LENGTH = 6;

    private static final int[] WEIGHTS_1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] WEIGHTS_2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private PersonalData() {
    }

    /** Everything found, in text order; where findings overlap, e-mail wins over ID number, ID number over phone. */
    public static List<Finding> find(String text) {
        List<Finding> out = new ArrayList<>();
        if (text == null || text.length() < MIN_LENGTH) return out;
        if (text.indexOf('@') >= 0) addAll(out, EMAIL, Kind.EMAIL_ADDRESS, text);
        Matcher m = ID_NUMBER.matcher(text);
        while (m.find()) {
            if (isNationalIdNumber(m.group(1) + m.group(2))) add(out, new Finding(Kind.NATIONAL_ID_NUMBER, m.start(), m.end()));
        }
        addAll(out, PHONE, Kind.PHONE_NUMBER, text);
        out.sort(Comparator.comparingInt(Finding::start));
        return out;
    }

    public static Set<Kind> kinds(String text) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        find(text).forEach(f -> kinds.add(f.kind()));
        return kinds;
    }

    public static boolean contains(String text) {
        return !find(text).isEmpty();
    }

    /** The identity numbers in the text, as 11 digits without separators. */
    public static List<String> nationalIdNumbers(String text) {
        return find(text).stream().filter(f -> f.kind() == Kind.NATIONAL_ID_NUMBER)
                .map(f -> text.substring(f.start(), f.end()).replaceAll("[ .]", "")).toList();
    }

    /** The text with each finding replaced by its kind in brackets, e.g. "[PHONE_NUMBER]": safe to show or store. */
    public static String mask(String text) {
        List<Finding> found = find(text);
        if (found.isEmpty()) return text;
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (Finding f : found) {
            sb.append(text, at, f.start()).append('[').append(f.kind().name()).append(']');
            at = f.end();
        }
        return sb.append(text, at, text.length()).toString();
    }

    /**
     * Whether 11 digits are a fødselsnummer: a real date (D-number: day + 40; H-number: month + 40) and both
     * control digits right. A first control digit of 10 is never issued, so such a number is not one.
     */
    public static boolean isNationalIdNumber(String digits) {
        if (digits == null || digits.length() != 11) return false;
        int[] d = new int[11];
        for (int i = 0; i < 11; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') return false;
            d[i] = c - '0';
        }
        return controlDigit(d, WEIGHTS_1) == d[9] && controlDigit(d, WEIGHTS_2) == d[10] && hasRealDate(d);
    }

    /** 11 − (weighted sum mod 11), where 11 means 0 and 10 means no valid number (−1). */
    private static int controlDigit(int[] d, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) sum += d[i] * weights[i];
        int k = 11 - sum % 11;
        return k == 11 ? 0 : k == 10 ? -1 : k;
    }

    /**
     * The century comes from the individual number by rules that have changed; any century will do here, and
     * 2000 + yy is a leap year exactly when yy is a multiple of 4, which lets every 29 February through that some
     * century has.
     */
    private static boolean hasRealDate(int[] d) {
        int day = d[0] * 10 + d[1];
        int month = d[2] * 10 + d[3];
        int yy = d[4] * 10 + d[5];
        if (day > 40) day -= 40;   // D-nummer
        if (month > 40) month -= 40; // H-nummer
        try {
            LocalDate.of(2000 + yy, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static void addAll(List<Finding> out, Pattern p, Kind kind, String text) {
        Matcher m = p.matcher(text);
        while (m.find()) add(out, new Finding(kind, m.start(), m.end()));
    }

    private static void add(List<Finding> out, Finding f) {
        if (out.stream().noneMatch(f::overlaps)) out.add(f);
    }
}
