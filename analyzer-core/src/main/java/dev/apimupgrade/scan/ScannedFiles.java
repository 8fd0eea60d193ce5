package dev.apimupgrade.scan;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.FileContent;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Digests of every file the facts were read from (each distinct source of an API-M or analytics home that is a
 * regular file), so a plan's fingerprint covers the content of the files and not only the values scanners kept. For
 * an old home read from a snapshot, a file it holds masked or does not carry is digested as the node holds it (the
 * manifest's digest), so the plan's fingerprint is the one migrate computes on the node (ADR 0044).
 */
public final class ScannedFiles {
    private static final String ANALYTICS = "-analytics";

    private ScannedFiles() {}

    public static List<FileContent> digests(Installation installation, AnalyticsHomes analytics, Facts facts) {
        TreeSet<String> sources = new TreeSet<>();
        for (Observation o : facts.all()) {
            sources.add(o.source().where());
        }
        // a file a scanner already digested (the new-home file a comparison read) is not read twice
        facts.ofType(FileContent.class).forEach(f -> sources.remove(f.source().where()));
        List<FileContent> out = new ArrayList<>();
        List<FileContent> known = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Map<String, String> nodeDigests =
                installation.oldSnapshot().map(Snapshot.Origin::nodeDigests).orElse(Map.of());
        for (String where : sources) {
            int colon = where.indexOf(':');
            String prefix = colon < 0 ? "" : where.substring(0, colon);
            String relative = where.substring(colon + 1);
            boolean ofAnalytics = prefix.endsWith(ANALYTICS);
            String roleName = ofAnalytics ? prefix.substring(0, prefix.length() - ANALYTICS.length()) : prefix;
            Optional<Role> role = role(roleName);
            if (role.isEmpty() || relative.isEmpty()) {
                continue;
            }
            Optional<Path> home = ofAnalytics ? analytics.home(role.get()) : installation.home(role.get());
            Path file = home.map(h -> h.resolve(relative)).orElse(null);
            SourceRef source =
                    ofAnalytics ? SourceRef.analytics(role.get(), relative, 0) : SourceRef.file(role.get(), relative);
            String onNode = ofAnalytics || role.get() != Role.OLD ? null : nodeDigests.get(relative);
            if (onNode != null) {
                // a snapshot's masked or uncarried file: bound as the node holds it, so migrate there matches
                known.add(new FileContent(role.get(), relative, onNode, source));
            } else if (file != null && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                out.add(new FileContent(role.get(), relative, "", source));
                files.add(file);
            }
        }
        // read in parallel, and not at all when a scanner already hashed the file in this run
        List<String> digests = FileDigest.inParallel(files, FileDigest::sha256);
        for (int i = 0; i < out.size(); i++) {
            FileContent f = out.get(i);
            out.set(i, new FileContent(f.role(), f.relativePath(), digests.get(i), f.source()));
        }
        out.addAll(known);
        return out;
    }

    private static Optional<Role> role(String name) {
        for (Role r : Role.values()) {
            if (r.name().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
