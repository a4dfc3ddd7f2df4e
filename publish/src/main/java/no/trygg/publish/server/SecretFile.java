package no.trygg.publish.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** A secret kept in a file only its owner may read (POSIX mode 600), made once with random content. */
public final class SecretFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {
    }

    /** The file's secret; a new random one (URL-safe, {@code bytes} of entropy) if the file does not exist yet. */
    public static String readOrCreate(Path file, int bytes) {
        try {
            if (!Files.exists(file)) {
                byte[] b = new byte[bytes];
                RANDOM.nextBytes(b);
                write(file, Base64.getUrlEncoder().withoutPadding().encodeToString(b));
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the secret, creating the file with mode 600 so it is never readable by others, not even briefly. */
    public static void write(Path file, String secret) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
