package no.trygg.jobs.bronze;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/** What an entry of a source folder is, when it is not an export file that can be read. */
final class SourceEntry {

    private SourceEntry() {
    }

    /** Empty for a readable regular file (also through a symbolic link); otherwise why it cannot be ingested. */
    static Optional<String> whyNotAFile(Path entry) {
        boolean link = Files.isSymbolicLink(entry);
        if (link) {
            try {
                entry.toRealPath(); // resolves the whole chain: fails for a missing target and for a loop
            } catch (FileSystemException e) {
                String why = e.getReason() != null && e.getReason().toLowerCase(java.util.Locale.ROOT).contains("levels")
                        ? "a symbolic link that loops (too many levels of links)"
                        : Files.exists(entry) ? "a symbolic link that cannot be followed (" + e.getClass().getSimpleName() + ")"
                        : "a symbolic link whose target does not exist";
                return Optional.of(why);
            } catch (IOException e) {
                return Optional.of("a symbolic link that cannot be followed (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (Files.isDirectory(entry)) {
            return Optional.of("a directory, not an export file (exports lie directly in the source's folder)");
        }
        if (!Files.isRegularFile(entry)) {
            return Optional.of(Files.exists(entry, LinkOption.NOFOLLOW_LINKS)
                    ? "not a regular file (a device, pipe or socket)" : "gone between listing and reading");
        }
        if (!Files.isReadable(entry)) {
            return Optional.of("cannot be read (no read permission for this user)");
        }
        return Optional.empty();
    }
}
