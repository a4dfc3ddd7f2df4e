package no.trygg.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import no.trygg.schemas.codes.UnitType;
import no.trygg.schemas.sources.SourceFormat;

/**
 * Writes the five synthetic source exports and manifest.json into {@link GeneratorOptions#outDir()}. Seeded and
 * deterministic: the same options give byte-identical files; each source (and each year of it) draws from its
 * own random stream, so one source never shifts another. Existing files are overwritten, and earlier export
 * files of the same naming pattern that this run does not write are removed, so the folder matches the manifest.
 */
public final class SourceGenerator {

    private static final Map<SourceFormat, Pattern> FILE_NAMES = Map.of(
            SourceFormat.OFFICE_REGISTER, Pattern.compile("office_register_\\d{4}-\\d{2}\\.csv"),
            SourceFormat.SECURITY_MEASURES, Pattern.compile("security_measures_\\d{4}-\\d{2}-\\d{2}\\.csv"),
            SourceFormat.OFFICE_MONTH, Pattern.compile("office_month_\\d{4}\\.csv"),
            SourceFormat.INCIDENTS, Pattern.compile("incidents_\\d{4}-\\d{2}-\\d{2}\\.csv"),
            SourceFormat.STAFF_SURVEY, Pattern.compile("staff_survey_\\d{4}\\.csv"));

    private final GeneratorOptions options;

    public SourceGenerator(GeneratorOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public GeneratorOptions options() {
        return options;
    }

    /** Generates everything; {@code progress} gets short human-readable lines (may be a no-op). */
    public GenerationSummary generate(Consumer<String> progress) throws IOException {
        Consumer<String> log = progress == null ? s -> { } : progress;
        Path out = options.outDir();
        Files.createDirectories(out);
        log.accept("generating seed " + options.seed() + ", " + options.fromYear() + "–" + options.toYear()
                + ", scale " + options.scale() + ", defect share " + options.defectShare() + " into " + out);

        UnitCatalog catalog = UnitCatalog.build(options);
        double localFte = catalog.units().stream().filter(Unit::isLocalOffice)
                .mapToDouble(u -> u.budgetFte(options.toYear())).sum();
        log.accept("units: " + catalog.count(UnitType.LOCAL_OFFICE) + " local offices ("
                + Fmt.thousands(Math.round(localFte)) + " FTE in " + options.toYear() + "), "
                + catalog.count(UnitType.CONTACT_CENTRE) + " contact centre, "
                + catalog.count(UnitType.CONTROL_UNIT) + (catalog.count(UnitType.CONTROL_UNIT) == 1 ? " control unit"
                : " control units"));

        Map<SourceFormat, SourceResult> results = new LinkedHashMap<>();
        results.put(SourceFormat.OFFICE_REGISTER, new OfficeRegisterSource(options, catalog).write(out, log));
        results.put(SourceFormat.SECURITY_MEASURES, new SecurityMeasuresSource(options, catalog).write(out, log));
        results.put(SourceFormat.OFFICE_MONTH, new OfficeMonthSource(options, catalog).write(out, log));
        IncidentSource incidents = new IncidentSource(options, catalog);
        results.put(SourceFormat.INCIDENTS, incidents.write(out, log));
        results.put(SourceFormat.STAFF_SURVEY, new StaffSurveySource(options, catalog).write(out, log));

        for (SourceFormat f : SourceFormat.values()) {
            removeStaleFiles(out.resolve(f.folder), FILE_NAMES.get(f), expectedFiles(f));
        }

        Map<UnitType, Integer> units = new LinkedHashMap<>();
        for (UnitType t : UnitType.values()) {
            units.put(t, (int) catalog.count(t));
        }
        Map<String, Manifest.SourceStats> sources = new LinkedHashMap<>();
        Map<String, Integer> files = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (SourceFormat f : SourceFormat.values()) {
            SourceResult r = results.get(f);
            sources.put(f.folder, new Manifest.SourceStats(f.folder, r.files(), r.rows(), r.defects(),
                    r.expectedSilverRows()));
            files.put(f.folder, r.files());
            rows.put(f.folder, r.rows());
        }
        Manifest manifest = new Manifest(options, units, sources, incidents.incidentsPerYear(),
                incidents.incidentsPerYearAndType(), incidents.sickLeaveDaysPerYear());
        Path manifestFile = out.resolve(Manifest.FILE_NAME);
        Files.writeString(manifestFile, manifest.toJson(), StandardCharsets.UTF_8);
        GenerationSummary summary = new GenerationSummary(out, manifestFile, files, rows, manifest);
        log.accept("done: " + Fmt.thousands(summary.totalFiles()) + " files, " + Fmt.thousands(summary.totalRows())
                + " rows, manifest " + manifestFile.getFileName());
        return summary;
    }

    /** The file names this run writes for a source. */
    private Set<String> expectedFiles(SourceFormat f) {
        Set<String> names = new HashSet<>();
        switch (f) {
            case OFFICE_REGISTER -> {
                for (int y = options.fromYear(); y <= options.toYear(); y++) {
                    for (int m = 1; m <= 12; m++) {
                        names.add("office_register_" + y + "-" + Fmt.pad(m, 2) + ".csv");
                    }
                }
            }
            case SECURITY_MEASURES -> names.add("security_measures_" + options.toYear() + "-12-31.csv");
            case OFFICE_MONTH -> {
                for (int y = options.fromYear(); y <= options.toYear(); y++) {
                    names.add("office_month_" + y + ".csv");
                }
            }
            case INCIDENTS -> {
                for (java.time.LocalDate d = java.time.LocalDate.of(options.fromYear(), 1, 1);
                     d.getYear() <= options.toYear(); d = d.plusDays(1)) {
                    names.add("incidents_" + Fmt.date(d) + ".csv");
                }
            }
            case STAFF_SURVEY -> {
                for (int y = options.fromYear(); y <= options.toYear(); y++) {
                    names.add("staff_survey_" + y + ".csv");
                }
            }
        }
        return names;
    }

    /** Deletes export files of an earlier run (same naming pattern) that this run did not write. */
    private static void removeStaleFiles(Path dir, Pattern pattern, Set<String> keep) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (pattern.matcher(name).matches() && !keep.contains(name) && Files.isRegularFile(p)) {
                    stale.add(p);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path p : stale) {
            Files.delete(p);
        }
    }
}
