package no.trygg.generator;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * One CSV export file: header row, minimal quoting, "\n" line ends. UTF-8 files may carry deliberate raw bytes
 * (ENCODING_ERROR defects): a char from {@link #raw(int)} in a value is written as that single byte.
 */
final class CsvOut implements Closeable {

    enum Encoding { UTF8, UTF8_BOM, WINDOWS_1252 }

    /** First char of the private-use block that stands for raw bytes 0x00–0xFF in UTF-8 output. */
    private static final char RAW_BASE = '\uE000';

    private final CSVPrinter printer;
    private long rows;

    private CsvOut(CSVPrinter printer) {
        this.printer = printer;
    }

    static CsvOut open(Path file, char delimiter, Encoding encoding, List<String> headers) throws IOException {
        Files.createDirectories(file.getParent());
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 1 << 16);
        Writer writer;
        if (encoding == Encoding.WINDOWS_1252) {
            writer = new OutputStreamWriter(os, Charset.forName("windows-1252").newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        } else {
            writer = new RawUtf8Writer(os);
            if (encoding == Encoding.UTF8_BOM) {
                writer.write('\uFEFF');
            }
        }
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setRecordSeparator("\n")
                .setQuoteMode(QuoteMode.MINIMAL)
                .setHeader(headers.toArray(String[]::new))
                .get();
        try {
            return new CsvOut(new CSVPrinter(writer, format));
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /** Writes one data row; null values are written as empty. */
    /** Writes one whole file: header and rows. */
    static void write(Path file, char delimiter, Encoding encoding, List<String> headers, List<String[]> rows)
            throws IOException {
        try (CsvOut csv = open(file, delimiter, encoding, headers)) {
            csv.rows(rows);
        }
    }

    void row(String... values) throws IOException {
        for (String v : values) {
            printer.print(v == null ? "" : v);
        }
        printer.println();
        rows++;
    }

    void rows(List<String[]> all) throws IOException {
        for (String[] r : all) {
            row(r);
        }
    }

    long rowCount() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }

    /** A placeholder char that {@link RawUtf8Writer} writes as the single raw byte {@code b}. */
    static char raw(int b) {
        if (b < 0 || b > 0xFF) {
            throw new IllegalArgumentException("not a byte: " + b);
        }
        return (char) (RAW_BASE + b);
    }

    /** UTF-8 encoder that maps the private-use placeholders U+E000–U+E0FF to raw single bytes. */
    static final class RawUtf8Writer extends Writer {
        private final OutputStream out;
        private char pendingHigh;

        RawUtf8Writer(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                writeChar(cbuf[i]);
            }
        }

        @Override
        public void write(int c) throws IOException {
            writeChar((char) c);
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                writeChar(str.charAt(i));
            }
        }

        private void writeChar(char c) throws IOException {
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(c)) {
                    int cp = Character.toCodePoint(high, c);
                    out.write(0xF0 | (cp >> 18));
                    out.write(0x80 | ((cp >> 12) & 0x3F));
                    out.write(0x80 | ((cp >> 6) & 0x3F));
                    out.write(0x80 | (cp & 0x3F));
                    return;
                }
                throw new IOException("unpaired surrogate in output");
            }
            if (c < 0x80) {
                out.write(c);
            } else if (c >= RAW_BASE && c <= RAW_BASE + 0xFF) {
                out.write(c - RAW_BASE);
            } else if (c < 0x800) {
                out.write(0xC0 | (c >> 6));
                out.write(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
            } else if (Character.isLowSurrogate(c)) {
                throw new IOException("unpaired surrogate in output");
            } else {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
