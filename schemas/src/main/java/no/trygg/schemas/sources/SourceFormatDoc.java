package no.trygg.schemas.sources;

import java.util.stream.Collectors;

/** Renders the source formats as Markdown (schemas/sources.md), so the documentation cannot drift from the code. */
public final class SourceFormatDoc {

    private SourceFormatDoc() {
    }

    public static String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Source formats\n\n")
                .append("Generated from `SourceFormat.java` by `SourceFormatDoc` (a test fails when this file is stale; ")
                .append("regenerate with `mvn -pl schemas test -Dtrygg.writeDocs=true`).\n\n")
                .append("All sources are CSV files with a header row, in one folder per source under the sources directory. ")
                .append("The separator (`;` or `,`) and the encoding (UTF-8 with or without BOM, or Windows-1252) are detected ")
                .append("per file; header names are matched case-insensitively; extra columns are kept in bronze. ")
                .append("A mandatory column missing from the header rejects the whole file (it stays in place for a re-run); ")
                .append("a bad value sends only its row to `silver.quarantine` with a reason.\n\n")
                .append("Types: TEXT as is; PERSON_ID replaced by a keyed pseudonym in silver; FREE_TEXT kept in bronze only; ")
                .append("INTEGER; DECIMAL with decimal comma or point; DATE `yyyy-MM-dd` or `dd.MM.yyyy`; TIMESTAMP local ")
                .append("Europe/Oslo time `yyyy-MM-ddTHH:mm[:ss]`, `yyyy-MM-dd HH:mm[:ss]` or `dd.MM.yyyy HH:mm[:ss]`; MONTH `yyyy-MM`; ")
                .append("YES_NO `J`/`N`; CODE one of the listed codes (case-insensitive).\n");
        for (SourceFormat f : SourceFormat.values()) {
            b.append("\n## ").append(f.folder).append("\n\n")
                    .append("Files: `").append(f.folder).append('/').append(f.filePattern).append("`. ")
                    .append("Key: ").append(f.key.stream().map(k -> "`" + k + "`").collect(Collectors.joining(" + ")))
                    .append(f.versionColumn == null ? "." : "; versions ordered by `" + f.versionColumn + "`, the newest wins.")
                    .append("\n\n| column (header) | silver name | type | mandatory | meaning |\n|---|---|---|---|---|\n");
            for (SourceColumn c : f.columns) {
                String type = c.type() == ColumnType.CODE ? "CODE: " + String.join(", ", c.codes()) : c.type().name();
                b.append("| `").append(c.header()).append("` | `").append(c.name()).append("` | ").append(type).append(" | ")
                        .append(c.mandatory() ? "yes" : "no").append(" | ").append(c.meaning()).append(" |\n");
            }
        }
        return b.toString();
    }
}
