package dev.apimupgrade.execute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a CopyTree would copy, listed without following any link: the regular files, the links whose target stays in
 * the old home (with the relative text to recreate them with, so a copied link points within the new home), and the
 * entries refused, each naming the link and where it leads (out of the home, dangling, a loop, or not a file at all).
 * Excluded entries are left out entirely.
 */
record SourceTree(Path root, List<String> all, Set<String> files, Map<String, Path> links, List<String> refused) {

    static SourceTree of(Path root, Path oldHome, Set<String> excluded) throws IOException {
        List<String> all = new ArrayList<>();
        Set<String> files = new TreeSet<>();
        Map<String, Path> links = new TreeMap<>();
        List<String> refused = new ArrayList<>();
        Path realHome = oldHome.toRealPath();
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(root)) {
            entries = walk.sorted().toList();
        }
        for (Path p : entries) {
            BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String rel = root.relativize(p).toString().replace('\\', '/');
            if (attrs.isDirectory() || excluded.contains(rel)) {
                continue;
            }
            String name = Homes.name(
                    dev.apimupgrade.fact.Role.OLD, oldHome.relativize(p).toString());
            if (attrs.isRegularFile()) {
                files.add(rel);
                all.add(rel);
            } else if (attrs.isSymbolicLink()) {
                Path text = Files.readSymbolicLink(p);
                // p was found under the tree's root, so it has a parent
                Path folder = Objects.requireNonNull(p.getParent());
                Path lexical = folder.resolve(text).normalize();
                Optional<String> problem = problem(p, lexical, oldHome, realHome);
                if (problem.isPresent()) {
                    refused.add(name + " -> " + text + ": " + problem.get());
                } else {
                    links.put(rel, folder.relativize(lexical));
                }
                all.add(rel);
            } else {
                refused.add(name + ": neither a file nor a link (a device, socket or pipe)");
                all.add(rel);
            }
        }
        return new SourceTree(root, List.copyOf(all), files, links, List.copyOf(refused));
    }

    private static Optional<String> problem(Path link, Path lexical, Path oldHome, Path realHome) {
        Path real;
        try {
            real = link.toRealPath();
        } catch (IOException e) {
            return Optional.of("it dangles or loops (" + e.getClass().getSimpleName() + ")");
        }
        if (!real.startsWith(realHome)) {
            return Optional.of("it leads out of the 3.0.0 home, to " + real);
        }
        if (!lexical.startsWith(oldHome)) {
            // copied as it is written, it would lead out of the new home as well
            return Optional.of("it leads out of the 3.0.0 home and back, through " + lexical);
        }
        return Optional.empty();
    }
}
