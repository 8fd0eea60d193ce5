package dev.apimupgrade.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zips an evidence bundle folder reproducibly: entries sorted by path, every timestamp the same fixed date, no
 * directory entries and no extra fields, so the same bundle always gives the same bytes and the same zip hash.
 */
final class BundleZip {
    /** The earliest date a zip entry can hold; a fixed value keeps the bytes independent of when and where. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private BundleZip() {}

    /** Writes the zip of {@code folder}, whose files are {@code paths}, to {@code zip}, synced to disk. */
    static void write(Path folder, Set<String> paths, Path zip) throws IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream raw = java.nio.channels.Channels.newOutputStream(channel);
                ZipOutputStream out = new ZipOutputStream(raw)) {
            for (String path : paths.stream().sorted().toList()) {
                ZipEntry entry = new ZipEntry(path);
                entry.setTimeLocal(FIXED_TIME);
                out.putNextEntry(entry);
                Files.copy(folder.resolve(path), out);
                out.closeEntry();
            }
            out.finish();
            out.flush();
            channel.force(true);
        }
    }
}
