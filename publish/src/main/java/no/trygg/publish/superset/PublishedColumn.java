package no.trygg.publish.superset;

import java.util.Locale;

/** A column of a published table as Trino reports it (information_schema), e.g. rate_per_100_fte / double. */
public record PublishedColumn(String name, String trinoType) {

    public boolean temporal() {
        String t = trinoType.toLowerCase(Locale.ROOT);
        return t.startsWith("date") || t.startsWith("timestamp");
    }

    public boolean text() {
        return trinoType.toLowerCase(Locale.ROOT).startsWith("varchar") || trinoType.toLowerCase(Locale.ROOT).startsWith("char");
    }

    public boolean integral() {
        return switch (trinoType.toLowerCase(Locale.ROOT)) {
            case "tinyint", "smallint", "integer", "bigint" -> true;
            default -> false;
        };
    }
}
