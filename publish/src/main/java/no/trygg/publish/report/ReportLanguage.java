package no.trygg.publish.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import no.trygg.publish.dashboards.NorwegianFormat;
import no.trygg.schemas.codes.Channel;
import no.trygg.schemas.codes.ChannelStrategyStage;
import no.trygg.schemas.codes.CodeList;
import no.trygg.schemas.codes.IncidentType;
import no.trygg.schemas.codes.OfficeSizeClass;
import no.trygg.schemas.codes.SecurityMeasure;

/**
 * The report's language: its texts ({@code report/text_<code>.properties}, with {@code {name}} placeholders) and
 * how it writes numbers. Bokmål is the default; English is for international readers of the same figures.
 */
public enum ReportLanguage {
    NB("nb"),
    EN("en");

    private final String code;
    private final Properties texts = new Properties();

    ReportLanguage(String code) {
        this.code = code;
        String resource = "/report/text_" + code + ".properties";
        try (InputStream in = ReportLanguage.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Missing report texts " + resource);
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "nb" (also "no", "bokmål") or "en"; anything else is a plain error listing the choices. */
    public static ReportLanguage parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "nb", "no", "nob", "bokmål", "bokmal", "norwegian" -> NB;
            case "en", "eng", "english" -> EN;
            default -> throw new IllegalArgumentException("Unknown report language '" + text + "': use nb (bokmål) or en (English)");
        };
    }

    public String code() {
        return code;
    }

    /** The text for {@code key}, with {@code {name}} replaced by the value following it in {@code namesAndValues}. */
    public String text(String key, Object... namesAndValues) {
        String t = texts.getProperty(key);
        if (t == null) throw new IllegalStateException("No " + code + " report text for '" + key + "'");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            t = t.replace("{" + namesAndValues[i] + "}", String.valueOf(namesAndValues[i + 1]));
        }
        return t;
    }

    /** The text for {@code key} if there is one (code labels), else {@code fallback}. */
    public String textOr(String key, String fallback) {
        return texts.getProperty(key, fallback);
    }

    /** A measured amount with a fixed number of decimals: "10,2" in bokmål, "10.2" in English. */
    public String number(double v, int decimals) {
        if (Double.isInfinite(v)) return "∞";
        if (this == NB) return NorwegianFormat.decimals(v, decimals);
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), DecimalFormatSymbols.getInstance(Locale.UK));
        return f.format(v == 0 ? 0.0 : v);
    }

    public String count(long n) {
        return number(n, 0);
    }

    /** A share 0..1 in percent: "12,3 %" / "12.3%". */
    public String percent(double share) {
        return number(share * 100, 1) + (this == NB ? "\u00A0%" : "%");
    }

    /** A signed relative change: "+5 %" / "−12 %". */
    public String relativeChange(double ratio) {
        double pct = (ratio - 1) * 100;
        String n = number(Math.abs(pct), 0);
        String sign = Math.round(Math.abs(pct)) == 0 ? "±" : pct > 0 ? "+" : "\u2212";
        return sign + n + (this == NB ? "\u00A0%" : "%");
    }

    /** "3. kvartal 2025" / "Q3 2025". */
    public String quarter(Quarter q) {
        return text("quarter.name", "q", q.quarter(), "year", q.year());
    }

    /** Code lists whose labels name the codes the report shows (kodeverk). */
    private static final List<Class<? extends Enum<?>>> CODE_LISTS = List.of(OfficeSizeClass.class, ChannelStrategyStage.class,
            IncidentType.class, Channel.class, SecurityMeasure.class);

    /**
     * A code from the marts in this language's words: a short report label ({@code code.X} in the texts, e.g. for
     * survey questions) first, else the code list's own label, else the code as it is.
     */
    public String label(String code) {
        String own = texts.getProperty("code." + code);
        if (own != null) return own;
        for (Class<? extends Enum<?>> list : CODE_LISTS) {
            for (Enum<?> c : list.getEnumConstants()) {
                if (c.name().equals(code)) return this == NB ? ((CodeList) c).labelNb() : ((CodeList) c).labelEn();
            }
        }
        return code;
    }
}
