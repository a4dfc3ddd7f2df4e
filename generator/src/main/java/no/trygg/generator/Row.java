package no.trygg.generator;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.trygg.schemas.sources.SourceFormat;

/** One export row addressed by the source's header names, so column order always follows SourceFormat. */
final class Row {

    private static final Map<SourceFormat, Map<String, Integer>> INDEX = new HashMap<>();

    static {
        for (SourceFormat f : SourceFormat.values()) {
            Map<String, Integer> m = new HashMap<>();
            List<String> headers = f.headers();
            for (int i = 0; i < headers.size(); i++) {
                m.put(headers.get(i), i);
            }
            INDEX.put(f, m);
        }
    }

    private final SourceFormat format;
    private final String[] values;

    Row(SourceFormat format) {
        this.format = format;
        this.values = new String[format.columns.size()];
        Arrays.fill(values, "");
    }

    private Row(SourceFormat format, String[] values) {
        this.format = format;
        this.values = values;
    }

    Row set(String header, String value) {
        Integer i = INDEX.get(format).get(header);
        if (i == null) {
            throw new IllegalArgumentException(format + " has no column " + header);
        }
        values[i] = value == null ? "" : value;
        return this;
    }

    String get(String header) {
        Integer i = INDEX.get(format).get(header);
        if (i == null) {
            throw new IllegalArgumentException(format + " has no column " + header);
        }
        return values[i];
    }

    Row copy() {
        return new Row(format, values.clone());
    }

    String[] values() {
        return values;
    }
}
