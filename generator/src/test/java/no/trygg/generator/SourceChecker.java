package no.trygg.generator;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import no.trygg.schemas.sources.ColumnType;
import no.trygg.schemas.sources.SourceColumn;
import no.trygg.schemas.sources.SourceFormat;

/**
 * An independent, deliberately simple reading of the generated files, used by the tests: it classifies every
 * row the way a quarantine step would (encoding, missing, unparseable, invalid code, unknown office, future date,
 * duplicate conflict) from SourceFormat's column metadata only, never from the generator's own bookkeeping.
 */
final class SourceChecker {

    /** One parsed data row with the file it came from. */
    record Line(String file, Map<String, String> values) {
        String get(String header) {
            return values.get(header);
        }
    }

    /** What the checker found for one source. */
    record Result(int files, long rows, Map<DefectReason, Long> defects, List<Line> clean, List<String> headers,
                  long expectedSilverRows) {
        long defectRows() {
            return defects.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final DateTimeFormatter[] TIMESTAMPS = {
            strict("uuuu-MM-dd'T'HH:mm:ss"), strict("uuuu-MM-dd'T'HH:mm"), strict("uuuu-MM-dd HH:mm:ss"),
            strict("uuuu-MM-dd HH:mm"), strict("dd.MM.uuuu HH:mm:ss"), strict("dd.MM.uuuu HH:mm")};
    private static final DateTimeFormatter[] DATES = {strict("uuuu-MM-dd"), strict("dd.MM.uuuu")};
    private static final DateTimeFormatter MONTH = strict("uuuu-MM");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+([.,]\\d+)?");

    private SourceChecker() {
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    static Map<SourceFormat, Result> check(Path outDir) throws IOException {
        Map<SourceFormat, Result> out = new LinkedHashMap<>();
        Result register = checkSource(outDir, SourceFormat.OFFICE_REGISTER, null);
        out.put(SourceFormat.OFFICE_REGISTER, register);
        Set<String> offices = new HashSet<>();
        for (Line l : register.clean()) {
            offices.add(l.get("enhet_nr"));
        }
        for (SourceFormat f : List.of(SourceFormat.SECURITY_MEASURES, SourceFormat.OFFICE_MONTH,
                SourceFormat.INCIDENTS, SourceFormat.STAFF_SURVEY)) {
            out.put(f, checkSource(outDir, f, offices));
        }
        return out;
    }

    static List<Path> files(Path outDir, SourceFormat f) throws IOException {
        try (Stream<Path> s = Files.list(outDir.resolve(f.folder))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
    }

    static char delimiter(SourceFormat f) {
        return f == SourceFormat.OFFICE_MONTH || f == SourceFormat.SECURITY_MEASURES ? ',' : ';';
    }

    /** Decodes a file; invalid bytes become U+FFFD. Windows-1252 for the register, else UTF-8 (BOM dropped). */
    static String decode(SourceFormat f, byte[] bytes) throws IOException {
        Charset cs = f == SourceFormat.OFFICE_REGISTER ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        String s = dec.decode(ByteBuffer.wrap(bytes)).toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    static List<Line> read(Path file, SourceFormat f, List<String> headersOut) throws IOException {
        String text = decode(f, Files.readAllBytes(file));
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(f)).setHeader()
                .setSkipHeaderRecord(true).get();
        List<Line> lines = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(new StringReader(text), format)) {
            if (headersOut != null && headersOut.isEmpty()) {
                headersOut.addAll(p.getHeaderNames());
            }
            for (CSVRecord rec : p) {
                Map<String, String> m = new LinkedHashMap<>();
                for (String h : p.getHeaderNames()) {
                    m.put(h, rec.get(h));
                }
                lines.add(new Line(file.getFileName().toString(), m));
            }
        }
        return lines;
    }

    private static Result checkSource(Path outDir, SourceFormat f, Set<String> offices) throws IOException {
        List<Path> files = files(outDir, f);
        List<Line> all = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        for (Path p : files) {
            all.addAll(read(p, f, headers));
        }
        EnumMap<DefectReason, Long> defects = new EnumMap<>(DefectReason.class);
        List<Line> passed = new ArrayList<>();
        for (Line l : all) {
            DefectReason reason = rowDefect(f, l, offices);
            if (reason != null) {
                defects.merge(reason, 1L, Long::sum);
            } else {
                passed.add(l);
            }
        }
        // Duplicate conflicts: the same key (incidents: and version) with different content.
        Map<String, List<Line>> byKey = new TreeMap<>();
        for (Line l : passed) {
            byKey.computeIfAbsent(key(f, l), k -> new ArrayList<>()).add(l);
        }
        List<Line> clean = new ArrayList<>();
        for (List<Line> group : byKey.values()) {
            if (group.size() > 1) {
                defects.merge(DefectReason.DUPLICATE_CONFLICT, (long) group.size(), Long::sum);
            } else {
                clean.add(group.get(0));
            }
        }
        long silver = f == SourceFormat.INCIDENTS
                ? clean.stream().map(l -> l.get("hendelse_id")).distinct().count() : clean.size();
        return new Result(files.size(), all.size(), defects, clean, headers, silver);
    }

    private static String key(SourceFormat f, Line l) {
        return switch (f) {
            case OFFICE_REGISTER -> l.get("enhet_nr") + "|" + l.get("periode");
            case SECURITY_MEASURES -> l.get("tiltak_id");
            case OFFICE_MONTH -> l.get("enhet_nr") + "|" + l.get("maaned");
            case INCIDENTS -> l.get("hendelse_id") + "|" + l.get("versjon_tidspunkt");
            case STAFF_SURVEY -> l.get("undersokelse_ar") + "|" + l.get("respondent_id");
        };
    }

    static DefectReason rowDefect(SourceFormat f, Line l, Set<String> offices) {
        for (String v : l.values().values()) {
            if (v.indexOf('\uFFFD') >= 0) {
                return DefectReason.ENCODING_ERROR;
            }
        }
        for (SourceColumn c : f.columns) {
            if (c.mandatory() && l.get(c.header()).isEmpty()) {
                return DefectReason.MISSING_MANDATORY;
            }
        }
        for (SourceColumn c : f.columns) {
            String v = l.get(c.header());
            if (!v.isEmpty() && !parses(c.type(), v)) {
                return DefectReason.UNPARSEABLE_VALUE;
            }
        }
        for (SourceColumn c : f.columns) {
            String v = l.get(c.header());
            if (c.type() == ColumnType.CODE && !v.isEmpty() && !c.codes().contains(v)) {
                return DefectReason.INVALID_CODE;
            }
        }
        if (offices != null && !offices.contains(l.get("enhet_nr"))) {
            return DefectReason.UNKNOWN_OFFICE;
        }
        if (f == SourceFormat.INCIDENTS) {
            LocalDateTime occurred = timestamp(l.get("hendelse_tidspunkt"));
            LocalDateTime version = timestamp(l.get("versjon_tidspunkt"));
            if (occurred.isAfter(version.plusDays(30))) {
                return DefectReason.FUTURE_DATE;
            }
        }
        return null;
    }

    static boolean parses(ColumnType type, String v) {
        return switch (type) {
            case INTEGER -> INTEGER.matcher(v).matches();
            case DECIMAL -> DECIMAL.matcher(v).matches();
            case DATE -> anyParses(DATES, v);
            case TIMESTAMP -> anyParses(TIMESTAMPS, v);
            case MONTH -> {
                try {
                    YearMonth.parse(v, MONTH);
                    yield true;
                } catch (DateTimeParseException e) {
                    yield false;
                }
            }
            case YES_NO -> v.equals("J") || v.equals("N");
            case OFFICE_NUMBER -> v.matches("[0-9]{4}");
            default -> true;
        };
    }

    private static boolean anyParses(DateTimeFormatter[] formats, String v) {
        for (DateTimeFormatter f : formats) {
            try {
                f.parse(v);
                return true;
            } catch (DateTimeParseException e) {
                // next
            }
        }
        return false;
    }

    static LocalDateTime timestamp(String v) {
        for (DateTimeFormatter f : TIMESTAMPS) {
            try {
                return LocalDateTime.parse(v, f);
            } catch (DateTimeParseException e) {
                // next
            }
        }
        throw new IllegalArgumentException("not a timestamp: " + v);
    }
}
