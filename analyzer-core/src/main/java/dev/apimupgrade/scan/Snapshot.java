package dev.apimupgrade.scan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.ProductVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a 3.0.0 home that {@code apim-upgrade collect} made on the node (ADR 0034): a zip of the files the
 * scanners read (manifest.json, then each file under home/), secrets masked, so a node on another host is assessed from
 * one workstation. What a snapshot cannot carry is recorded instead: the findings of the scanners that read keystores
 * (their passwords), embedded databases (their data) and product bundles (their size), as those scanners made them on
 * the node. Opening one checks every entry against the manifest's size and SHA-256 before anything reads it.
 */
public final class Snapshot {
    public static final String MANIFEST = "manifest.json";
    public static final String HOME = "home/";

    /** The scanners whose inputs a snapshot does not carry: their findings on the node are carried instead. */
    static final List<Class<? extends Scanner>> RECORDED =
            List.of(VersionScanner.class, KeystoreScanner.class, PresenceScanner.class);

    /** The folders whose every file the scanners walk; any other file a fact cites is carried too. */
    static final List<String> AREAS = List.of(
            "repository/conf/",
            "repository/resources/conf/",
            "repository/resources/security/",
            "updates/",
            "repository/components/dropins/",
            "repository/components/lib/",
            "repository/deployment/server/synapse-configs/",
            "repository/deployment/server/executionplans/",
            "repository/tenants/");

    /** Listed in the manifest with their digests, never carried: their scanners' findings are recorded. */
    static final String PLUGINS = VersionScanner.PLUGINS + "/";

    static final String DATABASES = PresenceScanner.DATABASE_DIR + "/";

    private static final String LINK = "a symbolic link";

    private static final long MAX_TOTAL = 8L * 1024 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final Set<Path> UNPACKED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> UNPACKED.forEach(Snapshot::deleteQuietly), "apim-upgrade-snapshots"));
    }

    private Snapshot() {}

    /**
     * Where a snapshot came from, as its manifest says; {@code recorded} is each recorded scanner's findings, and
     * {@code nodeDigests} the node's own SHA-256 of each file the snapshot holds masked or does not carry (home-relative
     * path to digest), so a plan made from the snapshot binds the files as they are on the node (ADR 0044).
     */
    public record Origin(
            String snapshot,
            String collectedAt,
            String host,
            String home,
            String tool,
            Map<String, List<Observation>> recorded,
            Map<String, String> nodeDigests) {
        public Origin {
            recorded = Map.copyOf(recorded);
            nodeDigests = Map.copyOf(nodeDigests);
        }

        /** One line for people: where and when the home was read. */
        public String describe() {
            return "snapshot " + snapshot + " that " + tool + " collect made of " + home + " on " + host + " at "
                    + collectedAt;
        }
    }

    /** The manifest.json of a snapshot (docs/schema/snapshot-manifest.schema.json), without its formatVersion. */
    @JsonPropertyOrder({"tool", "collected", "files", "notCarried", "recorded"})
    public record Manifest(
            Tool tool, Collected collected, List<FileEntry> files, List<Left> notCarried, List<RecordedFact> recorded) {
        public Manifest {
            files = List.copyOf(files);
            notCarried = List.copyOf(notCarried);
            recorded = List.copyOf(recorded);
        }
    }

    @JsonPropertyOrder({"name", "version"})
    public record Tool(String name, String version) {}

    @JsonPropertyOrder({"at", "host", "home"})
    public record Collected(String at, String host, String home) {}

    /**
     * A file carried under home/: its size and SHA-256 as carried; {@code homeSha256} is the node's file's digest when
     * masking changed it (null when carried as it is).
     */
    @JsonPropertyOrder({"path", "size", "sha256", "masked", "homeSha256"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileEntry(
            String path,
            long size,
            String sha256,
            boolean masked,
            @Nullable String homeSha256) {}

    /** A file of the home the snapshot lists but does not carry, and why. */
    @JsonPropertyOrder({"path", "size", "sha256", "reason"})
    public record Left(String path, long size, String sha256, String reason) {}

    /** One finding a recorded scanner made on the node: the scanner, the fact's type and its fields. */
    @JsonPropertyOrder({"scanner", "type", "fact"})
    public record RecordedFact(String scanner, String type, JsonNode fact) {}

    /**
     * Reads {@code home} (a 3.0.0 home, never written to) and writes its snapshot to {@code out} all at once: a
     * fresh file beside it, synced, then moved into place; {@code out} must not exist yet.
     */
    public static Manifest collect(Path home, Path out, Tool tool, Instant at, String host)
            throws InputException, IOException {
        Path root = home.toAbsolutePath().normalize();
        Path target = out.toAbsolutePath().normalize();
        InstallationScanner.requireApimHome(root, "--old");
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(
                    target.toString(), "--out already exists: collect never replaces a file; name a new one");
        }
        if (target.startsWith(root) || target.startsWith(root.toRealPath())) {
            throw new InputException(target.toString(), "--out is inside the home: collect never writes into " + root);
        }
        Installation installation = new Installation(root, Optional.empty());
        Map<String, List<Observation>> recorded = new LinkedHashMap<>();
        Set<String> cited = new TreeSet<>();
        for (Scanner s : Scanners.files()) {
            List<Observation> found = s.scan(installation);
            if (RECORDED.contains(s.getClass())) {
                recorded.put(s.getClass().getSimpleName(), found);
            }
            found.forEach(o -> cited.add(o.source().where()));
        }
        // VersionScanner is one of RECORDED, so the loop above put its facts
        requireVersion300(root, Objects.requireNonNull(recorded.get(VersionScanner.class.getSimpleName())));

        List<String> carried = new ArrayList<>();
        List<String> left = new ArrayList<>();
        Map<String, String> leftReasons = new LinkedHashMap<>();
        for (String relative : files(root)) {
            Optional<String> reason = notCarried(root, relative);
            boolean read = AREAS.stream().anyMatch(relative::startsWith) || cited.contains("OLD:" + relative);
            if (reason.isPresent() && (read || relative.startsWith(PLUGINS) || relative.startsWith(DATABASES))) {
                left.add(relative);
                leftReasons.put(relative, reason.get());
            } else if (reason.isEmpty() && read) {
                carried.add(relative);
            }
        }
        List<FileEntry> entries = new ArrayList<>();
        Path parent = Files.createDirectories(target.getParent());
        Path fresh = parent.resolve(
                "." + target.getFileName() + ".new-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(fresh);
            Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream file = Files.newOutputStream(fresh, StandardOpenOption.WRITE);
                    ZipOutputStream zip = new ZipOutputStream(file)) {
                for (String relative : carried) {
                    byte[] content = Files.readAllBytes(root.resolve(relative));
                    byte[] masked = SnapshotMask.mask(relative, content);
                    boolean changed = masked != content;
                    String sha = FileDigest.sha256(masked);
                    entries.add(new FileEntry(
                            relative, masked.length, sha, changed, changed ? FileDigest.sha256(content) : null));
                    zip.putNextEntry(new ZipEntry(HOME + relative));
                    zip.write(masked);
                    zip.closeEntry();
                }
                List<String> leftDigests =
                        FileDigest.inParallel(left.stream().map(root::resolve).toList(), FileDigest::sha256);
                List<Left> notCarried = new ArrayList<>();
                for (int i = 0; i < left.size(); i++) {
                    String relative = left.get(i);
                    notCarried.add(new Left(
                            relative,
                            Files.size(root.resolve(relative)),
                            leftDigests.get(i),
                            // every left file was put in leftReasons with it
                            Objects.requireNonNull(leftReasons.get(relative))));
                }
                List<RecordedFact> facts = new ArrayList<>();
                recorded.forEach((scanner, found) -> found.forEach(
                        o -> facts.add(new RecordedFact(scanner, o.getClass().getSimpleName(), JSON.valueToTree(o)))));
                Manifest manifest = new Manifest(
                        tool, new Collected(at.toString(), host, root.toString()), entries, notCarried, facts);
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(manifestJson(manifest));
                zip.closeEntry();
                zip.finish();
                file.flush();
                try (FileChannel ch = FileChannel.open(fresh, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                // no REPLACE_EXISTING: a file that appeared meanwhile is not replaced either
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
                return manifest;
            }
        } finally {
            Files.deleteIfExists(fresh);
        }
    }

    static byte[] manifestJson(Manifest manifest) {
        try {
            return (JSON.writeValueAsString(FormatVersion.stamp(JSON, manifest)) + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireVersion300(Path home, List<Observation> versions) throws InputException {
        List<String> said = versions.stream()
                .filter(ProductVersion.class::isInstance)
                .map(o -> ((ProductVersion) o).version())
                .distinct()
                .toList();
        if (!said.contains("3.0.0")) {
            throw new InputException(
                    home.toString(),
                    "--old is not an API Manager 3.0.0 home (its version markers say "
                            + (said.isEmpty() ? "nothing" : String.join(", ", said)) + ")");
        }
    }

    /** Why a file is listed but not carried; empty when it is carried. */
    private static Optional<String> notCarried(Path home, String relative) {
        if (Files.isSymbolicLink(home.resolve(relative))) {
            return Optional.of(LINK + ": not followed");
        }
        String name = relative.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".jks") || name.endsWith(".p12") || name.endsWith(".pfx")) {
            return Optional.of("a keystore: the keystore scanner's findings on the node are recorded instead"
                    + " (never its keys or its password)");
        }
        if (relative.startsWith(DATABASES)) {
            return Optional.of(
                    "an embedded database: its data is not carried; the presence scanner's findings are" + " recorded");
        }
        if (relative.startsWith(PLUGINS)) {
            return Optional.of("a product bundle: the version scanner's findings are recorded");
        }
        return Optional.empty();
    }

    /** Every file (and link) under the home, home-relative; links are listed, never followed. */
    private static List<String> files(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                    out.add(Installation.relative(root, file));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** An unpacked snapshot: the home folder to read, and where it came from. */
    public record Opened(Path home, Origin origin, Manifest manifest) {}

    /**
     * Checks {@code file} against its manifest and unpacks it into a private temporary folder (removed when the
     * process ends); anything that does not match (an entry changed, added or missing, a path leaving the folder, a
     * format this tool does not know) is bad input naming the entry.
     */
    public static Opened open(Path file) throws InputException {
        String shown = file.toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            if (manifestEntry == null) {
                throw new InputException(shown, "is not a snapshot apim-upgrade collect made (no " + MANIFEST + ")");
            }
            Manifest manifest = readManifest(zip, manifestEntry, shown);
            Map<String, FileEntry> expected = new TreeMap<>();
            for (FileEntry f : manifest.files()) {
                requireSafe(shown, f.path());
                if (expected.put(HOME + f.path(), f) != null) {
                    throw new InputException(shown + "!" + HOME + f.path(), "is listed twice in " + MANIFEST);
                }
            }
            Path dir = Files.createTempDirectory(
                    "apim-upgrade-snapshot-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            UNPACKED.add(dir);
            Path home = dir.resolve("home");
            Set<String> seen = new HashSet<>();
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (name.equals(MANIFEST)) {
                    continue;
                }
                FileEntry f = expected.get(name);
                if (f == null || !seen.add(name)) {
                    throw new InputException(
                            shown + "!" + name, "is not in the snapshot's " + MANIFEST + " (added after collect?)");
                }
                Path to = home.resolve(f.path()).normalize();
                Files.createDirectories(to.getParent());
                String sha = unpack(zip, e, to, f.size());
                if (sha == null || !sha.equals(f.sha256())) {
                    throw new InputException(
                            shown + "!" + name,
                            "does not match the SHA-256 and size the snapshot's " + MANIFEST
                                    + " gives for it: the snapshot was changed after collect");
                }
            }
            for (String name : expected.keySet()) {
                if (!seen.contains(name)) {
                    throw new InputException(shown + "!" + name, "is in " + MANIFEST + " but not in the snapshot");
                }
            }
            Files.createDirectories(home);
            return new Opened(home, origin(file, manifest, shown), manifest);
        } catch (ZipException e) {
            throw new InputException(shown, "is not a snapshot apim-upgrade collect made (not a zip archive)");
        } catch (IOException e) {
            throw new InputException(shown, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Manifest readManifest(ZipFile zip, ZipEntry entry, String shown) throws InputException {
        String where = shown + "!" + MANIFEST;
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(64 * 1024 * 1024);
            JsonNode tree = JSON.readTree(bytes);
            if (!(tree instanceof ObjectNode node)) {
                throw new InputException(where, "is not a JSON object");
            }
            FormatVersion.take(node, where);
            Manifest manifest = JSON.treeToValue(node, Manifest.class);
            if (manifest.tool() == null || manifest.collected() == null) {
                throw new InputException(where, "lacks tool or collected");
            }
            return manifest;
        } catch (JsonProcessingException e) {
            throw new InputException(
                    where,
                    "is not a manifest apim-upgrade collect wrote ("
                            + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        } catch (IOException e) {
            throw new InputException(where, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The entry written to {@code to}, reading no more than {@code size} bytes; its SHA-256, or null if larger. */
    private static @Nullable String unpack(ZipFile zip, ZipEntry entry, Path to, long size) throws IOException {
        if (size < 0 || size > MAX_TOTAL) {
            return null;
        }
        MessageDigest sha = FileDigest.digest();
        long total = 0;
        try (InputStream in = zip.getInputStream(entry);
                OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > size) {
                    return null;
                }
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        return total == size ? HexFormat.of().formatHex(sha.digest()) : null;
    }

    /** A manifest path is a plain relative path that stays inside the home. */
    private static void requireSafe(String shown, String path) throws InputException {
        boolean safe = path != null
                && !path.isEmpty()
                && !path.startsWith("/")
                && !path.contains("\\")
                && !path.contains("\0")
                && Stream.of(path.split("/", -1)).noneMatch(p -> p.isEmpty() || p.equals(".") || p.equals(".."));
        if (!safe) {
            throw new InputException(shown + "!" + MANIFEST, "names a file outside the home: " + path);
        }
    }

    private static Origin origin(Path file, Manifest manifest, String shown) throws InputException {
        Map<String, List<Observation>> recorded = new LinkedHashMap<>();
        RECORDED.forEach(c -> recorded.put(c.getSimpleName(), new ArrayList<>()));
        for (RecordedFact f : manifest.recorded()) {
            List<Observation> into = recorded.get(f.scanner());
            Class<?> type = factType(f.type());
            if (into == null || type == null) {
                throw new InputException(
                        shown + "!" + MANIFEST,
                        "records a finding no recorded scanner makes: " + f.scanner() + " " + f.type());
            }
            try {
                Observation o = (Observation) JSON.treeToValue(f.fact(), type);
                if (!o.source().where().startsWith("OLD:")) {
                    throw new InputException(
                            shown + "!" + MANIFEST, "records a finding not of the old home: " + o.source());
                }
                into.add(o);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new InputException(shown + "!" + MANIFEST, "records a " + f.type() + " that cannot be read");
            }
        }
        Map<String, String> nodeDigests = new TreeMap<>();
        manifest.files().stream()
                .filter(f -> f.homeSha256() != null)
                .forEach(f -> nodeDigests.put(f.path(), f.homeSha256()));
        for (Left l : manifest.notCarried()) {
            requireSafe(shown, l.path());
            // a link is not followed on the node either: no digest binds it
            if (!l.reason().startsWith(LINK)) {
                nodeDigests.put(l.path(), l.sha256());
            }
        }
        Tool tool = manifest.tool();
        return new Origin(
                file.toString(),
                manifest.collected().at(),
                manifest.collected().host(),
                manifest.collected().home(),
                tool.name() + " " + tool.version(),
                recorded,
                nodeDigests);
    }

    /** A fact type by its simple name: only records of the fact package that are observations. */
    private static @Nullable Class<?> factType(@Nullable String name) {
        if (name == null || !name.matches("[A-Z][A-Za-z0-9]*")) {
            return null;
        }
        try {
            Class<?> c = Class.forName(Observation.class.getPackageName() + "." + name);
            return c.isRecord() && Observation.class.isAssignableFrom(c) ? c : null;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /**
     * The scanners' findings for an installation whose old home is a snapshot: a recorded scanner's findings about the
     * old home are the ones it made on the node; what it found in the new home is its own.
     */
    static List<Observation> asRecorded(Scanner scanner, Installation installation, List<Observation> found) {
        Optional<Origin> origin = installation.oldSnapshot();
        if (origin.isEmpty() || !RECORDED.contains(scanner.getClass())) {
            return found;
        }
        List<Observation> out = new ArrayList<>(
                origin.get().recorded().getOrDefault(scanner.getClass().getSimpleName(), List.of()));
        found.stream().filter(o -> !o.source().where().startsWith("OLD:")).forEach(out::add);
        return out;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort at exit
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit
        }
    }
}
