package no.trygg.schemas.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class SourceFormatDocTest {

    @Test
    void documentationMatchesTheFormats() throws Exception {
        Path doc = Path.of("sources.md");
        String expected = SourceFormatDoc.markdown();
        if (Boolean.getBoolean("trygg.writeDocs")) Files.writeString(doc, expected, StandardCharsets.UTF_8);
        assertEquals(expected, Files.readString(doc, StandardCharsets.UTF_8),
                "schemas/sources.md is stale: run mvn -pl schemas test -Dtrygg.writeDocs=true");
    }

    @Test
    void headersAndSilverNamesAreUniquePerSource() {
        for (SourceFormat f : SourceFormat.values()) {
            assertEquals(f.columns.size(), new HashSet<>(f.headers()).size(), f + " headers");
            assertEquals(f.columns.size(), f.columns.stream().map(SourceColumn::name).distinct().count(), f + " names");
            assertTrue(f.key.stream().allMatch(k -> f.columns.stream().anyMatch(c -> c.name().equals(k))), f + " key");
        }
    }
}
