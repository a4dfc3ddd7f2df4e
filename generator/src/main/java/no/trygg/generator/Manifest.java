package no.trygg.generator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import no.trygg.schemas.codes.IncidentType;
import no.trygg.schemas.codes.UnitType;
import no.trygg.schemas.sources.SourceFormat;

/**
 * What a generation run wrote and what the pipeline must get out of it: the options, the units, per source
 * folder the files, data rows, defect rows by reason and the rows silver must end up with, and the incident
 * truth (distinct incidents per year of occurrence, by type, and sick-leave days of the latest versions).
 * Written as manifest.json at the root of the output folder ({@link #toJson()}; the output folder itself is
 * left out so identical options give identical bytes wherever they are written).
 */
public record Manifest(GeneratorOptions options,
                       Map<UnitType, Integer> units,
                       Map<String, SourceStats> sources,
                       Map<Integer, Integer> incidentsPerYear,
                       Map<Integer, Map<IncidentType, Integer>> incidentsPerYearAndType,
                       Map<Integer, Long> sickLeaveDaysPerYear) {

    public static final String FILE_NAME = "manifest.json";

    /**
     * One source folder.
     *
     * @param folder             folder under the output directory (SourceFormat.folder)
     * @param files              files written
     * @param rows               data rows written, header rows excluded, defect rows included
     * @param defects            defect rows by reason (every reason that applies to the source, possibly 0)
     * @param expectedSilverRows rows silver must hold: incidents: distinct clean incident ids; others: clean rows
     */
    public record SourceStats(String folder, int files, long rows, Map<DefectReason, Long> defects,
                              long expectedSilverRows) {

        public SourceStats {
            defects = Collections.unmodifiableMap(new EnumMap<>(defects));
        }

        /** All defect rows (a duplicate conflict counts both of its rows). */
        public long defectRows() {
            return defects.values().stream().mapToLong(Long::longValue).sum();
        }

        public long defects(DefectReason reason) {
            return defects.getOrDefault(reason, 0L);
        }

        /** Clean rows: everything written minus the defect rows. */
        public long cleanRows() {
            return rows - defectRows();
        }
    }

    public Manifest {
        units = Collections.unmodifiableMap(new EnumMap<>(units));
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        incidentsPerYear = Collections.unmodifiableMap(new TreeMap<>(incidentsPerYear));
        TreeMap<Integer, Map<IncidentType, Integer>> t = new TreeMap<>();
        incidentsPerYearAndType.forEach((y, m) -> t.put(y, Collections.unmodifiableMap(new EnumMap<>(m))));
        incidentsPerYearAndType = Collections.unmodifiableMap(t);
        sickLeaveDaysPerYear = Collections.unmodifiableMap(new TreeMap<>(sickLeaveDaysPerYear));
    }

    public SourceStats source(SourceFormat format) {
        return source(format.folder);
    }

    public SourceStats source(String folder) {
        SourceStats s = sources.get(folder);
        if (s == null) {
            throw new IllegalArgumentException("no source folder " + folder + " in the manifest");
        }
        return s;
    }

    /** Distinct incidents over all years. */
    public long totalIncidents() {
        return incidentsPerYear.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** The manifest as pretty-printed JSON (keys in a fixed order, "\n" line ends, trailing newline). */
    public String toJson() {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("{\n");
        sb.append("  \"generator\": \"trygg-generator\",\n");
        sb.append("  \"manifestVersion\": 1,\n");
        sb.append("  \"options\": {\n");
        sb.append("    \"seed\": ").append(options.seed()).append(",\n");
        sb.append("    \"fromYear\": ").append(options.fromYear()).append(",\n");
        sb.append("    \"toYear\": ").append(options.toYear()).append(",\n");
        sb.append("    \"scale\": ").append(number(options.scale())).append(",\n");
        sb.append("    \"defectShare\": ").append(number(options.defectShare())).append("\n");
        sb.append("  },\n");
        sb.append("  \"units\": {");
        appendEntries(sb, units, 4, v -> Integer.toString(v));
        sb.append("},\n");
        sb.append("  \"sources\": {\n");
        int i = 0;
        for (SourceStats s : sources.values()) {
            sb.append("    ").append(quote(s.folder())).append(": {\n");
            sb.append("      \"files\": ").append(s.files()).append(",\n");
            sb.append("      \"rows\": ").append(s.rows()).append(",\n");
            sb.append("      \"defectRows\": ").append(s.defectRows()).append(",\n");
            sb.append("      \"defects\": {");
            appendEntries(sb, s.defects(), 8, v -> Long.toString(v));
            sb.append("},\n");
            sb.append("      \"expectedSilverRows\": ").append(s.expectedSilverRows()).append("\n");
            sb.append("    }").append(++i < sources.size() ? "," : "").append("\n");
        }
        sb.append("  },\n");
        sb.append("  \"incidentsPerYear\": {");
        appendEntries(sb, incidentsPerYear, 4, v -> Integer.toString(v));
        sb.append("},\n");
        sb.append("  \"incidentsPerYearAndType\": {");
        if (!incidentsPerYearAndType.isEmpty()) {
            sb.append("\n");
            int j = 0;
            for (Map.Entry<Integer, Map<IncidentType, Integer>> e : incidentsPerYearAndType.entrySet()) {
                sb.append("    ").append(quote(e.getKey().toString())).append(": {");
                appendEntries(sb, e.getValue(), 6, v -> Integer.toString(v));
                sb.append("}").append(++j < incidentsPerYearAndType.size() ? "," : "").append("\n");
            }
            sb.append("  ");
        }
        sb.append("},\n");
        sb.append("  \"sickLeaveDaysPerYear\": {");
        appendEntries(sb, sickLeaveDaysPerYear, 4, v -> Long.toString(v));
        sb.append("}\n");
        sb.append("}\n");
        return sb.toString();
    }

    private static <K, V> void appendEntries(StringBuilder sb, Map<K, V> map, int indent,
                                             java.util.function.Function<V, String> value) {
        if (map.isEmpty()) {
            return;
        }
        sb.append("\n");
        int i = 0;
        for (Map.Entry<K, V> e : map.entrySet()) {
            String key = e.getKey() instanceof Enum<?> en ? en.name() : e.getKey().toString();
            sb.append(" ".repeat(indent)).append(quote(key)).append(": ").append(value.apply(e.getValue()));
            sb.append(++i < map.size() ? ",\n" : "\n");
        }
        sb.append(" ".repeat(indent - 2));
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d) + ".0";
        }
        return Double.toString(d);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
