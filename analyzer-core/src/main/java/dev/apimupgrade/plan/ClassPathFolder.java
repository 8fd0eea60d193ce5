package dev.apimupgrade.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Lists the file names in a class-path folder, whether it lies in a directory or in a jar. A jar may hold no entry for
 * the folder itself (the class loader then does not find it), so each jar that holds the marker resource is listed
 * too.
 */
final class ClassPathFolder {
    private ClassPathFolder() {}

    static TreeSet<String> names(ClassLoader loader, String folder, String marker) {
        TreeSet<String> names = new TreeSet<>();
        try {
            for (URL url : Collections.list(loader.getResources(folder))) {
                names.addAll(list(uri(url), ""));
            }
            for (URL url : Collections.list(loader.getResources(marker))) {
                URI uri = uri(url);
                if (uri.getScheme().equals("jar")) {
                    names.addAll(list(uri, folder));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + " on the class path", e);
        }
        return names;
    }

    /** The names in the folder at {@code uri}, or, when {@code inJar} is given, in that folder of uri's jar. */
    private static TreeSet<String> list(URI uri, String inJar) throws IOException {
        if (!uri.getScheme().equals("jar")) {
            return namesIn(Path.of(uri));
        }
        try {
            return namesIn(pathIn(FileSystems.getFileSystem(uri), uri, inJar));
        } catch (FileSystemNotFoundException e) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return namesIn(pathIn(jar, uri, inJar));
            }
        }
    }

    private static Path pathIn(FileSystem jar, URI uri, String inJar) {
        return inJar.isEmpty() ? jar.provider().getPath(uri) : jar.getPath("/" + inJar);
    }

    private static TreeSet<String> namesIn(Path folder) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.forEach(p -> names.add(p.getFileName().toString().replace("/", "")));
            }
        }
        return names;
    }

    private static URI uri(URL url) throws IOException {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(url + " is not a URI", e);
        }
    }
}
