package no.trygg.jobs.bronze;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.trygg.schemas.sources.SourceColumn;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one source export into raw records, the way bronze keeps them: every value as text, keyed by the
 * file's own header, with the line it starts on. It never drops a row: a row it cannot read cleanly is
 * kept with an issue that sends it to quarantine later. A file it cannot read at all is rejected whole.
 */
public final class SourceFileReader implements Serializable {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    public static final String MALFORMED_ROW = "MALFORMED_ROW";
    public static final String ENCODING_ERROR = "ENCODING_ERROR";

    private final SourceFormat format;

    public SourceFileReader(SourceFormat format) {
        this.format = format;
    }

    /** One row of a file: 1-based line where it starts, values by header, and what is wrong with it, if anything. */
    public record RawRecord(int line, Map<String, String> values, String issue) implements Serializable {
    }

    /** A whole file, decoded. */
    public record ParsedFile(String encoding, char delimiter, List<String> headers, List<RawRecord> records) {
    }

    /** Thrown when a file cannot be read as this source at all; the file stays where it is for a later run. */
    public static final class RejectedFileException extends RuntimeException {
        public RejectedFileException(String message) {
            super(message);
        }
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public ParsedFile read(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * Checks only what decides whether the file is readable at all, without parsing every row.
     *
     * @return schema drift the header shows (columns this source does not know, optional columns missing), for
     *         the run's log: the file is read all the same, unknown columns stay in bronze
     */
    public List<String> checkReadable(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64 * 1024);
            Decoded d = decode(head, format);
            if (d.text.isBlank()) {
                // The exporting systems write the header even on a day without rows: an empty file is a failed export.
                throw new RejectedFileException(file.getFileName() + ": the file is empty or blank (" + Files.size(file)
                        + " bytes, no header line); an export without rows still has its header");
            }
            int end = d.text.indexOf('\n');
            return drift(headerOf(end < 0 ? d.text : d.text.substring(0, end), file.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    ParsedFile parse(byte[] bytes, String fileName) {
        Decoded d = decode(bytes, format);
        String text = d.text;
        if (text.isBlank()) {
            return new ParsedFile(d.encoding, ';', List.of(), List.of()); // an empty export: no rows, nothing lost
        }
        int headerEnd = text.indexOf('\n');
        Header header = headerOf(headerEnd < 0 ? text : text.substring(0, headerEnd), fileName);
        int[] lineStarts = lineStarts(text);
        List<RawRecord> records = new ArrayList<>();
        CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(header.delimiter).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(false).get();
        if (headerEnd < 0) return new ParsedFile(d.encoding, header.delimiter, header.names, records);
        long linesRead = 0;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text.substring(headerEnd + 1)))
                .setFormat(csv).setCharacterOffset(headerEnd + 1).get()) {
            for (CSVRecord r : parser) {
                int line = lineOf(lineStarts, r.getCharacterPosition());
                records.add(toRecord(r, line, header));
                linesRead = parser.getCurrentLineNumber();
            }
        } catch (UncheckedIOException | IOException e) {
            // Typically a quote opened and never closed: the rest of the file is one row we cannot split.
            int line = (int) Math.min(lineStarts.length, linesRead + 2); // header line + lines read + the next one
            records.add(new RawRecord(line, Map.of("_rest_of_file", text.substring(lineStarts[line - 1])),
                    MALFORMED_ROW + ": cannot split rows from line " + line + " to the end of the file ("
                            + rootMessage(e) + ")"));
        }
        return new ParsedFile(d.encoding, header.delimiter, header.names, records);
    }

    private RawRecord toRecord(CSVRecord r, int line, Header header) {
        Map<String, String> values = new LinkedHashMap<>();
        int n = r.size();
        for (int i = 0; i < n; i++) {
            String key = i < header.names.size() ? header.names.get(i) : "_extra_" + (i - header.names.size() + 1);
            values.put(key, r.get(i));
        }
        String issue = null;
        if (n != header.names.size()) {
            issue = MALFORMED_ROW + ": line " + line + " has " + n + " fields, the header has " + header.names.size();
        } else if (values.values().stream().anyMatch(v -> v.indexOf('\uFFFD') >= 0)) {
            issue = ENCODING_ERROR + ": line " + line + " has bytes that are not valid UTF-8";
        }
        return new RawRecord(line, values, issue);
    }

    private record Header(List<String> names, char delimiter) {
    }

    private Header headerOf(String line, String fileName) {
        if (line.indexOf('\0') >= 0) {
            throw new RejectedFileException(fileName + ": not a CSV text file (binary content)");
        }
        if (line.isBlank()) {
            throw new RejectedFileException(fileName + ": line 1 is empty where the " + format.folder + " header should be");
        }
        char delimiter = sniffDelimiter(line);
        List<String> names = Arrays.stream(line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1))
                .map(h -> h.strip().replace("\"", "").toLowerCase()).toList();
        List<String> missing = format.columns.stream().filter(SourceColumn::mandatory).map(SourceColumn::header)
                .filter(h -> !names.contains(h)).toList();
        if (!missing.isEmpty()) {
            throw new RejectedFileException(fileName + ": line 1 is not a " + format.folder + " header; missing column(s) "
                    + String.join(", ", missing) + " (found: " + columnNames(names) + ")");
        }
        // A header with far more fields than the format has columns is header and data run together: line breaks lost.
        if (names.size() > 2 * format.columns.size()) {
            throw new RejectedFileException(fileName + ": line 1 has " + names.size() + " fields, the " + format.folder
                    + " format has " + format.columns.size() + " columns: the line breaks look lost (header and rows on one line)");
        }
        List<String> twice = names.stream().filter(n -> java.util.Collections.frequency(names, n) > 1).distinct().toList();
        if (!twice.isEmpty()) {
            throw new RejectedFileException(fileName + ": line 1 names a column twice: " + columnNames(twice));
        }
        return new Header(names, delimiter);
    }

    /** What a readable header says about drift from the source format; empty when it matches. */
    private List<String> drift(Header header) {
        List<String> notes = new ArrayList<>();
        List<String> unknown = header.names.stream().filter(n -> !format.headers().contains(n)).toList();
        if (!unknown.isEmpty()) {
            notes.add("line 1 has column(s) the " + format.folder + " format does not know, kept in bronze only: "
                    + columnNames(unknown));
        }
        // A missing mandatory column has rejected the file already: what is left to miss is optional.
        List<String> missing = format.headers().stream().filter(h -> !header.names.contains(h)).toList();
        if (!missing.isEmpty()) {
            notes.add("line 1 lacks optional column(s) " + String.join(", ", missing) + ": empty in silver");
        }
        return notes;
    }

    static char sniffDelimiter(String headerLine) {
        char best = ',';
        long bestCount = -1;
        for (char c : new char[] {';', ',', '\t', '|'}) {
            long n = headerLine.chars().filter(ch -> ch == c).count();
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return best;
    }

    private record Decoded(String text, String encoding) {
    }

    /**
     * UTF-8 (BOM stripped) when the bytes are valid UTF-8. Otherwise: a BOM, or valid UTF-8 letters elsewhere
     * in the file, mean a UTF-8 file with a few bad bytes, and only the rows holding them are quarantined.
     * Without either, the file is Windows-1252 (a superset of Latin-1's letters) if that is the source's
     * export encoding or if bad bytes are widespread (at least 2 lines and 10 % of lines); isolated bad bytes
     * in a UTF-8 source stay errors.
     */
    private static Decoded decode(byte[] bytes, SourceFormat format) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        int offset = bom ? 3 : 0;
        ByteBuffer buf = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        String text;
        String encoding;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buf).toString();
            encoding = bom ? "UTF-8-BOM" : "UTF-8";
        } catch (CharacterCodingException e) {
            String lenient = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
            boolean hasUtf8Letters = lenient.chars().anyMatch(ch -> ch > 127 && ch != 0xFFFD);
            String[] lines = lenient.split("\n", -1);
            long badLines = java.util.Arrays.stream(lines).filter(l -> l.indexOf('\uFFFD') >= 0).count();
            boolean widespread = badLines >= 2 && badLines * 10 >= lines.length;
            if (bom || hasUtf8Letters || (!"windows-1252".equals(format.exportEncoding) && !widespread)) {
                text = lenient;
                encoding = "UTF-8 (with invalid bytes)";
            } else {
                text = new String(bytes, offset, bytes.length - offset, WINDOWS_1252);
                encoding = "windows-1252";
            }
        }
        // CRLF and lone CR line ends become LF so line numbers count the same for every export.
        return new Decoded(text.replace("\r\n", "\n").replace('\r', '\n'), encoding);
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    private static int lineOf(int[] lineStarts, long charPos) {
        int i = Arrays.binarySearch(lineStarts, (int) charPos);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }

    /**
     * What a column name looks like ("utsatt_12mnd"): two lower-case letters, then letters, digits and '_', at most two
     * digits in all, at most 40 long. An employee number ("k482913" once lower-cased), a date or a number does not.
     */
    private static final java.util.regex.Pattern COLUMN_NAME =
            java.util.regex.Pattern.compile("(?=(?:[^0-9]*[0-9]){0,2}[^0-9]*$)\\p{Ll}{2}[\\p{Ll}\\p{Nd}_]{0,38}");
    private static final int NAMES_SHOWN = 10;

    /**
     * Header fields for a message: the format's own columns and what looks like a column name, at most 10, the rest
     * counted. Anything else is likely data (a header line that is really a row), and a message must never echo a
     * file's values: it goes to the console, the log and the run record, where an employee number has no place.
     */
    static String columnNames(List<String> fields) {
        List<String> shown = new ArrayList<>();
        int notShown = 0;
        for (String f : fields) {
            if (shown.size() < NAMES_SHOWN && COLUMN_NAME.matcher(f).matches()) shown.add(f);
            else notShown++;
        }
        if (notShown == 0) return String.join(", ", shown);
        return (shown.isEmpty() ? "" : String.join(", ", shown) + " and ") + notShown
                + " more field(s) not shown (they may be data)";
    }
}
