package no.trygg.jobs.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import no.trygg.jobs.config.ConfigException;
import no.trygg.jobs.config.TryggConfig;

/**
 * The secret key of the keyed hash that pseudonymises people. It comes from {@code TRYGG_PSEUDONYM_KEY}
 * or a key file only the owner can read; there is no default, because a known key would let anyone
 * re-identify people by hashing candidate ids.
 */
public final class PseudonymKey {

    public static final String ENV = "TRYGG_PSEUDONYM_KEY";
    private static final int MIN_LENGTH = 32;

    private final byte[] key;

    private PseudonymKey(byte[] key) {
        this.key = key;
    }

    public byte[] bytes() {
        return key.clone();
    }

    /** A short non-secret id of the key, so tables built with another key can be told apart. */
    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PseudonymKey load(TryggConfig config) {
        return load(config.pseudonymKeyFile(), System.getenv(ENV));
    }

    static PseudonymKey load(Path file, String fromEnv) {
        if (fromEnv != null && !fromEnv.isBlank()) {
            return of(fromEnv.strip(), ENV);
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("No pseudonymisation key. Set " + ENV + " or create the key file " + file
                    + " (bin/trygg keygen writes a random one readable only by you).");
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new ConfigException("Key file " + file + " is readable by others (" + PosixFilePermissions.toString(perms)
                        + "); run: chmod 600 " + file);
            }
            return of(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read key file " + file, e);
        }
    }

    /** A key from a secret held elsewhere (a vault, a test); at least 32 characters. */
    public static PseudonymKey fromSecret(String secret) {
        return of(secret, "the given secret");
    }

    private static PseudonymKey of(String text, String origin) {
        if (text.length() < MIN_LENGTH) {
            throw new ConfigException("The pseudonymisation key from " + origin + " is too short: use at least "
                    + MIN_LENGTH + " random characters");
        }
        return new PseudonymKey(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a new random key to {@code file} with owner-only permissions; refuses to overwrite one. */
    public static void generate(Path file) {
        if (Files.exists(file)) {
            throw new ConfigException("Key file " + file + " exists already; a new key would change every pseudonym");
        }
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write key file " + file, e);
        }
    }
}
