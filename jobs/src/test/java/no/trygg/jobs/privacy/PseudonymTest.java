package no.trygg.jobs.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import no.trygg.jobs.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymTest {

    @TempDir
    Path dir;

    @Test
    void missingKeyIsAClearErrorNotADefault() {
        var e = assertThrows(ConfigException.class, () -> PseudonymKey.load(dir.resolve("none.key"), null));
        assertTrue(e.getMessage().contains("No pseudonymisation key"), e.getMessage());
        assertTrue(e.getMessage().contains("TRYGG_PSEUDONYM_KEY"));
    }

    @Test
    void generatedKeyFileIsOwnerOnlyAndLoads() throws Exception {
        Path f = dir.resolve("s/p.key");
        PseudonymKey.generate(f);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        PseudonymKey k = PseudonymKey.load(f, null);
        assertEquals(12, k.fingerprint().length());
        assertThrows(ConfigException.class, () -> PseudonymKey.generate(f), "never overwrites a key");
    }

    @Test
    void keyFileReadableByOthersIsRefused() throws Exception {
        Path f = dir.resolve("open.key");
        Files.writeString(f, "x".repeat(40));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        var e = assertThrows(ConfigException.class, () -> PseudonymKey.load(f, null));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void shortKeyIsRefused() {
        assertThrows(ConfigException.class, () -> PseudonymKey.load(dir.resolve("x"), "short"));
    }

    @Test
    void pseudonymsAreStablePerKeyAndDifferAcrossKeys() {
        Pseudonymizer a = new Pseudonymizer(PseudonymKey.load(dir.resolve("x"), "a".repeat(40)));
        Pseudonymizer b = new Pseudonymizer(PseudonymKey.load(dir.resolve("x"), "b".repeat(40)));
        assertEquals(a.pseudonym("A123456"), a.pseudonym(" A123456 "));
        assertNotEquals(a.pseudonym("A123456"), b.pseudonym("A123456"));
        assertEquals(32, a.pseudonym("A123456").length());
        assertTrue(!a.pseudonym("A123456").contains("123456"));
    }
}
