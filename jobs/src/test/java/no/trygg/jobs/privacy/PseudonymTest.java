package no.trygg.jobs.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void keyFileOpenToTheGroupOrOthersInAnyWayIsRefused() throws Exception {
        for (String perms : new String[] {"rw-r-----", "rw----r--", "rw--w----", "r-------x"}) {
            Path f = dir.resolve("k-" + perms + ".key");
            Files.writeString(f, "y".repeat(40));
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
            assertThrows(ConfigException.class, () -> PseudonymKey.load(f, null), perms);
        }
    }

    @Test
    void shortKeyInAFileIsRefusedAndNoErrorShowsTheSecret() throws Exception {
        Path f = dir.resolve("short.key");
        Files.writeString(f, "s3cr3t-but-short\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        var e = assertThrows(ConfigException.class, () -> PseudonymKey.load(f, null));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), "the message names where the key came from, not the key");
        var fromEnv = assertThrows(ConfigException.class, () -> PseudonymKey.load(f, "env-s3cr3t"));
        assertTrue(fromEnv.getMessage().contains(PseudonymKey.ENV), fromEnv.getMessage());
        assertFalse(fromEnv.getMessage().contains("env-s3cr3t"));
    }

    @Test
    void theEnvironmentWinsOverTheFileAndABlankOneIsNotAKey() throws Exception {
        Path f = dir.resolve("file.key");
        Files.writeString(f, "f".repeat(40));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        PseudonymKey fromFile = PseudonymKey.load(f, "   ");
        PseudonymKey fromEnv = PseudonymKey.load(f, "e".repeat(40));
        assertEquals(PseudonymKey.fromSecret("f".repeat(40)).fingerprint(), fromFile.fingerprint(), "blank variable: the file");
        assertEquals(PseudonymKey.fromSecret("e".repeat(40)).fingerprint(), fromEnv.fingerprint());
        assertThrows(ConfigException.class, () -> PseudonymKey.load(dir.resolve("none.key"), ""), "blank and no file: an error");
        assertFalse(fromEnv.toString().contains("eeee"), "a key does not print itself");
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
