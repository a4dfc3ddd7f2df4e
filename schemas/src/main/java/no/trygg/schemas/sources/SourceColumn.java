package no.trygg.schemas.sources;

import java.util.List;

/**
 * One column of a source export.
 *
 * @param header    the column header as the exporting system writes it (Norwegian)
 * @param name      the column name in silver (English, the domain's word)
 * @param type      how the text is read
 * @param mandatory whether an empty value sends the row to quarantine
 * @param codes     allowed values for {@link ColumnType#CODE} columns, else empty
 * @param meaning   what the column means, for the format documentation
 */
public record SourceColumn(String header, String name, ColumnType type, boolean mandatory, List<String> codes,
                           String meaning) {

    public SourceColumn {
        codes = List.copyOf(codes);
        if (type == ColumnType.CODE && codes.isEmpty()) {
            throw new IllegalArgumentException("CODE column " + header + " needs a code list");
        }
    }

    public static SourceColumn required(String header, String name, ColumnType type, String meaning) {
        return new SourceColumn(header, name, type, true, List.of(), meaning);
    }

    public static SourceColumn optional(String header, String name, ColumnType type, String meaning) {
        return new SourceColumn(header, name, type, false, List.of(), meaning);
    }

    public static SourceColumn code(String header, String name, boolean mandatory, List<String> codes, String meaning) {
        return new SourceColumn(header, name, ColumnType.CODE, mandatory, codes, meaning);
    }

    /** Whether the column's raw value may be shown in quarantine reasons and kept outside bronze. */
    public boolean isSensitive() {
        return type == ColumnType.FREE_TEXT || type == ColumnType.PERSON_ID;
    }
}
