package no.trygg.jobs.silver;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.schemas.sources.SourceFormat;

/**
 * What a silver table was built from: the code version, the pseudonym key's fingerprint and the bronze snapshot of
 * each source it reads, written as its built-from label, e.g. {@code code=0.9;key=ab12;office_register@7,incidents@9}.
 * Each table carries only its own inputs: the office register (every source is resolved against the office history)
 * and its own source. So a day that brings only an incident export leaves the other tables' labels current and the
 * silver build redoes only the incidents. The quarantine holds every source's rejected rows and carries all inputs.
 */
public record SilverInputs(String code, String key, Map<String, String> bronze) {

    public SilverInputs {
        bronze = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bronze));
    }

    /** The silver tables each source feeds, besides its share of the quarantine. */
    static final Map<SourceFormat, List<String>> TABLES = tables();

    private static Map<SourceFormat, List<String>> tables() {
        Map<SourceFormat, List<String>> m = new java.util.EnumMap<>(SourceFormat.class);
        m.put(SourceFormat.OFFICE_REGISTER, List.of(SilverTables.OFFICE_HISTORY));
        m.put(SourceFormat.SECURITY_MEASURES, List.of(SilverTables.SECURITY_MEASURES));
        m.put(SourceFormat.OFFICE_MONTH, List.of(SilverTables.OFFICE_MONTH));
        m.put(SourceFormat.INCIDENTS, List.of(SilverTables.INCIDENTS));
        m.put(SourceFormat.STAFF_SURVEY, List.of(SilverTables.SURVEY_RESPONDENTS, SilverTables.SURVEY_ANSWERS, SilverTables.SURVEY_QUESTIONS));
        return java.util.Collections.unmodifiableMap(m);
    }

    static SourceFormat sourceOf(String table) {
        return TABLES.entrySet().stream().filter(e -> e.getValue().contains(table)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a silver table of one source: " + table));
    }

    public String label() {
        return "code=" + code + ";key=" + key + ";" + bronze.entrySet().stream().map(e -> e.getKey() + "@" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /** Reads a label; empty for one this code did not write (then the table is rebuilt). */
    public static Optional<SilverInputs> parse(String label) {
        if (label == null) return Optional.empty();
        String[] parts = label.split(";", 3);
        if (parts.length != 3 || !parts[0].startsWith("code=") || !parts[1].startsWith("key=")) return Optional.empty();
        Map<String, String> bronze = new LinkedHashMap<>();
        for (String s : parts[2].isEmpty() ? new String[0] : parts[2].split(",")) {
            int at = s.lastIndexOf('@');
            if (at < 0) return Optional.empty();
            bronze.put(s.substring(0, at), s.substring(at + 1));
        }
        return Optional.of(new SilverInputs(parts[0].substring(5), parts[1].substring(4), bronze));
    }

    /** The inputs of a table built from {@code source}: the register and the source itself. */
    public SilverInputs of(SourceFormat source) {
        Set<String> keep = new java.util.HashSet<>(List.of(SourceFormat.OFFICE_REGISTER.folder, source.folder));
        Map<String, String> m = new LinkedHashMap<>();
        bronze.forEach((s, id) -> {
            if (keep.contains(s)) m.put(s, id);
        });
        return new SilverInputs(code, key, m);
    }

    /** What {@code table} should be labelled with when built from these inputs. */
    public String labelOf(String table) {
        return table.equals(Quarantine.TABLE) ? label() : of(sourceOf(table)).label();
    }

    /** Whether a quarantine built from {@code this} holds {@code source}'s rows as built from {@code now}. */
    boolean sameFor(SourceFormat source, SilverInputs now) {
        return now.of(source).equals(of(source));
    }

    /** Same code and key, and the same snapshot of every source both name. */
    boolean agreesWith(SilverInputs other) {
        return code.equals(other.code) && key.equals(other.key)
                && bronze.entrySet().stream().allMatch(e -> !other.bronze.containsKey(e.getKey()) || other.bronze.get(e.getKey()).equals(e.getValue()));
    }

    /**
     * The sources whose silver tables or quarantine rows are not built from {@code now}; all of them when the office
     * register's are not, or when {@code rebuild} asks for a full rebuild.
     */
    static Set<SourceFormat> stale(Warehouse w, SilverInputs now, boolean rebuild) {
        Set<SourceFormat> all = EnumSet.allOf(SourceFormat.class);
        if (rebuild) return all;
        Set<SourceFormat> stale = EnumSet.noneOf(SourceFormat.class);
        Optional<SilverInputs> quarantine = parse(label(w, Quarantine.TABLE));
        for (SourceFormat s : SourceFormat.values()) {
            boolean tablesCurrent = TABLES.get(s).stream().allMatch(t -> now.labelOf(t).equals(label(w, t)));
            if (!tablesCurrent || quarantine.map(q -> !q.sameFor(s, now)).orElse(true)) stale.add(s);
        }
        return stale.contains(SourceFormat.OFFICE_REGISTER) ? all : stale;
    }

    /**
     * The build silver holds as a whole: the quarantine's label when every table agrees with it, else empty and the
     * tables that disagree (a run stopped between two silver commits; the next run finishes the build).
     */
    public static Build build(Warehouse w) {
        Optional<SilverInputs> whole = parse(label(w, Quarantine.TABLE))
                .filter(q -> q.bronze.keySet().containsAll(folders(EnumSet.allOf(SourceFormat.class))));
        List<String> disagree = new java.util.ArrayList<>();
        for (String t : SilverTables.ALL) {
            if (t.equals(Quarantine.TABLE)) {
                if (whole.isEmpty()) disagree.add(t);
                continue;
            }
            Optional<SilverInputs> own = parse(label(w, t));
            boolean agrees = own.isPresent() && whole.isPresent() && own.get().agreesWith(whole.get())
                    && own.get().bronze.keySet().equals(whole.get().of(sourceOf(t)).bronze.keySet());
            if (!agrees) disagree.add(t);
        }
        return new Build(disagree.isEmpty() ? whole.map(SilverInputs::label) : Optional.empty(), disagree);
    }

    /** @param label the whole build's label, when consistent; @param disagreeing the tables that are not part of it */
    public record Build(Optional<String> label, List<String> disagreeing) {
    }

    private static String label(Warehouse w, String table) {
        return w.snapshotProperty(Warehouse.SILVER, table, Warehouse.BUILT_FROM).orElse(null);
    }

    static Set<String> folders(Collection<SourceFormat> sources) {
        return sources.stream().map(s -> s.folder).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
