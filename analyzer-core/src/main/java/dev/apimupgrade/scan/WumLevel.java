package dev.apimupgrade.scan;

import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.ScanProblem;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.WumUpdates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The WUM update level of a home: the newest timestamp under updates/wum, else an update level written in
 * updates/product.txt; neither means the pack was never updated (the guide wants an updated 3.1.0 pack).
 */
final class WumLevel {
    static final String WUM_DIR = "updates/wum";
    private static final Pattern LEVEL = Pattern.compile("(?i)update[ _-]*level\\s*[:=]\\s*(\\S+)");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d+");
    /** Timestamps compare as numbers: a longer one is newer. */
    private static final Comparator<String> NEWEST_LAST =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private WumLevel() {}

    static WumUpdates read(Role role, Path home, List<Observation> problems) {
        Path dir = home.resolve(WUM_DIR);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                List<String> names = s.map(p -> p.getFileName().toString())
                        .filter(n -> !n.startsWith("."))
                        .sorted(NEWEST_LAST)
                        .toList();
                List<String> stamps = names.stream()
                        .filter(n -> TIMESTAMP.matcher(n).matches())
                        .toList();
                List<String> pick = stamps.isEmpty() ? names : stamps;
                if (!pick.isEmpty()) {
                    String newest = pick.get(pick.size() - 1);
                    return new WumUpdates(role, true, newest, SourceRef.file(role, WUM_DIR + "/" + newest));
                }
            } catch (IOException | RuntimeException e) {
                problems.add(FileTree.problem(role, WUM_DIR, e));
            }
        }
        Path product = home.resolve(VersionScanner.PRODUCT_TXT);
        if (Files.isRegularFile(product)) {
            try {
                List<String> lines = InputFile.latin1Lines(product, VersionScanner.PRODUCT_TXT, InputFile.SMALL_TEXT);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = LEVEL.matcher(lines.get(i));
                    if (m.find()) {
                        return new WumUpdates(
                                role, true, m.group(1), SourceRef.line(role, VersionScanner.PRODUCT_TXT, i + 1));
                    }
                }
            } catch (InputException e) {
                problems.add(new ScanProblem(
                        role,
                        VersionScanner.PRODUCT_TXT,
                        e.getMessage(),
                        SourceRef.file(role, VersionScanner.PRODUCT_TXT)));
            }
        }
        return new WumUpdates(role, false, "", SourceRef.file(role, WUM_DIR));
    }
}
