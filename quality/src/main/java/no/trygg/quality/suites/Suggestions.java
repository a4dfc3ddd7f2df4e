package no.trygg.quality.suites;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.trygg.quality.deequ.DeequAdapter;

/**
 * Turns Deequ's constraint suggestions into rule declarations in this project's own format, ready to paste
 * into a suite. Suggestions with no rule of ours (types: silver fixes them) come out as comments.
 */
public final class Suggestions {

    private static final Pattern FRACTION = Pattern.compile("_ >= ([0-9.]+)");
    private static final Pattern ARRAY = Pattern.compile("Array\\((.*?)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Suggestions() {
    }

    /** One line per suggestion, sorted by column: a rule, or a comment when there is no rule to write. */
    public static List<String> asRules(List<DeequAdapter.Suggestion> suggestions) {
        List<String> lines = new ArrayList<>();
        suggestions.stream().sorted(Comparator.comparing(DeequAdapter.Suggestion::column).thenComparing(DeequAdapter.Suggestion::deequCode))
                .forEach(s -> lines.add(asRule(s)));
        return lines;
    }

    static String asRule(DeequAdapter.Suggestion s) {
        String code = s.deequCode().trim();
        String c = quote(s.column());
        String rule;
        if (code.startsWith(".isComplete(")) {
            rule = "new Complete(" + c + ", 1.0, ERROR),";
        } else if (code.startsWith(".hasCompleteness(")) {
            rule = "new Complete(" + c + ", " + fraction(code) + ", WARNING),";
        } else if (code.startsWith(".isUnique(")) {
            rule = "new Unique(List.of(" + c + "), ERROR),";
        } else if (code.startsWith(".isContainedIn(")) {
            Matcher a = ARRAY.matcher(code);
            List<String> values = new ArrayList<>();
            if (a.find()) {
                Matcher q = QUOTED.matcher(a.group(1));
                while (q.find()) values.add(quote(q.group(1)));
            }
            String f = FRACTION.matcher(code).find() ? fraction(code) : "1.0";
            rule = "new InCodeList(" + c + ", List.of(" + String.join(", ", values) + "), " + f + ", "
                    + (f.equals("1.0") ? "ERROR" : "WARNING") + "),";
        } else if (code.startsWith(".isNonNegative(")) {
            rule = "new InRange(" + c + ", \">= 0\", ERROR),";
        } else {
            return "// " + s.column() + ": " + s.description() + "  (no Trygg rule; Deequ: " + code + ")";
        }
        return String.format(Locale.ROOT, "%-70s // %s", rule, s.description());
    }

    private static String fraction(String code) {
        Matcher m = FRACTION.matcher(code);
        return m.find() ? m.group(1) : "1.0";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
