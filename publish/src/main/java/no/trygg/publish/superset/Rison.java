package no.trygg.publish.superset;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rison, the compact JSON-like notation Superset's list endpoints read from {@code ?q=}
 * (e.g. {@code (page_size:100,page:0)}). Encodes maps, lists, strings, numbers, booleans and null.
 */
public final class Rison {

    // Words Rison may leave unquoted: no reserved characters, not starting with a digit or '-'.
    private static final Pattern ID = Pattern.compile("[A-Za-z_./~][A-Za-z0-9_./~-]*");

    private Rison() {
    }

    /** One page of a list endpoint: {@code (page_size:N,page:P)}, pages counted from 0. */
    public static String page(int pageSize, int page) {
        return "(page_size:" + pageSize + ",page:" + page + ")";
    }

    /** Rison text (from {@link #encode} or {@link #page}) as {@code q=...} ready for a URL. */
    public static String query(String rison) {
        return "q=" + URLEncoder.encode(rison, StandardCharsets.UTF_8);
    }

    public static String encode(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("!n");
        } else if (v instanceof Boolean b) {
            sb.append(b ? "!t" : "!f");
        } else if (v instanceof Number n) {
            sb.append(n);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('(');
            for (Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<?, ?> e = it.next();
                writeString(sb, String.valueOf(e.getKey()));
                sb.append(':');
                write(sb, e.getValue());
                if (it.hasNext()) sb.append(',');
            }
            sb.append(')');
        } else if (v instanceof List<?> l) {
            sb.append("!(");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) sb.append(',');
                write(sb, l.get(i));
            }
            sb.append(')');
        } else {
            writeString(sb, v.toString());
        }
    }

    private static void writeString(StringBuilder sb, String s) {
        if (ID.matcher(s).matches()) {
            sb.append(s);
        } else {
            sb.append('\'').append(s.replace("!", "!!").replace("'", "!'")).append('\'');
        }
    }
}
