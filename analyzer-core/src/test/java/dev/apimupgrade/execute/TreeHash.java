package dev.apimupgrade.execute;

import dev.apimupgrade.scan.FileDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** One hash over a folder: every file's relative path and content hash, and every sub-folder's path. */
public final class TreeHash {
    private TreeHash() {}

    public static String of(Path root) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                text.append(rel)
                        .append(Files.isDirectory(p) ? "/" : " " + FileDigest.sha256(p))
                        .append('\n');
            }
        }
        return FileDigest.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
