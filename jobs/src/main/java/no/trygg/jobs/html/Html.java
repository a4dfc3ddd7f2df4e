package no.trygg.jobs.html;

/** Helpers for the self-contained HTML pages Trygg writes (quality report, data dictionary, static dashboard). */
public final class Html {

    private Html() {
    }

    /** Text and attribute values made safe for HTML: names and labels come from data and must never become markup. */
    public static String escape(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
